// Pure view code of the workspace pages: days in the analyst's zone, rule rows, alert and query reading.
import { describe, expect, it } from 'vitest';
import { readAlertQuery, readId } from '../../../src/server/page-query.ts';
import { dayIn, lastDays, viewAlerts, viewRules } from '../../../src/server/workspace-view.ts';

const rules = [
  { id: 'a', name: 'Rule A', severity: 'high' as const, match: { any: ['x'] } },
  { id: 'b', severity: 'low' as const, match: { any: ['y'] } },
];
const context = {
  config: { rules },
  now: new Date('2024-09-10T12:00:00Z'),
  timeZone: 'Europe/Paris',
};

describe('days', () => {
  it("are the analyst's: 22:30 UTC is the next day in Paris", () => {
    expect(dayIn(new Date('2024-09-01T22:30:00Z'), 'Europe/Paris')).toBe('2024-09-02');
    expect(dayIn(new Date('2024-09-01T22:30:00Z'), 'UTC')).toBe('2024-09-01');
  });

  it('the last seven, once each, across the change of offset in October', () => {
    expect(lastDays(new Date('2024-10-29T00:30:00Z'), 7, 'Europe/Paris')).toEqual([
      '2024-10-23',
      '2024-10-24',
      '2024-10-25',
      '2024-10-26',
      '2024-10-27',
      '2024-10-28',
      '2024-10-29',
    ]);
  });
});

describe('viewRules', () => {
  it("lists the config's rules in order, then gone ones with activity, hours grouped into days", () => {
    const activity = new Map([
      ['gone', { ruleId: 'gone', matches24h: 1, matches7d: 2, alerts24h: 0, alerts7d: 0 }],
      ['a', { ruleId: 'a', matches24h: 3, matches7d: 5, alerts24h: 1, alerts7d: 2 }],
    ]);
    const hourly = [
      { ruleId: 'a', hour: new Date('2024-09-09T21:00:00Z'), count: 2 },
      { ruleId: 'a', hour: new Date('2024-09-09T22:00:00Z'), count: 3 },
    ];
    const rows = viewRules({ rules }, activity, hourly, ['2024-09-09', '2024-09-10'], (at) =>
      dayIn(at, 'Europe/Paris'),
    );
    expect(rows.map((row) => [row.rule, row.ruleName, row.severity, row.inConfig])).toEqual([
      ['a', 'Rule A', 'high', true],
      ['b', 'b', 'low', true],
      ['gone', 'gone', null, false],
    ]);
    expect(rows[0]).toMatchObject({
      matches24h: 3,
      matches7d: 5,
      alerts7d: 2,
      perDay: [
        { day: '2024-09-09', count: 2 },
        { day: '2024-09-10', count: 3 },
      ],
    });
    expect(rows[1]?.perDay).toEqual([
      { day: '2024-09-09', count: 0 },
      { day: '2024-09-10', count: 0 },
    ]);
  });
});

describe('viewAlerts', () => {
  it('names the rule and region, and hides the error of a sent delivery', () => {
    const at = new Date('2024-09-01T10:00:00Z');
    const view = viewAlerts(
      {
        alerts: [
          {
            id: 7,
            ruleId: 'a',
            regionId: 'mosul',
            windowStart: at,
            windowEnd: at,
            storyCount: 2,
            createdAt: at,
            storyIds: [1, 2],
            deliveries: [
              { channel: 'ops', state: 'sent', attempts: 2, lastError: 'timeout', sentAt: at },
              {
                channel: 'hook',
                state: 'failed',
                attempts: 5,
                lastError: 'HTTP 500',
                sentAt: null,
              },
            ],
          },
        ],
        next: 7,
      },
      { rules, regions: [{ id: 'mosul', names: ['Mossoul'] }], feeds: [] },
    );
    expect(view.next).toBe('7');
    expect(view.alerts[0]).toMatchObject({
      ruleName: 'Rule A',
      region: { id: 'mosul', name: 'Mossoul' },
    });
    expect(view.alerts[0]?.deliveries.map((delivery) => delivery.error)).toEqual([
      null,
      'HTTP 500',
    ]);
  });
});

describe('readAlertQuery', () => {
  const read = (query: string) => readAlertQuery(new URLSearchParams(query), context);

  it('reads the filters into a search', () => {
    expect(read('rule=a&since=2024-09-01&limit=10&cursor=42&until=')).toEqual({
      ok: true,
      values: { rule: 'a', since: '2024-09-01', limit: '10', cursor: '42' },
      search: {
        limit: 10,
        ruleIds: ['a'],
        since: new Date('2024-08-31T22:00:00Z'),
        beforeId: 42,
      },
    });
    expect(read('since=7d')).toMatchObject({ search: { since: new Date('2024-09-03T12:00:00Z') } });
  });

  it.each([
    ['rule=c', 'rule', 'no rule "c" in rules.yaml'],
    ['rule=a&rule=b', 'rule', 'given more than once'],
    ['since=2024-09-02&until=2024-09-01', 'until', 'must be after since'],
    ['limit=201', 'limit', 'expected a whole number from 1 to 200'],
    ['cursor=-1', 'cursor', 'not a cursor this server gave (use "next" as it came)'],
  ])('%s: %s', (query, parameter, message) => {
    expect(read(query)).toEqual({ ok: false, parameter, message });
  });

  it('ids are positive whole numbers as written', () => {
    expect([
      readId('1'),
      readId('042'),
      readId('0'),
      readId('1e3'),
      readId('9'.repeat(16)),
    ]).toEqual([1, undefined, undefined, undefined, undefined]);
  });
});
