// Title, date and byline accuracy of vigie's extractor on mozilla/readability's test pages and the golden pages.
// `npx tsx bench/extract-metadata.ts [corpusDir]` (default ../corpora); `--misses` lists the pages got wrong.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../src/articles/extract.ts';

/** What the page's ground truth says; null where it says nothing. */
export interface ExpectedMetadata {
  title: string | null;
  /** As the corpus writes it: ISO 8601, with or without offset. */
  publishedTime: string | null;
  byline: string | null;
}

export interface MetadataPage {
  name: string;
  expected: ExpectedMetadata;
  actual: { title: string; publishedAt: string | null; byline: string | null };
}

export interface Accuracy {
  right: number;
  total: number;
  accuracy: number;
  misses: string[];
}

export interface MetadataScore {
  pages: number;
  title: Accuracy;
  /** Same UTC day, over the pages whose ground truth has a date. */
  date: Accuracy;
  /** Same day in the page's own offset where it wrote one, else the UTC day. */
  dateLocal: Accuracy;
  /** Whitespace collapsed, a leading "By"/"Par" dropped, case ignored; pages with a byline. */
  byline: Accuracy;
}

/**
 * mozilla/readability's pages that are an outlet's article (news, magazines, news blogs):
 * the figures quoted as "news pages". The others are synthetic tests, docs and wikis.
 */
// biome-ignore format: a name per line would make the list five screens long
export const READABILITY_NEWS_PAGES = [
  'aclu', 'aktualne', 'ars-1', 'article-author-tag', 'bbc-1', 'breitbart', 'bug-1255978',
  'buzzfeed-1', 'citylab-1', 'cnet', 'cnet-svg-classes', 'cnn', 'engadget', 'folha', 'gmw',
  'guardian-1', 'heise', 'herald-sun-1', 'keep-images', 'la-nacion', 'lazy-image-2', 'lemonde-1',
  'liberation-1', 'lifehacker-working', 'medicalnewstoday', 'msn', 'nytimes-1', 'nytimes-2',
  'nytimes-3', 'nytimes-4', 'nytimes-5', 'qq', 'quanta-1', 'salon-1', 'schema-org-context-object',
  'seattletimes-1', 'telegraph', 'theverge', 'tmz-1', 'videos-1', 'videos-2', 'wapo-1', 'wapo-2',
  'webmd-1', 'wikia', 'yahoo-1', 'yahoo-2', 'yahoo-3', 'youth',
];

/** What joins a site name to a title; not ` : ` nor ` » `, which French titles use inside. */
const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' · ', ' :: ', '_', ' _'];
/** A cut part longer than this is half a title, not a site name. */
const MAX_SITE_WORDS = 5;

export function scoreMetadata(pages: MetadataPage[]): MetadataScore {
  const withTitle = pages.filter((page) => page.expected.title);
  const withDate = pages.filter((page) => dayOf(page.expected.publishedTime));
  const withByline = pages.filter((page) => normaliseByline(page.expected.byline));
  return {
    pages: pages.length,
    title: count(withTitle, (page) => titleMatches(page.actual.title, page.expected.title ?? '')),
    date: count(withDate, (page) => sameDay(page, false)),
    dateLocal: count(withDate, (page) => sameDay(page, true)),
    byline: count(
      withByline,
      (page) => normaliseByline(page.actual.byline) === normaliseByline(page.expected.byline),
    ),
  };
}

/** Exact after whitespace collapse, or exact once a site part is cut off the expected title's end or start. */
export function titleMatches(actual: string, expected: string): boolean {
  const got = collapse(actual);
  const want = collapse(expected);
  if (got === want) return true;
  if (got === '') return false;
  return TITLE_SEPARATORS.some((separator) => {
    const suffixCut = want.startsWith(got + separator);
    const prefixCut = want.endsWith(separator + got);
    if (!suffixCut && !prefixCut) return false;
    const cut = suffixCut
      ? want.slice(got.length + separator.length)
      : want.slice(0, want.length - got.length - separator.length);
    return cut.split(/\s+/).filter(Boolean).length <= MAX_SITE_WORDS;
  });
}

function sameDay(page: MetadataPage, local: boolean): boolean {
  const expected = page.expected.publishedTime ?? '';
  const actual = page.actual.publishedAt;
  if (!actual) return false;
  const offset = local ? offsetMinutes(expected) : null;
  if (offset === null) return dayOf(expected) === actual.slice(0, 10);
  const shifted = new Date(Date.parse(actual) + offset * 60_000).toISOString();
  return expected.slice(0, 10) === shifted.slice(0, 10);
}

/** The UTC day of a corpus date (`2017-11-03 03:01:00.000000`, `2021-11-01T10:52:50+0100`). */
export function dayOf(value: string | null): string | null {
  const match =
    /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d)?)(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?/.exec(
      value?.trim() ?? '',
    );
  if (!match) return null;
  const zone = match[3] ? match[3].replace(/^([+-]\d\d)(\d\d)$/, '$1:$2') : 'Z';
  const time = Date.parse(`${match[1]}T${match[2] ?? '00:00'}${zone}`);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

function offsetMinutes(value: string): number | null {
  const match = /[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?([+-])(\d\d):?(\d\d)$/.exec(value.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function normaliseByline(value: string | null | undefined): string {
  return collapse(value ?? '')
    .replace(/^(?:by|par)\s+/i, '')
    .toLowerCase();
}

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function count(pages: MetadataPage[], isRight: (page: MetadataPage) => boolean): Accuracy {
  const misses = pages.filter((page) => !isRight(page)).map((page) => page.name);
  const right = pages.length - misses.length;
  return { right, total: pages.length, accuracy: pages.length ? right / pages.length : 0, misses };
}

/** Every page of readability's test set, extracted by vigie. */
export function readReadabilityPages(corpusDir: string): MetadataPage[] {
  const root = join(corpusDir, 'mozilla+readability/test/test-pages');
  return readdirSync(root)
    .sort()
    .map((name) => {
      const html = readFileSync(join(root, name, 'source.html'));
      const meta = JSON.parse(readFileSync(join(root, name, 'expected-metadata.json'), 'utf8'));
      const expected = {
        title: meta.title ?? null,
        publishedTime: meta.publishedTime ?? null,
        byline: meta.byline ?? null,
      };
      return { name, expected, actual: extractArticle(html, {}) };
    });
}

/**
 * go-trafilatura's real-world metadata pages: the expected title and author are read from the
 * asserts of metadata-realworld_test.go, the page from test-files/mock by its URL. Its one date
 * is left out: htmldate answers the last update (Reuters' 2020-01-20), vigie the publication.
 */
export function readGoTrafilaturaPages(corpusDir: string): MetadataPage[] {
  const root = join(corpusDir, 'markusmobius+go-trafilatura');
  const source = readFileSync(join(root, 'metadata-realworld_test.go'), 'utf8');
  const files = new Map(
    [...source.matchAll(/^\s*"(https?:[^"]+)":\s*"([^"]+)",$/gm)].map((m) => [m[1], m[2]]),
  );
  const expected = new Map<string, ExpectedMetadata>();
  let url = '';
  for (const line of source.split('\n')) {
    url = /^\s*url = "([^"]+)"/.exec(line)?.[1] ?? url;
    const assert = /assert\.Equal\(t, "((?:[^"\\]|\\.)*)", metadata\.(Title|Author)\)/.exec(line);
    if (!assert || !files.has(url)) continue;
    const entry = expected.get(url) ?? { title: null, publishedTime: null, byline: null };
    const value = JSON.parse(`"${assert[1]}"`) as string;
    if (assert[2] === 'Title') entry.title = value;
    else entry.byline = value;
    expected.set(url, entry);
  }
  return [...expected].map(([pageUrl, meta]) => {
    const html = readFileSync(join(root, 'test-files/mock', files.get(pageUrl) ?? ''));
    return { name: pageUrl, expected: meta, actual: extractArticle(html, { url: pageUrl }) };
  });
}

/** vigie's golden pages (French): their expected.json is the ground truth. */
export function readGoldenPages(dir = 'tests/fixtures/pages'): MetadataPage[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      const meta = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      const expected = { title: meta.title, publishedTime: meta.publishedAt, byline: meta.byline };
      return { name, expected, actual: extractArticle(readFileSync(join(dir, file)), {}) };
    });
}

function formatRow(label: string, score: MetadataScore): string {
  const cell = (accuracy: Accuracy) =>
    accuracy.total === 0
      ? '–'
      : `${accuracy.accuracy.toFixed(3)} (${accuracy.right}/${accuracy.total})`;
  return `| ${label} | ${score.pages} | ${cell(score.title)} | ${cell(score.date)} | ${cell(score.dateLocal)} | ${cell(score.byline)} |`;
}

function main(): void {
  const args = process.argv.slice(2);
  const corpusDir = args.find((arg) => !arg.startsWith('--')) ?? defaultCorpusDir();
  if (!existsSync(join(corpusDir, 'mozilla+readability'))) {
    console.error(`bench: no mozilla+readability corpus under ${corpusDir} (pass its directory)`);
    process.exit(1);
  }
  const all = readReadabilityPages(corpusDir);
  const news = all.filter((page) => READABILITY_NEWS_PAGES.includes(page.name));
  const rows: Array<[string, MetadataScore]> = [
    ['readability news', scoreMetadata(news)],
    ['readability all', scoreMetadata(all)],
    ['go-trafilatura real-world', scoreMetadata(readGoTrafilaturaPages(corpusDir))],
    ['golden pages', scoreMetadata(readGoldenPages())],
  ];
  console.log('| pages | n | title exact | date (UTC day) | date (local day) | byline |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, score] of rows) console.log(formatRow(label, score));
  if (args.includes('--misses')) {
    printMisses([...all, ...readGoTrafilaturaPages(corpusDir), ...readGoldenPages()]);
  }
}

/** `../corpora` next to the repository, or next to the directory of git worktrees holding it. */
function defaultCorpusDir(): string {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const beside = join(repo, '../corpora');
  return existsSync(beside) ? beside : join(repo, '../../corpora');
}

function printMisses(pages: MetadataPage[]): void {
  const score = scoreMetadata(pages);
  const byName = new Map(pages.map((page) => [page.name, page]));
  for (const field of ['title', 'date', 'byline'] as const) {
    console.log(`\n${field} misses:`);
    for (const name of score[field].misses) {
      const page = byName.get(name);
      const want = field === 'date' ? page?.expected.publishedTime : page?.expected[field];
      const got = field === 'date' ? page?.actual.publishedAt : page?.actual[field];
      console.log(`  ${name}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
