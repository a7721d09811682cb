// Delivery faults (issue 10): SMTP down, 451 then 250, 550; webhook 500 then 200, 404; a slow
// server that a live sender waits out; a sender SIGKILLed mid-send and taken over by another
// process; a digest run killed between build and send. Each ends as the clean run does: one delivery per alert × channel, each mail or POST once.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { closeDeps, type Deps, openDeps } from '../../src/deps.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { countPendingJobs, waitUntilIdle } from '../../src/queues/idle.ts';
import { enqueueBuildDigest, enqueueSendAlert, type QueueName } from '../../src/queues/index.ts';
import { claimDelivery, insertDeliveries, listDeliveries } from '../../src/store/deliveries.ts';
import { closeWorkers, startWorkers } from '../../src/workers/index.ts';
import { sweepDeliveries } from '../../src/workers/sweep-deliveries.worker.ts';
import { storeMatch } from './digest-helpers.ts';
import { openBackend, PG_URL, testBackends, testEnv, uniquePrefix } from './pipeline-helpers.ts';
import { freePort, type SmtpOptions, startSmtp, type TestSmtp } from './smtp-helpers.ts';
import {
  killWorker,
  spawnWorker,
  stopWorker,
  until,
  type WorkerProcess,
} from './worker-process.ts';

const postgres = testBackends('faults_delivery').find((backend) => backend.kind === 'postgres');
if (!postgres) throw new Error('no postgres backend');
const backend = postgres;
const schema = backend.schema ?? '';
const configDir = mkdtempSync(join(tmpdir(), 'vigie-faults-delivery-'));
const prefix = uniquePrefix('faults-delivery');
/** Job locks and delivery leases of 2 s instead of 30: a dead sender is taken over in seconds. */
const LOCK_MS = 2_000;
let smtpPort = 0;
let hook: Hook;
let deps: Deps;

interface Hook {
  url: string;
  /** Alert ids of the POSTs answered 2xx, one entry per request. */
  accepted: number[];
  /** The status for a POST of an alert, by how many POSTs of that alert came before. */
  status: (before: number) => number;
  close(): Promise<void>;
}

async function startHook(): Promise<Hook> {
  const seen: number[] = [];
  const hook = {
    accepted: [] as number[],
    status: (_before: number) => 200,
  };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const alertId = (JSON.parse(body) as { alert: { id: number } }).alert.id;
      const status = hook.status(seen.filter((id) => id === alertId).length);
      seen.push(alertId);
      if (status < 300) hook.accepted.push(alertId);
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return Object.assign(hook, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  });
}

beforeAll(async () => {
  smtpPort = await freePort();
  hook = await startHook();
  copyFileSync('tests/fixtures/config/valid/regions.yaml', join(configDir, 'regions.yaml'));
  writeFileSync(join(configDir, 'feeds.yaml'), 'feeds: []\n');
  writeFileSync(
    join(configDir, 'rules.yaml'),
    'rules:\n  - id: faults\n    match: {any: [attentat*]}\n',
  );
  // Digests no rule names cover every rule; midnight UTC, so a run now covers yesterday.
  writeFileSync(
    join(configDir, 'notify.yaml'),
    `channels:
  mail: {type: email, to: [analyst@example.org], groupWait: 1s}
  hook: {type: webhook, url: "${hook.url}", groupWait: 1s}
digests:
  queued: {cron: "0 0 * * *", timezone: UTC, channels: [mail]}
  lost: {cron: "0 0 * * *", timezone: UTC, channels: [mail]}
`,
  );
  deps = await openDeps({
    env: {
      ...testEnv(backend, prefix),
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      workerLockMs: LOCK_MS,
    },
    config: await loadConfig(configDir),
    store: await openBackend(backend),
    prefix,
    log: createLogger('silent'),
    defaultJobOptions: { backoff: { type: 'fixed', delay: 100 } },
  });
  await storeYesterdaysEvents();
});

afterAll(async () => {
  await Promise.all(Object.values(deps.queues).map((queue) => queue.obliterate({ force: true })));
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(deps.store.db);
  await closeDeps(deps);
  await hook.close();
  rmSync(configDir, { recursive: true, force: true });
});

let alertSeq = 0;

/** An alert on one stored event, with one pending delivery per channel and their send jobs. */
async function newAlert(channels: string[]): Promise<number> {
  const at = new Date(Date.UTC(2020, 0, 1) + ++alertSeq * 60_000);
  const eventId = await storeMatch(deps.store.db, {
    title: `Attentat numéro ${alertSeq}`,
    url: `https://example.org/faults/${alertSeq}`,
    ruleId: 'faults',
    regions: [],
    matchedAt: at,
  });
  const alert = await deps.store.db
    .insertInto('alerts')
    .values({
      rule_id: 'faults',
      window_start: at,
      window_end: at,
      story_count: 1,
      triggered_by: JSON.stringify({ stories: [], events: [eventId] }),
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const deliveries = await insertDeliveries(deps.store.db, { alertId: alert.id }, channels, at);
  for (const delivery of deliveries)
    await enqueueSendAlert(deps.queues, { deliveryId: delivery.id });
  return alert.id;
}

/** What one alert ended with: its deliveries, the mails accepted and handed over, the POSTs accepted. */
async function outcomeOf(alertId: number, smtp: TestSmtp | undefined) {
  const messageId = `<alert-${alertId}@vigie>`;
  const deliveries = await listDeliveries(deps.store.db, { alertId });
  return {
    deliveries: deliveries.map(({ channel, state }) => ({ channel, state })),
    mails: smtp?.received.filter((mail) => mail.messageId === messageId).length ?? 0,
    posts: hook.accepted.filter((id) => id === alertId).length,
  };
}

const MAIL_SENT = { channel: 'mail', state: 'sent' };
const HOOK_SENT = { channel: 'hook', state: 'sent' };
const CLEAN = { deliveries: [MAIL_SENT, HOOK_SENT], mails: 1, posts: 1 };

interface Fault {
  name: string;
  /** The SMTP server's reply by attempt, or 'down-then-up': nothing listens until two refusals. */
  smtp: SmtpOptions['reply'] | 'down-then-up';
  hook: (before: number) => number;
  /** How the outcome differs from the clean run's. */
  differs?: Partial<typeof CLEAN>;
  /** Messages handed to the SMTP server per alert, and the deliveries' least attempts (mail, hook). */
  handed: number;
  attempts: [number, number];
  lastError?: RegExp;
}

const FAULTS: Fault[] = [
  {
    name: 'no fault (the clean run)',
    smtp: () => 250,
    hook: () => 200,
    handed: 1,
    attempts: [1, 1],
  },
  {
    name: 'SMTP down, then up',
    smtp: 'down-then-up',
    hook: () => 200,
    handed: 1,
    attempts: [2, 1],
  },
  {
    name: 'SMTP answering 451, then 250',
    smtp: (_mail, before) => (before === 0 ? 451 : 250),
    hook: () => 200,
    handed: 2,
    attempts: [2, 1],
  },
  {
    name: 'SMTP answering 550',
    smtp: () => 550,
    hook: () => 200,
    differs: { deliveries: [{ channel: 'mail', state: 'failed' }, HOOK_SENT], mails: 0 },
    handed: 1,
    attempts: [1, 1],
    lastError: /\(550\)/,
  },
  {
    name: 'webhook answering 500, then 200',
    smtp: () => 250,
    hook: (before) => (before === 0 ? 500 : 200),
    handed: 1,
    attempts: [1, 2],
  },
  {
    name: 'webhook answering 404',
    smtp: () => 250,
    hook: () => 404,
    differs: { deliveries: [MAIL_SENT, { channel: 'hook', state: 'failed' }], posts: 0 },
    handed: 1,
    attempts: [1, 1],
    lastError: /status 404/,
  },
];

describe('send-alert against a failing mail server or webhook', () => {
  it.each(FAULTS)('$name: each alert ends as in a clean run, or failed for good', async (fault) => {
    hook.status = fault.hook;
    let smtp: TestSmtp | undefined;
    if (fault.smtp !== 'down-then-up') smtp = await startSmtp(smtpPort, { reply: fault.smtp });
    const alerts = [await newAlert(['mail', 'hook']), await newAlert(['mail', 'hook'])];
    let refusals = 0;
    const workers = startWorkers(deps, ['send-alert'], {
      observers: [
        {
          failed: (_queue, _job, error) => {
            if (!error.message.startsWith('email:') || ++refusals !== alerts.length) return;
            if (fault.smtp === 'down-then-up') void startSmtp(smtpPort).then((up) => (smtp = up));
          },
        },
      ],
    });
    try {
      await waitUntilIdle([deps.queues['send-alert']], workers);
    } finally {
      await closeWorkers(workers);
    }
    // A delivery failed for good is not owed: the sweeper leaves it alone.
    expect(await sweepDeliveries(deps, { reoffers: 100, pageSize: 100, scanned: 100 })).toEqual({
      reoffered: 0,
    });
    try {
      for (const alertId of alerts) {
        expect(await outcomeOf(alertId, smtp)).toEqual({ ...CLEAN, ...fault.differs });
        const handed = smtp?.handed.filter((mail) => mail.messageId === `<alert-${alertId}@vigie>`);
        expect(handed).toHaveLength(fault.handed);
        const deliveries = await listDeliveries(deps.store.db, { alertId });
        // SMTP down: as many attempts as the server took to come up, at least two.
        expect(deliveries[0]?.attempts).toBeGreaterThanOrEqual(fault.attempts[0]);
        expect(deliveries[1]?.attempts).toBe(fault.attempts[1]);
        if (fault.smtp !== 'down-then-up') expect(deliveries[0]?.attempts).toBe(fault.attempts[0]);
        const errors = deliveries.map((delivery) => delivery.lastError).filter(Boolean);
        if (fault.lastError) expect(errors).toEqual([expect.stringMatching(fault.lastError)]);
        else expect(errors).toEqual([]);
      }
    } finally {
      await smtp?.close();
    }
  });
});

/** The environment of this file's `vigie worker` processes: its schema, prefix, config and SMTP server. */
function workerEnv(): Record<string, string> {
  return {
    DATABASE_URL: PG_URL,
    VIGIE_DATABASE_SCHEMA: schema,
    VIGIE_CONFIG: configDir,
    VIGIE_QUEUE_PREFIX: prefix,
    VIGIE_ALLOW_HOSTS: '127.0.0.1',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    VIGIE_WORKER_LOCK_MS: String(LOCK_MS),
  };
}

function drained(queues: QueueName[]): Promise<boolean> {
  return countPendingJobs(queues.map((name) => deps.queues[name])).then((count) => count === 0);
}

describe('a live sender on a slow mail server', () => {
  it('keeps its delivery: its lease is renewed, no other sender takes it', async () => {
    let release: (reply: number) => void = () => undefined;
    const smtp = await startSmtp(smtpPort, {
      reply: () => new Promise<number>((resolve) => (release = resolve)),
    });
    const workers = startWorkers(deps, ['send-alert']);
    try {
      const alertId = await newAlert(['mail']);
      await until(() => smtp.handed.length === 1, 'the hand-over');
      const [held] = await listDeliveries(deps.store.db, { alertId });
      const firstLeaseEnd = held?.leaseUntil?.getTime() ?? 0;
      // Held past two leases: the sender renews, the sweeper and any other claim leave it alone.
      await until(async () => {
        const [now] = await listDeliveries(deps.store.db, { alertId });
        return (now?.leaseUntil?.getTime() ?? 0) > firstLeaseEnd + 2 * LOCK_MS;
      }, 'two lease renewals');
      expect(await sweepDeliveries(deps, { reoffers: 100, pageSize: 100, scanned: 100 })).toEqual({
        reoffered: 0,
      });
      const now = new Date();
      expect(await claimDelivery(deps.store.db, held?.id ?? -1, { now, leaseMs: LOCK_MS })).toBe(
        undefined,
      );
      release(250);
      await waitUntilIdle([deps.queues['send-alert']], workers);
      expect(await outcomeOf(alertId, smtp)).toEqual({
        deliveries: [{ channel: 'mail', state: 'sent' }],
        mails: 1,
        posts: 0,
      });
      expect(smtp.handed).toHaveLength(1);
      expect(await listDeliveries(deps.store.db, { alertId })).toMatchObject([{ attempts: 1 }]);
    } finally {
      release(421);
      await closeWorkers(workers);
      await smtp.close();
    }
  });
});

describe('a sender killed mid-send', () => {
  it('is taken over by another process: the mail goes once, or twice with one Message-ID', async () => {
    let release: (reply: number) => void = () => undefined;
    // The first hand-over is held, as a server still receiving DATA when the sender dies.
    const smtp = await startSmtp(smtpPort, {
      reply: (_mail, before) =>
        before === 0 ? new Promise<number>((resolve) => (release = resolve)) : 250,
    });
    const first = await spawnWorker(['--queues', 'send-alert'], workerEnv());
    let second: WorkerProcess | undefined;
    try {
      const alertId = await newAlert(['mail']);
      await until(() => smtp.handed.length === 1, 'the first hand-over');
      second = await spawnWorker(['--queues', 'send-alert'], workerEnv());
      first.child.kill('SIGKILL');
      await first.exited;
      await until(() => drained(['send-alert']), 'the takeover');
      expect(await outcomeOf(alertId, smtp)).toEqual({
        deliveries: [{ channel: 'mail', state: 'sent' }],
        mails: 1,
        posts: 0,
      });
      // Handed over twice: the dead sender's copy (which a server may still deliver) and the resend.
      expect(smtp.handed.map((mail) => mail.messageId)).toEqual([
        `<alert-${alertId}@vigie>`,
        `<alert-${alertId}@vigie>`,
      ]);
      const [delivery] = await listDeliveries(deps.store.db, { alertId });
      expect(delivery).toMatchObject({ attempts: 2, lastError: null });
      expect(second.log()).toMatch(/alert delivery taken over from a sender that died/);
      expect(await stopWorker(second)).toBe(0);
    } finally {
      release(421);
      killWorker(first);
      killWorker(second);
      await smtp.close();
    }
  }, 60_000);
});

/** Three events of yesterday, inside the period a run now covers. */
async function storeYesterdaysEvents(): Promise<void> {
  const midnight = new Date(new Date().toISOString().slice(0, 10));
  for (const hour of [1, 2, 3]) {
    await storeMatch(deps.store.db, {
      title: `Attentat de la veille, ${hour} h`,
      url: `https://example.org/yesterday/${hour}`,
      ruleId: 'faults',
      regions: [],
      matchedAt: new Date(midnight.getTime() - hour * 3_600_000),
    });
  }
}

describe('digest runs killed between build and send', () => {
  it('after a restart, each digest goes once, its send job still queued or lost with the process', async () => {
    const smtp = await startSmtp(smtpPort);
    // Only build-digest here: the process dies with the runs stored and their mails not sent.
    const builder = await spawnWorker(['--queues', 'build-digest'], workerEnv());
    let restarted: WorkerProcess | undefined;
    try {
      const runOf = async (digestId: string) =>
        deps.store.db
          .selectFrom('digests')
          .selectAll()
          .where('digest_id', '=', digestId)
          .executeTakeFirst();
      const digests = ['queued', 'lost'];
      const runs = new Map<string, { id: number; createdAt: number; sendJob: string }>();
      for (const digestId of digests) {
        await enqueueBuildDigest(deps.queues, { digestId });
        await until(async () => (await runOf(digestId)) !== undefined, `the ${digestId} run`);
        const run = await runOf(digestId);
        const id = run?.id ?? -1;
        const sendJob = `send-digest-${(await listDeliveries(deps.store.db, { digestRunId: id }))[0]?.id}`;
        await until(
          async () => (await deps.queues['send-digest'].getJob(sendJob)) !== undefined,
          `the ${digestId} send job`,
        );
        runs.set(digestId, { id, createdAt: run?.created_at.getTime() ?? 0, sendJob });
      }
      builder.child.kill('SIGKILL');
      await builder.exited;
      const lost = runs.get('lost');
      await deps.queues['send-digest'].remove(lost?.sendJob ?? '');
      // The sweeper offers a pending delivery again once it is older than one lease.
      await until(() => Date.now() > (lost?.createdAt ?? 0) + LOCK_MS, 'one lease to pass');
      restarted = await spawnWorker(['--queues', 'send-digest', '--scheduler'], workerEnv());
      const sent = async (id: number) =>
        (await listDeliveries(deps.store.db, { digestRunId: id }))[0]?.state === 'sent';
      for (const [digestId, run] of runs) await until(() => sent(run.id), `the ${digestId} mail`);
      // build-digest keeps its schedulers' next runs, delayed: only the sends must be done.
      await until(() => drained(['send-digest']), 'the sends to drain');
      for (const [digestId, run] of runs) {
        const stored = await deps.store.db
          .selectFrom('digests')
          .select(['id', 'event_count'])
          .where('digest_id', '=', digestId)
          .execute();
        expect(stored).toEqual([{ id: run.id, event_count: 3 }]);
      }
      const ids = [...runs.values()].map((run) => `<digest-${run.id}@vigie>`);
      expect(smtp.handed.map((mail) => mail.messageId).sort()).toEqual(ids.sort());
      expect(smtp.received.map((mail) => mail.text)).toEqual([
        expect.stringContaining('Attentat de la veille'),
        expect.stringContaining('Attentat de la veille'),
      ]);
      expect(await stopWorker(restarted)).toBe(0);
    } finally {
      killWorker(builder);
      killWorker(restarted);
      await smtp.close();
    }
  }, 60_000);
});
