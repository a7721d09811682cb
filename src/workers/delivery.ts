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
  markDelivered,
  markDeliveryFailed,
  renewDeliveryLease,
} from '../store/deliveries.ts';
import { errorMessage } from './spec.ts';

export interface DeliveryResult {
  deliveryId: number;
  sent?: boolean;
  error?: string;
  skipped?: string;
}

/**
 * Leases the delivery, renders what it carries with `render`, sends it over its channel and marks
 * it sent. A transient failure releases the lease and throws, for BullMQ to retry; a permanent one
 * (PermanentError) marks it failed for good. Only one sender holds a valid lease at a time; a
 * delivery leased by another is looked at again when that lease ends (the job waits, delayed).
 */
export async function sendDelivery(
  deps: Deps,
  job: Job,
  deliveryId: number,
  what: 'alert' | 'digest',
  render: (delivery: ClaimedDelivery) => Promise<Notification>,
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
  const heartbeat = startHeartbeat(deps, delivery, policy);
  let failure: unknown;
  try {
    const channel = deps.config.notify.channels[delivery.channel];
    if (!channel) throw new PermanentError(`notify: unknown channel ${delivery.channel}`);
    await deliver(deps, channel, await render(delivery));
  } catch (error) {
    failure = error;
  } finally {
    await heartbeat.stop();
  }
  return failure === undefined
    ? markSent(deps, delivery)
    : releaseAfterFailure(deps, delivery, what, failure);
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

async function markSent(deps: Deps, delivery: ClaimedDelivery): Promise<DeliveryResult> {
  const marked = await markDelivered(deps.store.db, delivery.id, {
    token: delivery.token,
    sentAt: deps.clock.now(),
  });
  if (!marked) {
    // Its lease ended while it sent (a stall longer than the lease): the new holder marks it.
    deps.log.warn({ deliveryId: delivery.id }, 'delivery sent after its lease was taken over');
  }
  return { deliveryId: delivery.id, sent: true };
}

async function releaseAfterFailure(
  deps: Deps,
  delivery: ClaimedDelivery,
  what: 'alert' | 'digest',
  error: unknown,
): Promise<DeliveryResult> {
  const permanent = error instanceof PermanentError;
  const released = await markDeliveryFailed(deps.store.db, delivery.id, {
    token: delivery.token,
    error: errorMessage(error),
    permanent,
  });
  if (!released) return { deliveryId: delivery.id, skipped: 'taken over by another sender' };
  if (!permanent) throw error;
  deps.log.error(
    { deliveryId: delivery.id, err: errorMessage(error) },
    `${what} delivery failed for good`,
  );
  return { deliveryId: delivery.id, error: errorMessage(error) };
}

/** Renews the lease every `renewEveryMs` until stopped; `stop` waits for a renewal in flight. */
function startHeartbeat(
  deps: Deps,
  delivery: ClaimedDelivery,
  policy: LeasePolicy,
): { stop(): Promise<void> } {
  let renewing = Promise.resolve();
  let lost = false;
  const renew = async () => {
    const lease = { token: delivery.token, now: deps.clock.now(), leaseMs: policy.leaseMs };
    const held = await renewDeliveryLease(deps.store.db, delivery.id, lease).catch((error) => {
      // The database may be back before the lease ends: keep trying at the next beat.
      deps.log.warn({ deliveryId: delivery.id, err: errorMessage(error) }, 'lease not renewed');
      return true;
    });
    if (held || lost) return;
    lost = true;
    deps.log.warn({ deliveryId: delivery.id }, 'delivery lease taken over while sending');
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
