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
  const all = await db
    .selectFrom('deliveries')
    .selectAll()
    .where(alertId === null ? 'digest_run_id' : 'alert_id', '=', alertId ?? digestRunId)
    .orderBy('id')
    .execute();
  return all.map((row) => ({ ...toDelivery(row), created: createdIds.has(row.id) }));
}

export async function getDelivery(db: Db, id: number): Promise<Delivery | undefined> {
  const row = await db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDelivery(row);
}

/**
 * Takes the delivery for sending: a pending one, or one whose sender vanished `staleAfterMs` ago.
 * Returns undefined when it is sent, failed for good, or being sent by someone else right now.
 * A sender that dies after sending but before `markDelivered` causes one resend after that delay.
 */
export async function claimDelivery(
  db: Db,
  id: number,
  claim: { now: Date; staleAfterMs: number },
): Promise<Delivery | undefined> {
  const staleBefore = new Date(claim.now.getTime() - claim.staleAfterMs);
  const row = await db
    .updateTable('deliveries')
    .set((eb) => ({ state: 'sending', claimed_at: claim.now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('state', '=', 'pending'),
        eb.and([eb('state', '=', 'sending'), eb('claimed_at', '<', staleBefore)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  return row && toDelivery(row);
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
