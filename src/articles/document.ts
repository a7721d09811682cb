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
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (lower.endsWith('.json') || (name === '-' && text.trimStart().startsWith('{'))) {
    return fromJson(name, text);
  }
  return fromText(text);
}

function fromText(text: string): ArticleDocument {
  const newline = text.indexOf('\n');
  if (newline === -1) return { title: text.trim(), text: '', lang: null };
  return { title: text.slice(0, newline).trim(), text: text.slice(newline + 1), lang: null };
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
