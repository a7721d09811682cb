// A feed's health from its facts (failures, disabling, silence against its usual cadence) and what a change of it tells the operators. Pure.
import type { HealthSpec } from '../config/schema.ts';
import { parseDuration } from '../lib/duration.ts';
import type { FeedHealthState, FeedNoticeState } from '../store/types.ts';

export interface HealthPolicy {
  /** A feed failing for longer than this is `failing`. */
  failingAfterMs: number;
  /** Permanent failures (404, HTML instead of a feed) within `disableWithinMs` that disable it. */
  disableFailures: number;
  disableWithinMs: number;
  /** Silent: no new item for `silentFactor` times its usual interval, and at least `silentAfterMs`. */
  silentFactor: number;
  silentAfterMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEFAULT_HEALTH: HealthPolicy = {
  failingAfterMs: 6 * HOUR,
  disableFailures: 3,
  disableWithinMs: DAY,
  silentFactor: 10,
  silentAfterMs: 2 * DAY,
};

/** The period before a feed's last new item over which its usual interval between items is counted. */
export const CADENCE_WINDOW_MS = 30 * DAY;

/** feeds.yaml's `health`, each key defaulted (durations were checked by the schema). */
export function resolveHealthPolicy(spec: HealthSpec | undefined): HealthPolicy {
  const ms = (text: string | undefined, fallback: number) =>
    text === undefined ? fallback : (parseDuration(text) ?? fallback);
  return {
    failingAfterMs: ms(spec?.failingAfter, DEFAULT_HEALTH.failingAfterMs),
    disableFailures: spec?.disableAfter?.failures ?? DEFAULT_HEALTH.disableFailures,
    disableWithinMs: ms(spec?.disableAfter?.within, DEFAULT_HEALTH.disableWithinMs),
    silentFactor: spec?.silentFactor ?? DEFAULT_HEALTH.silentFactor,
    silentAfterMs: ms(spec?.silentAfter, DEFAULT_HEALTH.silentAfterMs),
  };
}

/** What a feed's health is judged from. */
export interface HealthFacts {
  disabled: boolean;
  /** Start of the current run of failures; null while it succeeds. */
  failingSince: Date | null;
  /** When its newest article was first seen; null when it never brought one. */
  lastNewItemAt: Date | null;
  /** Articles it brought in the CADENCE_WINDOW_MS before `lastNewItemAt`. */
  itemsBeforeLast: number;
  /** Since when it is watched (its row's creation): a feed that never brought anything is silent from there. */
  watchedSince: Date;
}

/** Disabled first, then failing for too long, then silent far beyond its usual cadence; else ok. */
export function judgeHealth(facts: HealthFacts, policy: HealthPolicy, now: Date): FeedHealthState {
  if (facts.disabled) return 'disabled';
  const time = now.getTime();
  if (facts.failingSince && time - facts.failingSince.getTime() > policy.failingAfterMs) {
    return 'failing';
  }
  const since = facts.lastNewItemAt ?? facts.watchedSince;
  return time - since.getTime() > silenceAfterMs(facts, policy) ? 'silent' : 'ok';
}

/** How long without a new item makes this feed silent: its usual interval times the factor, at least the floor. */
export function silenceAfterMs(
  facts: Pick<HealthFacts, 'itemsBeforeLast'>,
  policy: HealthPolicy,
): number {
  if (facts.itemsBeforeLast === 0) return policy.silentAfterMs;
  const usualInterval = CADENCE_WINDOW_MS / facts.itemsBeforeLast;
  return Math.max(policy.silentAfterMs, policy.silentFactor * usualInterval);
}

/** True when this permanent failure, with those already counted in the window, disables the feed. */
export function shouldDisable(permanentFailuresInWindow: number, policy: HealthPolicy): boolean {
  return permanentFailuresInWindow >= policy.disableFailures;
}

/** The notice a change of health makes: none when it did not change, `recovered` back to ok. */
export function noticeFor(
  previous: FeedHealthState,
  next: FeedHealthState,
): FeedNoticeState | undefined {
  if (previous === next) return undefined;
  return next === 'ok' ? 'recovered' : next;
}

/** Average new items per day over `periodMs`. */
export function itemsPerDay(items: number, periodMs: number): number {
  return periodMs > 0 ? (items * DAY) / periodMs : 0;
}
