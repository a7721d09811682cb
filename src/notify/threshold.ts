// When a rule's alert fires: distinct stories in a sliding window against its threshold (or spike), cooldown and severity.
import { parseDuration } from '../lib/duration.ts';
import type { AlertSpec, Severity, ThresholdSpec } from '../rules/types.ts';
import { countSpike, spikeHistoryMs } from './spike.ts';

/**
 * One event of the (rule, region) key: the story its article belongs to, and when it counts in a
 * window (its article's publication, see store/counted-at.ts), not when it was matched.
 */
export interface StoryMatch {
  storyId: number;
  countedAt: Date;
}

/** The latest alert of the key: when it was made and which stories it reported. */
export interface LastAlert {
  at: Date;
  storyIds: readonly number[];
}

/** The parts of an alert spec that decide it. */
export type AlertMeasure = Pick<AlertSpec, 'threshold' | 'spike' | 'cooldown'>;

export interface ThresholdInput {
  alert: AlertMeasure;
  severity: Severity;
  /** Events of the key; those counted before `historyStart` (the window, or a spike's baseline) are ignored. */
  matches: readonly StoryMatch[];
  last?: LastAlert | undefined;
  now: Date;
}

export interface ThresholdDecision {
  fire: boolean;
  /** Distinct stories in the window, in the order they count at. */
  stories: number[];
  /** Of those, how many the last alert did not report (all of them when there was none). */
  newSinceLast: number;
  windowStart: Date;
  windowEnd: Date;
  /** For a spike: the stories a window usually holds (the baseline's average per window). */
  expected?: number | undefined;
  /** Why it does not fire, for logs: below threshold, no spike, in cooldown, or nothing new. */
  reason?: 'below-threshold' | 'no-spike' | 'cooldown' | 'nothing-new';
}

/** The region of an alert counted per rule rather than per region. */
export const WHOLE_RULE = '';

/** An alert with neither threshold nor spike alerts on the first story (the config's default). */
const FIRST_STORY: ThresholdSpec = { count: 1, window: '1h', per: 'rule' };

function thresholdOf(alert: Pick<AlertSpec, 'threshold'>): ThresholdSpec {
  return alert.threshold ?? FIRST_STORY;
}

/** The window an alert counts its stories in: its spike's or its threshold's. */
export function windowOf(alert: Pick<AlertSpec, 'threshold' | 'spike'>): string {
  return alert.spike?.window ?? thresholdOf(alert).window;
}

/** Whether an alert counts the rule as a whole or each region apart. */
export function perOf(alert: Pick<AlertSpec, 'threshold' | 'spike'>): 'rule' | 'region' {
  return alert.spike?.per ?? thresholdOf(alert).per;
}

/**
 * Decides whether the key's alert fires now. A threshold fires at `count` stories in the window
 * (critical rules on the first story); a spike when the window holds more than `factor` × its
 * usual stories and at least `min` (severity aside: a spike is relative by design). Without a
 * cooldown, the window serves as one. After the cooldown, a new alert needs at least one story
 * the last alert did not report, so the same stories are never announced twice.
 */
export function decideAlert(input: ThresholdInput): ThresholdDecision {
  const { start: windowStart } = alertWindow(input.alert, input.now);
  const spike = input.alert.spike && countSpike(input.alert.spike, input.matches, input.now);
  const stories = spike ? spike.stories : storiesInWindow(input.matches, windowStart, input.now);
  const reported = new Set(input.last?.storyIds ?? []);
  const newSinceLast = stories.filter((id) => !reported.has(id)).length;
  const base = {
    stories,
    newSinceLast,
    windowStart,
    windowEnd: input.now,
    expected: spike?.expected,
  };
  if (spike && !spike.spiking) return { ...base, fire: false, reason: 'no-spike' };
  const count = input.severity === 'critical' ? 1 : thresholdOf(input.alert).count;
  if (!spike && stories.length < count) return { ...base, fire: false, reason: 'below-threshold' };
  if (input.last && inCooldown(input.alert, input.last.at, input.now))
    return { ...base, fire: false, reason: 'cooldown' };
  if (newSinceLast === 0) return { ...base, fire: false, reason: 'nothing-new' };
  return { ...base, fire: true };
}

/**
 * The decision before reading the window, from the key's latest alert alone: in its cooldown,
 * nothing can fire (the cooldown only lengthens as alerts are added), so the window's stories and
 * the key's lock are not needed. Undefined when the full decision (`decideAlert`) must be made.
 */
export function decideInCooldown(
  alert: AlertMeasure,
  lastAt: Date | undefined,
  now: Date,
): ThresholdDecision | undefined {
  if (lastAt === undefined || !inCooldown(alert, lastAt, now)) return undefined;
  const { start } = alertWindow(alert, now);
  return {
    fire: false,
    stories: [],
    newSinceLast: 0,
    windowStart: start,
    windowEnd: now,
    reason: 'cooldown',
  };
}

/** The sliding window ending at `now`: events count when start < countedAt <= end. */
export function alertWindow(
  alert: Pick<AlertSpec, 'threshold' | 'spike'>,
  now: Date,
): { start: Date; end: Date } {
  const windowMs = durationMs(windowOf(alert), 'window');
  return { start: new Date(now.getTime() - windowMs), end: now };
}

/**
 * How far back a decision at `now` reads the key's events: the window, and for a spike the
 * baseline before it. Events counted at or before this never matter again.
 */
export function historyStart(alert: Pick<AlertSpec, 'threshold' | 'spike'>, now: Date): Date {
  if (!alert.spike) return alertWindow(alert, now).start;
  return new Date(now.getTime() - spikeHistoryMs(alert.spike));
}

/**
 * The alert keys an event counts for: `per: rule` one key (''), `per: region` one per region: of
 * the rule's regions those the event names, or for a rule without regions those the article is
 * about (`focusRegions`, see rules/focus.ts), not every country it names once.
 */
export function alertKeys(
  rule: {
    regions?: readonly string[] | undefined;
    alert?: Pick<AlertSpec, 'threshold' | 'spike'> | undefined;
  },
  eventRegions: readonly string[],
  focusRegions: readonly string[] = eventRegions,
): string[] {
  if (!rule.alert) return [];
  if (perOf(rule.alert) === 'rule') return [WHOLE_RULE];
  const listed = rule.regions ?? focusRegions;
  return [...new Set(listed.filter((region) => eventRegions.includes(region)))];
}

/** Whether the rule's region keys count the events' focus regions (see `alertKeys`) rather than all they name. */
export function countsFocusRegions(rule: { regions?: readonly string[] | undefined }): boolean {
  return rule.regions === undefined;
}

/** Distinct story ids counted in (start, end], ordered by the earliest time each counts at there. */
function storiesInWindow(matches: readonly StoryMatch[], start: Date, end: Date): number[] {
  const first = new Map<number, number>();
  for (const { storyId, countedAt } of matches) {
    const time = countedAt.getTime();
    if (time <= start.getTime() || time > end.getTime()) continue;
    const known = first.get(storyId);
    if (known === undefined || time < known) first.set(storyId, time);
  }
  return [...first.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([id]) => id);
}

/**
 * True while `now` is within the cooldown after the key's last alert (the window when no cooldown
 * is set). Alerts are only ever added, so once true for the latest alert it stays true.
 */
export function inCooldown(alert: AlertMeasure, lastAt: Date, now: Date): boolean {
  const cooldownMs =
    alert.cooldown === undefined
      ? durationMs(windowOf(alert), 'window')
      : durationMs(alert.cooldown, 'cooldown');
  return now.getTime() - lastAt.getTime() < cooldownMs;
}

function durationMs(text: string, what: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`notify: invalid ${what} duration ${JSON.stringify(text)}`);
  return ms;
}
