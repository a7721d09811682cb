// The queue dashboard of `vigie run`'s HTTP server against the real Redis: counts, failed jobs with
// their reasons escaped, job schedulers, and a 503 within the time limit when Redis does not answer.
import { once } from 'node:events';
import type { Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import {
  createQueues,
  QUEUE,
  QUEUE_NAMES,
  upsertDeliverySweeper,
  upsertDigestSchedulers,
  upsertFeedScheduler,
} from '../../src/queues/index.ts';
import type { Dashboard } from '../../src/server/dashboard.ts';
import { startHttpServer, stopHttpServer } from '../../src/server/http.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { type Backend, closeTestDeps, openTestDeps, testBackends } from './pipeline-helpers.ts';

const REASON = 'feed <script>alert("x")</script> & co';

let backend: Backend;
let deps: Deps;
let server: Server;
let base: string;

function baseOf(listening: Server): string {
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

/** One send-alert job that fails for good with REASON, waited on through the worker's event. */
async function failOneJob(): Promise<void> {
  const worker = new Worker(
    QUEUE.sendAlert,
    async () => {
      throw new Error(REASON);
    },
    { connection: deps.connection, prefix: deps.prefix },
  );
  try {
    const failed = once(worker, 'failed');
    await deps.queues[QUEUE.sendAlert].add(QUEUE.sendAlert, { deliveryId: 1 }, { attempts: 1 });
    await failed;
  } finally {
    await worker.close();
  }
}

beforeAll(async () => {
  [backend] = testBackends('dashboard') as [Backend];
  deps = await openTestDeps(backend, [], 'dashboard');
  server = await startHttpServer(deps, createMetrics(), 0);
  base = baseOf(server);
  await upsertFeedScheduler(deps.queues);
  await upsertDeliverySweeper(deps.queues);
  await upsertDigestSchedulers(deps.queues, {
    morning: { cron: '0 8 * * *', timezone: 'Europe/Paris' },
  });
  await deps.queues[QUEUE.fetchFeed].add(QUEUE.fetchFeed, { feedId: 'opex360' });
  await failOneJob();
});

afterAll(async () => {
  if (server) await stopHttpServer(server);
  if (deps) await closeTestDeps(deps, backend);
});

describe('GET /queues.json', () => {
  it('lists every queue with its counts, latest failed jobs and schedulers', async () => {
    const response = await fetch(`${base}/queues.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const dashboard = (await response.json()) as Dashboard;
    expect(dashboard.prefix).toBe(deps.prefix);
    expect(dashboard.queues.map((queue) => queue.name)).toEqual(QUEUE_NAMES);
    const byName = new Map(dashboard.queues.map((queue) => [queue.name, queue]));
    expect(byName.get(QUEUE.fetchFeed)).toMatchObject({
      paused: false,
      counts: { waiting: 1, active: 0, failed: 0 },
      failed: [],
    });
    const sendAlert = byName.get(QUEUE.sendAlert);
    expect(sendAlert?.counts).toMatchObject({ waiting: 0, failed: 1 });
    expect(sendAlert?.failed).toEqual([
      {
        id: expect.any(String),
        name: QUEUE.sendAlert,
        attemptsMade: 1,
        failedReason: REASON,
        failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(byName.get(QUEUE.scheduleFeeds)?.schedulers).toEqual([
      expect.objectContaining({ id: 'feed-scheduler', everyMs: 30_000, pattern: null }),
    ]);
    expect(byName.get(QUEUE.sweepDeliveries)?.schedulers).toEqual([
      expect.objectContaining({ id: 'delivery-sweeper', everyMs: 15_000 }),
    ]);
    const [digest] = byName.get(QUEUE.buildDigest)?.schedulers ?? [];
    expect(digest).toMatchObject({
      id: 'digest-morning',
      pattern: '0 8 * * *',
      tz: 'Europe/Paris',
      next: expect.stringMatching(/^\d{4}-\d\d-\d\dT0[67]:00:00\.000Z$/),
    });
  });
});

describe('GET /queues', () => {
  it('renders the same data as HTML with the failure reason escaped', async () => {
    const response = await fetch(`${base}/queues`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('feed &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(html).not.toContain('<script');
    for (const name of QUEUE_NAMES) expect(html).toContain(`<th>${name}</th>`);
    expect(html).toContain('digest-morning');
    expect(html).toContain('0 8 * * * (Europe/Paris)');
    expect(html).toContain('every 30 s');
  });

  it('refuses what would change state', async () => {
    const response = await fetch(`${base}/queues`, { method: 'POST' });
    expect(response.status).toBe(405);
  });
});

describe('a Redis that does not answer', () => {
  it('gets a one-line 503 within the time limit', async () => {
    // A TCP server that accepts connections and never answers: Redis hung, or a network blackhole.
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => sockets.push(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const connection = new Redis({
      host: '127.0.0.1',
      port: (silent.address() as AddressInfo).port,
      enableReadyCheck: false,
      maxRetriesPerRequest: null,
    });
    connection.on('error', () => undefined);
    const queues = createQueues({ connection, prefix: deps.prefix });
    for (const queue of Object.values(queues)) queue.on('error', () => undefined);
    const stuck = await startHttpServer({ ...deps, queues }, createMetrics(), 0, {
      dashboardTimeoutMs: 300,
    });
    try {
      const started = Date.now();
      const response = await fetch(`${baseOf(stuck)}/queues.json`);
      expect(response.status).toBe(503);
      expect(await response.text()).toBe('queues: redis: no answer within 300 ms\n');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await stopHttpServer(stuck);
      connection.disconnect();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
