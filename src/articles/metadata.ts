// What a page says about itself: meta tags, JSON-LD, <time>, rel=author, <link rel=canonical>, <html lang>.
import type { Cheerio, CheerioAPI } from 'cheerio';
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';
import { normaliseDate } from '../feeds/dates.ts';
import { canonicalUrl } from '../feeds/identity.ts';
import { primaryLanguage } from './language.ts';
import { collapseWhitespace, textContent } from './text.ts';
import { stripKnownSiteName, stripSiteName, type TitleCandidates } from './title.ts';

export interface PageMetadata extends TitleCandidates {
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
  'itemprop=datepublished',
  'property=og:published_time',
  'name=dc.date.issued',
  'name=dcterms.issued',
  'name=dcterms.created',
  'name=dc.date.created',
  'name=parsely-pub-date',
  'name=sailthru.date',
  'name=article.published',
  'name=article:published',
  'name=publish-date',
  'name=publish_date',
  'name=publication_date',
  'name=pubdate',
  'name=dc.date',
  'name=dcterms.date',
  'name=date',
];
/** Readability's order: Dublin Core, Open Graph, then the rest; `<meta name="title">` is often the site's. */
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
  'name=parsely-author',
  'name=sailthru.author',
];
const SITE_NAME_META = [
  'property=og:site_name',
  'name=application-name',
  'name=apple-mobile-web-app-title',
];
/** The attributes a `<meta>` is looked up by; values without case (`DC.date` is `dc.date`). */
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
  const siteNames = readSiteNames(scan, graph);
  const fullDocumentTitle = clean(scan.title ? textContent(scan.title) : '');
  const metaTitle = metaContent(scan, TITLE_META);
  const headline = pickHeadline(article, [fullDocumentTitle, metaTitle]);
  return {
    headline: clean(stripKnownSiteName(headline ?? '', siteNames)),
    metaTitle: clean(stripSiteName(metaTitle ?? '', siteNames)),
    documentTitle: clean(stripSiteName(fullDocumentTitle ?? '', siteNames)),
    fullDocumentTitle,
    publishedAt: readDate(scan, article, url),
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
      // `property="og:title twitter:title"` names both (RDFa lists).
      for (const value of attribs[key]?.toLowerCase().split(/\s+/) ?? []) {
        const entry = `${key}=${value}`;
        if (value !== '' && !scan.metas.has(entry)) scan.metas.set(entry, element);
      }
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

/**
 * The publication date. article:published_time and the JSON-LD datePublished come first; where
 * both parse the earlier wins, since some sites write the last update into one of them. Then the
 * other tags, `<time>`, and a date in the URL's path as a last resort.
 */
function readDate(
  scan: PageScan,
  article: JsonObject | undefined,
  url: string | undefined,
): string | null {
  const published = [metaContent(scan, PUBLISHED_META), stringOf(article?.datePublished)]
    .map(pageDate)
    .filter((date): date is string => date !== null)
    .sort();
  if (published[0]) return published[0];
  const candidates: Array<() => unknown> = [
    () => metaContent(scan, OTHER_DATE_META),
    () => parselyDate(metaContent(scan, ['name=parsely-page'])),
    () => attr(scan.datePublished, 'datetime') ?? attr(scan.datePublished, 'content'),
    () => attr(scan.times.find(insideArticle), 'datetime'),
    () =>
      attr(
        scan.times.find((time) => hasAttribute(time, 'pubdate')),
        'datetime',
      ),
    () => attr(firstOutsideComments(scan.times), 'datetime'),
    () => urlDate(attr(scan.canonical, 'href') ?? metaContent(scan, ['property=og:url']) ?? url),
  ];
  for (const candidate of candidates) {
    const date = pageDate(candidate());
    if (date) return date;
  }
  return null;
}

/** normaliseDate, after mending what pages write beside ISO 8601: `2015-07-10 09:53:00 -0400`. */
export function pageDate(value: unknown): string | null {
  if (typeof value !== 'string') return normaliseDate(value);
  const mended = value
    .trim()
    .replace(/^(\d{4})\/(\d\d)\/(\d\d)/, '$1-$2-$3')
    .replace(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d)/, '$1T$2')
    .replace(/^(\S+T[\d:.,]+) +([+-]\d\d:?\d\d|Z)$/i, '$1$2');
  return normaliseDate(mended);
}

/** Parse.ly's `<meta name="parsely-page" content='{"pub_date": "…"}'>`. */
function parselyDate(content: string | undefined): unknown {
  try {
    return content ? (JSON.parse(content) as JsonObject).pub_date : undefined;
  } catch {
    return;
  }
}

/** `/2019/02/14/` in a URL's path, as the day's midnight UTC. */
export function urlDate(url: string | undefined): string | undefined {
  const match = /\/((?:19|20)\d\d)\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])(?:\/|$)/.exec(
    url?.split(/[?#]/)[0] ?? '',
  );
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
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
    () => jsonLdAuthor(article?.author, graph),
    () => notUrl(metaContent(scan, AUTHOR_META)),
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

/**
 * The article's `headline`, or its `name` where the two differ and only the name is in the
 * page's other titles: Wikipedia puts a description in `headline`, aktualne.cz its site in `name`.
 */
function pickHeadline(
  article: JsonObject | undefined,
  titles: Array<string | null | undefined>,
): string | undefined {
  const headline = stringOf(article?.headline);
  const name = stringOf(article?.name);
  if (!name || !headline || name === headline) return headline ?? name;
  const inTitles = (value: string) =>
    titles.some((title) => title?.toLowerCase().includes(value.trim().toLowerCase()));
  return inTitles(name) && !inTitles(headline) ? name : headline;
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
      collectNodes(parseJsonLd(textContent(script)), nodes);
    } catch {
      // Hand-written JSON-LD is often invalid; the page has other metadata.
    }
  }
  return nodes;
}

/**
 * JSON.parse after unwrapping `<![CDATA[ … ]]>` and `<!-- … -->`, which some CMSs put around the
 * object; failing that, with raw control characters (newlines inside strings) made spaces.
 */
function parseJsonLd(text: string): unknown {
  const unwrapped = text
    .trim()
    .replace(/^(?:\/\/\s*)?(?:<!\[CDATA\[|<!--)/, '')
    .replace(/(?:\/\/\s*)?(?:\]\]>|-->)$/, '');
  try {
    return JSON.parse(unwrapped);
  } catch {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: those are what breaks the JSON
    return JSON.parse(unwrapped.replace(/[\u0000-\u001f]+/g, ' '));
  }
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

/** A string, or the first string of an array (`"headline": ["…"]`), else undefined. */
function stringOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}
