// Reads an article handed to vigie as a file: `.txt` (first line is the title), `.html`, or `.json` {title,text}.
import { UserError } from '../lib/errors.ts';

export interface ArticleDocument {
  title: string;
  text: string;
  /** Language declared by the document itself (HTML lang, JSON lang), if any. */
  lang: string | null;
}

/**
 * Reads an HTML page (html-document.ts): handed in rather than imported, so that classifying text
 * files does not load cheerio (a third of `vigie classify`'s start).
 */
export type HtmlReader = (bytes: Buffer) => ArticleDocument;

export function isHtmlName(name: string): boolean {
  return /\.html?$/i.test(name);
}

/**
 * Parses `bytes` by the name's extension; stdin (`-`) is JSON when it looks like an object, text
 * otherwise. An HTML file needs `readHtml`.
 */
export function readDocument(name: string, bytes: Buffer, readHtml?: HtmlReader): ArticleDocument {
  const lower = name.toLowerCase();
  if (isHtmlName(lower)) {
    if (!readHtml) throw new Error(`articles: ${name}: an HTML file needs an HTML reader`);
    return readHtml(bytes);
  }
  if (!lower.endsWith('.json') && name !== '-') return fromTextBytes(bytes);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (lower.endsWith('.json') || text.trimStart().startsWith('{')) return fromJson(name, text);
  return fromText(text);
}

function fromText(text: string): ArticleDocument {
  const newline = text.indexOf('\n');
  if (newline === -1) return { title: text.trim(), text: '', lang: null };
  return { title: text.slice(0, newline).trim(), text: text.slice(newline + 1), lang: null };
}

const NEWLINE = 0x0a;

/**
 * `fromText` of the bytes decoded, the title and the text each decoded on its own: the text is
 * then a string of its own rather than a slice of the whole file's, which the matcher reads a
 * quarter faster (a slice's characters are reached through its parent), and the whole is never
 * decoded. A newline byte is a character of its own in UTF-8, so the two halves decode as the
 * whole does; a byte order mark (EF BB BF) is dropped as `fromText`'s caller drops U+FEFF.
 */
function fromTextBytes(bytes: Buffer): ArticleDocument {
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const newline = bytes.indexOf(NEWLINE, from);
  if (newline === -1) return { title: bytes.toString('utf8', from).trim(), text: '', lang: null };
  return {
    title: bytes.toString('utf8', from, newline).trim(),
    text: bytes.toString('utf8', newline + 1),
    lang: null,
  };
}

function fromJson(name: string, text: string): ArticleDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  const record = (value ?? {}) as Record<string, unknown>;
  if (typeof record.text !== 'string') {
    throw new UserError(`${name}: expected a JSON object with a "text" string`);
  }
  return {
    title: typeof record.title === 'string' ? record.title : '',
    text: record.text,
    lang: typeof record.lang === 'string' ? record.lang : null,
  };
}
