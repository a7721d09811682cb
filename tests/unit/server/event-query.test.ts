import { describe, expect, it } from 'vitest';
import {
  analystTimeZone,
  decodeCursor,
  encodeCursor,
  expandRegion,
  readEventQuery,
  startOfDay,
} from '../../../src/server/event-query.ts';

const regions = [
  {
    id: 'iraq',
    names: ['Irak'],
    children: [
      { id: 'nineveh', names: ['Ninive'], children: [{ id: 'mosul', names: ['Mossoul'] }] },
      { id: 'baghdad', names: ['Bagdad'] },
    ],
  },
  { id: 'syria', names: ['Syrie'] },
];
const rules = [
  { id: 'attacks', severity: 'high' as const, match: { any: ['attentat'] } },
  { id: 'mosul-watch', severity: 'low' as const, match: { any: ['explosion'] } },
];
const context = {
  config: { rules, regions },
  now: new Date('2024-09-10T12:00:00Z'),
  timeZone: 'Europe/Paris',
};
const read = (query: string) => readEventQuery(new URLSearchParams(query), context);

describe('readEventQuery', () => {
  it('reads every filter, a region with the regions inside it', () => {
    const query = read(
      'rule=attacks&region=nineveh&since=2024-09-01&until=2024-09-02&q=Mossoul&limit=10',
    );
    expect(query).toEqual({
      ok: true,
      values: {
        rule: 'attacks',
        region: 'nineveh',
        since: '2024-09-01',
        until: '2024-09-02',
        q: 'Mossoul',
        limit: '10',
      },
      search: {
        limit: 10,
        ruleIds: ['attacks'],
        regionIds: ['nineveh', 'mosul'],
        // Paris days: midnight CEST is 22:00 UTC the day before; `until` includes its day.
        since: new Date('2024-08-31T22:00:00Z'),
        until: new Date('2024-09-02T22:00:00Z'),
        words: 'Mossoul',
      },
    });
  });

  it('takes empty parameters as no filter, times with zones and periods back from now', () => {
    expect(read('rule=&region=&q=+&since=24h&until=2024-09-10T08:00:00%2B02:00')).toMatchObject({
      ok: true,
      values: { since: '24h', until: '2024-09-10T08:00:00+02:00' },
      search: {
        limit: 50,
        since: new Date('2024-09-09T12:00:00Z'),
        until: new Date('2024-09-10T06:00:00Z'),
      },
    });
  });

  it('names the parameter and the reason of each mistake', () => {
    expect(read('rule=atacks')).toEqual({
      ok: false,
      parameter: 'rule',
      message: 'no rule "atacks" in rules.yaml (did you mean "attacks"?)',
    });
    expect(read('region=france')).toEqual({
      ok: false,
      parameter: 'region',
      message: 'no region "france" in regions.yaml (nearest: iraq, nineveh, mosul)',
    });
    const cases: [string, string, RegExp][] = [
      ['regions=iraq', 'regions', /^unknown parameter/],
      ['rule=attacks&rule=mosul-watch', 'rule', /more than once/],
      ['since=yesterday', 'since', /expected a day .* or a period back from now/],
      ['until=24h', 'until', /expected a day/],
      ['since=2024-02-30', 'since', /no such day/],
      ['since=2024-09-01T10:00', 'since', /with its zone/],
      ['since=2024-09-02&until=2024-09-01', 'until', /after since/],
      ['limit=0', 'limit', /1 to 200/],
      ['limit=2.5', 'limit', /1 to 200/],
      ['limit=201', 'limit', /1 to 200/],
      ['cursor=%3Cscript%3E', 'cursor', /not a cursor/],
      [`cursor=${Buffer.from('x.1').toString('base64url')}`, 'cursor', /not a cursor/],
      [`q=${'a'.repeat(201)}`, 'q', /200 characters/],
    ];
    for (const [query, parameter, message] of cases) {
      const read_ = read(query);
      expect(read_.ok, query).toBe(false);
      if (!read_.ok) {
        expect(read_.parameter, query).toBe(parameter);
        expect(read_.message, query).toMatch(message);
      }
    }
  });
});

describe('cursors', () => {
  it('round-trip and say nothing readable', () => {
    const cursor = { at: new Date('2024-09-01T10:00:00.123Z'), id: 42 };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
    expect(decodeCursor('!!')).toBeUndefined();
  });
});

describe('regions and times', () => {
  it('expands a region into itself and everything inside it', () => {
    expect(expandRegion(regions, 'iraq')).toEqual(['iraq', 'nineveh', 'mosul', 'baghdad']);
    expect(expandRegion(regions, 'mosul')).toEqual(['mosul']);
    expect(expandRegion(regions, 'nowhere')).toBeUndefined();
  });

  it('finds midnight in a zone, across a change of offset', () => {
    expect(startOfDay(2024, 3, 31, 'Europe/Paris')).toEqual(new Date('2024-03-30T23:00:00Z'));
    expect(startOfDay(2024, 4, 1, 'Europe/Paris')).toEqual(new Date('2024-03-31T22:00:00Z'));
    expect(startOfDay(2024, 9, 1, 'UTC')).toEqual(new Date('2024-09-01T00:00:00Z'));
    expect(startOfDay(2024, 9, 1, 'America/New_York')).toEqual(new Date('2024-09-01T04:00:00Z'));
  });

  it("takes the analyst's time zone from the digests, then the channels, else UTC", () => {
    const channel = {
      type: 'webhook' as const,
      url: 'https://h.example/',
      timezone: 'Asia/Baghdad',
    };
    const digest = {
      cron: '0 8 * * *',
      timezone: 'Europe/Paris',
      channels: ['hook'],
      skipEmpty: true,
    };
    expect(analystTimeZone({ channels: { hook: channel }, digests: { daily: digest } })).toBe(
      'Europe/Paris',
    );
    expect(analystTimeZone({ channels: { hook: channel }, digests: {} })).toBe('Asia/Baghdad');
    expect(analystTimeZone({ channels: {}, digests: {} })).toBe('UTC');
  });
});
