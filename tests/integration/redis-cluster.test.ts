// The pipeline on a 3-node Redis Cluster (REDIS_CLUSTER_NODES): feed → articles → events → alert
// mail, each queue's keys under its own hash tag, the queues spread over the nodes.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../../bench/redis-cluster.ts';
import { loadEnv } from '../../src/config/env.ts';
import { loadConfig } from '../../src/config/load.ts';
import { closeDeps, connectRedis, type Deps, openDeps } from '../../src/deps.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { waitUntilIdle } from '../../src/queues/idle.ts';
import { enqueueFetchFeed, PIPELINE_QUEUES, upsertFeedScheduler } from '../../src/queues/index.ts';
import type { Dashboard } from '../../src/server/dashboard.ts';
import { startHttpServer, stopHttpServer } from '../../src/server/http.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { upsertFeeds } from '../../src/store/feeds.ts';
import { closeWorkers, startWorkers } from '../../src/workers/index.ts';
import {
  articlePage,
  feedSpec,
  type LocalServer,
  openBackend,
  rssFeed,
  startLocalServer,
  testBackends,
  testEnv,
  uniquePrefix,
} from './pipeline-helpers.ts';

const RULES = `rules:
  - id: mossoul
    match:
      any: [Mossoul]
    alert:
      channels: [ops-email]
`;
const NOTIFY = `channels:
  ops-email: {type: email, to: [analyst@example.org], groupWait: 1s}
`;

const backend = testBackends('cluster').find((candidate) => candidate.kind === 'postgres');
if (!backend) throw new Error('no postgres backend');
const dataDir = mkdtempSync(join(tmpdir(), 'vigie-cluster-data-'));
const configDir = mkdtempSync(join(tmpdir(), 'vigie-cluster-config-'));
const prefix = uniquePrefix('cluster');

let cluster: TestCluster;
let server: LocalServer;
let deps: Deps;

beforeAll(async () => {
  [cluster, server] = await Promise.all([startCluster(), startLocalServer()]);
  for (const file of ['feeds.yaml', 'regions.yaml'])
    copyFileSync(join('tests/fixtures/config/valid', file), join(configDir, file));
  writeFileSync(join(configDir, 'rules.yaml'), RULES);
  writeFileSync(join(configDir, 'notify.yaml'), NOTIFY);
  serveFeed(server);
  const feeds = [feedSpec('news', `${server.url}/news.xml`)];
  const env = loadEnv({ REDIS_CLUSTER_NODES: cluster.nodes });
  deps = await openDeps({
    env: { ...testEnv(backend, prefix), redisCluster: env.redisCluster, dataDir },
    config: { ...(await loadConfig(configDir)), feeds },
    store: await openBackend(backend),
    prefix,
    log: createLogger(process.env.LOG_LEVEL || 'silent'),
    defaultJobOptions: { backoff: { type: 'exponential', delay: 100, jitter: 0.5 } },
    fetchTimeoutMs: 5_000,
  });
  await upsertFeeds(deps.store.db, [{ id: 'news', url: `${server.url}/news.xml` }], new Date());
}, 20_000);

afterAll(async () => {
  if (deps) {
    await sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(deps.store.db);
    await closeDeps(deps);
  }
  await Promise.all([cluster?.stop(), server?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
});

describe('vigie on a Redis Cluster', () => {
  it('runs feed → articles → events → one alert mail', async () => {
    expect(deps.connection.isCluster).toBe(true);
    const workers = startWorkers(deps, PIPELINE_QUEUES);
    try {
      await enqueueFetchFeed(deps.queues, { feedId: 'news' }, { dueAt: new Date() });
      await waitUntilIdle(
        PIPELINE_QUEUES.map((name) => deps.queues[name]),
        workers,
      );
    } finally {
      await closeWorkers(workers);
    }
    const articles = await deps.store.db.selectFrom('articles').select('title').execute();
    expect(articles.map((a) => a.title).sort()).toEqual(['Attentat à Mossoul', 'Calme à Bagdad']);
    const events = await deps.store.db.selectFrom('events').select('rule_id').execute();
    expect(events).toEqual([{ rule_id: 'mossoul' }]);
    const deliveries = await deps.store.db.selectFrom('deliveries').select('state').execute();
    expect(deliveries).toEqual([{ state: 'sent' }]);
    expect(readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  }, 15_000);

  it('keeps each queue’s keys under its own hash tag, spread over more than one node', async () => {
    const owners = new Map<string, number>();
    for (const port of cluster.ports) {
      const keys = (await cluster.cli(port, '--scan', '--pattern', `${prefix}:*`)).split('\n');
      for (const key of keys.filter(Boolean)) owners.set(key, port);
    }
    const queuesWithKeys = new Set<string>();
    for (const key of owners.keys()) {
      const [, tag, queue] = /^[^:]+:\{([^}]+)\}:([^:]+):/.exec(key) ?? [];
      expect(tag, key).toBeDefined();
      expect(queue).toBe(tag);
      queuesWithKeys.add(tag ?? '');
    }
    expect([...queuesWithKeys].sort()).toEqual(expect.arrayContaining([...PIPELINE_QUEUES].sort()));
    expect(new Set(owners.values()).size).toBeGreaterThan(1);
  });

  it('serves /readyz, /metrics and /queues.json from the cluster, job schedulers included', async () => {
    await upsertFeedScheduler(deps.queues);
    const server = await startHttpServer(deps, createMetrics(deps), 0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain('vigie_queue_jobs{queue="fetch-article",state="completed"} 2');
      const dashboard = (await (await fetch(`${base}/queues.json`)).json()) as Dashboard;
      const scheduleFeeds = dashboard.queues.find((queue) => queue.name === 'schedule-feeds');
      expect(scheduleFeeds?.schedulers).toEqual([
        expect.objectContaining({ id: 'feed-scheduler', everyMs: 30_000 }),
      ]);
    } finally {
      await stopHttpServer(server);
    }
  });

  it('says which cluster it cannot reach, in one line', async () => {
    const closed = loadEnv({ REDIS_CLUSTER_NODES: '127.0.0.1:1' }).redisCluster;
    if (!closed) throw new Error('no cluster spec');
    await expect(connectRedis(closed)).rejects.toThrow(
      /^queues: cannot connect to the Redis Cluster at 127\.0\.0\.1:1 \(.+\)$/,
    );
  });
});

/** One item about Mossoul, one that matches no rule; both published now, so Mossoul alerts. */
function serveFeed(local: LocalServer): void {
  const now = new Date().toUTCString();
  const items = [
    { title: 'Attentat à Mossoul', link: `${local.url}/a`, description: 'Mossoul.' },
    { title: 'Calme à Bagdad', link: `${local.url}/b`, description: 'Bagdad.' },
  ];
  const feed = rssFeed(items).replaceAll('</guid>', `</guid><pubDate>${now}</pubDate>`);
  local.routes.set('/news.xml', () => ({
    headers: { 'content-type': 'application/rss+xml' },
    body: feed,
  }));
  const page = (title: string, text: string) => () => ({
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: articlePage(title, [text, 'Les autorités ont annoncé une enquête sur les faits.']),
  });
  local.routes.set('/a', page('Attentat à Mossoul', 'Une explosion a frappé Mossoul ce matin.'));
  local.routes.set('/b', page('Calme à Bagdad', 'La journée a été calme dans la capitale.'));
}
