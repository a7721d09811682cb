// HTML to plain text that keeps paragraphs apart: cheerio's .text() glues blocks ("MossoulUne…").
import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Elements whose content starts and ends a paragraph of its own. */
// biome-ignore format: one list, read as a set
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements that never hold readable text. */
// biome-ignore format: one list, read as a set
const SILENT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'svg', 'canvas',
  'iframe', 'object', 'embed', 'video', 'audio', 'picture', 'img', 'button', 'select', 'textarea',
]);

const FLUSH = Symbol('flush');

/** Runs of whitespace (NBSP included) become one space; zero-width characters and soft hyphens go. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isBlockTag(name: string): boolean {
  return BLOCK_TAGS.has(name);
}

const HEADING_TAG = /^h[1-6]$/;

/** `h1` to `h6`. */
export function isHeadingTag(name: string): boolean {
  return HEADING_TAG.test(name);
}

/**
 * The paragraphs under `root`: one string per block element, inline text joined inside it.
 * Iterative, so a page nested ten thousand levels deep cannot overflow the stack.
 */
export function blockTexts(root: AnyNode, skip?: (element: Element) => boolean): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = collapseWhitespace(current);
    if (text !== '') blocks.push(text);
    current = '';
  };
  const stack: Array<AnyNode | typeof FLUSH> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === FLUSH) flush();
    else if (node.type === 'text') current += node.data;
    else if ('children' in node && !isSilent(node, skip)) {
      if ('name' in node && BLOCK_TAGS.has(node.name)) {
        flush();
        stack.push(FLUSH);
      }
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        const child = node.children[index];
        if (child) stack.push(child);
      }
    }
  }
  flush();
  return blocks;
}

/** Plain text of an HTML fragment, paragraphs separated by `separator` (a blank line by default). */
export function htmlToText(html: string, separator = '\n\n'): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const $ = load(html, null, false);
  return blockTexts($.root()[0] as AnyNode).join(separator);
}

function isSilent(node: AnyNode, skip?: (element: Element) => boolean): boolean {
  if (!('name' in node) || !('attribs' in node)) return false;
  return SILENT_TAGS.has(node.name) || (skip?.(node) ?? false);
}

/** Concatenated text of a subtree, like cheerio's .text() but iterative: .text() recurses and overflows. */
export function textContent(root: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.type === 'text') parts.push(node.data);
    else if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        const child = node.children[index];
        if (child) stack.push(child);
      }
    }
  }
  return parts.join('');
}
