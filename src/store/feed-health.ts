// What feed health is made of: each fetch's outcome (feed_fetches), the facts health is judged from, its changes and their notices.
import { sql } from 'kysely';
import type { Db, FeedHealthState, FeedNoticeState, FetchOutcome } from './types.ts';

export interface FetchRecord {
  feedId: string;
  url: string;
  at: Date;
  outcome: FetchOutcome;
  status?: number | undefined;
  items?: number | undefined;
  newItems?: number | undefined;
  error?: string | undefined;
  durationMs?: number | undefined;
}

/** One row of fetch history per attempt: what `vigie feeds`, /metrics and disabling count. */
export async function recordFetch(db: Db, fetch: FetchRecord): Promise<void> {
  await db
    .insertInto('feed_fetches')
    .values({
      feed_id: fetch.feedId,
      url: fetch.url,
      at: fetch.at,
      outcome: fetch.outcome,
      status: fetch.status ?? null,
      items: fetch.items ?? 0,
      new_items: fetch.newItems ?? 0,
      error: fetch.error ?? null,
      duration_ms: Math.max(0, Math.round(fetch.durationMs ?? 0)),
    })
    .execute();
}

/** Permanent failures of the feed at this URL since `since` (the window, or a retry if later). */
export async function countPermanentFailures(
  db: Db,
  feed: { feedId: string; url: string; since: Date },
): Promise<number> {
  const row = await db
    .selectFrom('feed_fetches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('feed_id', '=', feed.feedId)
    .where('url', '=', feed.url)
    .where('outcome', '=', 'permanent')
    .where('at', '>', feed.since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** When the feed's newest article was first seen, and how many it brought in `windowMs` before that. */
export async function readItemCadence(
  db: Db,
  feedId: string,
  windowMs: number,
): Promise<{ lastNewItemAt: Date | null; itemsBeforeLast: number }> {
  const last = await db
    .selectFrom('article_sources')
    .select((eb) => eb.fn.max('first_seen_at').as('at'))
    .where('feed_id', '=', feedId)
    .executeTakeFirst();
  const lastNewItemAt = last?.at ? new Date(last.at) : null;
  if (!lastNewItemAt) return { lastNewItemAt, itemsBeforeLast: 0 };
  const row = await db
    .selectFrom('article_sources')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('feed_id', '=', feedId)
    .where('first_seen_at', '>', new Date(lastNewItemAt.getTime() - windowMs))
    .executeTakeFirst();
  return { lastNewItemAt, itemsBeforeLast: Number(row?.n ?? 0) };
}

export interface HealthChange {
  feedId: string;
  from: FeedHealthState;
  to: FeedHealthState;
  notice: FeedNoticeState;
  reason: string | null;
  at: Date;
}

/**
 * Moves the feed from `from` to `to` and stores the notice, in one transaction; only the caller
 * whose compare-and-set changed the row gets the notice's id, so a change is told once however
 * many workers judge it at once. Undefined when the row was no longer in `from`.
 */
export async function changeHealth(db: Db, change: HealthChange): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('feeds')
      .set({ health: change.to, health_changed_at: change.at })
      .where('id', '=', change.feedId)
      .where('health', '=', change.from)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) return undefined;
    const notice = await trx
      .insertInto('feed_notices')
      .values({
        feed_id: change.feedId,
        state: change.notice,
        previous: change.from,
        reason: change.reason,
        created_at: change.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return notice.id;
  });
}

export interface FeedNotice {
  id: number;
  feedId: string;
  state: FeedNoticeState;
  previous: FeedHealthState;
  reason: string | null;
  createdAt: Date;
}

export async function getFeedNotice(db: Db, id: number): Promise<FeedNotice | undefined> {
  const row = await db
    .selectFrom('feed_notices')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      feedId: row.feed_id,
      state: row.state,
      previous: row.previous,
      reason: row.reason,
      createdAt: row.created_at,
    }
  );
}

/** Per feed since `since`: fetch attempts by outcome, and new items. */
export interface FetchSummary {
  feedId: string;
  outcome: FetchOutcome;
  fetches: number;
  newItems: number;
}

export async function summariseFetches(db: Db, since: Date): Promise<FetchSummary[]> {
  const rows = await db
    .selectFrom('feed_fetches')
    .select([
      'feed_id',
      'outcome',
      (eb) => eb.fn.countAll<string>().as('n'),
      (eb) => eb.fn.coalesce(eb.fn.sum<string>('new_items'), sql<string>`0`).as('new_items'),
    ])
    .where('at', '>=', since)
    .groupBy(['feed_id', 'outcome'])
    .orderBy('feed_id')
    .orderBy('outcome')
    .execute();
  return rows.map((row) => ({
    feedId: row.feed_id,
    outcome: row.outcome,
    fetches: Number(row.n),
    newItems: Number(row.new_items),
  }));
}

/** Articles each feed brought since `since` (first seen through it). */
export async function countNewItems(db: Db, since: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('article_sources')
    .select(['feed_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('first_seen_at', '>=', since)
    .groupBy('feed_id')
    .execute();
  return new Map(rows.map((row) => [row.feed_id, Number(row.n)]));
}
