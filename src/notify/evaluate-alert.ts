// A threshold's evaluation: the store's reads, decideAlert, and the alert and its deliveries
// written under the store's per-key lock, so racing workers make one alert.
import type { AlertSpec, Severity } from '../rules/types.ts';
import {
  type Alert,
  type AlertTrigger,
  findLastAlert,
  inKeyLock,
  insertAlert,
  type KeyEvent,
  listKeyEvents,
  listKeyStories,
} from '../store/alerts.ts';
import { type Delivery, insertDeliveries } from '../store/deliveries.ts';
import type { Db } from '../store/types.ts';
import {
  alertWindow,
  decideAlert,
  decideInCooldown,
  historyStart,
  type ThresholdDecision,
} from './threshold.ts';

export interface AlertEvaluation {
  ruleId: string;
  /** '' when the rule counts per rule (`WHOLE_RULE`). */
  regionId: string;
  severity: Severity;
  alert: AlertSpec;
  /** Evaluation time: the end of the window (the worker passes the event's matched_at). */
  now: Date;
  /** Count events by the regions their article is about (a rule without regions, `countsFocusRegions`). */
  byFocus?: boolean | undefined;
}

export interface AlertOutcome {
  decision: ThresholdDecision;
  /** The alert this evaluation made; undefined when it did not fire. */
  alert?: Alert | undefined;
  /** Its deliveries, `created` on those to enqueue. */
  deliveries: (Delivery & { created: boolean })[];
  /** The key's last alert when the evaluation fell in its cooldown: what a rerun re-offers. */
  cooldownOf?: Alert | undefined;
}

/**
 * Reads the key's stories in the window (one row per story) and its last alert, decides, and
 * stores the alert and its deliveries, all in one transaction under the key's lock: of any number
 * of workers evaluating the same crossing, one makes the alert and the others see its cooldown.
 * Pass the Kysely instance, not a transaction.
 */
export async function evaluateAlert(db: Db, input: AlertEvaluation): Promise<AlertOutcome> {
  // Most evaluations of a busy key fall in its cooldown: those need neither lock nor window.
  const latest = await findLastAlert(db, input.ruleId, input.regionId);
  const early = decideInCooldown(input.alert, latest?.createdAt, input.now);
  if (early) return { decision: early, deliveries: [], cooldownOf: latest };
  return inKeyLock(db, input.ruleId, input.regionId, async (trx) => {
    const window = {
      ruleId: input.ruleId,
      regionId: input.regionId,
      since: alertWindow(input.alert, input.now).start,
      until: input.now,
      byFocus: input.byFocus,
    };
    // A spike also reads its baseline, before the window; the alert reports the window's events.
    const history = { ...window, since: historyStart(input.alert, input.now) };
    const last = await findLastAlert(trx, input.ruleId, input.regionId);
    const decision = decideAlert({
      alert: input.alert,
      severity: input.severity,
      matches: await listKeyStories(trx, history),
      last: last && { at: last.createdAt, storyIds: last.triggeredBy.stories },
      now: input.now,
    });
    if (!decision.fire) {
      const cooldownOf = decision.reason === 'cooldown' ? last : undefined;
      return { decision, deliveries: [], cooldownOf };
    }
    // Only an alert shows the events' terms and regions: most evaluations never read them.
    const trigger = describeTrigger(decision, await listKeyEvents(trx, window));
    const alert = await insertAlert(trx, {
      ruleId: input.ruleId,
      regionId: input.regionId,
      windowStart: decision.windowStart,
      windowEnd: decision.windowEnd,
      storyCount: decision.stories.length,
      newSinceLast: decision.newSinceLast,
      triggeredBy: trigger,
      createdAt: input.now,
    });
    const deliveries = await insertDeliveries(
      trx,
      { alertId: alert.id },
      input.alert.channels,
      input.now,
    );
    return { decision, alert, deliveries };
  });
}

/** What an alert stores of its window's events (in matching order): ids, terms and regions once each. */
export function describeTrigger(
  decision: Pick<ThresholdDecision, 'stories' | 'expected'>,
  events: readonly KeyEvent[],
): AlertTrigger {
  return {
    ...(decision.expected === undefined ? {} : { expected: decision.expected }),
    stories: decision.stories,
    events: events.map((event) => event.id),
    articles: [...new Set(events.map((event) => event.articleId))],
    terms: [...new Set(events.flatMap((event) => event.terms.map((hit) => hit.term)))],
    regions: [...new Set(events.flatMap((event) => event.regions))],
  };
}
