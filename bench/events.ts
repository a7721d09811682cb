// The workspace's event list on 100,000 stored events (issue 15 part 9): server time of a first
// page, a filtered page, a text search and a deep page, and /rules' counts, on PostgreSQL and on PGlite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Store } from '../src/store/database.ts';
import { type EventSearch, searchEvents } from '../src/store/event-search.ts';
import { countMatchesPerHour, countRuleActivity } from '../src/store/rule-activity.ts';
import type { Db } from '../src/store/types.ts';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ARTICLES = 50_000;
const RUNS = 15;

export interface EventSearchFigures {
  backend: string;
  events: number;
  seedSeconds: number;
  rows: { name: string; medianMs: number; maxMs: number; found: number }[];
}

/**
 * Two events per article (a rule of ten, and `all`), articles every 30 s, five places and five
 * subjects in the titles, a paragraph of text each: one search word in five articles.
 */
async function seed(db: Db): Promise<void> {
  await sql`
    insert into articles (url_key, url, title, text, published_at, created_at, feed_id, fetch_status)
    select 'https://b.example/' || i, 'https://b.example/' || i,
      (array['Attentat', 'Explosion', 'Manifestation', 'Élection', 'Séisme'])[1 + i % 5]
        || ' à ' || (array['Mossoul', 'Bagdad', 'Kaboul', 'Alep', 'Gaza'])[1 + (i / 5) % 5]
        || ' numéro ' || i,
      repeat('Les forces de sécurité et les habitants du quartier décrivent la situation. ', 8),
      timestamptz '2024-01-01T00:00:00Z' + i * interval '30 seconds',
      timestamptz '2024-01-01T00:01:00Z' + i * interval '30 seconds',
      'feed-' || (i % 20), 'fetched'
    from generate_series(1, ${ARTICLES}) as i`.execute(db);
  for (const rule of [sql`'rule-' || (id % 10)`, sql`'all'`]) {
    await sql`
      insert into events (article_id, rule_id, score, terms, regions, matched_at)
      select id, ${rule}, 1, '[{"term":"forces","segment":1,"start":4,"end":10}]',
        array[(array['mosul', 'baghdad', 'kabul', 'aleppo', 'gaza'])[1 + (id / 5) % 5], 'world'],
        created_at
      from articles`.execute(db);
  }
  await sql`analyze`.execute(db);
}

async function time(run: () => Promise<number>): Promise<{ ms: number[]; found: number }> {
  const ms: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    found = await run();
    ms.push(performance.now() - started);
  }
  return { ms: ms.sort((a, b) => a - b), found };
}

async function benchOne(backend: string, store: Store): Promise<EventSearchFigures> {
  const started = performance.now();
  await seed(store.db);
  const seedSeconds = (performance.now() - started) / 1000;
  const deep = await searchEvents(store.db, { limit: 5_000 });
  const cursor = deep.next ?? undefined;
  const cases: [string, EventSearch][] = [
    ['first page', { limit: 50 }],
    ['one rule of ten', { limit: 50, ruleIds: ['rule-3'] }],
    ['one region of five', { limit: 50, regionIds: ['kabul'] }],
    [
      'rule and time range',
      {
        limit: 50,
        ruleIds: ['rule-3'],
        since: new Date('2024-01-05'),
        until: new Date('2024-01-10'),
      },
    ],
    ['words: mossoul', { limit: 50, words: 'mossoul' }],
    ['words: seisme a alep', { limit: 50, words: 'seisme alep' }],
    ['page after 5,000 events', { limit: 50, after: cursor }],
  ];
  // /rules on the same events: each rule's counts over 24 h and 7 days, and its matches per hour.
  const now = new Date('2024-01-18T00:00:00Z');
  const week = new Date(now.getTime() - 7 * 86_400_000);
  const runs: [string, () => Promise<number>][] = [
    ...cases.map(([name, search]): [string, () => Promise<number>] => [
      name,
      async () => (await searchEvents(store.db, search)).events.length,
    ]),
    ['/rules: counts, 24 h and 7 days', async () => (await countRuleActivity(store.db, now)).size],
    [
      '/rules: matches per hour, 7 days',
      async () => (await countMatchesPerHour(store.db, week, now)).length,
    ],
  ];
  const rows = [];
  for (const [name, run] of runs) {
    const { ms, found } = await time(run);
    rows.push({ name, medianMs: ms[Math.floor(ms.length / 2)] ?? 0, maxMs: ms.at(-1) ?? 0, found });
  }
  return { backend, events: ARTICLES * 2, seedSeconds, rows };
}

export async function benchEventSearch(): Promise<EventSearchFigures[]> {
  const figures: EventSearchFigures[] = [];
  const schema = `vigie_bench_events_${process.pid}`;
  const postgres = await openDatabase({ databaseUrl: PG_URL, dataDir: '/nonexistent', schema });
  try {
    figures.push(await benchOne('PostgreSQL', postgres));
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(postgres.db);
    await postgres.close();
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-bench-events-'));
  const pglite = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    figures.push(await benchOne('PGlite', pglite));
  } finally {
    await pglite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}
