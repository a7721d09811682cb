// Articles, stored once per url_key, and the feeds each was reached from (article_sources).
import { createHash } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import type { ExtractionMethod } from '../articles/fallback.ts';
import type { Extraction, ExtractionOutcome } from '../articles/outcome.ts';
import type { ArticlesTable, Db, FetchStatus } from './types.ts';

export interface Article {
  id: number;
  urlKey: string;
  url: string;
  canonicalUrl: string | null;
  title: string;
  text: string;
  publishedAt: Date | null;
  fetchedAt: Date | null;
  lang: string | null;
  byline: string | null;
  feedId: string | null;
  storyId: number | null;
  contentHash: string | null;
  fetchStatus: FetchStatus;
  fetchError: string | null;
  createdAt: Date;
  /** How the text was obtained; null while pending (and for articles stored before it was recorded). */
  extraction: Extraction | null;
  /** When classify-article stored its events; null until then. */
  classifiedAt: Date | null;
}

export interface NewArticle {
  /** The identity: the canonical URL, or `guid:…` for items without a usable link. */
  urlKey: string;
  url: string;
  canonicalUrl?: string | null | undefined;
  title: string;
  /** The feed's summary until the page is fetched. */
  text?: string | undefined;
  publishedAt?: Date | null | undefined;
  lang?: string | null | undefined;
  byline?: string | null | undefined;
  /** The feed it was first seen in; also recorded as a source. */
  feedId: string;
  fetchStatus?: FetchStatus | undefined;
  /** Set when no page fetch follows: the feed's text is final. */
  extraction?: Extraction | undefined;
  seenAt: Date;
}

export interface ArticleContent {
  canonicalUrl?: string | null | undefined;
  title?: string | undefined;
  text: string;
  publishedAt?: Date | null | undefined;
  lang?: string | null | undefined;
  byline?: string | null | undefined;
  fetchedAt: Date;
  fetchStatus: FetchStatus;
  fetchError?: string | null | undefined;
  extraction: Extraction;
}

/** Articles per feed (the feed each was first seen in) and extraction outcome. */
export interface ExtractionCount {
  feedId: string;
  outcome: ExtractionOutcome;
  count: number;
}

export interface ArticleSource {
  feedId: string;
  firstSeenAt: Date;
}

/**
 * Stores the article unless its url_key is known; either way records `feedId` as a source.
 * `created` is true for exactly one caller, however many race: only that one enqueues follow-ups.
 */
export async function insertArticleIfNew(
  db: Db,
  article: NewArticle,
): Promise<{ id: number; created: boolean }> {
  // No row only when a concurrent insert of this url_key committed while ours waited on it: the
  // row is outside this statement's snapshot, inside the next one's.
  const row = (await insertWithSource(db, article)) ?? (await insertWithSource(db, article));
  if (!row) {
    throw new Error(`store: article ${article.urlKey} conflicted on insert but cannot be found`);
  }
  return { id: row.id, created: row.created };
}

/**
 * One statement per feed item: the article if new, else the known row's id, and the source.
 * A statement does not see its own inserts, so `article` holds one row: inserted or found.
 */
function insertWithSource(db: Db, article: NewArticle) {
  return db
    .with('inserted', (qb) =>
      qb
        .insertInto('articles')
        .values(toRow(article))
        .onConflict((oc) => oc.column('url_key').doNothing())
        .returning('id'),
    )
    .with('article', (qb) =>
      qb
        .selectFrom('inserted')
        .select(['id', sql<boolean>`true`.as('created')])
        .unionAll(
          qb
            .selectFrom('articles')
            .select(['id', sql<boolean>`false`.as('created')])
            .where('url_key', '=', article.urlKey),
        ),
    )
    .with('source', (qb) =>
      qb
        .insertInto('article_sources')
        .columns(['article_id', 'feed_id', 'first_seen_at'])
        .expression(
          qb.selectFrom('article').select([
            'id',
            // Typed here: a bare parameter in a select list would be text.
            sql<string>`cast(${article.feedId} as text)`.as('feed_id'),
            sql<Date>`cast(${article.seenAt} as timestamptz)`.as('first_seen_at'),
          ]),
        )
        .onConflict((oc) => oc.columns(['article_id', 'feed_id']).doNothing())
        .returning('article_id'),
    )
    .selectFrom('article')
    .select(['id', 'created'])
    .executeTakeFirst();
}

function toRow(article: NewArticle) {
  const text = article.text ?? '';
  return {
    url_key: article.urlKey,
    url: article.url,
    canonical_url: article.canonicalUrl ?? null,
    title: article.title,
    text,
    published_at: article.publishedAt ?? null,
    lang: article.lang ?? null,
    byline: article.byline ?? null,
    feed_id: article.feedId,
    content_hash: hashContent(text),
    fetch_status: article.fetchStatus ?? 'pending',
    created_at: article.seenAt,
    ...extractionColumns(article.extraction),
  };
}

export async function listArticleSources(db: Db, articleId: number): Promise<ArticleSource[]> {
  const rows = await db
    .selectFrom('article_sources')
    .select(['feed_id', 'first_seen_at'])
    .where('article_id', '=', articleId)
    .orderBy('first_seen_at')
    .orderBy('feed_id')
    .execute();
  return rows.map((row) => ({ feedId: row.feed_id, firstSeenAt: row.first_seen_at }));
}

export async function getArticle(db: Db, id: number): Promise<Article | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(ARTICLE_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toArticle(row);
}

/** Stores the fetched page's content; fields left undefined keep what the feed gave. */
export async function updateArticleContent(
  db: Db,
  id: number,
  content: ArticleContent,
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({
      ...definedOnly({
        canonical_url: content.canonicalUrl,
        title: content.title,
        published_at: content.publishedAt,
        lang: content.lang,
        byline: content.byline,
      }),
      text: content.text,
      content_hash: hashContent(content.text),
      fetched_at: content.fetchedAt,
      fetch_status: content.fetchStatus,
      fetch_error: content.fetchError ?? null,
      ...extractionColumns(content.extraction),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Articles stored at or after `since`, oldest first (the order they arrived in); after `after` for the next page. */
export async function listArticlesSince(
  db: Db,
  since: Date,
  limit?: number,
  after?: Pick<Article, 'id' | 'createdAt'>,
): Promise<Article[]> {
  let query = db.selectFrom('articles').select(ARTICLE_COLUMNS).where('created_at', '>=', since);
  // Keyset: the page after `after` costs the same at any depth.
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '>', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  query = query.orderBy('created_at').orderBy('id');
  if (limit !== undefined) query = query.limit(limit);
  return (await query.execute()).map(toArticle);
}

/**
 * Articles stored at or after `since` that have an outcome, counted per feed and outcome: what
 * /metrics reads at each scrape, a range of the created_at index.
 */
export async function countExtractionOutcomes(db: Db, since: Date): Promise<ExtractionCount[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['feed_id', 'extraction', (eb) => eb.fn.countAll<string>().as('n')])
    .where('created_at', '>=', since)
    .where('extraction', 'is not', null)
    .groupBy(['feed_id', 'extraction'])
    .orderBy('feed_id')
    .orderBy('extraction')
    .execute();
  return rows.map((row) => ({
    feedId: row.feed_id ?? '',
    outcome: row.extraction as ExtractionOutcome,
    count: Number(row.n),
  }));
}

function extractionColumns(extraction: Extraction | undefined) {
  if (!extraction) return {};
  return {
    extraction: extraction.outcome,
    extraction_method: extraction.method,
    text_length: extraction.textLength,
  };
}

/** sha256 of the text with case, Unicode form and whitespace normalised; null for no text. */
function hashContent(text: string): string | null {
  const normalised = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  if (normalised === '') return null;
  return createHash('sha256').update(normalised).digest('hex');
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** Every column but the search vector, which only the database reads (event-search.ts). */
const ARTICLE_COLUMNS = [
  'id',
  'url_key',
  'url',
  'canonical_url',
  'title',
  'text',
  'published_at',
  'fetched_at',
  'lang',
  'byline',
  'feed_id',
  'story_id',
  'content_hash',
  'fetch_status',
  'fetch_error',
  'created_at',
  'extraction',
  'extraction_method',
  'text_length',
  'classified_at',
] as const;

function toArticle(row: Omit<Selectable<ArticlesTable>, 'search_vector'>): Article {
  return {
    id: row.id,
    urlKey: row.url_key,
    url: row.url,
    canonicalUrl: row.canonical_url,
    title: row.title,
    text: row.text,
    publishedAt: row.published_at,
    fetchedAt: row.fetched_at,
    lang: row.lang,
    byline: row.byline,
    feedId: row.feed_id,
    storyId: row.story_id,
    contentHash: row.content_hash,
    fetchStatus: row.fetch_status,
    fetchError: row.fetch_error,
    createdAt: row.created_at,
    extraction: row.extraction
      ? {
          outcome: row.extraction,
          method: row.extraction_method as ExtractionMethod | null,
          textLength: row.text_length ?? 0,
        }
      : null,
    classifiedAt: row.classified_at,
  };
}
