// Deliveries: one row per alert (or digest run) × channel, leased before sending, marked after.
import { randomUUID } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import type { Db, DeliveriesTable, DeliveryState } from './types.ts';

export interface Delivery {
  id: number;
  alertId: number | null;
  digestRunId: number | null;
  /** A feed health notice to the operators. */
  noticeId: number | null;
  channel: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  claimedAt: Date | null;
  /** While `sending`: when the holder's lease ends unless renewed. */
  leaseUntil: Date | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** What a delivery is for: an alert, one run of a digest (`digests.id`), or a feed health notice. */
export type DeliveryTarget = { alertId: number } | { digestRunId: number } | { noticeId: number };

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
  const noticeId = 'noticeId' in target ? target.noticeId : null;
  const rows = channels.map((channel) => ({
    alert_id: alertId,
    digest_run_id: digestRunId,
    notice_id: noticeId,
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
    .where(targetColumn(target), '=', targetId(target))
    .orderBy('id')
    .execute();
  return rows.map(toDelivery);
}

function targetColumn(target: DeliveryTarget) {
  if ('alertId' in target) return 'alert_id' as const;
  return 'digestRunId' in target ? ('digest_run_id' as const) : ('notice_id' as const);
}

function targetId(target: DeliveryTarget): number {
  if ('alertId' in target) return target.alertId;
  return 'digestRunId' in target ? target.digestRunId : target.noticeId;
}

export async function getDelivery(db: Db, id: number): Promise<Delivery | undefined> {
  const row = await db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDelivery(row);
}

/** A claimed delivery: the token its holder marks it with; `recovered` when taken from a dead sender. */
export type ClaimedDelivery = Delivery & { token: string; recovered: boolean };

/** When a claim or a renewal is made, and how long the lease it takes lasts. */
export interface LeaseTerms {
  now: Date;
  leaseMs: number;
}

/**
 * Takes the delivery for sending, in one statement: a pending one, or one whose lease ran out
 * (its sender died). Returns undefined when it is sent, failed for good, or leased by a live
 * sender. The row lock orders concurrent claims: each re-reads the row the previous one left, so
 * two senders never both hold a valid lease. A claim taken from a dead sender comes back
 * `recovered`: that sender may have handed the message over before dying.
 */
export async function claimDelivery(
  db: Db,
  id: number,
  terms: LeaseTerms,
): Promise<ClaimedDelivery | undefined> {
  const token = randomUUID();
  const result = await sql<Selectable<DeliveriesTable> & { previous_state: DeliveryState }>`
    update deliveries d
    set state = 'sending', claim_token = ${token}, claimed_at = ${terms.now},
        lease_until = ${leaseEnd(terms)}, attempts = d.attempts + 1
    from (select id, state from deliveries where id = ${id} for update) previous
    where d.id = previous.id
      and (previous.state = 'pending' or (previous.state = 'sending' and d.lease_until < ${terms.now}))
    returning d.*, previous.state as previous_state`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  return { ...toDelivery(row), token, recovered: row.previous_state === 'sending' };
}

/** The other alert deliveries a sender may carry in its message: same rule, same channel. */
export interface CompanionQuery {
  /** The delivery already claimed, by the holder of `token`. */
  deliveryId: number;
  token: string;
  ruleId: string;
  channel: string;
  /** Only alerts made in [from, until]: within the group wait of the first one. */
  from: Date;
  until: Date;
}

/**
 * Claims for the holder of `token` every other delivery owed on the channel for an alert of the
 * rule made within the group wait (pending, or leased by a sender that died), so that one message
 * carries them all. Rows
 * another sender is claiming are skipped, not waited for: that sender sends them. Each claimed
 * row is then held, renewed, marked and released like the first, by the same token.
 */
export async function claimCompanionDeliveries(
  db: Db,
  query: CompanionQuery,
  terms: LeaseTerms,
): Promise<ClaimedDelivery[]> {
  const result = await sql<Selectable<DeliveriesTable> & { previous_state: DeliveryState }>`
    update deliveries d
    set state = 'sending', claim_token = ${query.token}, claimed_at = ${terms.now},
        lease_until = ${leaseEnd(terms)}, attempts = d.attempts + 1
    from (
      select o.id, o.state from deliveries o join alerts a on a.id = o.alert_id
      where a.rule_id = ${query.ruleId} and o.channel = ${query.channel} and o.id <> ${query.deliveryId}
        and a.created_at >= ${query.from} and a.created_at <= ${query.until}
        and (o.state = 'pending' or (o.state = 'sending' and o.lease_until < ${terms.now}))
      order by o.id
      for update of o skip locked
    ) previous
    where d.id = previous.id
    returning d.*, previous.state as previous_state`.execute(db);
  return result.rows
    .map((row) => ({
      ...toDelivery(row),
      token: query.token,
      recovered: row.previous_state === 'sending',
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Whether a delivery of the same group with a lower id is still owed and not given up: pending,
 * or being sent under a live lease. Its sender carries the group (the lowest id leads), so the
 * others wait for it rather than race it for their rows.
 */
export async function hasEarlierGroupDelivery(
  db: Db,
  query: Omit<CompanionQuery, 'token'>,
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('deliveries as o')
    .innerJoin('alerts as a', 'a.id', 'o.alert_id')
    .select('o.id')
    .where('a.rule_id', '=', query.ruleId)
    .where('o.channel', '=', query.channel)
    .where('o.id', '<', query.deliveryId)
    .where('a.created_at', '>=', query.from)
    .where('a.created_at', '<=', query.until)
    .where((eb) =>
      eb.or([
        eb('o.state', '=', 'pending'),
        eb.and([eb('o.state', '=', 'sending'), eb('o.lease_until', '>=', now)]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Extends the lease of the holder of `token`; false when the delivery is no longer its own. */
export async function renewDeliveryLease(
  db: Db,
  id: number,
  lease: LeaseTerms & { token: string },
): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({ lease_until: leaseEnd(lease) })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .where('claim_token', '=', lease.token)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function leaseEnd(terms: LeaseTerms): Date {
  return new Date(terms.now.getTime() + terms.leaseMs);
}

/** A delivery to offer to its sender again, and what it is for. */
export type UndeliveredRef = Pick<Delivery, 'id' | 'alertId' | 'digestRunId' | 'noticeId'>;

/**
 * Deliveries still owed: pending since before `pendingBefore` (their job may have given up or been
 * lost), or `sending` under a lease that ended before `leaseEndedBefore` (a sender that died).
 * Oldest first, from after `afterId` when given: one page of `limit`.
 */
export async function listUndelivered(
  db: Db,
  since: { pendingBefore: Date; leaseEndedBefore: Date; limit: number; afterId?: number },
): Promise<UndeliveredRef[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select(['id', 'alert_id', 'digest_run_id', 'notice_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'pending'), eb('created_at', '<', since.pendingBefore)]),
        eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', since.leaseEndedBefore)]),
      ]),
    )
    .where('id', '>', since.afterId ?? 0)
    .orderBy('id')
    .limit(since.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    alertId: row.alert_id,
    digestRunId: row.digest_run_id,
    noticeId: row.notice_id,
  }));
}

/**
 * Marks the delivery sent if the holder of `token` still holds it; false otherwise (it was taken
 * over, or already marked): a sender that wakes up after a takeover changes nothing.
 */
export async function markDelivered(
  db: Db,
  id: number,
  claim: { token: string; sentAt: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({ state: 'sent', sent_at: claim.sentAt, last_error: null, lease_until: null })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .where('claim_token', '=', claim.token)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Releases the delivery after an error, if the holder of `token` still holds it: back to pending
 * to retry, or failed for good with the reason.
 */
export async function markDeliveryFailed(
  db: Db,
  id: number,
  failure: { token: string; error: string; permanent: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({
      state: failure.permanent ? 'failed' : 'pending',
      last_error: failure.error,
      claim_token: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .where('claim_token', '=', failure.token)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toDelivery(row: Selectable<DeliveriesTable>): Delivery {
  return {
    id: row.id,
    alertId: row.alert_id,
    digestRunId: row.digest_run_id,
    noticeId: row.notice_id,
    channel: row.channel,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    claimedAt: row.claimed_at,
    leaseUntil: row.lease_until,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}
