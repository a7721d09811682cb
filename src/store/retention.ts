// Retention: what is past its keeping time (article text, events, alerts, digest runs, deliveries, notices, fetch history), counted or removed in small batches.
import type { RetentionSpec } from '../config/schema.ts';
import { parseDuration } from '../lib/duration.ts';
import type { Db } from './types.ts';

const DAY = 86_400_000;

/** Defaults when feeds.yaml has no `retention`, or leaves a key out. */
export const DEFAULT_RETENTION = {
  articleTextMs: 90 * DAY,
  eventsMs: 365 * DAY,
  fetchHistoryMs: 30 * DAY,
} as const;

export interface RetentionCutoffs {
  /** Articles stored before this lose their text (row, title, URL and events stay). */
  articleText: Date;
  /** Events, alerts, digest runs, feed notices and deliveries from before this are deleted. */
  events: Date;
  /** Fetch history from before this is deleted. */
  fetchHistory: Date;
}

export function retentionCutoffs(spec: RetentionSpec | undefined, now: Date): RetentionCutoffs {
  const before = (text: string | undefined, fallback: number) =>
    new Date(now.getTime() - (text === undefined ? fallback : (parseDuration(text) ?? fallback)));
  return {
    articleText: before(spec?.articleText, DEFAULT_RETENTION.articleTextMs),
    events: before(spec?.events, DEFAULT_RETENTION.eventsMs),
    fetchHistory: before(spec?.fetchHistory, DEFAULT_RETENTION.fetchHistoryMs),
  };
}

export const PURGE_KINDS = [
  'articleTexts',
  'deliveries',
  'alerts',
  'digestRuns',
  'feedNotices',
  'events',
  'fetches',
] as const;
export type PurgeKind = (typeof PURGE_KINDS)[number];
export type PurgeCounts = Record<PurgeKind, number>;

/** What a purge at these cutoffs would touch, by kind of row. */
export async function countExpired(db: Db, cutoffs: RetentionCutoffs): Promise<PurgeCounts> {
  const texts = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('created_at', '<', cutoffs.articleText)
    .where('text', '<>', '')
    .executeTakeFirst();
  return {
    articleTexts: Number(texts?.n ?? 0),
    deliveries: await countBefore(db, 'deliveries', 'created_at', cutoffs.events),
    alerts: await countBefore(db, 'alerts', 'created_at', cutoffs.events),
    digestRuns: await countBefore(db, 'digests', 'created_at', cutoffs.events),
    feedNotices: await countBefore(db, 'feed_notices', 'created_at', cutoffs.events),
    events: await countBefore(db, 'events', 'matched_at', cutoffs.events),
    fetches: await countBefore(db, 'feed_fetches', 'at', cutoffs.fetchHistory),
  };
}

export interface PurgeLimits {
  /** Rows per statement: each batch is its own short transaction, so no lock is held long. */
  batchSize: number;
  /** Batches per kind and call at most; what is left goes at the next call. */
  maxBatches: number;
}

export const DEFAULT_PURGE_LIMITS: PurgeLimits = { batchSize: 1_000, maxBatches: 100 };

/** Applies the cutoffs in batches; returns what was emptied or deleted, by kind. */
export async function purgeExpired(
  db: Db,
  cutoffs: RetentionCutoffs,
  limits: PurgeLimits = DEFAULT_PURGE_LIMITS,
): Promise<PurgeCounts> {
  const steps: Record<PurgeKind, (batch: number) => Promise<number>> = {
    articleTexts: (batch) => emptyArticleTexts(db, cutoffs.articleText, batch),
    deliveries: (batch) => deleteBatch(db, 'deliveries', 'created_at', cutoffs.events, batch),
    alerts: (batch) => deleteBatch(db, 'alerts', 'created_at', cutoffs.events, batch),
    digestRuns: (batch) => deleteBatch(db, 'digests', 'created_at', cutoffs.events, batch),
    feedNotices: (batch) => deleteBatch(db, 'feed_notices', 'created_at', cutoffs.events, batch),
    events: (batch) => deleteBatch(db, 'events', 'matched_at', cutoffs.events, batch),
    fetches: (batch) => deleteBatch(db, 'feed_fetches', 'at', cutoffs.fetchHistory, batch),
  };
  const counts = Object.fromEntries(PURGE_KINDS.map((kind) => [kind, 0])) as PurgeCounts;
  // Deliveries before what they belong to, so each batch deletes only rows it counts.
  for (const kind of PURGE_KINDS) {
    for (let batches = 0; batches < limits.maxBatches; batches++) {
      const done = await steps[kind](limits.batchSize);
      counts[kind] += done;
      if (done < limits.batchSize) break;
    }
  }
  return counts;
}

type DatedTable = 'deliveries' | 'alerts' | 'digests' | 'feed_notices' | 'events' | 'feed_fetches';
type DateColumn = 'created_at' | 'matched_at' | 'at';

// Kysely cannot type a table chosen at run time: the casts below name one table for the types;
// the names come from this module's own constants.
async function countBefore(
  db: Db,
  table: DatedTable,
  column: DateColumn,
  cutoff: Date,
): Promise<number> {
  const row = await db
    .selectFrom(table as 'events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(column as 'matched_at', '<', cutoff)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Deletes up to `batch` rows dated before `cutoff`, in one statement. */
async function deleteBatch(
  db: Db,
  table: DatedTable,
  column: DateColumn,
  cutoff: Date,
  batch: number,
): Promise<number> {
  const result = await db
    .deleteFrom(table as 'events')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom(table as 'events')
        .select('id')
        .where(column as 'matched_at', '<', cutoff)
        .limit(batch),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Empties the text of up to `batch` articles stored before `cutoff`; rows, titles and events stay. */
async function emptyArticleTexts(db: Db, cutoff: Date, batch: number): Promise<number> {
  const result = await db
    .updateTable('articles')
    .set({ text: '' })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('articles')
        .select('id')
        .where('created_at', '<', cutoff)
        .where('text', '<>', '')
        .limit(batch),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
