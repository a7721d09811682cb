// Reads an article handed to vigie as an HTML file: its extracted title, text and language.
import type { ArticleDocument } from './document.ts';
import { extractArticle } from './extract.ts';

export function readHtmlDocument(bytes: Buffer): ArticleDocument {
  const article = extractArticle(bytes, {});
  return { title: article.title, text: article.text, lang: article.lang };
}
