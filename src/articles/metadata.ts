// What a page says about itself: meta tags, JSON-LD, <time>, rel=author, <link rel=canonical>, <html lang>.
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { canonicalUrl } from '../lib/canonical-url.ts';
import {
  type JsonObject,
  jsonLdAuthor,
  pickArticleNode,
  pickHeadline,
  readJsonLd,
  stringOf,
} from './json-ld.ts';
import { primaryLanguage } from './language.ts';
import { readDate } from './page-date.ts';
import { attr, firstOutsideComments, metaContent, type PageScan, scanPage } from './page-scan.ts';
import { collapseWhitespace, htmlToText, textContent } from './text.ts';
import { stripKnownSiteName, stripSiteName, type TitleCandidates } from './title.ts';

export { classAndId } from './page-scan.ts';

export interface PageMetadata extends TitleCandidates {
  publishedAt: string | null;
  byline: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  /** Every JSON-LD node of the page, parsed once here: the fallback reads `articleBody` in them. */
  jsonLd: JsonObject[];
}

/** `<meta>` keys (`attribute=value`) in the order each field prefers them. Titles in Readability's order: Dublin Core, Open Graph, then the rest; `<meta name="title">` is often the site's. */
const TITLE_META = [
  'property=dc:title',
  'name=dc.title',
  'property=dcterm:title',
  'name=dcterms.title',
  'property=og:title',
  'name=og:title',
  'name=title',
  'name=twitter:title',
  'property=twitter:title',
  'name=parsely-title',
];

const AUTHOR_META = [
  'property=dc:creator',
  'name=dc.creator',
  'name=author',
  'property=article:author',
  'property=og:article:author',
  'name=parsely-author',
  'name=sailthru.author',
  // The New York Times: `By Corey Kilgannon`.
  'name=byl',
];
/** Where a byline's name ends: a separator, a handle, a date (`Steven Musil January 18, 2017 …`). */
const BYLINE_END =
  /\s+(?:[•|·—–/-](?:\s.*)?|@\w.*|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}.*|\d{1,2}[./]\d{1,2}[./]\d{2,4}.*|(?:updated|published|mis à jour|publié)(?=[\s:]|$).*)$/i;

const SITE_NAME_META = [
  'property=og:site_name',
  'name=application-name',
  'name=apple-mobile-web-app-title',
];

/** Reads the metadata; call it before scripts are removed, JSON-LD lives in them. */
export function readMetadata($: CheerioAPI, url: string | undefined): PageMetadata {
  const scan = scanPage($.root()[0] as AnyNode);
  const graph = readJsonLd(scan.jsonLd);
  const article = pickArticleNode(graph);
  const siteNames = readSiteNames(scan, graph);
  const fullDocumentTitle = clean(
    decodeLeftoverEntities(scan.title ? textContent(scan.title) : ''),
  );
  const metaTitle = decodeLeftoverEntities(metaContent(scan, TITLE_META));
  const headline = decodeLeftoverEntities(pickHeadline(article, [fullDocumentTitle, metaTitle]));
  return {
    headline: clean(stripKnownSiteName(headline ?? '', siteNames)),
    metaTitle: clean(stripSiteName(metaTitle ?? '', siteNames)),
    documentTitle: clean(stripSiteName(fullDocumentTitle ?? '', siteNames)),
    fullDocumentTitle,
    publishedAt: readDate(scan, article, url),
    byline: readByline(scan, article, graph),
    lang: primaryLanguage(attr(scan.html, 'lang') ?? attr(scan.html, 'xml:lang')),
    canonicalUrl: readCanonical(scan, url),
    jsonLd: graph,
  };
}

function readByline(
  scan: PageScan,
  article: JsonObject | undefined,
  graph: JsonObject[],
): string | null {
  const textOfFirst = (elements: Element[]) => {
    const outside = elements.filter((element) => firstOutsideComments([element]));
    return outside.map(textContent).find((text) => text.trim() !== '');
  };
  const candidates: Array<() => string | undefined> = [
    () => jsonLdAuthor(article?.author, graph),
    () => AUTHOR_META.map((key) => notUrl(metaContent(scan, [key]))).find(Boolean),
    () => textOfFirst(scan.relAuthor),
    () => textOfFirst(scan.itempropAuthor),
    () => textOfFirst(scan.bylineClass),
  ];
  for (const candidate of candidates) {
    const byline = cleanByline(candidate());
    if (byline && byline.length <= 120) return byline;
  }
  return null;
}

/** The names alone: without `By`/`Par`, nor the date, handle or reading time written after them. */
export function cleanByline(value: string | undefined): string | null {
  const text = collapseWhitespace(value ?? '')
    .replace(/^[/|•·—–-]\s*/, '')
    .replace(/^(?:posted by|written by|par|by|de|von)\b:?\s*/i, '')
    .replace(BYLINE_END, '');
  return clean(text);
}

function readCanonical(scan: PageScan, url: string | undefined): string | null {
  const candidates = [attr(scan.canonical, 'href'), metaContent(scan, ['property=og:url']), url];
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    try {
      return canonicalUrl(new URL(candidate.trim(), url).href);
    } catch {
      // A relative canonical link without a page URL, or garbage: try the next source.
    }
  }
  return null;
}

/** og:site_name and its kin, and the names of the JSON-LD publisher and WebSite. */
function readSiteNames(scan: PageScan, graph: JsonObject[]): string[] {
  const names = SITE_NAME_META.map((key) => metaContent(scan, [key]));
  for (const node of graph) {
    const publisher = node.publisher as JsonObject | undefined;
    names.push(stringOf(publisher?.name));
    if (/^(?:WebSite|Organization|NewsMediaOrganization)$/.test(String(node['@type']))) {
      names.push(stringOf(node.name));
    }
  }
  return [...new Set(names.filter((name): name is string => !!name?.trim()))];
}

/** The text of the first element, without cheerio's recursive .text(). */
export function textOf(elements: Cheerio<Element> | undefined): string | undefined {
  const first = elements?.[0];
  return first ? textContent(first) : undefined;
}

function notUrl(value: string | undefined): string | undefined {
  return value && !/^https?:\/\//i.test(value.trim()) ? value : undefined;
}

// An entity left after the page's own decoding: `&amp;#8217;` in the source.
const LEFTOVER_ENTITY = /&(?:#\d{2,7}|#x[\da-f]{2,6}|[a-z]{2,8}\d{0,2});/i;

/**
 * A title whose source was encoded twice (`content="Top 10 &amp;#8211; Best"`, WordPress's
 * og:title, JSON-LD headlines) still holds entities once read: decoded once more.
 */
function decodeLeftoverEntities<T extends string | undefined | null>(value: T): T {
  if (!value || !LEFTOVER_ENTITY.test(value)) return value;
  return htmlToText(value.replace(/</g, '&lt;'), ' ') as T;
}

function clean(value: string | undefined | null): string | null {
  const text = collapseWhitespace(value ?? '');
  return text === '' ? null : text;
}
