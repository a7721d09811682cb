// send-digest: lease one delivery, render its digest run from the stored period and event ids, send it by mail or webhook, mark it sent.
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { PermanentError } from '../lib/errors.ts';
import { digestNames, loadDigestContent } from '../notify/digest-content.ts';
import { digestRules } from '../notify/digest-rules.ts';
import { digestMessageId, renderDigest } from '../notify/render-digest.ts';
import { DeliveryJobSchema, parsePayload, QUEUE } from '../queues/index.ts';
import { type DigestRun, getDigestRun } from '../store/digests.ts';
import { type DeliveryResult, sendDelivery } from './delivery.ts';
import type { WorkerSpec } from './spec.ts';

export type SendDigestResult = DeliveryResult;

export const sendDigestWorker: WorkerSpec<SendDigestResult> = {
  queue: QUEUE.sendDigest,
  concurrency: 2,
  process: sendDigest,
};

async function sendDigest(deps: Deps, job: Job): Promise<SendDigestResult> {
  const { deliveryId } = parsePayload(DeliveryJobSchema, QUEUE.sendDigest, job.data);
  return sendDelivery(deps, job, deliveryId, 'digest', async (delivery) => {
    const run =
      delivery.digestRunId === null
        ? undefined
        : await getDigestRun(deps.store.db, delivery.digestRunId);
    if (!run) throw new PermanentError(`notify: delivery ${deliveryId} has no digest run`);
    const digest = await renderRun(deps, run);
    // The event ids are bookkeeping: the webhook body keeps the fields the README documents.
    const { firstEventId: _first, lastEventId: _last, ...body } = run;
    return {
      ...digest,
      webhookBody: { digest: body, subject: digest.subject, text: digest.text },
      idempotencyKey: String(deliveryId),
    };
  });
}

/**
 * The run's stored period and event ids, read and rendered at send time, so a retry renders the
 * same mail (events the previous run could not see included);
 * rules, names and time zone are the current config's. A digest since removed from notify.yaml
 * is not sent: without its spec it would cover every rule.
 */
async function renderRun(deps: Deps, run: DigestRun) {
  const spec = deps.config.notify.digests[run.digestId];
  if (!spec) throw new PermanentError(`notify: digest ${run.digestId} is no longer in notify.yaml`);
  const content = await loadDigestContent(deps.store.db, {
    digestId: run.digestId,
    rules: digestRules(deps.config.rules, run.digestId, spec.rules),
    start: run.periodStart,
    end: run.periodEnd,
    firstEventId: run.firstEventId,
    lastEventId: run.lastEventId,
    timeZone: spec.timezone,
    names: digestNames(deps.config.regions, deps.config.feeds),
  });
  return { ...renderDigest(content), messageId: digestMessageId(run.id) };
}
