// Feeds and their fetch state: conditional-GET validators, schedule, errors, disabling.

import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db, FeedHealthState, FeedsTable } from './types.ts';

export interface FeedConfigRow {
  id: string;
  url: string;
}

export interface Feed {
  id: string;
  url: string;
  inConfig: boolean;
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: Date | null;
  nextFetchAt: Date | null;
  consecutiveFailures: number;
  lastError: string | null;
  lastErrorAt: Date | null;
  disabledReason: string | null;
  ttlSeconds: number | null;
  maxAgeSeconds: number | null;
  retryAfter: Date | null;
  updatedAt: Date;
  createdAt: Date;
  /** The health state last told to the operators. */
  health: FeedHealthState;
  healthChangedAt: Date | null;
  failingSince: Date | null;
  retriedAt: Date | null;
}

export interface FetchSuccess {
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
  nextFetchAt: Date;
  ttlSeconds?: number | null | undefined;
  maxAgeSeconds?: number | null | undefined;
}

export interface FetchFailure {
  error: string;
  at: Date;
  nextFetchAt: Date;
  /** A permanent failure (404, 410, not a feed) that repeated: disabled until retried or its URL changes. */
  disable: boolean;
  retryAfter?: Date | null | undefined;
}

/**
 * Makes the table match the config: new feeds are added, known ones keep their state, and a feed
 * whose URL changed starts afresh (validators, errors, disabling belonged to the old URL).
 * Feeds no longer in the config are kept for their articles' sake but marked `in_config = false`.
 */
export async function upsertFeeds(db: Db, feeds: FeedConfigRow[], now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (feeds.length > 0) {
      const rows = feeds.map((feed) => ({ ...feed, created_at: now, updated_at: now }));
      await trx
        .insertInto('feeds')
        .values(rows)
        .onConflict((oc) => oc.column('id').doUpdateSet(updateFromConfig()))
        .execute();
    }
    const ids = feeds.map((feed) => feed.id);
    let retired = trx.updateTable('feeds').set({ in_config: false, updated_at: now });
    if (ids.length > 0) retired = retired.where('id', 'not in', ids);
    await retired.where('in_config', '=', true).execute();
  });
}

function updateFromConfig() {
  const sameUrl = sql<boolean>`feeds.url = excluded.url`;
  const keep = <T>(column: keyof FeedsTable & string, reset: T) =>
    sql<T>`case when ${sameUrl} then ${sql.ref(`feeds.${column}`)} else ${reset} end`;
  return {
    url: sql<string>`excluded.url`,
    in_config: true,
    updated_at: sql<Date>`excluded.updated_at`,
    etag: keep<string | null>('etag', null),
    last_modified: keep<string | null>('last_modified', null),
    next_fetch_at: keep<Date | null>('next_fetch_at', null),
    consecutive_failures: keep<number>('consecutive_failures', 0),
    disabled_reason: keep<string | null>('disabled_reason', null),
    retry_after: keep<Date | null>('retry_after', null),
    failing_since: keep<Date | null>('failing_since', null),
  };
}

export async function getFeed(db: Db, feedId: string): Promise<Feed | undefined> {
  const row = await db.selectFrom('feeds').selectAll().where('id', '=', feedId).executeTakeFirst();
  return row && toFeed(row);
}

export async function recordFetchSuccess(
  db: Db,
  feedId: string,
  result: FetchSuccess,
): Promise<void> {
  await db
    .updateTable('feeds')
    .set({
      etag: result.etag,
      last_modified: result.lastModified,
      last_fetched_at: result.fetchedAt,
      next_fetch_at: result.nextFetchAt,
      consecutive_failures: 0,
      failing_since: null,
      ttl_seconds: result.ttlSeconds ?? null,
      max_age_seconds: result.maxAgeSeconds ?? null,
      retry_after: null,
      updated_at: result.fetchedAt,
    })
    .where('id', '=', feedId)
    .execute();
}

/**
 * Makes a disabled feed due again at once, its failures forgotten (`vigie feeds retry`): permanent
 * failures before `now` no longer count towards disabling it. False when there is no such feed.
 */
export async function retryFeed(db: Db, feedId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('feeds')
    .set({
      disabled_reason: null,
      consecutive_failures: 0,
      next_fetch_at: null,
      retry_after: null,
      retried_at: now,
      updated_at: now,
    })
    .where('id', '=', feedId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records the error; returns the number of consecutive failures, so the caller can back off. */
export async function recordFetchFailure(
  db: Db,
  feedId: string,
  failure: FetchFailure,
): Promise<number | undefined> {
  const row = await db
    .updateTable('feeds')
    .set((eb) => ({
      consecutive_failures: eb('consecutive_failures', '+', 1),
      last_error: failure.error,
      last_error_at: failure.at,
      next_fetch_at: failure.nextFetchAt,
      retry_after: failure.retryAfter ?? null,
      failing_since: sql<Date>`coalesce(failing_since, ${failure.at})`,
      ...(failure.disable ? { disabled_reason: failure.error } : {}),
      updated_at: failure.at,
    }))
    .where('id', '=', feedId)
    .returning('consecutive_failures')
    .executeTakeFirst();
  return row?.consecutive_failures;
}

/** Feeds in the config, not disabled, never fetched or due by `now`; the longest-waiting first. */
export async function listDueFeeds(db: Db, now: Date): Promise<Feed[]> {
  const rows = await db
    .selectFrom('feeds')
    .selectAll()
    .where('in_config', '=', true)
    .where('disabled_reason', 'is', null)
    .where((eb) => eb.or([eb('next_fetch_at', 'is', null), eb('next_fetch_at', '<=', now)]))
    .orderBy(sql`next_fetch_at nulls first`)
    .orderBy('id')
    .execute();
  return rows.map(toFeed);
}

export function toFeed(row: Selectable<FeedsTable>): Feed {
  return {
    id: row.id,
    url: row.url,
    inConfig: row.in_config,
    etag: row.etag,
    lastModified: row.last_modified,
    lastFetchedAt: row.last_fetched_at,
    nextFetchAt: row.next_fetch_at,
    consecutiveFailures: row.consecutive_failures,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    disabledReason: row.disabled_reason,
    ttlSeconds: row.ttl_seconds,
    maxAgeSeconds: row.max_age_seconds,
    retryAfter: row.retry_after,
    updatedAt: row.updated_at,
    createdAt: row.created_at,
    health: row.health,
    healthChangedAt: row.health_changed_at,
    failingSince: row.failing_since,
    retriedAt: row.retried_at,
  };
}

/** Adds one feed's row unless a row with its id exists (which is then left as it is). */
export async function insertFeedIfMissing(
  db: Db,
  feed: FeedConfigRow & { inConfig: boolean },
  now: Date,
): Promise<void> {
  await db
    .insertInto('feeds')
    .values({
      id: feed.id,
      url: feed.url,
      in_config: feed.inConfig,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
