// Fetched bytes to text as browsers decode them: BOM, HTTP charset, XML prolog, <meta> prescan; WHATWG labels and decoders.
import { isAscii, isUtf8 } from 'node:buffer';
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import iconv from 'iconv-lite';

/** How far the <meta> prescan looks (HTML §13.2.3.2: the first 1,024 bytes). */
const PRESCAN_BYTES = 1024;

/**
 * WHATWG decoders that iconv-lite names otherwise: the standard decodes GBK with the gb18030
 * decoder and Big5 with HKSCS's extensions (Encoding §11.1.2, §12.1.1).
 */
const ICONV_NAMES: Record<string, string> = { gbk: 'gb18030', big5: 'big5hkscs' };

/** Decodes `buf`; the byte order mark, if any, is not part of the text. */
export function decodeBody(buf: Buffer, contentType?: string): string {
  const encoding = detectCharset(buf, contentType);
  if (encoding === 'x-user-defined') return decodeUserDefined(buf);
  return iconv.decode(buf, ICONV_NAMES[encoding] ?? encoding, { stripBOM: true });
}

/**
 * The WHATWG name of the encoding to decode with, in lower case (`utf-8`, `gbk`, `shift_jis`,
 * `windows-1252`…), in the browsers' order (HTML §13.2.3.1): a BOM, then the Content-Type
 * charset, then the document's own declaration (XML prolog, else <meta> prescan), else UTF-8.
 */
export function detectCharset(buf: Buffer, contentType?: string): string {
  return (
    bomCharset(buf) ?? encodingOf(headerCharset(contentType)) ?? declaredCharset(buf) ?? 'utf-8'
  );
}

/** The `charset` parameter of a Content-Type header value. */
export function headerCharset(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
}

/**
 * The encoding a label names, as WHATWG Encoding §4.2 "get an encoding" maps it (`gb2312` →
 * `gbk`, `x-sjis` → `shift_jis`, `iso-8859-1` and `ascii` → `windows-1252`), through the
 * sniffer's own table; undefined for a label it does not know or iconv-lite cannot decode
 * (ISO-2022-JP, x-mac-cyrillic, the `replacement` labels), which is then ignored.
 */
export function encodingOf(label: string | undefined): string | undefined {
  if (!label) return;
  const sniffer = new Sniffer({ transportLayerEncodingLabel: label });
  return sniffer.resultType === ResultType.PASSED ? sniffer.encoding.toLowerCase() : undefined;
}

/** WHATWG Encoding §14.5: ASCII as is, 0x80–0xFF to U+F780–U+F7FF. */
function decodeUserDefined(buf: Buffer): string {
  let text = '';
  for (const byte of buf) text += String.fromCharCode(byte < 0x80 ? byte : 0xf700 + byte);
  return text;
}

function bomCharset(buf: Buffer): string | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  return;
}

/**
 * The document's own declaration: the XML prolog (XML 1.0 §4.3.3; feeds have no <meta>), else
 * a <meta charset> or http-equiv found by the WHATWG prescan. A declaration the bytes
 * contradict by being valid UTF-8 (with some non-ASCII) is stale — a page saved or converted
 * to UTF-8 keeps its old <meta> — and UTF-8 wins; legacy-encoded text is practically never
 * valid UTF-8. Browsers would show such a page garbled; an HTTP header is trusted as they do.
 */
function declaredCharset(buf: Buffer): string | undefined {
  const declared = asciiCompatible(encodingOf(prologLabel(buf))) ?? prescanMeta(buf);
  if (declared === undefined || declared === 'utf-8') return declared;
  return isUtf8(buf) && !isAscii(buf) ? 'utf-8' : declared;
}

function prologLabel(buf: Buffer): string | undefined {
  const head = buf.subarray(0, PRESCAN_BYTES).toString('latin1');
  return /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
}

/** HTML §13.2.3.2 "prescan a byte stream", as fb55's encoding-sniffer implements it. */
function prescanMeta(buf: Buffer): string | undefined {
  const sniffer = new Sniffer({ maxBytes: PRESCAN_BYTES });
  sniffer.write(buf.subarray(0, PRESCAN_BYTES));
  return sniffer.resultType === ResultType.META_TAG ? encodingOf(sniffer.encoding) : undefined;
}

/** A document that could read its own declaration in ASCII is not UTF-16 (HTML §13.2.3.2 step 2). */
function asciiCompatible(encoding: string | undefined): string | undefined {
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
}
