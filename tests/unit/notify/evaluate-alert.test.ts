import { describe, expect, it } from 'vitest';
import { describeTrigger } from '../../../src/notify/evaluate-alert.ts';
import { decideInCooldown } from '../../../src/notify/threshold.ts';
import type { KeyEvent } from '../../../src/store/alerts.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const ALERT = { threshold: { count: 2, window: '1h', per: 'rule' as const } };

describe('decideInCooldown', () => {
  it('decides nothing without a last alert or after its cooldown', () => {
    expect(decideInCooldown(ALERT, undefined, NOW)).toBeUndefined();
    expect(decideInCooldown(ALERT, ago(60), NOW)).toBeUndefined();
    expect(decideInCooldown({ ...ALERT, cooldown: '30m' }, ago(30), NOW)).toBeUndefined();
  });

  it('holds the key in the cooldown (the window when none is set), window still reported', () => {
    expect(decideInCooldown(ALERT, ago(59), NOW)).toEqual({
      fire: false,
      stories: [],
      newSinceLast: 0,
      windowStart: ago(60),
      windowEnd: NOW,
      reason: 'cooldown',
    });
    expect(decideInCooldown({ ...ALERT, cooldown: '3h' }, ago(120), NOW)?.reason).toBe('cooldown');
  });
});

describe('describeTrigger', () => {
  const event = (id: number, articleId: number, terms: string[], regions: string[]): KeyEvent => ({
    id,
    articleId,
    terms: terms.map((term) => ({ term, segment: 0, start: 0, end: term.length })),
    regions,
  });

  it('keeps the decision stories and lists events, articles, terms and regions once each', () => {
    const trigger = describeTrigger({ stories: [7, -3] }, [
      event(10, 3, ['attentat', 'EI'], ['iraq']),
      event(11, 3, ['EI'], ['iraq', 'syria']),
      event(12, 5, ['kamikaze'], []),
    ]);
    expect(trigger).toEqual({
      stories: [7, -3],
      events: [10, 11, 12],
      articles: [3, 5],
      terms: ['attentat', 'EI', 'kamikaze'],
      regions: ['iraq', 'syria'],
    });
  });
});
