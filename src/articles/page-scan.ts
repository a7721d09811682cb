// One walk of a page gathering what its metadata is read from: <meta> by key, <title>, JSON-LD, <time>, authors.
import { type AnyNode, type Element, hasChildren, isTag } from 'domhandler';

/** The attributes a `<meta>` is looked up by; values without case (`DC.date` is `dc.date`). */
const META_KEYS = ['name', 'property', 'itemprop'];

/** `byline`, `pb-byline`, `author-name`, `entry-author`, `post-author` among the classes. */
const BYLINE_CLASS =
  /(?:^|\s)(?:[\w-]*byline|author-name|(?:entry|post|blog|article)-author)(?:$|\s)/;

/**
 * The elements the metadata reads, gathered in one walk of the page: a selector pass per
 * candidate walked the whole page some twenty times. Each field keeps what its selector
 * found, in document order, so the answers are those of `$(selector)`.
 */
export interface PageScan {
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

export function scanPage(root: AnyNode): PageScan {
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

/** The first key whose first `<meta>` has a non-blank content, as `$(selector).attr('content')` read it. */
export function metaContent(scan: PageScan, keys: string[]): string | undefined {
  for (const key of keys) {
    const content = attr(scan.metas.get(key), 'content');
    if (content?.trim()) return content;
  }
  return;
}

export function firstOutsideComments(elements: Element[]): Element | undefined {
  return elements.find((element) =>
    [element, ...elementsUp(element)].every((node) => !/comment/i.test(classAndId(node))),
  );
}

/** Like `article time`: an `<article>` among the element ancestors. */
export function insideArticle(element: Element): boolean {
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
export function attr(element: Element | undefined, name: string): string | undefined {
  return element && Object.hasOwn(element.attribs, name) ? element.attribs[name] : undefined;
}

/** `[name]`, as css-select tests it. */
export function hasAttribute(element: Element, name: string): boolean {
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
