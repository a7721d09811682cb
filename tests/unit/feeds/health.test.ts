// Feed health: disabled, failing for too long, silent against its own cadence, and the notice a change makes.
import { describe, expect, it } from 'vitest';
import {
  CADENCE_WINDOW_MS,
  DEFAULT_HEALTH,
  type HealthFacts,
  judgeHealth,
  noticeFor,
  resolveHealthPolicy,
  shouldDisable,
  silenceAfterMs,
} from '../../../src/feeds/health.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2024-09-10T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const healthy: HealthFacts = {
  disabled: false,
  failingSince: null,
  lastNewItemAt: ago(HOUR),
  itemsBeforeLast: 300,
  watchedSince: ago(60 * DAY),
};

describe('judgeHealth', () => {
  it.each([
    ['a feed that succeeds and brings items', {}, 'ok'],
    ['a disabled feed, whatever else', { disabled: true, failingSince: ago(DAY) }, 'disabled'],
    ['a feed failing for less than failingAfter', { failingSince: ago(5 * HOUR) }, 'ok'],
    ['a feed failing for longer than failingAfter', { failingSince: ago(7 * HOUR) }, 'failing'],
    // 300 items in 30 days: one every 2.4 h; ten times that is 24 h, below the 2-day floor.
    ['a busy feed quiet for a day', { lastNewItemAt: ago(DAY) }, 'ok'],
    ['a busy feed quiet for three days', { lastNewItemAt: ago(3 * DAY) }, 'silent'],
    // 6 items in 30 days: one every 5 days; silent after 50 days.
    ['a slow feed quiet for a month', { itemsBeforeLast: 6, lastNewItemAt: ago(30 * DAY) }, 'ok'],
    [
      'a slow feed quiet for 2 months',
      { itemsBeforeLast: 6, lastNewItemAt: ago(60 * DAY) },
      'silent',
    ],
    [
      'a new feed that never brought anything',
      { lastNewItemAt: null, watchedSince: ago(HOUR) },
      'ok',
    ],
    [
      'a feed that never brought anything in 3 days',
      { lastNewItemAt: null, itemsBeforeLast: 0, watchedSince: ago(3 * DAY) },
      'silent',
    ],
    [
      'failing wins over silent',
      { failingSince: ago(DAY), lastNewItemAt: ago(9 * DAY) },
      'failing',
    ],
  ] as const)('%s: %s', (_name, facts, expected) => {
    expect(judgeHealth({ ...healthy, ...facts }, DEFAULT_HEALTH, NOW)).toBe(expected);
  });
});

describe('silenceAfterMs', () => {
  it('is the factor times the usual interval, never below the floor', () => {
    expect(silenceAfterMs({ itemsBeforeLast: 3 }, DEFAULT_HEALTH)).toBe(
      (DEFAULT_HEALTH.silentFactor * CADENCE_WINDOW_MS) / 3,
    );
    expect(silenceAfterMs({ itemsBeforeLast: 10_000 }, DEFAULT_HEALTH)).toBe(2 * DAY);
    expect(silenceAfterMs({ itemsBeforeLast: 0 }, DEFAULT_HEALTH)).toBe(2 * DAY);
  });
});

describe('noticeFor', () => {
  it.each([
    ['ok', 'ok', undefined],
    ['ok', 'failing', 'failing'],
    ['failing', 'disabled', 'disabled'],
    ['disabled', 'ok', 'recovered'],
    ['silent', 'ok', 'recovered'],
    ['silent', 'silent', undefined],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(noticeFor(from, to)).toBe(expected);
  });
});

describe('resolveHealthPolicy and shouldDisable', () => {
  it('defaults to 3 permanent failures over 24 h', () => {
    const policy = resolveHealthPolicy(undefined);
    expect(policy).toEqual(DEFAULT_HEALTH);
    expect([1, 2, 3].map((n) => shouldDisable(n, policy))).toEqual([false, false, true]);
  });

  it("reads feeds.yaml's health settings", () => {
    const policy = resolveHealthPolicy({
      failingAfter: '30m',
      disableAfter: { failures: 1, within: '1h' },
      silentFactor: 4,
      silentAfter: '12h',
    });
    expect(policy).toEqual({
      failingAfterMs: 30 * 60_000,
      disableFailures: 1,
      disableWithinMs: HOUR,
      silentFactor: 4,
      silentAfterMs: 12 * HOUR,
    });
    expect(shouldDisable(1, policy)).toBe(true);
  });
});
