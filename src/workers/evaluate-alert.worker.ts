// evaluate-alert: decide one rule × region threshold at an event's time; enqueue the new deliveries.
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { AlertJobSchema, enqueueSendAlert, parsePayload, QUEUE } from '../queues/index.ts';
import { evaluateAlert } from '../store/alerts.ts';
import { getEvent } from '../store/events.ts';
import { isRerun, type WorkerSpec } from './spec.ts';

export interface EvaluateAlertResult {
  eventId: number;
  /** The alert, if the threshold fired. */
  alertId?: number;
  /** True when this run made the alert (its deliveries are new), not a repeat that found it. */
  created?: boolean;
  /** Deliveries enqueued. */
  deliveries?: number;
  reason?: string;
  skipped?: string;
}

export const evaluateAlertWorker: WorkerSpec<EvaluateAlertResult> = {
  queue: QUEUE.evaluateAlert,
  concurrency: 2,
  process: evaluateAlertJob,
};

async function evaluateAlertJob(deps: Deps, job: Job): Promise<EvaluateAlertResult> {
  const { ruleId, regionId, eventId } = parsePayload(AlertJobSchema, QUEUE.evaluateAlert, job.data);
  const event = await getEvent(deps.store.db, eventId);
  if (!event) return { eventId, skipped: 'event not found' };
  const rule = deps.config.rules.find((spec) => spec.id === ruleId);
  if (!rule?.alert) return { eventId, skipped: 'rule has no alert' };
  const outcome = await evaluateAlert(deps.store.db, {
    ruleId,
    regionId,
    severity: rule.severity,
    alert: rule.alert,
    now: event.matchedAt,
  });
  // A rerun re-offers every pending delivery: the first run may have died before enqueueing them.
  const toSend = outcome.deliveries.filter(
    (delivery) => delivery.created || (isRerun(job) && delivery.state === 'pending'),
  );
  for (const delivery of toSend) await enqueueSendAlert(deps.queues, { deliveryId: delivery.id });
  if (!outcome.alert) return { eventId, reason: outcome.decision.reason ?? 'no alert' };
  deps.log.info({ ruleId, regionId, alertId: outcome.alert.id }, 'alert fired');
  const created = outcome.deliveries.some((delivery) => delivery.created);
  return { eventId, alertId: outcome.alert.id, created, deliveries: toSend.length };
}
