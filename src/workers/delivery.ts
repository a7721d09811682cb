// The life of one delivery, shared by send-alert and send-digest: claim it, send it, mark it.
import type { Deps } from '../deps.ts';
import { PermanentError } from '../lib/errors.ts';
import { deliver, type Notification } from '../notify/deliver.ts';
import {
  CLAIM_STALE_MS,
  type ClaimedDelivery,
  claimDelivery,
  markDelivered,
  markDeliveryFailed,
} from '../store/deliveries.ts';
import { errorMessage } from './spec.ts';

export interface DeliveryResult {
  deliveryId: number;
  sent?: boolean;
  error?: string;
  skipped?: string;
}

/**
 * Claims the delivery, renders what it carries with `render`, sends it over its channel and marks
 * it sent. A transient failure releases the claim and throws, for BullMQ to retry; a permanent one
 * (PermanentError) marks it failed for good. Only one sender holds the claim at a time.
 */
export async function sendDelivery(
  deps: Deps,
  deliveryId: number,
  what: 'alert' | 'digest',
  render: (delivery: ClaimedDelivery) => Promise<Notification>,
): Promise<DeliveryResult> {
  const db = deps.store.db;
  const delivery = await claimDelivery(db, deliveryId, {
    now: deps.clock.now(),
    staleAfterMs: CLAIM_STALE_MS,
  });
  if (!delivery) return { deliveryId, skipped: 'sent, failed or being sent' };
  if (delivery.recovered) {
    // The one window left: it may have reached the server before its sender died. The
    // Message-ID derives from what is sent, so mail systems fold the repeat.
    deps.log.warn(
      { deliveryId },
      `${what} delivery taken over from a sender that died; may resend`,
    );
  }
  try {
    const channel = deps.config.notify.channels[delivery.channel];
    if (!channel) throw new PermanentError(`notify: unknown channel ${delivery.channel}`);
    await deliver(deps, channel, await render(delivery));
  } catch (error) {
    const permanent = error instanceof PermanentError;
    await markDeliveryFailed(db, deliveryId, { error: errorMessage(error), permanent });
    if (!permanent) throw error;
    deps.log.error({ deliveryId, err: errorMessage(error) }, `${what} delivery failed for good`);
    return { deliveryId, error: errorMessage(error) };
  }
  await markDelivered(db, deliveryId, deps.clock.now());
  return { deliveryId, sent: true };
}
