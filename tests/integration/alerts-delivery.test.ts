// Alert delivery through the workers: a mail server refusing then accepting and a webhook failing
// then accepting each get every alert exactly once; two worker processes racing on one threshold
// make one alert and one mail.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueEvents } from 'bullmq';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { closeDeps, type Deps, openDeps } from '../../src/deps.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { waitUntilIdle } from '../../src/queues/idle.ts';
import { enqueueFetchFeed, PIPELINE_QUEUES, type QueueName } from '../../src/queues/index.ts';
import type { Store } from '../../src/store/database.ts';
import { upsertFeeds } from '../../src/store/feeds.ts';
import { closeWorkers, startWorkers } from '../../src/workers/index.ts';
import {
  type Backend,
  type LocalServer,
  openBackend,
  PG_URL,
  rssFeed,
  startLocalServer,
  type TestItem,
  testBackends,
  testEnv,
  uniquePrefix,
} from './pipeline-helpers.ts';
import { freePort, startSmtp, type TestSmtp } from './smtp-helpers.ts';

const postgres = testBackends('delivery').find((backend) => backend.kind === 'postgres');
if (!postgres) throw new Error('no postgres backend');
const backend: Backend = postgres;
const schema = backend.schema ?? '';
const dirs: string[] = [];
let feedServer: LocalServer;
let store: Store;

/** Distinct paragraphs of the sample articles: each item built from one is a story of its own. */
const PARAGRAPHS = readdirSync('tests/fixtures')
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) => readFileSync(join('tests/fixtures', name), 'utf8').split(/\n\s*\n/))
  .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
  .filter((paragraph) => paragraph.length > 200);

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `count` items, each a different sample paragraph carrying the rules' marker word and `where`. */
function items(name: string, count: number, where: (i: number) => string): TestItem[] {
  return Array.from({ length: count }, (_, i) => ({
    title: `Dépêche ${name} ${i}`,
    link: `https://example.org/${name}/${i}`,
    description: escapeXml(`${PARAGRAPHS[i]} Le marqueur est signalé ${where(i)}.`),
  }));
}

function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `vigie-${name}-`));
  dirs.push(dir);
  return dir;
}

function writeConfig(dir: string, files: { feeds: string; rules: string; notify: string }): void {
  copyFileSync('tests/fixtures/config/valid/regions.yaml', join(dir, 'regions.yaml'));
  writeFileSync(join(dir, 'feeds.yaml'), files.feeds);
  writeFileSync(join(dir, 'rules.yaml'), files.rules);
  writeFileSync(join(dir, 'notify.yaml'), files.notify);
}

beforeAll(async () => {
  expect(PARAGRAPHS.length).toBeGreaterThanOrEqual(30);
  feedServer = await startLocalServer();
  store = await openBackend(backend);
});

afterAll(async () => {
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
  await store.close();
  await feedServer.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Hook {
  url: string;
  /** Alert ids of the POSTs answered 200: each request's alerts (a burst's, or its one). */
  accepted: number[][];
  refused: number;
  close(): Promise<void>;
}

/** A webhook receiver answering 500 to its first `failures` requests, then 200. */
async function startHook(failures: number): Promise<Hook> {
  const hook = { accepted: [] as number[][], refused: 0 };
  const server: Server = createHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      if (hook.refused < failures) {
        hook.refused++;
        response.writeHead(500).end('busy');
        return;
      }
      const posted = JSON.parse(body) as { alerts: { id: number }[] };
      hook.accepted.push(posted.alerts.map((alert) => alert.id));
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    get accepted() {
      return hook.accepted;
    },
    get refused() {
      return hook.refused;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** `<alert-12-13@vigie>` → [12, 13]: the alerts a message carried. */
function alertIdsOf(messageId: string | undefined): number[] {
  const ids = /^<alert-([\d-]+)@vigie>$/.exec(messageId ?? '')?.[1] ?? '';
  return ids.split('-').filter(Boolean).map(Number);
}

async function alertIds(ruleId: string): Promise<number[]> {
  const rows = await store.db
    .selectFrom('alerts')
    .select('id')
    .where('rule_id', '=', ruleId)
    .orderBy('id')
    .execute();
  return rows.map((row) => Number(row.id));
}

async function deliveryStates(ruleId: string): Promise<{ channel: string; state: string }[]> {
  return store.db
    .selectFrom('deliveries')
    .innerJoin('alerts', 'alerts.id', 'deliveries.alert_id')
    .select(['deliveries.channel', 'deliveries.state'])
    .where('alerts.rule_id', '=', ruleId)
    .orderBy('deliveries.channel')
    .execute();
}

describe('alert delivery through send-alert', () => {
  it('every alert arrives once by mail and once by webhook, though both refuse at first', async () => {
    const smtpPort = await freePort();
    const hook = await startHook(3);
    feedServer.routes.set('/flaky.xml', () => ({
      body: rssFeed(items('flaky', 4, (i) => (i % 2 === 0 ? 'en Irak' : 'en Syrie'))),
    }));
    const configDir = tempDir('delivery-config');
    writeConfig(configDir, {
      feeds: `feeds:\n  - {id: flaky, url: "${feedServer.url}/flaky.xml", every: 10m, fetchArticle: false}\n`,
      // Critical: the first story of each region alerts; the next ones fall in the cooldown.
      rules: `rules:
  - id: flaky-marker
    severity: critical
    match: {any: [marqueur]}
    regions: [iraq, syria]
    alert:
      threshold: {count: 1, window: 1d, per: region}
      channels: [mail, hook]
`,
      notify: `channels:
  mail: {type: email, to: [analyst@example.org], groupWait: 1s}
  hook: {type: webhook, url: "${hook.url}", secret: s3cret, groupWait: 1s}
`,
    });
    const config = await loadConfig(configDir);
    await upsertFeeds(
      store.db,
      config.feeds.map(({ id, url }) => ({ id, url })),
      new Date(),
    );
    const prefix = uniquePrefix('delivery');
    const deps: Deps = await openDeps({
      // A delivery's own job finds it leased while a companion's job carries it, and sleeps until
      // that lease would end (30 s by default) only to find it sent: a 5 s lease ends the wait sooner.
      env: {
        ...testEnv(backend, prefix),
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        workerLockMs: 5_000,
      },
      config,
      store: await openBackend(backend),
      prefix,
      log: createLogger('silent'),
      // Many quick retries, so the test waits out the outage in a second rather than minutes.
      defaultJobOptions: { attempts: 40, backoff: { type: 'fixed', delay: 100 } },
    });
    let smtp: TestSmtp | undefined;
    let smtpStarted: () => void = () => undefined;
    const smtpUp = new Promise<void>((resolve) => {
      smtpStarted = resolve;
    });
    const mailRefusals: string[] = [];
    const workers = startWorkers(deps, PIPELINE_QUEUES, {
      observers: [
        {
          failed: (queue, _job, error) => {
            if (queue !== 'send-alert' || !error.message.startsWith('email:')) return;
            mailRefusals.push(error.message);
            // The server comes up once the two alerts' mails have been refused twice each.
            if (mailRefusals.length !== 4) return;
            void startSmtp(smtpPort).then((server) => {
              smtp = server;
              smtpStarted();
            });
          },
        },
      ],
    });
    try {
      await enqueueFetchFeed(deps.queues, { feedId: 'flaky' }, { dueAt: new Date() });
      await smtpUp;
      await waitUntilIdle(
        PIPELINE_QUEUES.map((name) => deps.queues[name]),
        workers,
      );
    } finally {
      await closeWorkers(workers);
    }
    try {
      const alerts = await alertIds('flaky-marker');
      expect(alerts).toHaveLength(2);
      expect(mailRefusals.length).toBeGreaterThanOrEqual(4);
      expect(mailRefusals[0]).toMatch(/^email: cannot send <alert-[\d-]+@vigie> through smtp:/);
      // The two regions crossed together: one message may carry both (its Message-ID names
      // each), or each its own if the first was sent before the second was stored.
      const mails = smtp?.received ?? [];
      expect(mails.flatMap((mail) => alertIdsOf(mail.messageId)).sort((a, b) => a - b)).toEqual(
        alerts,
      );
      expect(hook.refused).toBe(3);
      expect(hook.accepted.flat().sort((a, b) => a - b)).toEqual(alerts);
      expect(await deliveryStates('flaky-marker')).toEqual([
        { channel: 'hook', state: 'sent' },
        { channel: 'hook', state: 'sent' },
        { channel: 'mail', state: 'sent' },
        { channel: 'mail', state: 'sent' },
      ]);
    } finally {
      await Promise.all(
        Object.values(deps.queues).map((queue) => queue.obliterate({ force: true })),
      );
      await closeDeps(deps);
      await smtp?.close();
      await hook.close();
    }
  }, 60_000);
});

describe('one notification per burst', () => {
  it('sends the regions of one rule crossing within the group wait as one message per channel', async () => {
    const smtp = await startSmtp(await freePort());
    const hook = await startHook(0);
    feedServer.routes.set('/burst.xml', () => ({
      body: rssFeed(items('burst', 2, (i) => (i === 0 ? 'en Irak' : 'en Syrie'))),
    }));
    const configDir = tempDir('burst-config');
    writeConfig(configDir, {
      feeds: `feeds:\n  - {id: burst, url: "${feedServer.url}/burst.xml", every: 10m, fetchArticle: false}\n`,
      rules: `rules:
  - id: burst-marker
    name: Marqueur
    match: {any: [marqueur]}
    regions: [iraq, syria]
    alert:
      threshold: {count: 1, window: 1d, per: region}
      channels: [mail, hook]
`,
      // Both alerts are made about a second after their events: 5 s covers a loaded machine.
      notify: `channels:
  mail: {type: email, to: [analyst@example.org], groupWait: 5s}
  hook: {type: webhook, url: "${hook.url}", groupWait: 5s}
`,
    });
    const config = await loadConfig(configDir);
    await upsertFeeds(
      store.db,
      config.feeds.map(({ id, url }) => ({ id, url })),
      new Date(),
    );
    const prefix = uniquePrefix('burst');
    const deps: Deps = await openDeps({
      // As above: a companion's job sleeps out the lease of the message that carried it.
      env: { ...testEnv(backend, prefix), smtpUrl: smtp.url, workerLockMs: 5_000 },
      config,
      store: await openBackend(backend),
      prefix,
      log: createLogger('silent'),
    });
    const workers = startWorkers(deps, PIPELINE_QUEUES);
    try {
      await enqueueFetchFeed(deps.queues, { feedId: 'burst' }, { dueAt: new Date() });
      await waitUntilIdle(
        PIPELINE_QUEUES.map((name) => deps.queues[name]),
        workers,
      );
      const alerts = await alertIds('burst-marker');
      expect(alerts).toHaveLength(2);
      // One alert row, one delivery per channel and region, each marked sent; one message each.
      expect(await deliveryStates('burst-marker')).toEqual([
        { channel: 'hook', state: 'sent' },
        { channel: 'hook', state: 'sent' },
        { channel: 'mail', state: 'sent' },
        { channel: 'mail', state: 'sent' },
      ]);
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail?.messageId).toBe(`<alert-${alerts.join('-')}@vigie>`);
      // Regions in the order their alerts were made.
      expect(mail?.subject).toMatch(
        /^\[vigie\] Marqueur: 2 regions \((Irak, Syrie|Syrie, Irak)\)$/,
      );
      expect(mail?.text).toMatch(/== Irak ==\n1 story, [^\n]*\n\n\* Dépêche burst 0/);
      expect(mail?.text).toMatch(/== Syrie ==\n1 story, [^\n]*\n\n\* Dépêche burst 1/);
      expect(hook.accepted).toEqual([alerts]);
    } finally {
      await closeWorkers(workers);
      await Promise.all(
        Object.values(deps.queues).map((queue) => queue.obliterate({ force: true })),
      );
      await closeDeps(deps);
      await smtp.close();
      await hook.close();
    }
  }, 60_000);
});

/** `vigie worker` on these queues and this file's schema; resolves on its "vigie started" line. */
function spawnWorker(
  queues: readonly QueueName[],
  env: Record<string, string>,
): { child: ChildProcess; started: Promise<void> } {
  const child = spawn('./bin/vigie', ['worker', '--queues', queues.join(',')], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: PG_URL,
      VIGIE_DATABASE_SCHEMA: schema,
      VIGIE_ALLOW_HOSTS: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const started = new Promise<void>((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('"msg":"vigie started"')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}) before starting:\n${log}`)),
    );
  });
  return { child, started };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('two worker processes on one threshold', () => {
  it('make one alert and send one mail', async () => {
    feedServer.routes.set('/race.xml', () => ({
      body: rssFeed(items('race', 30, () => 'en Irak')),
    }));
    const configDir = tempDir('race-config');
    const dataDir = tempDir('race-data');
    writeConfig(configDir, {
      feeds: `feeds:\n  - {id: race, url: "${feedServer.url}/race.xml", every: 10m, fetchArticle: false}\n`,
      rules: `rules:
  - id: race-marker
    match: {any: [marqueur]}
    alert:
      threshold: {count: 3, window: 1d, per: rule}
      cooldown: 1d
      channels: [mail]
`,
      notify: 'channels:\n  mail: {type: email, to: [analyst@example.org], groupWait: 1s}\n',
    });
    await upsertFeeds(store.db, [{ id: 'race', url: `${feedServer.url}/race.xml` }], new Date());
    const prefix = uniquePrefix('race');
    const deps = await openDeps({
      env: { ...testEnv(backend, prefix), dataDir },
      config: await loadConfig(configDir),
      store: await openBackend(backend),
      prefix,
      log: createLogger('silent'),
    });
    const alertQueues = ['evaluate-alert', 'send-alert'] as const;
    const queueEvents = alertQueues.map(
      (name) => new QueueEvents(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix }),
    );
    let workers: ReturnType<typeof spawnWorker>[] = [];
    try {
      // Every event stored first, so that the evaluations wait together for the processes.
      const ingestQueues = ['fetch-feed', 'fetch-article', 'classify-article'] as const;
      const ingestWorkers = startWorkers(deps, ingestQueues);
      await enqueueFetchFeed(deps.queues, { feedId: 'race' }, { dueAt: new Date() });
      await waitUntilIdle(
        ingestQueues.map((name) => deps.queues[name]),
        ingestWorkers,
      );
      await closeWorkers(ingestWorkers);
      // 30 events, one evaluation pending: the queue keeps one per rule × region.
      const evaluations = deps.queues['evaluate-alert'];
      const [pending, ...others] = await evaluations.getJobs(['waiting', 'delayed']);
      expect(others).toHaveLength(0);
      // Evaluations of the key without deduplication (as a release before it left them) still
      // race in the two processes: the advisory lock alone must keep them to one alert.
      await evaluations.addBulk(
        Array.from({ length: 29 }, () => ({ name: 'evaluate-alert', data: pending?.data })),
      );

      await Promise.all(queueEvents.map((events) => events.waitUntilReady()));
      const env = { VIGIE_CONFIG: configDir, VIGIE_DATA_DIR: dataDir, VIGIE_QUEUE_PREFIX: prefix };
      workers = [spawnWorker(alertQueues, env), spawnWorker(alertQueues, env)];
      await Promise.all(workers.map((worker) => worker.started));
      await waitUntilIdle(
        alertQueues.map((name) => deps.queues[name]),
        queueEvents,
      );
      expect(await alertIds('race-marker')).toHaveLength(1);
      expect(await deliveryStates('race-marker')).toEqual([{ channel: 'mail', state: 'sent' }]);
      const mails = readdirSync(join(dataDir, 'outbox')).filter((name) => name.endsWith('.eml'));
      expect(mails).toHaveLength(1);
    } finally {
      for (const worker of workers) worker.child.kill('SIGTERM');
      const codes = await Promise.all(workers.map((worker) => exited(worker.child)));
      await Promise.all(queueEvents.map((events) => events.close()));
      await Promise.all(
        Object.values(deps.queues).map((queue) => queue.obliterate({ force: true })),
      );
      await closeDeps(deps);
      expect(codes).toEqual(workers.map(() => 0));
    }
  }, 60_000);
});
