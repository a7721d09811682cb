// The workspace on `vigie run`'s HTTP server, on a loopback port over stored events (PGlite):
// /api/events filters, pages and errors, /events escaped with its marks, the old routes unchanged.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { startHttpServer, stopHttpServer } from '../../src/server/http.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { listAlerts } from '../../src/store/alert-list.ts';
import {
  listRuleLabels,
  readEventLabels,
  readLabelCounts,
  upsertLabel,
} from '../../src/store/labels.ts';
import { countMatchesPerHour, countRuleActivity } from '../../src/store/rule-activity.ts';
import { getStoryDetail } from '../../src/store/story-detail.ts';
import { insertSession, readSession, removeUser, upsertUser } from '../../src/store/users.ts';
import { type Backend, closeTestDeps, openTestDeps, testBackends } from './pipeline-helpers.ts';
import { hoursAfter, seedEvents } from './workspace-seed.ts';

let backend: Backend;
let deps: Deps;
let server: Server;
let base: string;

const config = {
  rules: [
    {
      id: 'attacks',
      name: 'Attacks in Iraq',
      severity: 'high' as const,
      match: { any: ['attentat*', 'explosion'] },
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

interface ApiEvent {
  id: number;
  rule: string;
  title: string;
  [key: string]: unknown;
}
interface ApiPage {
  events: ApiEvent[];
  next: string | null;
}

async function api(query: string): Promise<ApiPage> {
  const response = await fetch(`${base}/api/events${query}`);
  expect(response.status, query).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as ApiPage;
}

const rulesAndTitles = (page: ApiPage) =>
  page.events.map((event) => `${event.rule}:${event.title.slice(0, 20)}`);

beforeAll(async () => {
  [, backend] = testBackends('workspace') as [Backend, Backend];
  deps = await openTestDeps(backend, [], 'workspace');
  deps.config = { ...deps.config, ...config };
  await seedEvents(deps.store.db);
  server = await startHttpServer(deps, createMetrics(), 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (server) await stopHttpServer(server);
  if (deps) await closeTestDeps(deps, backend);
});

describe('/api/events', () => {
  it('lists the events newest first with what the API promises', async () => {
    const page = await api('');
    expect(page.events).toHaveLength(11);
    expect(page.next).toBeNull();
    const mosul = page.events.find((event) => event.rule === 'mosul-watch');
    expect(mosul).toEqual({
      id: expect.any(Number),
      rule: 'mosul-watch',
      ruleName: 'mosul-watch',
      severity: 'low',
      score: 2,
      title: 'Explosion à Mossoul',
      url: 'https://feed-a.example/mosul-1',
      source: 'Agence <A>',
      publishedAt: '2024-09-01T20:00:00.000Z',
      regions: ['mosul', 'nineveh', 'iraq'],
      terms: ['explosion'],
      excerpts: [
        {
          term: 'explosion',
          before: 'Une ',
          match: 'explosion',
          after: ' a frappé MOSSOUL ce matin.',
          cutBefore: false,
          cutAfter: false,
        },
      ],
      storyId: expect.any(Number),
      labels: { relevant: 0, notRelevant: 0 },
    });
    expect(page.events[0]).toMatchObject({ ruleName: 'Attacks in Iraq', source: 'feed-b.example' });
  });

  it('filters by rule, by region with the regions inside it, by time and by words', async () => {
    expect(rulesAndTitles(await api('?rule=mosul-watch'))).toEqual([
      'mosul-watch:Explosion à Mossoul',
    ]);
    expect(rulesAndTitles(await api('?region=nineveh'))).toEqual([
      'attacks:Nouvelle explosion s',
      'mosul-watch:Explosion à Mossoul',
      'attacks:Explosion à Mossoul',
    ]);
    expect((await api('?region=iraq')).events).toHaveLength(11);
    // Paris days: 2024-09-01 starts at 22:00 UTC on 31 August and ends at 22:00 UTC.
    expect(
      rulesAndTitles(await api('?rule=attacks&since=2024-09-01T14:00Z&until=2024-09-01')),
    ).toEqual([
      'attacks:Nouvelle explosion s',
      'attacks:Explosion à Mossoul',
      'attacks:Attentat numéro 6',
      'attacks:Attentat numéro 5',
      'attacks:Attentat numéro 4',
    ]);
    const accented = rulesAndTitles(await api(`?q=${encodeURIComponent('Mossoul')}`));
    expect(accented).toEqual([
      'attacks:Nouvelle explosion s',
      'mosul-watch:Explosion à Mossoul',
      'attacks:Explosion à Mossoul',
    ]);
    expect(rulesAndTitles(await api('?q=mossoul'))).toEqual(accented);
    expect(rulesAndTitles(await api(`?q=${encodeURIComponent('numéro 2')}`))).toEqual([
      'attacks:Attentat numéro 2',
    ]);
  });

  it('pages with the cursor it gives, the filters kept', async () => {
    const ids: number[] = [];
    let query = '?rule=attacks&limit=4';
    let pages = 0;
    for (;;) {
      const page = await api(query);
      ids.push(...page.events.map((event) => event.id));
      pages++;
      if (!page.next) break;
      query = `?rule=attacks&limit=4&cursor=${page.next}`;
    }
    const all = await api('?rule=attacks');
    expect(pages).toBe(3);
    expect(ids).toEqual(all.events.map((event) => event.id));
  });

  it('answers 400 with one line naming the parameter', async () => {
    const cases: [string, string][] = [
      ['?rule=atacks', 'rule: no rule "atacks" in rules.yaml (did you mean "attacks"?)'],
      ['?region=nineve', 'region: no region "nineve" in regions.yaml (did you mean "nineveh"?)'],
      ['?limit=500', 'limit: expected a whole number from 1 to 200'],
      ['?cursor=abc', 'cursor: not a cursor this server gave (use "next" as it came)'],
      [
        '?since=hier',
        'since: expected a day (2024-09-01) or a time with its zone (2024-09-01T10:00Z), or a period back from now such as 24h or 7d',
      ],
      [
        '?colour=red',
        'colour: unknown parameter (expected one of rule, region, since, until, q, cursor, limit)',
      ],
    ];
    for (const [query, error] of cases) {
      const response = await fetch(`${base}/api/events${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toEqual({ error });
    }
  });
});

describe('/events', () => {
  it('is where / leads', async () => {
    const response = await fetch(`${base}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/events');
  });

  it('shows the events escaped, terms marked, times in the analyst zone, under a strict CSP', async () => {
    const response = await fetch(`${base}/events?limit=4`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'self'/,
    );
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain('Explosion &lt;script&gt;alert(1)&lt;/script&gt; à Erbil');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;b&gt;selon&lt;/b&gt;');
    expect(html).toContain('Une <mark>explosion</mark> à Erbil');
    // Hour 12 after 10:00 UTC is 22:00 UTC, midnight in Paris.
    expect(html).toContain(
      '<time datetime="2024-09-01T22:00:00.000Z">2024-09-02 00:00 CEST (UTC+02:00)</time>',
    );
    expect(html).toContain('4 copies from 3 sources');
    expect(html).toContain(
      'Attacks in Iraq <span class="severity severity-high">high</span> · score 1',
    );
    expect(html).toContain('Regions: Erbil, Irak');
    expect(html).toMatch(/<label>Rule<select name="rule">/);
    expect(html).toContain('<label>Words in title or text<input type="search" name="q" value=""');
    const next =
      /<a href="\/events\?limit=4&amp;cursor=([A-Za-z0-9_-]+)" rel="next">Next page<\/a>/.exec(
        html,
      );
    expect(next).not.toBeNull();
    const second = await (await fetch(`${base}/events?limit=4&cursor=${next?.[1]}`)).text();
    expect(second).toContain('Attentat numéro 6');
    expect(second).not.toContain('alert(1)');
  });

  it('keeps the filters in the form and refuses bad ones with the reason', async () => {
    const filtered = await (await fetch(`${base}/events?region=mosul&q=%22%3E%3Cscript%3E`)).text();
    expect(filtered).toContain('<option value="mosul" selected="">');
    expect(filtered).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(filtered).toContain('No event matches these filters.');
    const response = await fetch(`${base}/events?rule=%3Cscript%3E&since=hier`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(
      '<p class="error" role="alert">rule: no rule &quot;&lt;script&gt;&quot; in rules.yaml',
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('<input name="since" value="hier"');
  });

  it('leaves the other routes as they were', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const missing = await fetch(`${base}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('not found\n');
  });
});

// The other pages' store queries on PGlite (workspace-pages.test.ts covers them over HTTP on PostgreSQL).
describe("the pages' queries on PGlite", () => {
  it("reads a story, the rules' activity and the alerts", async () => {
    const db = deps.store.db;
    const { id } = await db.selectFrom('stories').select('id').executeTakeFirstOrThrow();
    const story = await getStoryDetail(db, id);
    expect(story?.copies.map((copy) => copy.sources)).toEqual([
      ['feed-a'],
      ['feed-b'],
      ['feed-b'],
      ['feed-c'],
    ]);
    expect(story?.matches).toHaveLength(4);
    expect(await getStoryDetail(db, id + 1000)).toBeUndefined();
    const activity = await countRuleActivity(db, hoursAfter(20));
    expect(activity.get('attacks')).toEqual({
      ruleId: 'attacks',
      matches24h: 10,
      matches7d: 10,
      alerts24h: 0,
      alerts7d: 0,
    });
    const hourly = await countMatchesPerHour(db, hoursAfter(0), hoursAfter(24));
    expect(hourly.filter((row) => row.ruleId === 'attacks').map((row) => row.count)).toEqual(
      Array(10).fill(1),
    );
    expect(hourly[0]?.hour).toEqual(hoursAfter(1));
    expect(await listAlerts(db, { limit: 10 })).toEqual({ alerts: [], next: null });
  });
});

// Users, sessions and labels on PGlite (workspace-auth.test.ts covers them over HTTP on PostgreSQL).
describe('users, sessions and labels on PGlite', () => {
  it('keeps one label per event and user, counts precision by the latest, and ends sessions', async () => {
    const db = deps.store.db;
    const now = hoursAfter(30);
    await upsertUser(db, { name: 'ana', passwordHash: 'scrypt$x', now });
    const session = { id: 'a'.repeat(64), userName: 'ana', csrfToken: 't', now };
    await insertSession(db, { ...session, expiresAt: hoursAfter(31) });
    expect(await readSession(db, session.id, now)).toMatchObject({ userName: 'ana' });
    expect(await readSession(db, session.id, hoursAfter(32))).toBeUndefined();
    const events = await db
      .selectFrom('events')
      .select(['id', 'article_id'])
      .where('rule_id', '=', 'mosul-watch')
      .execute();
    const [event] = events;
    if (!event) throw new Error('no mosul-watch event');
    await upsertLabel(db, { eventId: event.id, userName: 'ana', relevant: true, now });
    const later = { eventId: event.id, relevant: false, now: hoursAfter(31) };
    expect(await upsertLabel(db, { ...later, userName: 'ana' })).toMatchObject({ relevant: false });
    await upsertLabel(db, {
      eventId: event.id,
      userName: 'ben',
      relevant: true,
      now: hoursAfter(32),
    });
    expect(await upsertLabel(db, { ...later, eventId: 999_999, userName: 'ana' })).toBeUndefined();
    expect(await readEventLabels(db, [event.id], 'ana')).toEqual(
      new Map([[event.id, { relevant: 1, notRelevant: 1, mine: false }]]),
    );
    expect((await readLabelCounts(db)).get('mosul-watch')).toEqual({ relevant: 1, labelled: 1 });
    expect(await listRuleLabels(db, 'mosul-watch')).toEqual([
      { eventId: event.id, articleId: event.article_id, relevant: true },
    ]);
    expect(await removeUser(db, 'ana')).toBe(true);
    expect(await readSession(db, session.id, now)).toBeUndefined();
  });
});
