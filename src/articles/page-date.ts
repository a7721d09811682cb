// An article's publication date from its page: meta tags, JSON-LD, <time>, and its URL as a last resort.
import { normaliseDate } from '../lib/dates.ts';
import { type JsonObject, stringOf } from './json-ld.ts';
import {
  attr,
  firstOutsideComments,
  hasAttribute,
  insideArticle,
  metaContent,
  type PageScan,
} from './page-scan.ts';

/** `<meta>` keys (`attribute=value`), in the order they are trusted. */
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

/** The last update's tags: a page that gives no publication date at all is dated by them. */
const MODIFIED_META = [
  'property=article:modified_time',
  'name=article:modified_time',
  'property=og:updated_time',
  'itemprop=datemodified',
  'name=last-modified',
];

/**
 * The publication date. article:published_time and the JSON-LD datePublished come first; where
 * both parse the earlier wins, since some sites write the last update into one of them. Then the
 * other tags, `<time>`, a date in the URL's path, and last the date of the last update (JSON-LD
 * dateModified, article:modified_time): a page dated only by its update is dated so, not undated.
 */
export function readDate(
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
    () => stringOf(article?.dateModified),
    () => metaContent(scan, MODIFIED_META),
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
