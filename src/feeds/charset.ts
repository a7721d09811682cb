// Fetched bytes to text: the charset from BOM, HTTP header, XML prolog or HTML meta, decoded with iconv-lite.
import iconv from 'iconv-lite';

/** How far into the document the XML prolog and HTML <meta> are looked for. */
const SNIFF_BYTES = 16 * 1024;

/**
 * Labels that browsers decode as windows-1252 (WHATWG Encoding §4.2): pages declaring ISO-8859-1
 * routinely contain ’ « € œ, which only windows-1252 has.
 */
// biome-ignore format: one list, read as a set
const WINDOWS_1252_LABELS = new Set([
  'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'iso88591', 'latin1', 'l1', 'cp819', 'ibm819',
  'iso-ir-100', 'csisolatin1', 'us-ascii', 'ascii', 'ansi_x3.4-1968', 'cp1252', 'x-cp1252',
  'windows-1252',
]);

/** Decodes `buf`; the byte order mark, if any, is not part of the text. */
export function decodeBody(buf: Buffer, contentType?: string): string {
  return iconv.decode(buf, detectCharset(buf, contentType), { stripBOM: true });
}

/**
 * The encoding to decode with. A BOM is unambiguous and wins even over the header, as browsers
 * do (WHATWG Encoding, "decode"); then the Content-Type charset (RFC 9110 §8.3.1), the XML
 * declaration (XML 1.0 §4.3.3), <meta charset> / http-equiv (HTML §13.2.3.2), else UTF-8.
 */
export function detectCharset(buf: Buffer, contentType?: string): string {
  const head = buf.subarray(0, SNIFF_BYTES).toString('latin1');
  return (
    bomCharset(buf) ??
    usableCharset(headerCharset(contentType)) ??
    usableCharset(asciiCompatible(prologCharset(head))) ??
    usableCharset(asciiCompatible(metaCharset(head))) ??
    'utf-8'
  );
}

/** The `charset` parameter of a Content-Type header value. */
export function headerCharset(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
}

function bomCharset(buf: Buffer): string | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  return;
}

function prologCharset(head: string): string | undefined {
  return /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
}

function metaCharset(head: string): string | undefined {
  const end = head.search(/<\/head\s*>/i);
  const scope = end === -1 ? head : head.slice(0, end);
  for (const [tag] of scope.matchAll(/<meta\b[^>]*>/gi)) {
    const found = /\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(tag)?.[1];
    if (found) return found;
  }
  return;
}

/** A document that could read its own declaration in ASCII is not UTF-16 (HTML §13.2.3.2 step 2). */
function asciiCompatible(label: string | undefined): string | undefined {
  return label && /^utf-?16/i.test(label.trim()) ? 'utf-8' : label;
}

/** iconv-lite's name for a declared label, or undefined for one it does not know. */
function usableCharset(label: string | undefined): string | undefined {
  if (!label) return;
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_LABELS.has(name)) return 'windows-1252';
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(name) ? name : undefined;
}
