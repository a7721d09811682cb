// A fetched page to an article: title, main text, date, byline, language and canonical URL.
import { type CheerioAPI, load } from 'cheerio';
import type { Element } from 'domhandler';
import { decodeBody } from '../lib/charset.ts';
import { normaliseDate } from '../lib/dates.ts';
import { PermanentError } from '../lib/errors.ts';
import { removeBoilerplate, type Strictness, selectMainContent } from './content.ts';
import {
  type ChosenText,
  chooseText,
  type DeclaredBody,
  type ExtractionMethod,
  readDeclaredBody,
} from './fallback.ts';
import { detectLanguage } from './language.ts';
import { readMetadata, textOf } from './metadata.ts';
import { closeCutScriptAttribute, closeUnclosedTitle, repairDoubleUtf8 } from './repair.ts';
import { collapseWhitespace } from './text.ts';
import { chooseTitle } from './title.ts';

/** What a feed item says of its article (feeds/parse.ts `FeedItem` has these fields). */
export interface FeedItemHints {
  title: string;
  publishedAt?: Date;
  author?: string;
}

export interface ExtractOptions {
  /** Where the page came from: resolves relative links, and the default canonical URL. */
  url?: string;
  /** The HTTP Content-Type: its charset, and whether this is HTML at all. */
  contentType?: string;
  /** The feed item that led here: fallbacks for date, title and author. */
  feedItem?: FeedItemHints;
}

export interface ExtractedArticle {
  /** `options.url`, else the page's canonical URL, else null. */
  url: string | null;
  title: string;
  /** Paragraphs separated by blank lines, whitespace collapsed inside them. */
  text: string;
  /** ISO 8601, UTC. */
  publishedAt: string | null;
  /** ISO 639-1 (`fr`): from <html lang>, else detected in the text. */
  lang: string | null;
  byline: string | null;
  /** How `text` was obtained (see EXTRACTION_METHODS): `content` unless the container fell short. */
  method: ExtractionMethod;
  /** <link rel=canonical>, else og:url, else `options.url`; tracking parameters removed. */
  canonicalUrl: string | null;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/i;

/** Pure: the same bytes and options always give the same article. Throws PermanentError on non-HTML. */
export function extractArticle(
  html: string | Buffer,
  options: ExtractOptions = {},
): ExtractedArticle {
  const decoded = typeof html === 'string' ? html : decodeBody(html, options.contentType);
  checkHtml(decoded, options);
  const source = repairDoubleUtf8(closeCutScriptAttribute(closeUnclosedTitle(decoded)));
  const $ = load(source);
  const metadata = readMetadata($, options.url);
  const declared = readDeclaredBody($, source, metadata.jsonLd);
  const measures = removeBoilerplate($);
  const content = selectMainContent($, measures);
  const title =
    chooseTitle(metadata, articleHeading($, content.root)) ?? cleanTitle(options.feedItem?.title);
  let chosen = chooseText($, articleText(content.blocks, title ?? ''), declared, measures);
  let text = articleText(chosen.blocks, title ?? '').join('\n\n');
  if (text.length < SECOND_PASS_BELOW && (text.length < NEAR_EMPTY || !declaresBody(declared))) {
    const second = relaxedText(source, title ?? '', declared, 'relaxed');
    if (second.text.length > text.length) ({ chosen, text } = second);
  }
  if (text.length < NEAR_EMPTY) {
    const third = relaxedText(source, title ?? '', declared, 'revealed');
    if (third.text.length > text.length) ({ chosen, text } = third);
  }
  return {
    url: options.url ?? metadata.canonicalUrl,
    title: title ?? '',
    text,
    publishedAt: metadata.publishedAt ?? normaliseDate(options.feedItem?.publishedAt),
    lang: metadata.lang ?? detectLanguage(`${title ?? ''}\n${text}`),
    byline: metadata.byline ?? cleanTitle(options.feedItem?.author),
    method: text === '' ? 'none' : chosen.method,
    canonicalUrl: metadata.canonicalUrl,
  };
}

/**
 * Below this many characters the strict pass probably missed the article (a body under a
 * "caption" or "widget" class): the page is read again trusting no class, and the longer text
 * wins. Readability retries below its 500-character threshold the same way. Not on a page that
 * marks its body: a short marked body is the article, and the relaxed pass would add a gallery.
 */
const SECOND_PASS_BELOW = 500;
/**
 * Below this, even on a page that marks its body, the strict pass read nothing worth keeping
 * (the marked body is a one-line summary, or the article sits under a class it distrusts): the
 * relaxed pass is tried rather than leaving the article empty, then the hidden one (a page saved
 * with a modal open, a body a paywall script hides).
 */
const NEAR_EMPTY = 200;

/** A page that marks its body (JSON-LD, itemprop) has had it read: no class is second-guessed. */
function declaresBody(declared: DeclaredBody): boolean {
  return declared.jsonLd.length > 0 || declared.itemprop.length > 0;
}

/**
 * The later passes: a fresh DOM (the first pass removed from its own), no class trusted, and for
 * the last one the hidden element that holds most of the page kept.
 */
function relaxedText(
  source: string,
  title: string,
  declared: DeclaredBody,
  strictness: Exclude<Strictness, 'strict'>,
): { chosen: ChosenText; text: string } {
  const $ = load(source);
  const measures = removeBoilerplate($, strictness);
  const content = selectMainContent($, measures, strictness);
  const chosen = chooseText($, articleText(content.blocks, title), declared, measures);
  return { chosen, text: articleText(chosen.blocks, title).join('\n\n') };
}

function checkHtml(source: string, options: ExtractOptions): void {
  const mediaType = options.contentType?.split(';')[0]?.trim() ?? '';
  const where = options.url ? `${options.url}: ` : '';
  if (mediaType !== '' && !HTML_TYPES.test(mediaType)) {
    throw new PermanentError(`articles: ${where}not an HTML page (${mediaType})`);
  }
  const head = source.slice(0, 2048);
  if (head.includes('\u0000') || !/<[a-z!]/i.test(source.slice(0, 64 * 1024))) {
    throw new PermanentError(`articles: ${where}not an HTML page (no markup)`);
  }
  const root = xmlRootName(source);
  if (root) throw new PermanentError(`articles: ${where}not an HTML page (XML document <${root}>)`);
}

/** The root element of an XML document that is not XHTML (a feed, a sitemap), else undefined. */
function xmlRootName(source: string): string | undefined {
  const start = source
    .slice(0, 8192)
    .replace(
      /^\uFEFF?(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>))*\s*/i,
      '',
    );
  const name = /^<([A-Za-z][\w:.-]*)/.exec(start)?.[1];
  if (!name || name.toLowerCase() === 'html') return;
  const isFeed = /^(rss|feed|rdf:rdf)$/i.test(name);
  return isFeed || /^\s*<\?xml\s/.test(source.replace(/^\uFEFF/, '')) ? name : undefined;
}

/** The <h1> of the article: inside the chosen container or the <article> holding it, else the page's first. */
function articleHeading($: CheerioAPI, root: Element | null): string | null {
  const scopes = root ? [$(root), $(root).closest('article'), $(root).parent()] : [];
  for (const scope of [...scopes, $('body')]) {
    const heading = collapseWhitespace(textOf(scope.find('h1').first()) ?? '');
    if (heading !== '') return heading;
  }
  return null;
}

/**
 * Up to this length, a block of four words or more seen twice is a caption or a teaser repeated;
 * a longer one is the article's own text (Readability's test pages repeat whole paragraphs, and
 * so do some sites).
 */
const REPEATED_MAX = 200;

/** The blocks without the title repeated on top nor a caption repeated below. */
function articleText(blocks: string[], title: string): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const block of blocks) {
    if (kept.length === 0 && block === title) continue;
    if (block.length <= REPEATED_MAX && seen.has(block) && isPhrase(block)) continue;
    seen.add(block);
    kept.push(block);
  }
  return kept;
}

/**
 * A table's cells repeat ("1", "729", "3 (tie)", "38% / 48%"), and so do a chart's labels and a
 * list's dates: up to three words said again are data, not a caption or a teaser. WCXB 0103's
 * ranking table lost a third of its cells; WCXB dev gained 0.005 of body F1. Four words said
 * again are a label too ("What We Don't Like", "HR actions to take" under each item of a guide),
 * unless they make a sentence or a labelled line ("Photo: the town square."): a caption.
 */
function isPhrase(block: string): boolean {
  if (FIVE_WORDS.test(block)) return true;
  return FOUR_WORDS.test(block) && CAPTION_MARK.test(block);
}

const FOUR_WORDS = /\S\s+\S+\s+\S+\s+\S/;
const FIVE_WORDS = /\S\s+\S+\s+\S+\s+\S+\s+\S/;
/** A caption's punctuation: a sentence's end, or a colon after its label. */
const CAPTION_MARK = /[.!?]["'”’)]?$|:/;

function cleanTitle(value: string | undefined): string | null {
  const text = collapseWhitespace(value ?? '');
  return text === '' ? null : text;
}
