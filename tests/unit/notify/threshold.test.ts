import { describe, expect, it } from 'vitest';
import {
  alertKeys,
  decideAlert,
  type LastAlert,
  type StoryMatch,
  type ThresholdInput,
} from '../../../src/notify/threshold.ts';
import type { Severity } from '../../../src/rules/types.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const H = 60;

/** Story `id` matched `minutes` ago. */
const m = (id: number, minutes: number): StoryMatch => ({ storyId: id, countedAt: ago(minutes) });

interface Case {
  name: string;
  matches: StoryMatch[];
  severity?: Severity;
  count?: number;
  cooldown?: string;
  last?: LastAlert;
  fire: boolean;
  stories?: number[];
  newSinceLast?: number;
  reason?: string;
}

const cases: Case[] = [
  {
    name: 'exactly count stories fires',
    matches: [m(1, 50), m(2, 40), m(3, 10)],
    fire: true,
    stories: [1, 2, 3],
    newSinceLast: 3,
  },
  {
    name: 'count - 1 stories does not',
    matches: [m(1, 50), m(2, 40)],
    fire: false,
    reason: 'below-threshold',
  },
  {
    name: 'many articles of one story count once',
    matches: [m(1, 50), m(1, 40), m(1, 30), m(2, 5)],
    fire: false,
    stories: [1, 2],
  },
  {
    name: 'a story outside the sliding window does not count',
    matches: [m(1, 6 * H + 1), m(2, 40), m(3, 10)],
    fire: false,
    stories: [2, 3],
  },
  {
    name: 'a match exactly one window ago is outside it',
    matches: [m(1, 6 * H), m(2, 40), m(3, 10)],
    fire: false,
  },
  {
    name: 'a story re-matched inside the window counts',
    matches: [m(1, 7 * H), m(1, 2 * H), m(2, 40), m(3, 10)],
    fire: true,
    stories: [1, 2, 3],
  },
  { name: 'matches after now are ignored', matches: [m(1, 50), m(2, 40), m(3, -5)], fire: false },
  {
    name: 'critical fires on the first match',
    severity: 'critical',
    matches: [m(7, 1)],
    fire: true,
    stories: [7],
    newSinceLast: 1,
  },
  {
    name: 'critical with nothing in the window does not',
    severity: 'critical',
    matches: [m(7, 7 * H)],
    fire: false,
  },
  {
    name: 'inside the cooldown no fire',
    matches: [m(1, 50), m(2, 40), m(3, 30), m(4, 5)],
    last: { at: ago(2 * H), storyIds: [1, 2, 3] },
    fire: false,
    reason: 'cooldown',
  },
  {
    name: 'critical also waits for its cooldown',
    severity: 'critical',
    matches: [m(1, 50), m(2, 5)],
    last: { at: ago(50), storyIds: [1] },
    fire: false,
    reason: 'cooldown',
  },
  {
    name: 'after the cooldown the next alert counts the new stories',
    cooldown: '12h',
    matches: [m(3, 5 * H), m(4, 3 * H), m(5, 10)],
    last: { at: ago(12 * H), storyIds: [1, 2, 3] },
    fire: true,
    stories: [3, 4, 5],
    newSinceLast: 2,
  },
  {
    name: 'after the cooldown the same stories are not announced again',
    cooldown: '1h',
    matches: [m(1, 50), m(2, 40), m(3, 30)],
    last: { at: ago(2 * H), storyIds: [1, 2, 3] },
    fire: false,
    reason: 'nothing-new',
  },
  {
    name: 'without a cooldown the window is the cooldown',
    cooldown: undefined,
    matches: [m(1, 50), m(2, 40), m(3, 30), m(4, 1)],
    last: { at: ago(5 * H), storyIds: [9] },
    fire: false,
    reason: 'cooldown',
  },
  {
    name: 'without a cooldown, one window after the last alert it fires again',
    cooldown: undefined,
    matches: [m(1, 50), m(2, 40), m(3, 30)],
    last: { at: ago(6 * H), storyIds: [9] },
    fire: true,
    newSinceLast: 3,
  },
  { name: 'count 1 fires on one story', count: 1, matches: [m(1, 1)], fire: true },
];

function input(c: Case): ThresholdInput {
  const cooldown = 'cooldown' in c ? c.cooldown : '12h';
  return {
    alert: { threshold: { count: c.count ?? 3, window: '6h', per: 'region' }, cooldown },
    severity: c.severity ?? 'high',
    matches: c.matches,
    last: c.last,
    now: NOW,
  };
}

describe('decideAlert', () => {
  it.each(cases)('$name', (c) => {
    const decision = decideAlert(input(c));
    expect(decision.fire).toBe(c.fire);
    if (c.stories) expect(decision.stories).toEqual(c.stories);
    if (c.newSinceLast !== undefined) expect(decision.newSinceLast).toBe(c.newSinceLast);
    if (c.reason) expect(decision.reason).toBe(c.reason);
    expect(decision.windowEnd).toEqual(NOW);
    expect(decision.windowStart).toEqual(ago(6 * H));
  });

  it('refuses a malformed duration rather than guessing', () => {
    const bad = {
      ...input(cases[0] as Case),
      alert: { threshold: { count: 1, window: 'six hours', per: 'rule' as const } },
    };
    expect(() => decideAlert(bad)).toThrow(/invalid window duration/);
  });
});

describe('alertKeys', () => {
  const alert = (per: 'rule' | 'region') => ({ threshold: { count: 3, window: '6h', per } });
  it.each([
    {
      name: 'per rule: one key whatever the regions',
      rule: { regions: ['iraq'], alert: alert('rule') },
      event: ['iraq', 'syria'],
      keys: [''],
    },
    {
      name: 'per region: the rule regions the event names',
      rule: { regions: ['iraq', 'syria', 'mali'], alert: alert('region') },
      event: ['mosul', 'nineveh', 'iraq', 'syria'],
      keys: ['iraq', 'syria'],
    },
    {
      name: 'per region: none when the event names none of them',
      rule: { regions: ['mali'], alert: alert('region') },
      event: ['iraq'],
      keys: [],
    },
    {
      name: 'per region without rule regions: the event regions',
      rule: { alert: alert('region') },
      event: ['iraq', 'syria'],
      keys: ['iraq', 'syria'],
    },
    {
      name: 'per region without rule regions: only those the article is about',
      rule: { alert: alert('region') },
      event: ['iraq', 'united-states', 'syria', 'iran', 'israel'],
      focus: ['iraq', 'united-states'],
      keys: ['iraq', 'united-states'],
    },
    {
      name: 'per region with rule regions: named is enough, focus or not',
      rule: { regions: ['iraq', 'syria'], alert: alert('region') },
      event: ['iraq', 'syria'],
      focus: ['iraq'],
      keys: ['iraq', 'syria'],
    },
    { name: 'no alert: no key', rule: { regions: ['iraq'] }, event: ['iraq'], keys: [] },
  ] as { name: string; rule: object; event: string[]; focus?: string[]; keys: string[] }[])(
    '$name',
    ({ rule, event, focus, keys }) => {
      expect(alertKeys(rule, event, focus)).toEqual(keys);
    },
  );
});
