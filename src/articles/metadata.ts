// What a page says about itself: meta tags, JSON-LD, <time>, rel=author, <link rel=canonical>, <html lang>.
import type { Cheerio, CheerioAPI } from 'cheerio';
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';
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

/** `<meta>` keys (`attribute=value`), in the order each field prefers them. */
const PUBLISHED_META = [
  'property=article:published_time',
  'name=article:published_time',
  'property=og:article:published_time',
];
const OTHER_DATE_META = [
  'itemprop=datePublished',
  'name=DC.date.issued',
  'name=dcterms.created',
  'name=parsely-pub-date',
  'name=pubdate',
  'name=date',
];
const AUTHOR_META = ['name=author', 'property=article:author', 'name=dc.creator'];
/** The attributes a `<meta>` is looked up by (case-sensitive values, as CSS matches them). */
const META_KEYS = ['name', 'property', 'itemprop'];
const BYLINE_CLASS = /(?:^|\s)(?:byline|author-name|entry-author)(?:$|\s)/;
const ARTICLE_TYPES = /Article|BlogPosting|Report|SocialMediaPosting/;

/**
 * The elements the metadata reads, gathered in one walk of the page: a selector pass per
 * candidate walked the whole page some twenty times. Each field keeps what its selector
 * found, in document order, so the answers are those of `$(selector)`.
 */
interface PageScan {
  /** The first `<meta>` per key (`property=og:title`). */
  metas: Map<string, Element>;
  html: Element | undefined;
  title: Element | undefined;
  /** `link[rel~="canonical"]` */
  canonical: Element | undefined;
  /** `script[type="application/ld+json"]` */
  jsonLd: Element[];
  /** `[itemprop="datePublished"]` */
  datePublished: Element | undefined;
  /** `time[datetime]` */
  times: Element[];
  /** `[rel="author"]`, `[itemprop="author"]` and `.byline, .author-name, .entry-author`. */
  relAuthor: Element[];
  itempropAuthor: Element[];
  bylineClass: Element[];
}

/** Reads the metadata; call it before scripts are removed, JSON-LD lives in them. */
export function readMetadata($: CheerioAPI, url: string | undefined): PageMetadata {
  const scan = scanPage($.root()[0] as AnyNode);
  const graph = readJsonLd(scan);
  const article = pickArticleNode(graph);
  return {
    ogTitle: clean(metaContent(scan, ['property=og:title', 'name=og:title'])),
    documentTitle: clean(stripSiteName(scan.title ? textContent(scan.title) : '')),
    publishedAt: readDate(scan, article),
    byline: readByline(scan, article, graph),
    lang: primaryLanguage(attr(scan.html, 'lang') ?? attr(scan.html, 'xml:lang')),
    canonicalUrl: readCanonical(scan, url),
  };
}

function scanPage(root: AnyNode): PageScan {
  const scan: PageScan = {
    metas: new Map(),
    html: undefined,
    title: undefined,
    canonical: undefined,
    jsonLd: [],
    datePublished: undefined,
    times: [],
    relAuthor: [],
    itempropAuthor: [],
    bylineClass: [],
  };
  // Pre-order, descending into every node with children: the order and reach of css-select.
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isTag(node)) visitElement(node, scan);
    if (hasChildren(node)) {
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        stack.push(node.children[index] as AnyNode);
      }
    }
  }
  return scan;
}

function visitElement(element: Element, scan: PageScan): void {
  const { attribs, name } = element;
  if (name === 'meta') {
    for (const key of META_KEYS) {
      const value = attribs[key];
      if (value === undefined) continue;
      const entry = `${key}=${value}`;
      if (!scan.metas.has(entry)) scan.metas.set(entry, element);
    }
  } else if (name === 'html') scan.html ??= element;
  else if (name === 'title') scan.title ??= element;
  else if (name === 'link') {
    if (!scan.canonical && /(?:^|\s)canonical(?:$|\s)/i.test(attribs.rel ?? '')) {
      scan.canonical = element;
    }
  } else if (name === 'script') {
    if (equalsIgnoringCase(attribs.type, 'application/ld+json')) scan.jsonLd.push(element);
  } else if (name === 'time' && hasAttribute(element, 'datetime')) scan.times.push(element);
  if (attribs.itemprop === 'datePublished') scan.datePublished ??= element;
  if (attribs.itemprop === 'author') scan.itempropAuthor.push(element);
  if (equalsIgnoringCase(attribs.rel, 'author')) scan.relAuthor.push(element);
  if (attribs.class !== undefined && BYLINE_CLASS.test(attribs.class)) {
    scan.bylineClass.push(element);
  }
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

/** The first date that parses, sources read in order of trust and only as far as needed. */
function readDate(scan: PageScan, article: JsonObject | undefined): string | null {
  const candidates: Array<() => unknown> = [
    () => metaContent(scan, PUBLISHED_META),
    () => article?.datePublished,
    () => metaContent(scan, OTHER_DATE_META),
    () => attr(scan.datePublished, 'datetime') ?? attr(scan.datePublished, 'content'),
    () => attr(scan.times.find(insideArticle), 'datetime'),
    () =>
      attr(
        scan.times.find((time) => hasAttribute(time, 'pubdate')),
        'datetime',
      ),
    () => attr(firstOutsideComments(scan.times), 'datetime'),
  ];
  for (const candidate of candidates) {
    const date = normaliseDate(candidate());
    if (date) return date;
  }
  return null;
}

function readByline(
  scan: PageScan,
  article: JsonObject | undefined,
  graph: JsonObject[],
): string | null {
  const textOfFirst = (elements: Element[]) => {
    const first = firstOutsideComments(elements);
    return first ? textContent(first) : undefined;
  };
  const candidates: Array<() => string | undefined> = [
    () => notUrl(metaContent(scan, AUTHOR_META)),
    () => jsonLdAuthor(article?.author, graph),
    () => textOfFirst(scan.relAuthor),
    () => textOfFirst(scan.itempropAuthor),
    () => textOfFirst(scan.bylineClass),
  ];
  for (const candidate of candidates) {
    const byline = clean(candidate()?.replace(/^\s*(par|by|de)\s+/i, ''));
    if (byline && byline.length <= 120) return byline;
  }
  return null;
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
function readJsonLd(scan: PageScan): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of scan.jsonLd) {
    try {
      collectNodes(JSON.parse(textContent(script)), nodes);
    } catch {
      // Hand-written JSON-LD is often invalid; the page has other metadata.
    }
  }
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

/** The first key whose first `<meta>` has a non-blank content, as `$(selector).attr('content')` read it. */
function metaContent(scan: PageScan, keys: string[]): string | undefined {
  for (const key of keys) {
    const content = attr(scan.metas.get(key), 'content');
    if (content?.trim()) return content;
  }
  return;
}

function firstOutsideComments(elements: Element[]): Element | undefined {
  return elements.find((element) =>
    [element, ...elementsUp(element)].every((node) => !/comment/i.test(classAndId(node))),
  );
}

/** Like `article time`: an `<article>` among the element ancestors. */
function insideArticle(element: Element): boolean {
  for (let node = element.parent; node && isTag(node); node = node.parent) {
    if (node.name === 'article') return true;
  }
  return false;
}

function elementsUp(element: Element): Element[] {
  const ancestors: Element[] = [];
  for (let node = element.parent; node && node.type === 'tag'; node = node.parent) {
    ancestors.push(node as Element);
  }
  return ancestors;
}

/** An attribute as cheerio's `.attr()` reads it (none of these is a boolean attribute). */
function attr(element: Element | undefined, name: string): string | undefined {
  return element && Object.hasOwn(element.attribs, name) ? element.attribs[name] : undefined;
}

/** `[name]`, as css-select tests it. */
function hasAttribute(element: Element, name: string): boolean {
  return Object.hasOwn(element.attribs, name) && element.attribs[name] != null;
}

/** `[type="…"]` and `[rel="…"]`: HTML matches these attribute values without case. */
function equalsIgnoringCase(value: string | undefined, expected: string): boolean {
  return (
    value !== undefined && value.length === expected.length && value.toLowerCase() === expected
  );
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
