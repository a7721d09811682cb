import { describe, expect, it } from 'vitest';
import { type DigestPeriod, digestPeriod } from '../../../src/notify/digest-window.ts';

const PARIS = 'Europe/Paris';
const HOUR = 3_600_000;
const daily = (now: string, lastPeriodEnd?: string) =>
  digestPeriod({
    cron: '0 8 * * *',
    timezone: PARIS,
    now: new Date(now),
    lastPeriodEnd: lastPeriodEnd ? new Date(lastPeriodEnd) : undefined,
  });
const hours = (period: DigestPeriod | undefined) =>
  period && (period.end.getTime() - period.start.getTime()) / HOUR;

/** The wall-clock time in Paris, `HH:MM`. */
function parisClock(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: PARIS,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** Runs the digest every `stepMs` from `from` to `to`, carrying the watermark as the store would. */
function runEvery(cron: string, from: string, to: string, stepMs: number): DigestPeriod[] {
  const periods: DigestPeriod[] = [];
  let watermark: Date | undefined;
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += stepMs) {
    const period = digestPeriod({
      cron,
      timezone: PARIS,
      now: new Date(t),
      lastPeriodEnd: watermark,
    });
    if (!period) continue;
    periods.push(period);
    watermark = period.end;
  }
  return periods;
}

describe('digestPeriod', () => {
  it.each([
    {
      name: 'spring forward (29 March 2026) makes a 23-hour day',
      now: '2026-03-29T06:00:00Z',
      start: '2026-03-28T07:00:00.000Z',
      end: '2026-03-29T06:00:00.000Z',
      h: 23,
    },
    {
      name: 'fall back (25 October 2026) makes a 25-hour day',
      now: '2026-10-25T07:00:00Z',
      start: '2026-10-24T06:00:00.000Z',
      end: '2026-10-25T07:00:00.000Z',
      h: 25,
    },
    {
      name: 'an ordinary winter day is 24 hours',
      now: '2026-03-27T09:15:00Z',
      start: '2026-03-26T07:00:00.000Z',
      end: '2026-03-27T07:00:00.000Z',
      h: 24,
    },
    {
      name: 'a moment before 08:00 still ends at the previous 08:00',
      now: '2026-03-29T05:59:59.999Z',
      start: '2026-03-27T07:00:00.000Z',
      end: '2026-03-28T07:00:00.000Z',
      h: 24,
    },
    {
      name: 'a run a little late ends at the scheduled time, not at now',
      now: '2026-03-29T06:00:03.250Z',
      start: '2026-03-28T07:00:00.000Z',
      end: '2026-03-29T06:00:00.000Z',
      h: 23,
    },
  ])('$name', ({ now, start, end, h }) => {
    const period = daily(now);
    expect(period?.start.toISOString()).toBe(start);
    expect(period?.end.toISOString()).toBe(end);
    expect(hours(period)).toBe(h);
  });

  it('starts at the watermark: runs missed while the worker was down are covered by the next one', () => {
    const period = daily('2026-03-30T06:30:00Z', '2026-03-27T07:00:00Z');
    expect(period?.start.toISOString()).toBe('2026-03-27T07:00:00.000Z');
    expect(period?.end.toISOString()).toBe('2026-03-30T06:00:00.000Z');
  });

  it('is undefined when the watermark already reaches the latest scheduled time', () => {
    expect(daily('2026-03-29T06:00:00Z', '2026-03-29T06:00:00Z')).toBeUndefined();
    expect(daily('2026-03-29T12:00:00Z', '2026-03-29T06:00:00Z')).toBeUndefined();
  });

  it.each([
    ['spring', '2026-03-20T00:00:00Z', '2026-04-05T00:00:00Z'],
    ['autumn', '2026-10-18T00:00:00Z', '2026-11-01T00:00:00Z'],
  ])(
    'consecutive daily periods across the %s change neither overlap nor leave gaps',
    (_season, from, to) => {
      const periods = runEvery('0 8 * * *', from, to, 17 * 60_000);
      expect(periods.length).toBeGreaterThan(10);
      for (const [i, period] of periods.entries()) {
        expect(parisClock(period.end)).toBe('08:00');
        const previous = periods[i - 1];
        if (previous) expect(period.start).toEqual(previous.end);
      }
      const lengths = periods.slice(1).map(hours);
      expect(lengths.filter((h) => h !== 24)).toEqual([from.startsWith('2026-03') ? 23 : 25]);
    },
  );

  it('chains an hourly digest through both changes without gaps', () => {
    for (const [from, to] of [
      ['2026-03-28T22:00:00Z', '2026-03-29T04:00:00Z'],
      ['2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z'],
    ] as const) {
      const periods = runEvery('0 * * * *', from, to, 10 * 60_000);
      for (const [i, period] of periods.entries()) {
        expect(hours(period)).toBe(1);
        const previous = periods[i - 1];
        if (previous) expect(period.start).toEqual(previous.end);
      }
    }
  });

  it('names the cron and zone it cannot schedule', () => {
    expect(() => digestPeriod({ cron: '61 8 * * *', timezone: PARIS, now: new Date() })).toThrow(
      /cannot schedule digest with cron "61 8 \* \* \*" in Europe\/Paris/,
    );
  });
});
