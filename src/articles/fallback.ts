// When the chosen container holds far less than the page says its article is: JSON-LD articleBody, itemprop=articleBody, readable paragraphs.
import type { CheerioAPI } from 'cheerio';
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';
import { ARTICLE_BEFORE, isCommentsHeadingElement } from './ending.ts';
import type { JsonObject } from './json-ld.ts';
import type { TextMeasures } from './measure.ts';
import { classAndId } from './page-scan.ts';
import { isTeaserList } from './teasers.ts';
import { blockTexts, collapseWhitespace, htmlToText, isBlockTag } from './text.ts';

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
  /** The longest `[itemprop=articleBody]`, read before boilerplate removal can drop it. */
  itemprop: string[];
}

export interface ChosenText {
  blocks: string[];
  method: ExtractionMethod;
}

/**
 * The container loses to a declared body (JSON-LD, itemprop) holding twice its text: the
 * publisher's own marking; a shorter one is a teaser or a summary and the container is kept.
 */
const DECLARED_RATIO = 2;
/** Below this, a declared body is a summary, not an article. */
const DECLARED_MIN = 200;
/**
 * The page's paragraphs (after boilerplate removal) replace the container when they hold four
 * times its text, and at least READABLE_MIN. With the container chosen as Readability refines it,
 * a ratio of 2 or 3 replaced a right container on yahoo-3 (video captions and related stories
 * hold 3.3 × the article: F1 0.956 → 0.403); 4 still rescues the pages whose container misses
 * the article (mozilla-2: 0.278 → 0.778) and changes no other of Readability's 130 test pages.
 */
const READABLE_RATIO = 4;
const READABLE_MIN = 250;
/** A paragraph of the page's readable text: at least this long, at most half of it links. */
const PARAGRAPH_MIN = 25;
const LINK_SHARE_MAX = 0.5;
/**
 * Readers' comments, never the article the container missed. Boilerplate removal keeps a comments
 * section that holds most of the page (it might be the article under a wrong class), and the
 * scorer rightly passes it over; without this the page's paragraphs then outweighed a short post
 * four times over and replaced it with its comments (Dragnet: 31 pages read this way scored 0.32).
 */
const COMMENTS_SECTION = /comment|disqus|replies/i;
/**
 * A sidebar's blocks (`sidebar`, `sidebar-block`, `sidebar2`), never the article the container
 * missed. Boilerplate removal keeps a sidebar that holds over half of the page, as it does beside
 * a one-line image post; the page's paragraphs then outweighed the post and replaced it with the
 * blog's bios (Dragnet 109, 135, 312, 452: F1 0.07–0.22 → 0.27–0.64). A whole class word only:
 * `<body class="right-sidebar">` and `c-layout-sidebar-left` hold the article (WCXB 0097, 0353, 4105).
 */
const SIDEBAR_SECTION = /(?:^|\s)sidebar[\w-]*(?=\s|$)/i;

const ARTICLE_BODY = 'articleBody';

/**
 * The bodies the page declares: JSON-LD `articleBody` strings of any node type (`jsonLd`, the
 * nodes readMetadata parsed, arrays and `@graph` flattened) and `[itemprop=articleBody]`.
 */
export function readDeclaredBody(
  $: CheerioAPI,
  source: string,
  jsonLd: readonly JsonObject[],
): DeclaredBody {
  if (!source.includes(ARTICLE_BODY)) return { jsonLd: [], itemprop: [] };
  const bodies: string[] = [];
  collectArticleBodies(jsonLd, bodies);
  return {
    jsonLd: bodies.map(bodyText).filter((text) => text !== ''),
    itemprop: itempropBlocks($),
  };
}

/**
 * The container's blocks, or a fallback when they hold far less than the page's article: the
 * longest JSON-LD body, then `[itemprop=articleBody]`, then the page's readable paragraphs.
 * Call after boilerplate removal, with the measures it kept up to date.
 */
export function chooseText(
  $: CheerioAPI,
  content: string[],
  declared: DeclaredBody,
  measures: TextMeasures,
): ChosenText {
  const length = textLength(content);
  const jsonLd = longest(declared.jsonLd.map((text) => text.split('\n\n')));
  if (isFarLonger(jsonLd, length)) return { blocks: jsonLd, method: 'jsonld' };
  // The element as boilerplate removal left it, or whole when removal dropped it entirely.
  const kept = declared.itemprop.length > 0 ? itempropBlocks($) : [];
  const itemprop = kept.length > 0 ? kept : declared.itemprop;
  if (isFarLonger(itemprop, length)) return { blocks: itemprop, method: 'itemprop' };
  // Measured first, built only when it may win: most pages need no second walk for text.
  if (isLongEnough(measureReadable($, measures), length)) {
    const readable = readableBlocks($, measures);
    if (isLongEnough(textLength(readable), length)) return { blocks: readable, method: 'readable' };
  }
  return { blocks: content, method: length === 0 ? 'none' : 'content' };
}

function isLongEnough(readable: number, length: number): boolean {
  return readable >= READABLE_MIN && readable >= length * READABLE_RATIO;
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
 * but no blocks (sloppy markup), at least PARAGRAPH_MIN long, not mostly links; none in a
 * comments section nor in a list of other stories' summaries (isTeaserList), and none after a
 * heading that opens the comments.
 */
function forEachParagraph(
  $: CheerioAPI,
  measures: TextMeasures,
  visit: (element: Element) => void,
) {
  const stack: AnyNode[] = [$('body')[0] ?? ($.root()[0] as AnyNode)];
  let before = 0;
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isTag(node) && before >= ARTICLE_BEFORE && opensComments(node, measures)) return;
    if (isTag(node) && COMMENTS_SECTION.test(classAndId(node))) continue;
    if (isTag(node) && isSidebar(node)) continue;
    if (isTag(node) && isTeaserList(node, measures)) continue;
    if (isTag(node) && isReadableParagraph(node)) {
      const measured = measures.get(node);
      const chars = measured?.chars ?? 0;
      if (chars >= PARAGRAPH_MIN && (measured?.linkChars ?? 0) <= chars * LINK_SHARE_MAX) {
        visit(node);
        before += chars;
      }
      continue;
    }
    if (!hasChildren(node)) continue;
    for (let index = node.children.length - 1; index >= 0; index -= 1) {
      stack.push(node.children[index] as AnyNode);
    }
  }
}

function isSidebar(element: Element): boolean {
  return element.name !== 'body' && SIDEBAR_SECTION.test(classAndId(element));
}

/**
 * A heading that opens readers' comments ("Comments", "Leave a Reply"): old blogs put them in
 * the article's own container under no class, and the page's paragraphs then counted every
 * comment. Dragnet R532 read 8,320 characters of comments for a 563-character post.
 */
function opensComments(element: Element, measures: TextMeasures): boolean {
  return isCommentsHeadingElement(element, measures.get(element)?.chars ?? 0);
}

/** About the length of readableBlocks' text, from the lengths measured: no text is built. */
function measureReadable($: CheerioAPI, measures: TextMeasures): number {
  let length = 0;
  forEachParagraph($, measures, (element) => {
    length += measures.get(element)?.chars ?? 0;
  });
  return length;
}

/** The paragraphs' texts, each once (as the container's are): a repeated block is a caption or a teaser. */
function readableBlocks($: CheerioAPI, measures: TextMeasures): string[] {
  const blocks = new Set<string>();
  forEachParagraph($, measures, (element) => {
    const text = collapseWhitespace(blockTexts(element).join(' '));
    if (text.length >= PARAGRAPH_MIN) blocks.add(text);
  });
  return [...blocks];
}

function isReadableParagraph(element: Element): boolean {
  if (element.name === 'p' || element.name === 'pre' || element.name === 'blockquote') return true;
  if (!isBlockTag(element.name) || element.name === 'body') return false;
  return element.children.every(
    (child) => !isTag(child) || !isBlockTag(child.name) || child.name === 'br',
  );
}
