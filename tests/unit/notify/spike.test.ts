import { describe, expect, it } from 'vitest';
import { replayAlerts } from '../../../src/notify/backtest.ts';
import { countSpike } from '../../../src/notify/spike.ts';
import { decideAlert, type StoryMatch } from '../../../src/notify/threshold.ts';
import type { AlertSpec, SpikeSpec } from '../../../src/rules/types.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
const SPIKE: SpikeSpec = { factor: 3, window: '24h', baseline: '14d', min: 5, per: 'rule' };
const ALERT: AlertSpec = { spike: SPIKE, cooldown: '24h', channels: ['ops'] };

/**
 * A synthetic history: `perDay` stories a day over the 14 days before the window (ids from 1000),
 * then `recent` stories in the last 20 hours (ids from 1).
 */
function history(perDay: number, recent: number): StoryMatch[] {
  const matches: StoryMatch[] = [];
  for (let day = 0; day < 14; day++)
    for (let n = 0; n < perDay; n++)
      matches.push({ storyId: 1000 + day * perDay + n, countedAt: ago(24 + day * 24 + 1 + n) });
  // Every 20 minutes, from 20 hours ago.
  for (let n = 0; n < recent; n++) matches.push({ storyId: n + 1, countedAt: ago(20 - n / 3) });
  return matches;
}

describe('countSpike', () => {
  it.each([
    { name: 'a usual day: 2 a day, 2 today', perDay: 2, recent: 2, spiking: false },
    {
      name: 'three times the usual is not above it: 6 against 2',
      perDay: 2,
      recent: 6,
      spiking: false,
    },
    { name: 'more than three times the usual: 7 against 2', perDay: 2, recent: 7, spiking: true },
    { name: 'a quiet topic under min: 4 against 0', perDay: 0, recent: 4, spiking: false },
    { name: 'a quiet topic at min: 5 against 0', perDay: 0, recent: 5, spiking: true },
    { name: 'a busy topic, a busy day: 40 against 15', perDay: 15, recent: 40, spiking: false },
    { name: 'a busy topic, a burst: 46 against 15', perDay: 15, recent: 46, spiking: true },
  ])('$name', ({ perDay, recent, spiking }) => {
    const count = countSpike(SPIKE, history(perDay, recent), NOW);
    expect(count.expected).toBeCloseTo(perDay, 6);
    expect(count.baselineStories).toBe(perDay * 14);
    expect(count.stories).toHaveLength(recent);
    expect(count.spiking).toBe(spiking);
  });

  it('counts a story in the period of its earliest article, and ignores what is older than the baseline', () => {
    const matches: StoryMatch[] = [
      { storyId: 1, countedAt: ago(30) },
      { storyId: 1, countedAt: ago(2) },
      { storyId: 2, countedAt: ago(3) },
      { storyId: 3, countedAt: ago(24 * 15 + 1) },
    ];
    const count = countSpike(SPIKE, matches, NOW);
    expect(count.stories).toEqual([2]);
    expect(count.baselineStories).toBe(1);
    expect(count.windowStart).toEqual(ago(24));
  });
});

describe('decideAlert with a spike', () => {
  it('fires on a spike with the window’s stories and the usual count, then holds the cooldown', () => {
    const decision = decideAlert({
      alert: ALERT,
      severity: 'high',
      matches: history(2, 7),
      now: NOW,
    });
    expect(decision).toMatchObject({ fire: true, newSinceLast: 7, expected: 2 });
    expect(decision.stories).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const later = decideAlert({
      alert: ALERT,
      severity: 'high',
      matches: history(2, 7),
      now: new Date(NOW.getTime() + HOUR),
      last: { at: NOW, storyIds: decision.stories },
    });
    expect(later).toMatchObject({ fire: false, reason: 'cooldown' });
  });

  it('does not fire a critical rule below the spike: severity does not lower a spike', () => {
    const decision = decideAlert({
      alert: ALERT,
      severity: 'critical',
      matches: history(2, 3),
      now: NOW,
    });
    expect(decision).toMatchObject({ fire: false, reason: 'no-spike' });
  });
});

describe('replayAlerts with a spike', () => {
  it('replays a history and fires once, when the burst passes factor × usual', () => {
    const matches = history(1, 6).map((match) => ({
      ruleId: 'burst',
      storyId: match.storyId,
      regions: ['syria'],
      matchedAt: match.countedAt,
    }));
    const [result] = replayAlerts(
      [{ id: 'burst', severity: 'high', alert: { ...ALERT, spike: { ...SPIKE, per: 'region' } } }],
      matches,
    );
    // Usually 1 a day. At the 4th story of the day (19 h ago), the 24 h window also holds
    // yesterday's last story (25 h ago): 5 stories, at min and above 3 × 13/14 (the baseline
    // (then 15 d to 1 d back) holds 13); the 5th and 6th fall in the cooldown.
    expect(
      result?.alerts.map((alert) => [alert.at.toISOString(), alert.region, alert.stories.length]),
    ).toEqual([[ago(19).toISOString(), 'syria', 5]]);
  });
});
