// JSON-LD as pages write it: the article node, its headline and authors, in @graph, arrays, CDATA.
import type { Element } from 'domhandler';
import { textContent } from './text.ts';

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /Article|BlogPosting|Report|SocialMediaPosting/;

/** The node describing the article: an Article type with a date, any Article type, else any node with a date. */
export function pickArticleNode(graph: JsonObject[]): JsonObject | undefined {
  const isArticle = (node: JsonObject) => ARTICLE_TYPES.test(String(node['@type']));
  return (
    graph.find((node) => isArticle(node) && node.datePublished) ??
    graph.find(isArticle) ??
    graph.find((node) => node.datePublished)
  );
}

/**
 * The article's `headline`, or its `name` where the two differ and only the name is in the
 * page's other titles: Wikipedia puts a description in `headline`, aktualne.cz its site in `name`.
 */
export function pickHeadline(
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

/** Every JSON-LD node on the page, with arrays and `@graph` flattened. */
export function readJsonLd(scripts: Element[]): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of scripts) {
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
export function jsonLdAuthor(author: unknown, graph: JsonObject[]): string | undefined {
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

/** A string, or the first string of an array (`"headline": ["…"]`), else undefined. */
export function stringOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}
