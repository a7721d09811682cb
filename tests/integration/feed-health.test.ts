// Watching the sources on real PostgreSQL and Redis: a 404 disables a feed only on its third time,
// the operators' webhook hears each change once (disabled, recovered, failing), `retry` re-enables,
// and a failing attempt is one log line.
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type VigieConfig } from '../../src/config/load.ts';
import { closeDeps, type Deps, openDeps } from '../../src/deps.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { waitUntilIdle } from '../../src/queues/idle.ts';
import { enqueueFetchFeed, QUEUE } from '../../src/queues/index.ts';
import { listFeedHealth } from '../../src/store/feed-health-report.ts';
import { getFeed, retryFeed, upsertFeeds } from '../../src/store/feeds.ts';
import { closeWorkers, startWorkers } from '../../src/workers/index.ts';
import {
  type LocalServer,
  openBackend,
  rssFeed,
  startLocalServer,
  testBackends,
  testEnv,
  uniquePrefix,
} from './pipeline-helpers.ts';

const backend = testBackends('feedhealth').find((candidate) => candidate.kind === 'postgres');
if (!backend) throw new Error('no postgres backend');
const HOUR = 3_600_000;
const T0 = new Date('2024-09-01T10:00:00Z');
const clock = fixedClock(T0);
const lines: Record<string, unknown>[] = [];
let server: LocalServer;
let deps: Deps;

beforeAll(async () => {
  server = await startLocalServer();
  server.routes.set('/hook', () => ({ status: 204 }));
  const base = await loadConfig('tests/fixtures/config/valid');
  const config: VigieConfig = {
    ...base,
    feeds: [{ id: 'watched', url: `${server.url}/feed`, every: '10m', fetchArticle: false }],
    notify: {
      ...base.notify,
      channels: { ...base.notify.channels, ops: { type: 'webhook', url: `${server.url}/hook` } },
      operators: { channels: ['ops'] },
    },
    health: { failingAfter: '3h', disableAfter: { failures: 3, within: '24h' } },
  };
  const prefix = uniquePrefix('feedhealth');
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  deps = await openDeps({
    env: testEnv(backend, prefix),
    config,
    store: await openBackend(backend),
    prefix,
    clock,
    log: pino({ level: 'info', base: null }, stream),
    defaultJobOptions: { attempts: 1 },
  });
  await upsertFeeds(deps.store.db, [{ id: 'watched', url: `${server.url}/feed` }], T0);
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(deps.queues).map((queue) => queue.obliterate({ force: true })));
  await sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(deps.store.db);
  await closeDeps(deps);
  await server.close();
});

/** One fetch of the feed at `at`, and the sends of any notice it made. */
async function fetchAt(at: Date): Promise<void> {
  clock.set(at);
  const queues = [QUEUE.fetchFeed, QUEUE.sendAlert] as const;
  const workers = startWorkers(deps, queues);
  try {
    await enqueueFetchFeed(deps.queues, { feedId: 'watched' }, { dueAt: at });
    await waitUntilIdle(
      queues.map((name) => deps.queues[name]),
      workers,
    );
  } finally {
    await closeWorkers(workers);
  }
}

async function listNotices(): Promise<string[]> {
  const rows = await deps.store.db
    .selectFrom('feed_notices')
    .select('state')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.state);
}

describe('feed health', () => {
  it('disables a feed after its third permanent failure in 24 h, and tells the operators once', async () => {
    server.routes.set('/feed', () => ({ status: 404, body: 'gone' }));
    await fetchAt(new Date(T0.getTime() + 1_000));
    await fetchAt(new Date(T0.getTime() + 2 * HOUR));
    expect(await getFeed(deps.store.db, 'watched')).toMatchObject({ disabledReason: null });
    await fetchAt(new Date(T0.getTime() + 4 * HOUR));
    const feed = await getFeed(deps.store.db, 'watched');
    expect(feed?.disabledReason).toContain('404');
    expect(feed).toMatchObject({ health: 'disabled', consecutiveFailures: 3 });
    const posts = server.hits.filter((hit) => hit.path === '/hook');
    expect(posts).toHaveLength(1);
  });

  it('logs one readable line per failed attempt, and no job failure on top', () => {
    const failures = lines.filter((line) => String(line.msg).startsWith('feed fetch failed'));
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatchObject({ feedId: 'watched', failures: 1 });
    expect(String(failures[0]?.err)).toContain('404');
    expect(lines.filter((line) => String(line.msg).startsWith('job failed'))).toEqual([]);
  });

  it('is fetched again after retry, and its recovery is told once', async () => {
    expect(await retryFeed(deps.store.db, 'watched', new Date(T0.getTime() + 5 * HOUR))).toBe(true);
    server.routes.set('/feed', () => ({
      body: rssFeed([{ title: 'Un', link: 'https://example.org/1', description: 'premier' }]),
    }));
    await fetchAt(new Date(T0.getTime() + 5 * HOUR));
    await fetchAt(new Date(T0.getTime() + 6 * HOUR));
    expect(await getFeed(deps.store.db, 'watched')).toMatchObject({
      health: 'ok',
      disabledReason: null,
      consecutiveFailures: 0,
    });
    expect(server.hits.filter((hit) => hit.path === '/hook')).toHaveLength(2);
  });

  it('tells a feed failing for longer than failingAfter, once, and a single 404 after retry does not disable it', async () => {
    server.routes.set('/feed', () => ({ status: 503, body: 'busy' }));
    await fetchAt(new Date(T0.getTime() + 7 * HOUR));
    await fetchAt(new Date(T0.getTime() + 9 * HOUR));
    expect(server.hits.filter((hit) => hit.path === '/hook')).toHaveLength(2);
    await fetchAt(new Date(T0.getTime() + 10.5 * HOUR));
    await fetchAt(new Date(T0.getTime() + 11 * HOUR));
    expect(await getFeed(deps.store.db, 'watched')).toMatchObject({ health: 'failing' });
    expect(server.hits.filter((hit) => hit.path === '/hook')).toHaveLength(3);
    server.routes.set('/feed', () => ({ status: 404, body: 'gone' }));
    await fetchAt(new Date(T0.getTime() + 12 * HOUR));
    expect(await getFeed(deps.store.db, 'watched')).toMatchObject({ disabledReason: null });
  });

  it('lists the feed with its fetches, items and extraction outcomes', async () => {
    const [row] = await listFeedHealth(deps.store.db, { since: T0 });
    expect(row).toMatchObject({ id: 'watched', health: 'failing', newItems: 1 });
    expect(row?.fetches).toEqual({ ok: 2, permanent: 4, transient: 4 });
    expect(row?.extraction).toEqual({ feed: 1 });
    expect(await listNotices()).toEqual(['disabled', 'recovered', 'failing']);
  });
});
