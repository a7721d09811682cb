// /metrics on real PostgreSQL and Redis after one feed fetch: fetch outcomes, items new and duplicate,
// events, feed health, queue depths, job durations and config reloads; and the Grafana dashboard
// in deploy/grafana parses and asks only for metrics that /metrics serves.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { startHttpServer, stopHttpServer } from '../../src/server/http.ts';
import { createMetrics, type Metrics } from '../../src/server/metrics.ts';
import { upsertFeeds } from '../../src/store/feeds.ts';
import {
  type Backend,
  closeTestDeps,
  type LocalServer,
  openTestDeps,
  rssFeed,
  runFeedOnce,
  startLocalServer,
  testBackends,
} from './pipeline-helpers.ts';

const backend = testBackends('metrics').find((candidate) => candidate.kind === 'postgres');
if (!backend) throw new Error('no postgres backend');
const postgres: Backend = backend;
let feeds: LocalServer;
let deps: Deps;
let metrics: Metrics;
let server: Server;
let body: string;

async function scrape(): Promise<string> {
  const port = (server.address() as AddressInfo).port;
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  feeds = await startLocalServer();
  feeds.routes.set('/feed.xml', () => ({
    body: rssFeed([
      {
        title: 'Attentat à Mossoul',
        link: 'https://example.org/a',
        description: 'Daech à Mossoul.',
      },
      { title: 'Calme à Bagdad', link: 'https://example.org/b', description: 'Rien.' },
    ]),
  }));
  const spec = { id: 'news', url: `${feeds.url}/feed.xml`, every: '10m', fetchArticle: false };
  deps = await openTestDeps(postgres, [spec], 'metrics');
  await upsertFeeds(deps.store.db, [{ id: spec.id, url: spec.url }], deps.clock.now());
  metrics = createMetrics(deps);
  server = await startHttpServer(deps, metrics, 0);
  const observed = metrics.observer;
  // Twice: the second fetch reads the same two items, duplicates now.
  for (const due of [1, 2]) {
    const outcomes = await runFeedOnce(deps, 'news', new Date(Date.now() - due * 60_000));
    for (const outcome of outcomes) {
      if (outcome.job) observed.completed?.(outcome.queue, outcome.job, outcome.result);
    }
  }
  metrics.configReloaded('invalid');
  body = await scrape();
}, 60_000);

afterAll(async () => {
  await stopHttpServer(server);
  await closeTestDeps(deps, postgres);
  await feeds.close();
});

describe('/metrics', () => {
  it('counts fetches by outcome and items new and duplicate, from the database', () => {
    expect(body).toContain('vigie_feed_fetches_24h{feed="news",outcome="ok"} 2');
    expect(body).toContain('vigie_feed_items_24h{feed="news",kind="new"} 2');
    expect(body).toContain('vigie_feed_items_24h{feed="news",kind="duplicate"} 2');
    expect(body).toContain('vigie_articles_extracted{feed="news",outcome="feed"} 2');
  });

  it('shows feed health, queue depths, job durations and config reloads', () => {
    expect(body).toContain('vigie_feed_health{feed="news",state="ok"} 1');
    expect(body).toContain('vigie_feed_health{feed="news",state="disabled"} 0');
    expect(body).toContain('vigie_feed_consecutive_failures{feed="news"} 0');
    expect(body).toMatch(/vigie_feed_last_success_timestamp_seconds\{feed="news"\} \d+/);
    expect(body).toContain('vigie_queue_jobs{queue="fetch-feed",state="waiting"} 0');
    expect(body).toMatch(
      /vigie_job_duration_seconds_count\{queue="fetch-feed",result="completed"\} 2/,
    );
    expect(body).toContain('vigie_config_reloads_total{result="ok"} 0');
    expect(body).toContain('vigie_config_reloads_total{result="invalid"} 1');
  });

  it('declares every metric with its help, events, alerts and deliveries included', () => {
    for (const name of ['vigie_events_24h', 'vigie_alerts_24h', 'vigie_deliveries_24h']) {
      expect(body).toContain(`# TYPE ${name} gauge`);
    }
  });
});

interface Panel {
  title: string;
  targets: { expr: string }[];
}

describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(readFileSync('deploy/grafana/vigie.json', 'utf8')) as {
    title: string;
    panels: Panel[];
  };

  it('parses, and every panel has a query', () => {
    expect(dashboard.title).toBe('vigie');
    expect(dashboard.panels.length).toBeGreaterThan(10);
    for (const panel of dashboard.panels) expect(panel.targets.length).toBeGreaterThan(0);
  });

  it('queries only metrics that /metrics serves', () => {
    const served = new Set([...body.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1] ?? ''));
    const missing = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) =>
        [...target.expr.matchAll(/\b(?:vigie|process|nodejs)_[a-z0-9_]+/g)]
          .map((match) => match[0].replace(/_(bucket|sum|count)$/, ''))
          .filter((name) => !served.has(name))
          .map((name) => `${panel.title}: ${name}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});
