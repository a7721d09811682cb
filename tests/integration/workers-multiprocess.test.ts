// Worker processes as deployed: two side by side over one feed, and one killed mid-feed then restarted.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueEvents } from 'bullmq';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/deps.ts';
import { waitUntilIdle } from '../../src/queues/idle.ts';
import {
  closeQueues,
  createQueues,
  enqueueFetchFeed,
  PIPELINE_QUEUES,
  type Queues,
} from '../../src/queues/index.ts';
import type { Store } from '../../src/store/database.ts';
import { upsertFeeds } from '../../src/store/feeds.ts';
import {
  articlePage,
  type LocalServer,
  openBackend,
  PG_URL,
  rssFeed,
  startLocalServer,
  testBackends,
  uniquePrefix,
} from './pipeline-helpers.ts';

const [backend] = testBackends('multiprocess');
const schema = backend?.schema ?? '';
const prefix = uniquePrefix('multiprocess');
const configDir = mkdtempSync(join(tmpdir(), 'vigie-multiprocess-'));
let server: LocalServer;
let store: Store;
let queues: Queues;
let events: QueueEvents[];
let closeRedis: () => Promise<unknown>;

interface WorkerProcess {
  child: ChildProcess;
  started: Promise<void>;
  exited: Promise<number | null>;
}

/** `vigie worker` on this file's prefix and schema; `started` resolves on its "vigie started" log line. */
function spawnWorker(): WorkerProcess {
  const child = spawn('./bin/vigie', ['worker', '--queues', PIPELINE_QUEUES.join(',')], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: PG_URL,
      VIGIE_DATABASE_SCHEMA: schema,
      VIGIE_CONFIG: configDir,
      VIGIE_QUEUE_PREFIX: prefix,
      VIGIE_ALLOW_HOSTS: '127.0.0.1',
      VIGIE_WORKER_LOCK_MS: '2000',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const started = new Promise<void>((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('"msg":"vigie started"')) resolve();
    });
    void exited.then((code) =>
      reject(new Error(`worker exited (${code}) before starting:\n${log}`)),
    );
  });
  return { child, started, exited };
}

function items(count: number, link: (i: number) => string) {
  return Array.from({ length: count }, (_, i) => ({
    title: `Dépêche ${i}`,
    link: link(i),
    description: `Le marqueur commun, dépêche numéro ${i}.`,
  }));
}

async function feedCounts(feedId: string) {
  const row = await sql<{ articles: number; keys: number; events: number }>`
    select count(*)::int as articles, count(distinct a.url_key)::int as keys,
           (select count(*)::int from events e join articles b on b.id = e.article_id where b.feed_id = ${feedId}) as events
    from articles a where a.feed_id = ${feedId}`.execute(store.db);
  return row.rows[0];
}

function drained(): Promise<void> {
  return waitUntilIdle(
    PIPELINE_QUEUES.map((name) => queues[name]),
    events,
  );
}

beforeAll(async () => {
  server = await startLocalServer();
  server.routes.set('/many.xml', () => ({
    body: rssFeed(items(50, (i) => `${server.url}/p/${i}`)),
  }));
  for (let i = 0; i < 50; i++) {
    server.routes.set(`/p/${i}`, () => ({
      headers: { 'content-type': 'text/html' },
      body: articlePage(`Dépêche ${i}`, [`Le marqueur commun, texte complet de la dépêche ${i}.`]),
    }));
  }
  server.routes.set('/thousand.xml', () => ({
    body: rssFeed(items(1000, (i) => `https://example.org/t/${i}`)),
  }));
  writeConfig(server.url);
  store = await openBackend(backend ?? { kind: 'postgres', dataDir: '/nonexistent' });
  await upsertFeeds(
    store.db,
    [
      { id: 'many', url: `${server.url}/many.xml` },
      { id: 'thousand', url: `${server.url}/thousand.xml` },
    ],
    new Date(),
  );
  const connection = await connectRedis('redis://127.0.0.1:6379');
  closeRedis = () => connection.quit();
  queues = createQueues({ connection, prefix });
  events = PIPELINE_QUEUES.map(
    (name) => new QueueEvents(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix }),
  );
  await Promise.all(events.map((queueEvents) => queueEvents.waitUntilReady()));
});

afterAll(async () => {
  await Promise.all(events.map((queueEvents) => queueEvents.close()));
  await Promise.all(Object.values(queues).map((queue) => queue.obliterate({ force: true })));
  await closeQueues(queues);
  await closeRedis();
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
  await store.close();
  await server.close();
  rmSync(configDir, { recursive: true, force: true });
});

describe('worker processes', () => {
  it('two processes over one feed store each article once', async () => {
    const workers = [spawnWorker(), spawnWorker()];
    await Promise.all(workers.map((worker) => worker.started));
    // Two fetches of one feed at once, as two schedulers with different due times would ask.
    const now = Date.now();
    await enqueueFetchFeed(queues, { feedId: 'many' }, { dueAt: new Date(now) });
    await enqueueFetchFeed(queues, { feedId: 'many' }, { dueAt: new Date(now + 1) });
    await drained();
    expect(await feedCounts('many')).toEqual({ articles: 50, keys: 50, events: 50 });
    const statuses = await store.db
      .selectFrom('articles')
      .select('fetch_status')
      .where('feed_id', '=', 'many')
      .execute();
    expect(new Set(statuses.map((row) => row.fetch_status))).toEqual(new Set(['fetched']));
    for (const worker of workers) worker.child.kill('SIGTERM');
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);
  }, 60_000);

  it('a worker killed in the middle of 1,000 items: its successor stores each exactly once', async () => {
    const first = spawnWorker();
    await first.started;
    let classified = 0;
    const killed = new Promise<void>((resolve) => {
      const onCompleted = () => {
        if (++classified < 100) return;
        events[2]?.off('completed', onCompleted);
        first.child.kill('SIGKILL');
        resolve();
      };
      events[2]?.on('completed', onCompleted);
    });
    await enqueueFetchFeed(queues, { feedId: 'thousand' }, { dueAt: new Date() });
    await killed;
    await first.exited;
    const atKill = await feedCounts('thousand');
    const second = spawnWorker();
    await second.started;
    await drained();
    expect(await feedCounts('thousand')).toEqual({ articles: 1000, keys: 1000, events: 1000 });
    expect(atKill?.articles).toBeLessThan(1000);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);
});

function writeConfig(url: string): void {
  copyFileSync('tests/fixtures/config/valid/regions.yaml', join(configDir, 'regions.yaml'));
  writeFileSync(
    join(configDir, 'feeds.yaml'),
    `feeds:\n  - {id: many, url: "${url}/many.xml", every: 10m}\n` +
      `  - {id: thousand, url: "${url}/thousand.xml", every: 10m, fetchArticle: false}\n`,
  );
  writeFileSync(
    join(configDir, 'rules.yaml'),
    'rules:\n  - id: every-item\n    match: {any: [marqueur]}\n',
  );
}
