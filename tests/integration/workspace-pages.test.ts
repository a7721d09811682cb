// The workspace's pages and JSON beyond /events, over stored events, alerts and feeds:
// /stories/:id, /alerts, /rules, /rules/:id with its backtest, /feeds, and /api/stories, alerts, rules.
// On PostgreSQL; workspace-http.test.ts runs the same store queries on PGlite.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { compileMatcher } from '../../src/rules/compile.ts';
import { startHttpServer, stopHttpServer } from '../../src/server/http.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { type Backend, closeTestDeps, openTestDeps, testBackends } from './pipeline-helpers.ts';
import { hoursAfter, seedEvents } from './workspace-seed.ts';

let backend: Backend;
let deps: Deps;
let server: Server;
let base: string;
let storyId: number;

const config = {
  rules: [
    {
      id: 'attacks',
      name: 'Attacks <in> Iraq',
      severity: 'high' as const,
      match: { any: ['attentat*', 'explosion'] },
      alert: { threshold: { count: 2, window: '6h', per: 'rule' as const }, channels: ['ops'] },
    },
    { id: 'mosul-watch', severity: 'low' as const, match: { any: ['explosion'] } },
  ],
  regions: [
    {
      id: 'iraq',
      names: ['Irak'],
      children: [
        { id: 'nineveh', names: ['Ninive'], children: [{ id: 'mosul', names: ['Mossoul'] }] },
        { id: 'baghdad', names: ['Bagdad'] },
        { id: 'erbil', names: ['Erbil'] },
      ],
    },
  ],
  feeds: [
    {
      id: 'feed-a',
      name: 'Agence <A>',
      url: 'https://feed-a.example/rss',
      every: '10m',
      fetchArticle: true,
    },
  ],
  notify: {
    channels: {},
    digests: {
      morning: { cron: '0 8 * * *', timezone: 'Europe/Paris', channels: ['x'], skipEmpty: true },
    },
  },
};

async function seedAlertsAndFeeds(db: Deps['store']['db'], story: number): Promise<void> {
  const alerts = await db
    .insertInto('alerts')
    .values([
      {
        rule_id: 'attacks',
        window_start: hoursAfter(-3),
        window_end: hoursAfter(3),
        story_count: 2,
        triggered_by: JSON.stringify({ stories: [story, 999, -3], events: [], articles: [] }),
        created_at: hoursAfter(3),
      },
      {
        rule_id: 'mosul-watch',
        region_id: 'mosul',
        window_start: hoursAfter(5),
        window_end: hoursAfter(11),
        story_count: 1,
        triggered_by: JSON.stringify({ stories: [story] }),
        created_at: hoursAfter(11),
      },
    ])
    .returning('id')
    .execute();
  const [first, second] = alerts.map((alert) => alert.id);
  const delivery = { created_at: hoursAfter(3) };
  await db
    .insertInto('deliveries')
    .values([
      {
        ...delivery,
        alert_id: first,
        channel: 'ops',
        state: 'sent',
        attempts: 1,
        sent_at: hoursAfter(3),
      },
      {
        ...delivery,
        alert_id: first,
        channel: 'hook',
        state: 'failed',
        attempts: 5,
        last_error: 'HTTP 500 <b>boom</b>',
      },
      { ...delivery, alert_id: second, channel: 'ops', state: 'pending', attempts: 0 },
    ])
    .execute();
  const feed = { created_at: hoursAfter(0), updated_at: hoursAfter(19) };
  await db
    .insertInto('feeds')
    .values([
      { ...feed, id: 'feed-a', url: 'https://feed-a.example/rss', last_fetched_at: hoursAfter(19) },
      {
        ...feed,
        id: 'feed-b',
        url: 'https://feed-b.example/rss',
        consecutive_failures: 4,
        last_error: 'HTTP 410 <gone>',
        last_error_at: hoursAfter(18),
        disabled_reason: 'permanent failures: HTTP 410',
        health: 'disabled',
      },
    ])
    .execute();
  await db
    .insertInto('feed_fetches')
    .values({
      feed_id: 'feed-a',
      url: 'https://feed-a.example/rss',
      at: hoursAfter(19),
      outcome: 'ok',
      status: 200,
    })
    .execute();
}

async function get(path: string, status = 200): Promise<string> {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(status);
  return response.text();
}

async function getJson<T>(path: string, status = 200): Promise<T> {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

beforeAll(async () => {
  [backend] = testBackends('wspages') as [Backend, Backend];
  deps = await openTestDeps(backend, [], 'wspages');
  deps.config = { ...deps.config, ...config };
  deps.matcher = compileMatcher({ rules: deps.config.rules, regions: deps.config.regions });
  deps.clock = fixedClock(hoursAfter(20));
  await seedEvents(deps.store.db);
  const story = await deps.store.db.selectFrom('stories').select('id').executeTakeFirstOrThrow();
  storyId = story.id;
  await seedAlertsAndFeeds(deps.store.db, storyId);
  server = await startHttpServer(deps, createMetrics(), 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (server) await stopHttpServer(server);
  if (deps) await closeTestDeps(deps, backend);
});

describe('stories', () => {
  it('/api/stories/:id gives the copies in time order, their sources and the rules matched', async () => {
    const story = await getJson<{
      id: number;
      copies: { title: string; source: string; sources: string[]; publishedAt: string }[];
      events: { rule: string; ruleName: string; regions: string[] }[];
    }>(`/api/stories/${storyId}`);
    expect(story.id).toBe(storyId);
    expect(story.copies.map((copy) => copy.title)).toEqual([
      'Explosion à Mossoul',
      'Nouvelle explosion signalée',
      'Explosion <script>alert(1)</script> à Erbil',
      'Copie',
    ]);
    expect(story.copies[0]).toMatchObject({ source: 'Agence <A>', sources: ['Agence <A>'] });
    expect(story.copies[3]?.sources).toEqual(['feed-c']);
    expect(story.events.map((event) => event.rule)).toEqual([
      'attacks',
      'mosul-watch',
      'attacks',
      'attacks',
    ]);
    expect(story.events[0]).toMatchObject({
      ruleName: 'Attacks <in> Iraq',
      regions: ['mosul', 'nineveh', 'iraq'],
    });
  });

  it('/stories/:id shows the timeline escaped; unknown ids 404, bad ones 400', async () => {
    const html = await get(`/stories/${storyId}`);
    expect(html).toContain('4 copies from 3 sources');
    expect(html).toContain('Explosion &lt;script&gt;alert(1)&lt;/script&gt; à Erbil');
    expect(html).not.toContain('<script');
    expect(html).toContain('<a href="/rules/attacks">Attacks &lt;in&gt; Iraq</a>');
    expect(html).toContain('Mossoul, Ninive, Irak');
    expect(await get('/stories/99999', 404)).toBe('no story 99999\n');
    expect(await get('/stories/abc', 400)).toBe(
      'id: expected a story number, such as /stories/42\n',
    );
    expect(await getJson('/api/stories/99999', 404)).toEqual({ error: 'no story 99999' });
    expect(await getJson('/api/stories/0', 400)).toEqual({
      error: 'id: expected a story number, such as /stories/42',
    });
  });

  it('is linked from /events', async () => {
    expect(await get('/events?rule=mosul-watch')).toContain(
      `<a href="/stories/${storyId}">Story ${storyId}</a>`,
    );
  });
});

interface ApiAlerts {
  alerts: {
    id: number;
    rule: string;
    region: string | null;
    stories: number;
    storyIds: number[];
    deliveries: { channel: string; state: string; error: string | null }[];
  }[];
  next: string | null;
}

describe('alerts', () => {
  it('/api/alerts lists alerts newest first with each channel, filters and pages', async () => {
    const all = await getJson<ApiAlerts>('/api/alerts');
    expect(all.alerts.map((alert) => [alert.rule, alert.region, alert.stories])).toEqual([
      ['mosul-watch', 'mosul', 1],
      ['attacks', null, 2],
    ]);
    // -3: an article without a story, counted by its id; nothing to link.
    expect(all.alerts[1]?.storyIds).toEqual([storyId, 999]);
    expect(all.alerts[1]?.deliveries).toEqual([
      {
        channel: 'hook',
        state: 'failed',
        attempts: 5,
        error: 'HTTP 500 <b>boom</b>',
        sentAt: null,
      },
      {
        channel: 'ops',
        state: 'sent',
        attempts: 1,
        error: null,
        sentAt: hoursAfter(3).toISOString(),
      },
    ]);
    const first = await getJson<ApiAlerts>('/api/alerts?limit=1');
    expect(first.alerts).toHaveLength(1);
    const second = await getJson<ApiAlerts>(`/api/alerts?limit=1&cursor=${first.next}`);
    expect(second.alerts.map((alert) => alert.rule)).toEqual(['attacks']);
    expect(second.next).toBeNull();
    expect((await getJson<ApiAlerts>('/api/alerts?rule=attacks')).alerts).toHaveLength(1);
    expect((await getJson<ApiAlerts>('/api/alerts?since=2024-09-01T15:00Z')).alerts).toHaveLength(
      1,
    );
  });

  it('answers 400 with one line naming the parameter', async () => {
    const cases: [string, string][] = [
      ['?rule=nope', 'rule: no rule "nope" in rules.yaml'],
      ['?limit=0', 'limit: expected a whole number from 1 to 200'],
      ['?cursor=x', 'cursor: not a cursor this server gave (use "next" as it came)'],
      [
        '?colour=red',
        'colour: unknown parameter (expected one of rule, since, until, cursor, limit)',
      ],
    ];
    for (const [query, error] of cases) {
      expect(await getJson(`/api/alerts${query}`, 400), query).toEqual({ error });
    }
    const html = await get('/alerts?rule=%3Cscript%3E', 400);
    expect(html).toContain('rule: no rule &quot;&lt;script&gt;&quot; in rules.yaml');
    expect(html).not.toContain('<script');
  });

  it('/alerts shows stories, delivery per channel with the reason, totals per channel', async () => {
    const html = await get('/alerts');
    expect(html).toContain(
      'hook: <span class="state-failed">failed</span> (HTTP 500 &lt;b&gt;boom&lt;/b&gt;) after 5 attempts',
    );
    expect(html).toContain('ops: <span class="state-pending">pending</span>');
    expect(html).toContain(
      `2 stories: <a href="/stories/${storyId}">${storyId}</a>, <a href="/stories/999">999</a>`,
    );
    expect(html).toMatch(
      /<th scope="row">hook<\/th><td class="n">0<\/td><td class="n">0<\/td><td class="n">0<\/td><td class="n">1<\/td>/,
    );
    expect(html).toContain('Mossoul');
  });
});

describe('rules', () => {
  it('/api/rules counts matches and alerts over 24 h and 7 days, and matches per Paris day', async () => {
    const { rules } = await getJson<{ rules: Record<string, unknown>[] }>('/api/rules');
    expect(rules.map((rule) => rule.rule)).toEqual(['attacks', 'mosul-watch']);
    expect(rules[0]).toMatchObject({
      matches24h: 10,
      matches7d: 10,
      alerts24h: 1,
      alerts7d: 1,
      inConfig: true,
    });
    expect(((rules[0]?.perDay ?? []) as unknown[]).slice(-2)).toEqual([
      { day: '2024-09-01', count: 9 },
      { day: '2024-09-02', count: 1 },
    ]);
    expect(rules[0]?.perDay).toHaveLength(7);
  });

  it('/rules lists each rule with an SVG chart, escaped, under the config reload section', async () => {
    const html = await get('/rules');
    expect(html).toContain('<a href="/rules/attacks">Attacks &lt;in&gt; Iraq</a>');
    expect(html).toMatch(
      /<svg class="perday"[^>]*role="img" aria-label="Attacks &lt;in&gt; Iraq, matches per day: [^"]*2024-09-01: 9, 2024-09-02: 1"/,
    );
    expect(html).toContain('<h2 id="config-reload">Config reload</h2>');
    expect(html).toContain('No reload since start');
  });

  it('/rules/:id shows the definition, recent matches and a backtest next to the alerts that fired', async () => {
    const html = await get('/rules/attacks?since=2024-09-01T00:00Z&until=2024-09-02T00:00Z');
    expect(html).toContain('threshold:');
    expect(html).toContain('Attentat numéro 6');
    expect(html).toMatch(/11 articles replayed; \d+ alerts? would fire, 1 alert fired\./);
    expect(html).not.toMatch(/; 0 alerts would fire/);
    expect(html).toContain('<th scope="col">Backtest: would fire</th>');
    expect(await get('/rules/nope', 404)).toBe('no rule "nope" in rules.yaml\n');
    const bad = await get('/rules/attacks?since=%3Cb%3E', 400);
    expect(bad).toContain('<p class="error" role="alert">since: expected a day');
    expect(bad).toContain('value="&lt;b&gt;"');
  });
});

describe('/api/rules/:id', () => {
  it('gives the rule, its latest events and the backtest next to the alerts that fired', async () => {
    const body = await getJson<{
      rule: { id: string; alert: unknown };
      events: { rule: string }[];
      backtest: {
        since: string;
        until: string;
        articles: number;
        truncated: boolean;
        wouldFire: { at: string; region: string | null; stories: number }[];
        fired: { rule: string; stories: number }[];
      };
    }>('/api/rules/attacks?since=2024-09-01T00:00Z&until=2024-09-02T00:00Z');
    expect(body.rule).toMatchObject({ id: 'attacks', alert: { channels: ['ops'] } });
    expect(body.events).toHaveLength(10);
    expect(body.backtest).toMatchObject({
      since: '2024-09-01T00:00:00.000Z',
      until: '2024-09-02T00:00:00.000Z',
      articles: 11,
      truncated: false,
      fired: [{ rule: 'attacks', stories: 2 }],
    });
    expect(body.backtest.wouldFire.length).toBeGreaterThan(0);
    expect(body.backtest.wouldFire[0]).toMatchObject({ region: null, stories: 2 });
    // Without since: the 7 days before until (a Paris day, included).
    const week = await getJson<{ backtest: { since: string; until: string; articles: number } }>(
      '/api/rules/attacks?until=2024-09-02',
    );
    expect(week.backtest).toEqual(
      expect.objectContaining({
        since: '2024-08-26T22:00:00.000Z',
        until: '2024-09-02T22:00:00.000Z',
        articles: 11,
      }),
    );
    expect(await getJson('/api/rules/nope', 404)).toEqual({
      error: 'no rule "nope" in rules.yaml',
    });
    expect(await getJson('/api/rules/attacks?until=hier', 400)).toEqual({
      error: 'until: expected a day (2024-09-01) or a time with its zone (2024-09-01T10:00Z)',
    });
  });
});

describe('feeds', () => {
  it("/feeds shows each feed's last fetch, outcome, failures and disabled reason", async () => {
    const html = await get('/feeds');
    expect(html).toContain('Agence &lt;A&gt;');
    expect(html).toContain('ok 1');
    expect(html).toContain('Disabled: permanent failures: HTTP 410');
    expect(html).toContain('HTTP 410 &lt;gone&gt;');
    expect(html).toContain('<td class="n">4</td>');
  });

  it('/api/feeds gives the same', async () => {
    const { feeds } = await getJson<{ feeds: Record<string, unknown>[] }>('/api/feeds');
    expect(feeds).toEqual([
      {
        id: 'feed-a',
        name: 'Agence <A>',
        url: 'https://feed-a.example/rss',
        state: 'ok',
        lastFetchedAt: hoursAfter(19).toISOString(),
        consecutiveFailures: 0,
        lastError: null,
        lastErrorAt: null,
        disabledReason: null,
        fetches24h: { ok: 1 },
        // The articles first seen in feed-a (workspace-seed.ts), all within the day.
        newItems24h: 5,
      },
      expect.objectContaining({
        id: 'feed-b',
        state: 'disabled',
        disabledReason: 'permanent failures: HTTP 410',
        consecutiveFailures: 4,
      }),
    ]);
  });

  it('every page has the navigation and the strict CSP', async () => {
    for (const path of ['/alerts', '/rules', '/feeds', `/stories/${storyId}`]) {
      const response = await fetch(`${base}${path}`);
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
      const html = await response.text();
      expect(html).toContain('<a href="/alerts">Alerts</a>');
      expect(html).toContain('<a href="/feeds">Feeds</a>');
    }
  });
});

describe('routes beside the rules', () => {
  it('/rules/reload is the config reload page, not a rule', async () => {
    expect(await get('/rules/reload')).toContain('Config reload');
  });
});
