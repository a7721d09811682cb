// What a page says about itself: meta tags, JSON-LD, <time>, rel=author, <link rel=canonical>, <html lang>.
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { normaliseDate } from '../feeds/dates.ts';
import { canonicalUrl } from '../feeds/identity.ts';
import { primaryLanguage } from './language.ts';
import { collapseWhitespace, textContent } from './text.ts';

export interface PageMetadata {
  ogTitle: string | null;
  documentTitle: string | null;
  publishedAt: string | null;
  byline: string | null;
  lang: string | null;
  canonicalUrl: string | null;
}

type JsonObject = Record<string, unknown>;

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:article:published_time"]',
];
const OTHER_DATE_META = [
  'meta[itemprop="datePublished"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="pubdate"]',
  'meta[name="date"]',
];
const ARTICLE_TYPES = /Article|BlogPosting|Report|SocialMediaPosting/;

/** Reads the metadata; call it before scripts are removed, JSON-LD lives in them. */
export function readMetadata($: CheerioAPI, url: string | undefined): PageMetadata {
  const graph = readJsonLd($);
  const article = pickArticleNode(graph);
  return {
    ogTitle: clean(metaContent($, ['meta[property="og:title"]', 'meta[name="og:title"]'])),
    documentTitle: clean(stripSiteName(textOf($('title').first()) ?? '')),
    publishedAt: readDate($, article),
    byline: readByline($, article, graph),
    lang: readLang($),
    canonicalUrl: readCanonical($, url),
  };
}

/** `Title | Site`, `Title - Site`, `Site » Title`: keeps the side with more words. */
export function stripSiteName(title: string): string {
  const text = collapseWhitespace(title);
  for (const separator of [' | ', ' – ', ' — ', ' - ', ' :: ', ' » ', ' · ']) {
    const at = text.lastIndexOf(separator);
    if (at <= 0) continue;
    const head = text.slice(0, at);
    const tail = text.slice(at + separator.length);
    return wordCount(head) >= wordCount(tail) ? head : tail;
  }
  return text;
}

function readDate($: CheerioAPI, article: JsonObject | undefined): string | null {
  const candidates = [
    metaContent($, PUBLISHED_META),
    article?.datePublished,
    metaContent($, OTHER_DATE_META),
    $('[itemprop="datePublished"]').attr('datetime') ??
      $('[itemprop="datePublished"]').attr('content'),
    $('article time[datetime]').first().attr('datetime'),
    $('time[pubdate][datetime]').first().attr('datetime'),
    firstOutsideComments($('time[datetime]'))?.attr('datetime'),
  ];
  for (const candidate of candidates) {
    const date = normaliseDate(candidate);
    if (date) return date;
  }
  return null;
}

function readByline(
  $: CheerioAPI,
  article: JsonObject | undefined,
  graph: JsonObject[],
): string | null {
  const candidates = [
    notUrl(
      metaContent($, [
        'meta[name="author"]',
        'meta[property="article:author"]',
        'meta[name="dc.creator"]',
      ]),
    ),
    jsonLdAuthor(article?.author, graph),
    textOf(firstOutsideComments($('[rel="author"]'))),
    textOf(firstOutsideComments($('[itemprop="author"]'))),
    textOf(firstOutsideComments($('.byline, .author-name, .entry-author'))),
  ];
  for (const candidate of candidates) {
    const byline = clean(candidate?.replace(/^\s*(par|by|de)\s+/i, ''));
    if (byline && byline.length <= 120) return byline;
  }
  return null;
}

function readLang($: CheerioAPI): string | null {
  const html = $('html').first();
  return primaryLanguage(html.attr('lang') ?? html.attr('xml:lang'));
}

function readCanonical($: CheerioAPI, url: string | undefined): string | null {
  const candidates = [
    $('link[rel~="canonical"]').attr('href'),
    metaContent($, ['meta[property="og:url"]']),
    url,
  ];
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

/** The node describing the article: an Article type with a date, any Article type, else any node with a date. */
function pickArticleNode(graph: JsonObject[]): JsonObject | undefined {
  const isArticle = (node: JsonObject) => ARTICLE_TYPES.test(String(node['@type']));
  return (
    graph.find((node) => isArticle(node) && node.datePublished) ??
    graph.find(isArticle) ??
    graph.find((node) => node.datePublished)
  );
}

/** Every JSON-LD node on the page, with arrays and `@graph` flattened. */
function readJsonLd($: CheerioAPI): JsonObject[] {
  const nodes: JsonObject[] = [];
  $('script[type="application/ld+json"]').each((_index, script) => {
    try {
      collectNodes(JSON.parse(textContent(script)), nodes);
    } catch {
      // Hand-written JSON-LD is often invalid; the page has other metadata.
    }
  });
  return nodes;
}

function collectNodes(value: unknown, into: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into);
  } else if (value && typeof value === 'object') {
    const node = value as JsonObject;
    into.push(node);
    if (node['@graph']) collectNodes(node['@graph'], into);
  }
}

/** `author` as a string, a Person, an array of them, or an `@id` reference into the graph. */
function jsonLdAuthor(author: unknown, graph: JsonObject[]): string | undefined {
  const authors = Array.isArray(author) ? author : author === undefined ? [] : [author];
  const names = authors
    .map((entry) => authorName(entry, graph))
    .filter((name): name is string => !!name);
  return names.length > 0 ? names.join(', ') : undefined;
}

function authorName(entry: unknown, graph: JsonObject[]): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!entry || typeof entry !== 'object') return;
  const node = entry as JsonObject;
  if (typeof node.name === 'string') return node.name;
  const target = graph.find((candidate) => candidate['@id'] === node['@id'] && candidate !== node);
  return typeof target?.name === 'string' ? target.name : undefined;
}

function metaContent($: CheerioAPI, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const content = $(selector).attr('content');
    if (content?.trim()) return content;
  }
  return;
}

function firstOutsideComments(elements: Cheerio<Element>): Cheerio<Element> | undefined {
  const found = elements.filter((_index, element) =>
    [element, ...elementsUp(element)].every((node) => !/comment/i.test(classAndId(node))),
  );
  return found.length > 0 ? found.first() : undefined;
}

function elementsUp(element: Element): Element[] {
  const ancestors: Element[] = [];
  for (let node = element.parent; node && node.type === 'tag'; node = node.parent) {
    ancestors.push(node as Element);
  }
  return ancestors;
}

export function classAndId(element: Element): string {
  return `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
}

/** The text of the first element, without cheerio's recursive .text(). */
export function textOf(elements: Cheerio<Element> | undefined): string | undefined {
  const first = elements?.[0];
  return first ? textContent(first) : undefined;
}

function notUrl(value: string | undefined): string | undefined {
  return value && !/^https?:\/\//i.test(value.trim()) ? value : undefined;
}

function clean(value: string | undefined | null): string | null {
  const text = collapseWhitespace(value ?? '');
  return text === '' ? null : text;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
