// Digest runs: one row per digest × period, its deliveries and the digest's watermark, written in one transaction.
import { type Selectable, sql } from 'kysely';
import type { DigestPeriod } from '../notify/digest-window.ts';
import { type Delivery, insertDeliveries, listDeliveries } from './deliveries.ts';
import { type DigestEventWindow, digestEventFilter } from './digest-query.ts';
import { lockDigest } from './locks.ts';
import type { Db, DigestsTable } from './types.ts';

export interface DigestRun {
  /** `digests.id`: what deliveries point at and the mail's Message-ID names. */
  id: number;
  digestId: string;
  periodStart: Date;
  periodEnd: Date;
  eventCount: number;
  createdAt: Date;
  /** The previous run's `lastEventId`: null for a digest's first run and runs stored before it was kept. */
  firstEventId: number | null;
  /** The highest event id visible when the run was built; null for runs stored before it was kept. */
  lastEventId: number | null;
}

export interface DigestRunRequest {
  digestId: string;
  /** The rules the digest covers: their events in the period decide whether it is empty. */
  ruleIds: readonly string[];
  channels: readonly string[];
  /** An empty period makes a run with no deliveries: the watermark moves on, nothing is sent. */
  skipEmpty: boolean;
  now: Date;
  /** The period after the watermark, or undefined when the watermark already reaches its end. */
  periodAfter(watermark: Date | undefined): DigestPeriod | undefined;
}

export interface DigestRunOutcome {
  /** The run this call made or found; the last run when the digest was already up to date. */
  run?: DigestRun | undefined;
  /** True when this call made the run (its deliveries are new). */
  created: boolean;
  /** The run's deliveries, `created` on those this call inserted. */
  deliveries: (Delivery & { created: boolean })[];
}

/**
 * Under a lock on the digest: reads the watermark, asks for the period after it, counts the
 * run's events (the period's, and those the previous run could not see yet: `digestEventFilter`),
 * and stores the run with the highest event id it saw, one pending delivery per channel (none for an empty period
 * when `skipEmpty`) and the new watermark. Two workers building the same digest at once make one
 * run; a repeat after the watermark moved finds the last run instead, so its caller can re-offer
 * pending deliveries. Opens its own transaction: pass the Kysely instance.
 */
export async function recordDigestRun(
  db: Db,
  request: DigestRunRequest,
): Promise<DigestRunOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockDigest(trx, request.digestId);
    const watermark = await getDigestWatermark(trx, request.digestId);
    const period = request.periodAfter(watermark);
    if (!period) return findLastRun(trx, request.digestId, watermark);
    const previous = await findRunEnding(trx, request.digestId, watermark);
    // The id first: the count below then covers exactly the ids this run claims. An event whose
    // id is below it but still uncommitted now (an insert in flight, a few milliseconds) is left
    // out of the count, and of every run if it is still uncommitted when this run is sent.
    const window: DigestEventWindow = {
      ...period,
      firstEventId: previous?.last_event_id ?? null,
      lastEventId: await maxEventId(trx),
    };
    const eventCount = await countDigestEvents(trx, request.ruleIds, window);
    const { run, created } = await insertRun(trx, request, window, eventCount);
    const channels = eventCount === 0 && request.skipEmpty ? [] : [...request.channels];
    const deliveries = await insertDeliveries(trx, { digestRunId: run.id }, channels, request.now);
    await advanceWatermark(trx, request.digestId, period.end, request.now);
    return { run, created, deliveries };
  });
}

/** The end of the last period the digest covered, if it ever ran. */
export async function getDigestWatermark(db: Db, digestId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('digest_watermarks')
    .select('last_period_end')
    .where('digest_id', '=', digestId)
    .executeTakeFirst();
  return row?.last_period_end;
}

export async function getDigestRun(db: Db, id: number): Promise<DigestRun | undefined> {
  const row = await db.selectFrom('digests').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDigestRun(row);
}

/** The digest's runs, oldest period first. */
export async function listDigestRuns(db: Db, digestId: string): Promise<DigestRun[]> {
  const rows = await db
    .selectFrom('digests')
    .selectAll()
    .where('digest_id', '=', digestId)
    .orderBy('period_end')
    .execute();
  return rows.map(toDigestRun);
}

/** 0 with no event yet, so that the next run still takes the events committed after this one. */
async function maxEventId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('id'))
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The run's events of these rules, as send-digest shows them (`digestEventFilter`). */
async function countDigestEvents(
  db: Db,
  ruleIds: readonly string[],
  window: DigestEventWindow,
): Promise<number> {
  if (ruleIds.length === 0) return 0;
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('rule_id', 'in', [...ruleIds])
    .where(digestEventFilter(window))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function insertRun(
  db: Db,
  request: DigestRunRequest,
  window: DigestEventWindow & DigestPeriod,
  eventCount: number,
): Promise<{ run: DigestRun; created: boolean }> {
  const inserted = await db
    .insertInto('digests')
    .values({
      digest_id: request.digestId,
      period_start: window.start,
      period_end: window.end,
      event_count: eventCount,
      first_event_id: window.firstEventId ?? null,
      last_event_id: window.lastEventId ?? null,
      created_at: request.now,
    })
    .onConflict((oc) => oc.columns(['digest_id', 'period_end']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { run: toDigestRun(inserted), created: true };
  // Only when the watermark was moved back by hand: the run of that end exists, keep it.
  const existing = await db
    .selectFrom('digests')
    .selectAll()
    .where('digest_id', '=', request.digestId)
    .where('period_end', '=', window.end)
    .executeTakeFirstOrThrow();
  return { run: toDigestRun(existing), created: false };
}

async function advanceWatermark(db: Db, digestId: string, end: Date, now: Date): Promise<void> {
  await db
    .insertInto('digest_watermarks')
    .values({ digest_id: digestId, last_period_end: end, updated_at: now })
    .onConflict((oc) =>
      oc.column('digest_id').doUpdateSet({
        last_period_end: sql<Date>`greatest(digest_watermarks.last_period_end, excluded.last_period_end)`,
        updated_at: now,
      }),
    )
    .execute();
}

async function findLastRun(
  db: Db,
  digestId: string,
  watermark: Date | undefined,
): Promise<DigestRunOutcome> {
  const row = await findRunEnding(db, digestId, watermark);
  if (!row) return { created: false, deliveries: [] };
  const deliveries = await listDeliveries(db, { digestRunId: row.id });
  return {
    run: toDigestRun(row),
    created: false,
    deliveries: deliveries.map((delivery) => ({ ...delivery, created: false })),
  };
}

/** The run that set the watermark: the previous run of the next period. */
async function findRunEnding(
  db: Db,
  digestId: string,
  watermark: Date | undefined,
): Promise<Selectable<DigestsTable> | undefined> {
  if (watermark === undefined) return undefined;
  return db
    .selectFrom('digests')
    .selectAll()
    .where('digest_id', '=', digestId)
    .where('period_end', '=', watermark)
    .executeTakeFirst();
}

function toDigestRun(row: Selectable<DigestsTable>): DigestRun {
  return {
    id: row.id,
    digestId: row.digest_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    eventCount: row.event_count,
    createdAt: row.created_at,
    firstEventId: row.first_event_id,
    lastEventId: row.last_event_id,
  };
}
