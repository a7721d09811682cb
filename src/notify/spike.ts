// When a rule's spike fires: its distinct stories in the window against factor × its usual rate over the baseline.
import { parseDuration } from '../lib/duration.ts';
import type { SpikeSpec } from '../rules/types.ts';

/** A story's article and when it counts (threshold.ts's `StoryMatch`, kept here to import nothing back). */
interface CountedStory {
  storyId: number;
  countedAt: Date;
}

export interface SpikeCount {
  /** Distinct stories counted in the window (now - window, now], in the order they count at. */
  stories: number[];
  /** Distinct stories counted in the baseline before the window (now - window - baseline, now - window]. */
  baselineStories: number;
  /** The baseline's average per window: what the window usually holds. */
  expected: number;
  windowStart: Date;
  /** Whether the window's count is a spike: above factor × expected, and at least `min`. */
  spiking: boolean;
}

/**
 * Counts the window and the baseline before it. A story counts once, in the period of its earliest
 * article: a story that began in the baseline and goes on in the window is not news in the window.
 * With no history (a new rule, a new install), the expected rate is 0 and `min` alone decides.
 */
export function countSpike(
  spike: SpikeSpec,
  matches: readonly CountedStory[],
  now: Date,
): SpikeCount {
  const windowMs = durationMs(spike.window, 'spike window');
  const baselineMs = durationMs(spike.baseline, 'spike baseline');
  const end = now.getTime();
  const windowStart = end - windowMs;
  const baselineStart = windowStart - baselineMs;
  const first = earliestByStory(matches, baselineStart, end);
  const inWindow = [...first.entries()]
    .filter(([, time]) => time > windowStart)
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .map(([id]) => id);
  const baselineStories = first.size - inWindow.length;
  const expected = (baselineStories * windowMs) / baselineMs;
  const spiking = inWindow.length >= spike.min && inWindow.length > spike.factor * expected;
  return {
    stories: inWindow,
    baselineStories,
    expected,
    windowStart: new Date(windowStart),
    spiking,
  };
}

/** How far back a spike decision reads: the baseline before the window. */
export function spikeHistoryMs(spike: SpikeSpec): number {
  return durationMs(spike.window, 'spike window') + durationMs(spike.baseline, 'spike baseline');
}

/** Each story's earliest time counted in (start, end]. */
function earliestByStory(
  matches: readonly CountedStory[],
  start: number,
  end: number,
): Map<number, number> {
  const first = new Map<number, number>();
  for (const { storyId, countedAt } of matches) {
    const time = countedAt.getTime();
    if (time <= start || time > end) continue;
    const known = first.get(storyId);
    if (known === undefined || time < known) first.set(storyId, time);
  }
  return first;
}

function durationMs(text: string, what: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`notify: invalid ${what} duration ${JSON.stringify(text)}`);
  return ms;
}
