// Deliveries: one row per alert (or digest run) × channel, claimed before sending, marked after.
import type { Selectable } from 'kysely';
import type { Db, DeliveriesTable, DeliveryState } from './types.ts';

export interface Delivery {
  id: number;
  alertId: number | null;
  digestRunId: number | null;
  channel: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  claimedAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** What a delivery is for: an alert, or one run of a digest (`digests.id`). */
export type DeliveryTarget = { alertId: number } | { digestRunId: number };

/**
 * Creates one pending delivery per channel unless it exists. Returns every delivery of the
 * target with `created` set on those this call inserted: only those should be enqueued.
 */
export async function insertDeliveries(
  db: Db,
  target: DeliveryTarget,
  channels: string[],
  now: Date,
): Promise<(Delivery & { created: boolean })[]> {
  const alertId = 'alertId' in target ? target.alertId : null;
  const digestRunId = 'digestRunId' in target ? target.digestRunId : null;
  const rows = channels.map((channel) => ({
    alert_id: alertId,
    digest_run_id: digestRunId,
    channel,
    created_at: now,
  }));
  const inserted =
    rows.length === 0
      ? []
      : await db
          .insertInto('deliveries')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .execute();
  const createdIds = new Set(inserted.map((row) => row.id));
  const all = await listDeliveries(db, target);
  return all.map((delivery) => ({ ...delivery, created: createdIds.has(delivery.id) }));
}

/** Every delivery of the alert or digest run, oldest first. */
export async function listDeliveries(db: Db, target: DeliveryTarget): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('deliveries')
    .selectAll()
    .where(
      'alertId' in target ? 'alert_id' : 'digest_run_id',
      '=',
      'alertId' in target ? target.alertId : target.digestRunId,
    )
    .orderBy('id')
    .execute();
  return rows.map(toDelivery);
}

export async function getDelivery(db: Db, id: number): Promise<Delivery | undefined> {
  const row = await db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDelivery(row);
}

/** A claim older than this is taken to belong to a sender that died (one resend at worst). */
export const CLAIM_STALE_MS = 10 * 60_000;

/** A claimed delivery; `recovered` when it was taken from a sender that vanished mid-send. */
export type ClaimedDelivery = Delivery & { recovered: boolean };

/**
 * Takes the delivery for sending: a pending one, or one whose sender vanished `staleAfterMs` ago.
 * Returns undefined when it is sent, failed for good, or being sent by someone else right now.
 * A sender that dies after sending but before `markDelivered` causes one resend after that delay:
 * such a claim comes back `recovered`, for the caller to log.
 */
export async function claimDelivery(
  db: Db,
  id: number,
  claim: { now: Date; staleAfterMs: number },
): Promise<ClaimedDelivery | undefined> {
  const staleBefore = new Date(claim.now.getTime() - claim.staleAfterMs);
  return db.transaction().execute(async (trx) => {
    // The row lock makes concurrent claims queue here; each then sees the state the last one left.
    const before = await trx
      .selectFrom('deliveries')
      .select(['state', 'claimed_at'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return undefined;
    const stale =
      before.state === 'sending' && before.claimed_at !== null && before.claimed_at < staleBefore;
    if (before.state !== 'pending' && !stale) return undefined;
    const row = await trx
      .updateTable('deliveries')
      .set((eb) => ({ state: 'sending', claimed_at: claim.now, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...toDelivery(row), recovered: stale };
  });
}

/** A delivery to offer to its sender again, and what it is for. */
export type UndeliveredRef = Pick<Delivery, 'id' | 'alertId' | 'digestRunId'>;

/**
 * Deliveries still owed: pending since before `pendingBefore` (their job may have given up or been
 * lost), or claimed before `staleBefore` by a sender that never finished. Oldest first, from
 * after `afterId` when given: one page of `limit`.
 */
export async function listUndelivered(
  db: Db,
  since: { pendingBefore: Date; staleBefore: Date; limit: number; afterId?: number },
): Promise<UndeliveredRef[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select(['id', 'alert_id', 'digest_run_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'pending'), eb('created_at', '<', since.pendingBefore)]),
        eb.and([eb('state', '=', 'sending'), eb('claimed_at', '<', since.staleBefore)]),
      ]),
    )
    .where('id', '>', since.afterId ?? 0)
    .orderBy('id')
    .limit(since.limit)
    .execute();
  return rows.map((row) => ({ id: row.id, alertId: row.alert_id, digestRunId: row.digest_run_id }));
}

/** Marks a claimed delivery sent; false if it was not in `sending` (nothing to do). */
export async function markDelivered(db: Db, id: number, sentAt: Date): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({ state: 'sent', sent_at: sentAt, last_error: null })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Releases a claimed delivery after an error: back to pending to retry, or failed for good. */
export async function markDeliveryFailed(
  db: Db,
  id: number,
  failure: { error: string; permanent: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({ state: failure.permanent ? 'failed' : 'pending', last_error: failure.error })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toDelivery(row: Selectable<DeliveriesTable>): Delivery {
  return {
    id: row.id,
    alertId: row.alert_id,
    digestRunId: row.digest_run_id,
    channel: row.channel,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    claimedAt: row.claimed_at,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}
