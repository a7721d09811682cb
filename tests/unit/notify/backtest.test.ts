import { describe, expect, it } from 'vitest';
import {
  type ReplayMatch,
  type ReplayRule,
  replayAlerts,
  startReplay,
} from '../../../src/notify/backtest.ts';

const T0 = new Date('2026-03-10T00:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

/** Story `storyId` matched by `ruleId` at T0 + `hours`, naming `regions`. */
const m = (ruleId: string, storyId: number, hours: number, regions = ['syria']): ReplayMatch => ({
  ruleId,
  storyId,
  regions,
  matchedAt: at(hours),
});

const perRegion: ReplayRule = {
  id: 'attacks',
  severity: 'high',
  regions: ['iraq', 'syria'],
  alert: {
    threshold: { count: 2, window: '6h', per: 'region' },
    cooldown: '12h',
    channels: ['ops'],
  },
};
const perRule: ReplayRule = {
  id: 'whole',
  severity: 'high',
  alert: { threshold: { count: 2, window: '6h', per: 'rule' }, channels: ['ops'] },
};
const noAlert: ReplayRule = { id: 'quiet', severity: 'info' };
const critical: ReplayRule = { ...perRegion, id: 'critical', severity: 'critical' };

const alertsOf = (rules: ReplayRule[], matches: ReplayMatch[]) =>
  replayAlerts(rules, matches).map((rule) => ({
    id: rule.id,
    alerts: rule.alerts.map((alert) => [alert.at.toISOString(), alert.region, alert.stories]),
  }));

describe('replayAlerts', () => {
  it.each([
    {
      name: 'the second story in the window fires, at its time',
      rules: [perRegion],
      matches: [m('attacks', 1, 0), m('attacks', 2, 1)],
      alerts: [[at(1).toISOString(), 'syria', [1, 2]]],
    },
    {
      name: 'articles of one story count once',
      rules: [perRegion],
      matches: [m('attacks', 1, 0), m('attacks', 1, 1), m('attacks', 1, 2)],
      alerts: [],
    },
    {
      name: 'a story that left the window no longer counts',
      rules: [perRegion],
      matches: [m('attacks', 1, 0), m('attacks', 2, 7)],
      alerts: [],
    },
    {
      name: 'each region counts apart',
      rules: [perRegion],
      matches: [m('attacks', 1, 0, ['iraq']), m('attacks', 2, 1, ['syria'])],
      alerts: [],
    },
    {
      name: 'the cooldown holds back a new story, and lets the next one through after it',
      rules: [perRegion],
      matches: [1, 2, 3, 4, 5].map((story, i) => m('attacks', story, [0, 1, 5, 10, 14][i] ?? 0)),
      alerts: [
        [at(1).toISOString(), 'syria', [1, 2]],
        [at(14).toISOString(), 'syria', [4, 5]],
      ],
    },
    {
      name: 'matches at the same time are evaluated together',
      rules: [critical],
      matches: [m('critical', 1, 0), m('critical', 2, 0)],
      alerts: [[at(0).toISOString(), 'syria', [1, 2]]],
    },
    {
      name: 'stories count by publication: two old articles found now fire nothing',
      rules: [perRegion],
      matches: [
        { ...m('attacks', 1, 10), countedAt: at(-24 * 365) },
        { ...m('attacks', 2, 11), countedAt: at(-24 * 30) },
      ],
      alerts: [],
    },
    {
      name: 'a story published before it was found still counts within the window',
      rules: [perRegion],
      matches: [{ ...m('attacks', 1, 10), countedAt: at(6) }, m('attacks', 2, 11)],
      alerts: [[at(11).toISOString(), 'syria', [1, 2]]],
    },
    {
      name: 'per rule: one key, region ""',
      rules: [perRule],
      matches: [m('whole', 1, 0, ['iraq']), m('whole', 2, 1, [])],
      alerts: [[at(1).toISOString(), '', [1, 2]]],
    },
  ])('$name', ({ rules, matches, alerts }) => {
    const [result] = alertsOf(rules, matches);
    expect(result?.alerts).toEqual(alerts);
  });

  it('counts articles and stories of every rule, with or without an alert, in the rules’ order', () => {
    const result = replayAlerts(
      [perRegion, noAlert],
      [m('quiet', 5, 2), m('quiet', 5, 3), m('quiet', -9, 4), m('unknown', 1, 0)],
    );
    expect(result).toEqual([
      { id: 'attacks', articles: 0, stories: 0, alerts: [] },
      { id: 'quiet', articles: 3, stories: 2, alerts: [] },
    ]);
  });

  it('refuses matches older than those already added', () => {
    const replay = startReplay([perRegion]);
    replay.add([m('attacks', 1, 2)]);
    expect(() => replay.add([m('attacks', 2, 1)])).toThrow(/out of order/);
  });
});
