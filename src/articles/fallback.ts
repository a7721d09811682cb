// When the chosen container holds far less than the page says its article is: JSON-LD articleBody, itemprop=articleBody, readable paragraphs.
import type { CheerioAPI } from 'cheerio';
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';
import { blockTexts, collapseWhitespace, htmlToText, isBlockTag, textContent } from './text.ts';

/**
 * How an article's text was obtained: `content` the scored main container; `jsonld` the page's
 * JSON-LD `articleBody`; `itemprop` its `[itemprop=articleBody]` element; `readable` the
 * paragraphs of the whole page; `none` no text at all.
 */
export const EXTRACTION_METHODS = ['content', 'jsonld', 'itemprop', 'readable', 'none'] as const;
export type ExtractionMethod = (typeof EXTRACTION_METHODS)[number];

/** The text the page declares as its article body, read before scripts are removed. */
export interface DeclaredBody {
  jsonLd: string[];
}

export interface ChosenText {
  blocks: string[];
  method: ExtractionMethod;
}

/**
 * The container loses to a declared body (JSON-LD, itemprop) holding three times its text. A
 * declared body is the publisher's own; a shorter one is a teaser and the container is kept.
 */
const DECLARED_RATIO = 3;
/** Below this, a declared body is a summary, not an article. */
const DECLARED_MIN = 200;
/**
 * The page's paragraphs are only a guess (they may hold comments or teasers the boilerplate
 * pass left), so they replace the container only when it is nearly empty: shorter than
 * READABLE_TRIGGER and five times shorter than the paragraphs, which must say READABLE_MIN.
 */
const READABLE_TRIGGER = 300;
const READABLE_RATIO = 5;
const READABLE_MIN = 250;
/** A paragraph of the page's readable text: at least this long, at most half of it links. */
const PARAGRAPH_MIN = 25;
const LINK_SHARE_MAX = 0.5;

const ARTICLE_BODY = 'articleBody';

/** JSON-LD `articleBody` strings, any node type, in `@graph` or arrays; call before scripts go. */
export function readDeclaredBody($: CheerioAPI, source: string): DeclaredBody {
  if (!source.includes(ARTICLE_BODY)) return { jsonLd: [] };
  const bodies: string[] = [];
  $('script[type="application/ld+json" i]').each((_index, script) => {
    try {
      collectArticleBodies(JSON.parse(textContent(script)), bodies);
    } catch {
      // Hand-written JSON-LD is often invalid: the page's markup is still read.
    }
  });
  return { jsonLd: bodies.map(bodyText).filter((text) => text !== '') };
}

/**
 * The container's blocks, or a fallback when they hold far less than the page's article: the
 * longest JSON-LD body, then `[itemprop=articleBody]`, then the page's readable paragraphs.
 * Call after boilerplate removal.
 */
export function chooseText(
  $: CheerioAPI,
  source: string,
  content: string[],
  declared: DeclaredBody,
): ChosenText {
  const length = textLength(content);
  const jsonLd = longest(declared.jsonLd.map((text) => text.split('\n\n')));
  if (isFarLonger(jsonLd, length)) return { blocks: jsonLd, method: 'jsonld' };
  const itemprop = source.includes(ARTICLE_BODY) ? itempropBlocks($) : [];
  if (isFarLonger(itemprop, length)) return { blocks: itemprop, method: 'itemprop' };
  if (length < READABLE_TRIGGER) {
    const readable = readableBlocks($);
    const readableLength = textLength(readable);
    if (readableLength >= READABLE_MIN && readableLength >= length * READABLE_RATIO) {
      return { blocks: readable, method: 'readable' };
    }
  }
  return { blocks: content, method: length === 0 ? 'none' : 'content' };
}

function isFarLonger(blocks: string[], length: number): boolean {
  const candidate = textLength(blocks);
  return candidate >= DECLARED_MIN && candidate >= length * DECLARED_RATIO;
}

function textLength(blocks: string[]): number {
  let length = 0;
  for (const block of blocks) length += block.length;
  return length;
}

function longest(candidates: string[][]): string[] {
  let best: string[] = [];
  for (const blocks of candidates) if (textLength(blocks) > textLength(best)) best = blocks;
  return best;
}

function collectArticleBodies(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectArticleBodies(item, into);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  const body = node[ARTICLE_BODY];
  if (typeof body === 'string') into.push(body);
  if (node['@graph']) collectArticleBodies(node['@graph'], into);
  // Some publishers nest the article: {"@type":"WebPage","mainEntity":{"@type":"NewsArticle",…}}.
  if (node.mainEntity) collectArticleBodies(node.mainEntity, into);
}

/** Tags or character references: an articleBody holding HTML, or HTML escaped once more. */
const MARKUP = /<\/?[a-z][^>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i;
const BLOCK_MARKUP = /<(?:p|br|div|h[1-6]|li|blockquote)\b/i;

/**
 * An articleBody as paragraphs separated by blank lines. Publishers put plain text with line
 * breaks in it, or HTML, or HTML escaped again (`&lt;p&gt;`, `&amp;#8217;`): decoded twice at most.
 */
function bodyText(body: string): string {
  let text = body;
  for (let pass = 0; pass < 2 && MARKUP.test(text); pass += 1) text = markupToText(text);
  return text
    .split(/\s*\n\s*/)
    .map(collapseWhitespace)
    .filter((line) => line !== '')
    .join('\n\n');
}

/** Block markup keeps its paragraphs; without it, line breaks separate them. */
function markupToText(text: string): string {
  if (BLOCK_MARKUP.test(text)) return htmlToText(text);
  return text
    .split('\n')
    .map((line) => htmlToText(line))
    .join('\n');
}

/** The blocks of the longest `[itemprop=articleBody]`, boilerplate already removed. */
function itempropBlocks($: CheerioAPI): string[] {
  let best: string[] = [];
  $('[itemprop~="articleBody"]').each((_index, element) => {
    const blocks = blockTexts(element as AnyNode);
    if (textLength(blocks) > textLength(best)) best = blocks;
  });
  return best;
}

/**
 * The page's paragraphs in document order: `p`, `pre`, `blockquote`, and elements holding text
 * but no blocks (sloppy markup), at least PARAGRAPH_MIN long and not mostly links.
 */
function readableBlocks($: CheerioAPI): string[] {
  const body = $('body')[0] ?? ($.root()[0] as AnyNode);
  const blocks: string[] = [];
  const stack: AnyNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isTag(node) && isReadableParagraph(node)) {
      const text = collapseWhitespace(blockTexts(node).join(' '));
      if (text.length >= PARAGRAPH_MIN && linkShare(node, text.length) <= LINK_SHARE_MAX) {
        blocks.push(text);
      }
      continue;
    }
    if (!hasChildren(node)) continue;
    for (let index = node.children.length - 1; index >= 0; index -= 1) {
      stack.push(node.children[index] as AnyNode);
    }
  }
  return blocks;
}

function isReadableParagraph(element: Element): boolean {
  if (element.name === 'p' || element.name === 'pre' || element.name === 'blockquote') return true;
  if (!isBlockTag(element.name) || element.name === 'body') return false;
  return element.children.every(
    (child) => !isTag(child) || !isBlockTag(child.name) || child.name === 'br',
  );
}

function linkShare(element: Element, length: number): number {
  let links = 0;
  const stack: AnyNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isTag(node) && node.name === 'a') links += collapseWhitespace(textContent(node)).length;
    else if (hasChildren(node)) stack.push(...node.children);
  }
  return length === 0 ? 0 : links / length;
}
