// The life of one delivery, shared by send-alert and send-digest: lease it, send it while renewing
// the lease, mark it with the lease's token.
import { DelayedError, type Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { systemClock } from '../lib/clock.ts';
import { PermanentError } from '../lib/errors.ts';
import { deliver, type Notification } from '../notify/deliver.ts';
import { type LeasePolicy, leasePolicy, waitForLeaseEnd } from '../notify/lease.ts';
import {
  type ClaimedDelivery,
  claimDelivery,
  getDelivery,
  type LeaseTerms,
  markDelivered,
  markDeliveryFailed,
  renewDeliveryLease,
} from '../store/deliveries.ts';
import { errorMessage } from './spec.ts';

export interface DeliveryResult {
  deliveryId: number;
  sent?: boolean;
  /** The other deliveries the same message carried (an alert's burst: see `gather`). */
  carried?: number[];
  error?: string;
  skipped?: string;
}

/**
 * Leases the delivery, renders what it carries with `render`, sends it over its channel and marks
 * it sent. A transient failure releases the lease and throws, for BullMQ to retry; a permanent one
 * (PermanentError) marks it failed for good. Only one sender holds a valid lease at a time; a
 * delivery leased by another is looked at again when that lease ends (the job waits, delayed).
 * `gather` claims other deliveries, by the same token, for the same message: they are rendered,
 * renewed, marked sent (in one transaction) or released together with the first.
 */
export async function sendDelivery(
  deps: Deps,
  job: Job,
  deliveryId: number,
  what: 'alert' | 'digest',
  render: (delivery: ClaimedDelivery, held: readonly ClaimedDelivery[]) => Promise<Notification>,
  gather?: (delivery: ClaimedDelivery, terms: LeaseTerms) => Promise<ClaimedDelivery[]>,
): Promise<DeliveryResult> {
  const policy = leasePolicy(deps.env.workerLockMs);
  const now = deps.clock.now();
  const delivery = await claimDelivery(deps.store.db, deliveryId, { now, leaseMs: policy.leaseMs });
  if (!delivery) return skipOrWait(deps, job, deliveryId);
  if (delivery.recovered) {
    // The one window left: it may have reached the server before its sender died. The
    // Message-ID derives from what is sent, so mail systems fold the repeat.
    deps.log.warn(
      { deliveryId },
      `${what} delivery taken over from a sender that died; may resend`,
    );
  }
  const held: ClaimedDelivery[] = [delivery];
  const heartbeat = startHeartbeat(deps, held, policy);
  let failure: unknown;
  try {
    if (gather) held.push(...(await gather(delivery, { now, leaseMs: policy.leaseMs })));
    for (const other of held.slice(1).filter((claimed) => claimed.recovered))
      deps.log.warn(
        { deliveryId: other.id },
        `${what} delivery taken over with another; may resend`,
      );
    const channel = deps.config.notify.channels[delivery.channel];
    if (!channel) throw new PermanentError(`notify: unknown channel ${delivery.channel}`);
    await deliver(deps, channel, await render(delivery, held));
  } catch (error) {
    failure = error;
  } finally {
    await heartbeat.stop();
  }
  return failure === undefined
    ? markSent(deps, held)
    : releaseAfterFailure(deps, held, what, failure);
}

/** Not claimed: done with (sent or failed), or leased by another sender until its lease ends. */
async function skipOrWait(deps: Deps, job: Job, deliveryId: number): Promise<DeliveryResult> {
  const current = await getDelivery(deps.store.db, deliveryId);
  if (!current || current.state === 'sent' || current.state === 'failed') {
    return { deliveryId, skipped: current ? current.state : 'no such delivery' };
  }
  // A live sender renews its lease and finishes; a dead one's lease runs out, and this job takes
  // the delivery over then. Waiting delayed costs no attempt.
  const wait = waitForLeaseEnd(current.leaseUntil, deps.clock.now());
  await job.moveToDelayed(systemClock.now().getTime() + wait, job.token);
  throw new DelayedError(`delivery ${deliveryId} is leased by another sender`);
}

/** Marks every delivery the message carried sent, in one transaction. */
async function markSent(deps: Deps, held: readonly ClaimedDelivery[]): Promise<DeliveryResult> {
  const [delivery, ...others] = held as [ClaimedDelivery, ...ClaimedDelivery[]];
  const sentAt = deps.clock.now();
  const marked = await deps.store.db.transaction().execute(async (trx) => {
    const done: boolean[] = [];
    for (const claimed of held)
      done.push(await markDelivered(trx, claimed.id, { token: claimed.token, sentAt }));
    return done;
  });
  held.forEach((claimed, n) => {
    // Its lease ended while it sent (a stall longer than the lease): the new holder marks it.
    if (!marked[n])
      deps.log.warn({ deliveryId: claimed.id }, 'delivery sent after its lease was taken over');
  });
  const carried = others.map((other) => other.id);
  return { deliveryId: delivery.id, sent: true, ...(carried.length > 0 ? { carried } : {}) };
}

async function releaseAfterFailure(
  deps: Deps,
  held: readonly ClaimedDelivery[],
  what: 'alert' | 'digest',
  error: unknown,
): Promise<DeliveryResult> {
  const [delivery] = held as [ClaimedDelivery, ...ClaimedDelivery[]];
  const permanent = error instanceof PermanentError;
  const outcomes = await deps.store.db.transaction().execute(async (trx) => {
    const done: boolean[] = [];
    for (const claimed of held)
      done.push(
        await markDeliveryFailed(trx, claimed.id, {
          token: claimed.token,
          error: errorMessage(error),
          permanent,
        }),
      );
    return done;
  });
  const released = outcomes[0] === true;
  if (!released) return { deliveryId: delivery.id, skipped: 'taken over by another sender' };
  if (!permanent) throw error;
  deps.log.error(
    { deliveryId: delivery.id, err: errorMessage(error) },
    `${what} delivery failed for good`,
  );
  return { deliveryId: delivery.id, error: errorMessage(error) };
}

/**
 * Renews the leases of `held` (read at each beat: deliveries gathered later are renewed too) every
 * `renewEveryMs` until stopped; `stop` waits for a renewal in flight.
 */
function startHeartbeat(
  deps: Deps,
  held: readonly ClaimedDelivery[],
  policy: LeasePolicy,
): { stop(): Promise<void> } {
  let renewing = Promise.resolve();
  const lost = new Set<number>();
  const renewOne = async (delivery: ClaimedDelivery) => {
    const lease = { token: delivery.token, now: deps.clock.now(), leaseMs: policy.leaseMs };
    const kept = await renewDeliveryLease(deps.store.db, delivery.id, lease).catch((error) => {
      // The database may be back before the lease ends: keep trying at the next beat.
      deps.log.warn({ deliveryId: delivery.id, err: errorMessage(error) }, 'lease not renewed');
      return true;
    });
    if (kept || lost.has(delivery.id)) return;
    lost.add(delivery.id);
    deps.log.warn({ deliveryId: delivery.id }, 'delivery lease taken over while sending');
  };
  const renew = async () => {
    for (const delivery of [...held]) await renewOne(delivery);
  };
  const timer = setInterval(() => {
    renewing = renewing.then(renew);
  }, policy.renewEveryMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await renewing;
    },
  };
}
