// The polling schedule: every, server hints within bounds, backoff while failing.
import { describe, expect, it } from 'vitest';
import { nextFetchAt, parseHttpDate, parseMaxAge } from '../../../src/feeds/schedule.ts';

const NOW = new Date('2024-09-01T10:00:00Z');
const MIN = 60_000;
const H = 60 * MIN;
const inMs = (ms: number) => new Date(NOW.getTime() + ms);

describe('nextFetchAt', () => {
  const cases: [string, Partial<Parameters<typeof nextFetchAt>[0]>, number][] = [
    ['every without hints', { every: 10 * MIN }, 10 * MIN],
    ['every below a minute is the analyst’s choice', { every: 30_000 }, 30_000],
    ['max-age longer than every', { every: 10 * MIN, cacheControlMaxAge: 1800 }, 30 * MIN],
    [
      'max-age shorter than every, bounded by every/2',
      { every: 10 * MIN, cacheControlMaxAge: 60 },
      5 * MIN,
    ],
    ['max-age 0 (no-cache) is no hint', { every: 10 * MIN, cacheControlMaxAge: 0 }, 10 * MIN],
    [
      'a year of max-age, bounded by 4×every',
      { every: 10 * MIN, cacheControlMaxAge: 31_536_000 },
      40 * MIN,
    ],
    ['4×every bounded by 24 h', { every: 12 * H, ttlMinutes: 10_000 }, 24 * H],
    ['every/2 bounded below by 1 minute', { every: MIN, cacheControlMaxAge: 5 }, MIN],
    ['Expires in 20 minutes', { every: 10 * MIN, expires: inMs(20 * MIN) }, 20 * MIN],
    ['Expires in the past is no hint', { every: 10 * MIN, expires: inMs(-MIN) }, 10 * MIN],
    ['RSS ttl', { every: 10 * MIN, ttlMinutes: 15 }, 15 * MIN],
    [
      'the longest hint wins',
      { every: 10 * MIN, ttlMinutes: 15, cacheControlMaxAge: 1500 },
      25 * MIN,
    ],
    ['first failure waits every', { every: 10 * MIN, consecutiveFailures: 1 }, 10 * MIN],
    ['third failure waits 4×every', { every: 10 * MIN, consecutiveFailures: 3 }, 40 * MIN],
    ['backoff is capped at 24 h', { every: 10 * MIN, consecutiveFailures: 40 }, 24 * H],
    ['backoff waits at least a minute', { every: 10_000, consecutiveFailures: 1 }, MIN],
    [
      'Retry-After beyond the backoff',
      { every: 10 * MIN, consecutiveFailures: 1, retryAfter: inMs(2 * H) },
      2 * H,
    ],
    [
      'Retry-After capped at 24 h',
      { every: 10 * MIN, consecutiveFailures: 1, retryAfter: inMs(72 * H) },
      24 * H,
    ],
    [
      'failures ignore cache hints',
      { every: 10 * MIN, consecutiveFailures: 2, cacheControlMaxAge: 60 },
      20 * MIN,
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const at = nextFetchAt({ now: NOW, every: 10 * MIN, consecutiveFailures: 0, ...input });
    expect(at.getTime() - NOW.getTime()).toBe(expected);
  });
});

describe('header parsing', () => {
  it.each([
    ['max-age=300', 300],
    ['public, max-age=60, must-revalidate', 60],
    ['s-maxage=10', undefined],
    ['no-cache', undefined],
    [undefined, undefined],
  ])('parseMaxAge(%s)', (header, expected) => {
    expect(parseMaxAge(header)).toBe(expected);
  });
  it('parseHttpDate reads IMF-fixdate and refuses garbage', () => {
    expect(parseHttpDate('Sun, 01 Sep 2024 10:20:00 GMT')?.toISOString()).toBe(
      '2024-09-01T10:20:00.000Z',
    );
    expect(parseHttpDate('0')).toBeUndefined();
    expect(parseHttpDate('soon')).toBeUndefined();
  });
});
