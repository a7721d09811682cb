// send-digest: claim one delivery, render its digest run from the stored period, send it by mail or webhook, mark it sent.
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { PermanentError } from '../lib/errors.ts';
import { deliver } from '../notify/deliver.ts';
import { digestRules } from '../notify/digest-rules.ts';
import { digestMessageId, renderDigest } from '../notify/render-digest.ts';
import { DeliveryJobSchema, parsePayload, QUEUE } from '../queues/index.ts';
import {
  CLAIM_STALE_MS,
  claimDelivery,
  markDelivered,
  markDeliveryFailed,
} from '../store/deliveries.ts';
import { loadDigestContent } from '../store/digest-query.ts';
import { type DigestRun, getDigestRun } from '../store/digests.ts';
import { errorMessage, type WorkerSpec } from './spec.ts';

export interface SendDigestResult {
  deliveryId: number;
  sent?: boolean;
  error?: string;
  skipped?: string;
}

export const sendDigestWorker: WorkerSpec<SendDigestResult> = {
  queue: QUEUE.sendDigest,
  concurrency: 2,
  process: sendDigest,
};

async function sendDigest(deps: Deps, job: Job): Promise<SendDigestResult> {
  const { deliveryId } = parsePayload(DeliveryJobSchema, QUEUE.sendDigest, job.data);
  const db = deps.store.db;
  const delivery = await claimDelivery(db, deliveryId, {
    now: deps.clock.now(),
    staleAfterMs: CLAIM_STALE_MS,
  });
  if (!delivery) return { deliveryId, skipped: 'sent, failed or being sent' };
  if (delivery.recovered) {
    deps.log.warn({ deliveryId }, 'digest delivery taken over from a sender that vanished');
  }
  try {
    const run =
      delivery.digestRunId === null ? undefined : await getDigestRun(db, delivery.digestRunId);
    if (!run) throw new PermanentError(`notify: delivery ${deliveryId} has no digest run`);
    const channel = deps.config.notify.channels[delivery.channel];
    if (!channel) throw new PermanentError(`notify: unknown channel ${delivery.channel}`);
    const digest = await renderRun(deps, run);
    await deliver(deps, channel, {
      ...digest,
      webhookBody: { digest: run, subject: digest.subject, text: digest.text },
      idempotencyKey: String(deliveryId),
    });
  } catch (error) {
    const permanent = error instanceof PermanentError;
    await markDeliveryFailed(db, deliveryId, { error: errorMessage(error), permanent });
    if (!permanent) throw error;
    deps.log.error({ deliveryId, err: errorMessage(error) }, 'digest delivery failed for good');
    return { deliveryId, error: errorMessage(error) };
  }
  await markDelivered(db, deliveryId, deps.clock.now());
  return { deliveryId, sent: true };
}

/**
 * The run's stored period, read and rendered at send time, so a retry renders the same mail;
 * rules, names and time zone are the current config's (UTC for a digest since removed).
 */
async function renderRun(deps: Deps, run: DigestRun) {
  const spec = deps.config.notify.digests[run.digestId];
  const content = await loadDigestContent(deps.store.db, {
    digestId: run.digestId,
    rules: digestRules(deps.config.rules, run.digestId, spec?.rules),
    start: run.periodStart,
    end: run.periodEnd,
    timeZone: spec?.timezone,
  });
  return { ...renderDigest(content), messageId: digestMessageId(run.id) };
}
