// evaluate-alert: decide one rule × region threshold at its newest event's time; enqueue the new deliveries.
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { type AlertOutcome, evaluateAlert } from '../notify/evaluate-alert.ts';
import { groupWaitMs } from '../notify/group-wait.ts';
import { countsFocusRegions } from '../notify/threshold.ts';
import { AlertJobSchema, enqueueSendAlert, parsePayload, QUEUE } from '../queues/index.ts';
import { findLatestKeyMatch } from '../store/alerts.ts';
import { type Delivery, listDeliveries } from '../store/deliveries.ts';
import { isRerun, type WorkerSpec } from './spec.ts';

export interface EvaluateAlertResult {
  /** The event whose job this is; the evaluation covers every event of the key stored before it ran. */
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
  const rule = deps.byId.rules.get(ruleId);
  if (!rule?.alert) return { eventId, skipped: 'rule has no alert' };
  // The queue keeps one job per key, whose payload may name an older event than the key's
  // newest: evaluating at the newest counts every event stored before this job started.
  const byFocus = countsFocusRegions(rule);
  const now = await findLatestKeyMatch(deps.store.db, ruleId, regionId, byFocus);
  if (!now) return { eventId, skipped: 'no event of the key' };
  const outcome = await evaluateAlert(deps.store.db, {
    ruleId,
    regionId,
    severity: rule.severity,
    alert: rule.alert,
    now,
    byFocus,
  });
  const toSend = isRerun(job)
    ? await deliveriesToReoffer(deps, outcome)
    : outcome.deliveries.filter((delivery) => delivery.created);
  // Each waits its channel's group wait, for the rule's other regions crossing now to join it.
  for (const delivery of toSend) {
    const delayMs = groupWaitMs(deps.config.notify.channels[delivery.channel]);
    await enqueueSendAlert(deps.queues, { deliveryId: delivery.id }, delayMs);
  }
  if (!outcome.alert) return { eventId, reason: outcome.decision.reason ?? 'no alert' };
  deps.log.info({ ruleId, regionId, alertId: outcome.alert.id }, 'alert fired');
  const created = outcome.deliveries.some((delivery) => delivery.created);
  return { eventId, alertId: outcome.alert.id, created, deliveries: toSend.length };
}

/**
 * A rerun re-offers every pending delivery: the first run may have died before enqueueing them.
 * It then finds the alert that run made as a cooldown, so that alert's deliveries are read back.
 */
async function deliveriesToReoffer(deps: Deps, outcome: AlertOutcome): Promise<Delivery[]> {
  const deliveries = outcome.cooldownOf
    ? await listDeliveries(deps.store.db, { alertId: outcome.cooldownOf.id })
    : outcome.deliveries;
  return deliveries.filter((delivery) => delivery.state === 'pending');
}
