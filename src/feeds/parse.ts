// Feed documents (RSS 0.9x/1.0/2.0, Atom) to plain values, refusing entity tricks and non-feeds.
import { load } from 'cheerio';
import Parser from 'rss-parser';
import { htmlToText } from '../articles/text.ts';
import { parseDate } from '../lib/dates.ts';
import { PermanentError } from '../lib/errors.ts';

export interface FeedItem {
  guid?: string;
  /** Absolute http(s) link, resolved against the feed URL. */
  url?: string;
  title: string;
  /** Plain text of the description / summary. */
  summary: string;
  /** Full content as the feed gives it (content:encoded, Atom content): HTML, untrusted. */
  contentHtml?: string;
  publishedAt?: Date;
  author?: string;
}

export interface ParsedFeed {
  title: string;
  link?: string;
  /** RSS <ttl>: minutes the feed may be cached. */
  ttlMinutes?: number;
  items: FeedItem[];
}

/** The fields rss-parser leaves on an item, as loose as the XML they come from. */
type RawItem = Record<string, unknown>;

/** The five entities XML predefines; any other name needs a DTD we refuse to read. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

export async function parseFeed(
  xmlText: string,
  options: { feedUrl: string },
): Promise<ParsedFeed> {
  const { feedUrl } = options;
  const text = xmlText.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw notAFeed(feedUrl, 'empty body');
  if (declaresEntities(text)) {
    throw new PermanentError(`feeds: ${feedUrl}: DOCTYPE not allowed (it declares entities)`);
  }
  if (looksLikeHtml(text)) throw notAFeed(feedUrl, 'an HTML page');
  let raw: Parser.Output<RawItem>;
  try {
    raw = await createParser().parseString(numericHtmlEntities(text));
  } catch (error) {
    throw notAFeed(feedUrl, firstLine(error), error);
  }
  return {
    title: plainText(raw.title),
    link: resolveLink(raw.link, feedUrl),
    ttlMinutes: positiveInteger((raw as unknown as RawItem).ttl),
    items: raw.items.map((item) => toFeedItem(item, feedUrl)),
  };
}

/**
 * The billion-laughs and XXE attacks both need <!ENTITY declarations in the internal DTD subset.
 * sax (under xml2js) expands neither and fetches nothing, but fails on them with an obscure
 * message; refusing them up front gives one clear error. A DOCTYPE without a subset is harmless.
 */
function declaresEntities(text: string): boolean {
  const start = text.search(/<!DOCTYPE/i);
  if (start === -1 || /<[A-Za-z_]/.test(text.slice(0, start))) return false;
  const rest = text.slice(start);
  const open = rest.indexOf('[');
  const close = rest.indexOf('>');
  if (open === -1 || (close !== -1 && close < open)) return false;
  const end = rest.search(/\]\s*>/);
  return /<!ENTITY/i.test(end === -1 ? rest : rest.slice(0, end));
}

function looksLikeHtml(text: string): boolean {
  const start = text.slice(0, 4096).replace(/^(?:\s*(?:<\?xml[^>]*>|<!--[\s\S]*?-->))*\s*/, '');
  return /^<!DOCTYPE\s+html\b/i.test(start) || /^<html[\s>]/i.test(start);
}

/**
 * Feeds written for the RSS 0.91 DTD use HTML names (&eacute; &nbsp; &rsquo;) that strict XML
 * parsing rejects. Each becomes its numeric reference: one character each, nothing expanded.
 */
function numericHtmlEntities(text: string): string {
  const known = new Map<string, string>();
  return text.replace(/&([A-Za-z][A-Za-z0-9]{1,31});/g, (match, name: string) => {
    if (XML_ENTITIES.has(name)) return match;
    let replacement = known.get(name);
    if (replacement === undefined) {
      const decoded = load(match, null, false).text();
      replacement =
        decoded === match
          ? match
          : [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
      known.set(name, replacement);
    }
    return replacement;
  });
}

/**
 * A fresh parser per document. Quirk: rss-parser calls `new Date(published).toISOString()` on Atom
 * entries, which throws on a bad date and loses the whole feed; such dates are dropped first.
 */
function createParser(): Parser<RawItem, RawItem> {
  const parser = new Parser<RawItem, RawItem>({
    customFields: { item: ['description', 'published', 'updated'] },
  });
  const internals = parser as unknown as { parseItemAtom(entry: RawItem): RawItem };
  const parseItemAtom = internals.parseItemAtom.bind(parser);
  internals.parseItemAtom = (entry) => parseItemAtom(withoutBadDates(entry));
  return parser;
}

function withoutBadDates(entry: RawItem): RawItem {
  const copy = { ...entry };
  for (const field of ['published', 'updated']) {
    const value = (copy[field] as unknown[] | undefined)?.[0];
    if (typeof value === 'string' && parseDate(value) === null) delete copy[field];
  }
  return copy;
}

function toFeedItem(item: RawItem, feedUrl: string): FeedItem {
  const guid = firstString(item.guid, item.id, item['rdf:about'])?.trim() || undefined;
  // RSS 2.0: a guid is a permalink unless isPermaLink="false"; rss-parser drops the attribute.
  const url = resolveLink(item.link, feedUrl) ?? (isHttpUrl(guid) ? guid : undefined);
  const isRss = item.description !== undefined;
  const summaryHtml = firstString(item.description, item.summary, item.content);
  const contentHtml = firstString(item['content:encoded'], isRss ? undefined : item.content);
  return {
    guid,
    url,
    title: plainText(item.title),
    summary: summaryHtml ? htmlToText(summaryHtml, ' ') : '',
    contentHtml: contentHtml?.trim() ? contentHtml : undefined,
    publishedAt: publishedAt(item),
    author: plainText(firstString(item.creator, item.author, item['dc:creator'])) || undefined,
  };
}

function resolveLink(link: unknown, feedUrl: string): string | undefined {
  if (typeof link !== 'string' || link.trim() === '') return;
  try {
    const url = new URL(link.trim(), feedUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return;
  }
}

function isHttpUrl(text: string | undefined): text is string {
  return text !== undefined && /^https?:\/\/[^\s]+$/i.test(text);
}

function plainText(value: unknown): string {
  return typeof value === 'string' ? htmlToText(value, ' ') : '';
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.trim() !== '');
}

/** rss-parser's dates come from a lenient `new Date(…)`; the raw fields are read strictly instead. */
function publishedAt(item: RawItem): Date | undefined {
  const isAtom = item.published !== undefined || item.updated !== undefined;
  const candidates = isAtom ? [item.published, item.updated] : [item.pubDate, item.date];
  return candidates.map(parseDate).find((date) => date !== null) ?? undefined;
}

function positiveInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('Feed not recognized')) return 'root element is not rss, rdf:RDF or feed';
  return message.split('\n')[0] ?? message;
}

function notAFeed(feedUrl: string, reason: string, cause?: unknown): PermanentError {
  return new PermanentError(`feeds: ${feedUrl}: not a feed (${reason})`, { cause });
}
