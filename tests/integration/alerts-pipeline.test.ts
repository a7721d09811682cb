// Alerting end to end: `vigie ingest` of the examples feed (articles of 2016–2024) stores events and
// alerts no one; the same articles dated today make one alert and one .eml, and a second pass none;
// send-alert run twice on one delivery writes one mail.
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/cli/ingest-pass.ts';
import { loadConfig } from '../../src/config/load.ts';
import { closeDeps, type Deps, openDeps } from '../../src/deps.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { WORKERS } from '../../src/workers/index.ts';
import type { SendAlertResult } from '../../src/workers/send-alert.worker.ts';
import { openBackend, testBackends, testEnv, uniquePrefix } from './pipeline-helpers.ts';

const RULES = `rules:
  - id: daesh
    name: Daesh
    severity: high
    match:
      any: [Daesh, Daech, "État islamique", ISIS, {term: EI, caseSensitive: true}]
    alert:
      threshold: {count: 2, window: 30d, per: rule}
      channels: [ops-email]
`;

const backend = testBackends('alerts').find((candidate) => candidate.kind === 'postgres');
if (!backend) throw new Error('no postgres backend');
const dataDir = mkdtempSync(join(tmpdir(), 'vigie-alerts-'));
const configDir = mkdtempSync(join(tmpdir(), 'vigie-alerts-config-'));
const outbox = join(dataDir, 'outbox');
const prefix = uniquePrefix('alerts');
const saved = { ...process.env };

/** A job to call a processor with; `moveToDelayed` (a delivery leased by another) does nothing. */
function fakeJob(data: unknown): Job {
  return {
    data,
    attemptsMade: 0,
    attemptsStarted: 1,
    opts: { attempts: 5 },
    token: 'fake',
    moveToDelayed: async () => undefined,
  } as unknown as Job;
}

function runIngest(file = 'examples/samples-feed.xml') {
  return ingest(file, { json: true, config: configDir, timeout: '5s' });
}

function mailsInOutbox(): string[] {
  if (!existsSync(outbox)) return [];
  return readdirSync(outbox).filter((name) => name.endsWith('.eml'));
}

/**
 * The examples feed published in the last hours, under other links (so its items are new
 * articles): what a feed brings on the day.
 */
function writeFreshFeed(): string {
  let hours = 0;
  const fresh = readFileSync('examples/samples-feed.xml', 'utf8')
    .replaceAll('https://example.org/samples/', 'https://example.org/samples-fresh/')
    .replace(/<pubDate>[^<]*<\/pubDate>/g, () => {
      hours += 1;
      return `<pubDate>${new Date(Date.now() - hours * 3_600_000).toUTCString()}</pubDate>`;
    });
  const file = join(configDir, 'fresh-feed.xml');
  writeFileSync(file, fresh);
  return file;
}

beforeAll(() => {
  for (const file of ['feeds.yaml', 'regions.yaml', 'notify.yaml'])
    copyFileSync(join('tests/fixtures/config/valid', file), join(configDir, file));
  writeFileSync(join(configDir, 'rules.yaml'), RULES);
  process.env.DATABASE_URL = testEnv(backend, prefix).databaseUrl;
  process.env.VIGIE_DATABASE_SCHEMA = backend.schema;
  process.env.VIGIE_DATA_DIR = dataDir;
  process.env.VIGIE_QUEUE_PREFIX = prefix;
  process.env.REDIS_URL = 'redis://127.0.0.1:6379';
  delete process.env.SMTP_URL;
});

afterAll(async () => {
  process.env = saved;
  const store = await openBackend(backend);
  await sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(store.db);
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
});

describe('alerts through vigie ingest', () => {
  it('stores the years-old samples and their events but alerts no one', async () => {
    const old = await runIngest();
    expect(old.errors).toEqual([]);
    expect(old.events).toBeGreaterThanOrEqual(2);
    expect(old.alerts).toBe(0);
    expect(mailsInOutbox()).toHaveLength(0);
  }, 20_000);

  it('makes one alert and one mail for the same articles published today, none on a second pass', async () => {
    const fresh = writeFreshFeed();
    const first = await runIngest(fresh);
    expect(first.errors).toEqual([]);
    expect(first.events).toBeGreaterThanOrEqual(2);
    expect(first.alerts).toBe(1);
    expect(mailsInOutbox()).toHaveLength(1);
    const second = await runIngest(fresh);
    expect(second).toMatchObject({ events: 0, alerts: 0, errors: [] });
    expect(mailsInOutbox()).toHaveLength(1);
  }, 20_000);

  it('sends one mail when send-alert runs twice on one delivery', async () => {
    const deps: Deps = await openDeps({
      env: { ...testEnv(backend, prefix), dataDir },
      config: await loadConfig(configDir),
      store: await openBackend(backend),
      prefix: `${prefix}-${randomUUID().slice(0, 8)}`,
      log: createLogger('silent'),
    });
    try {
      const delivery = await deps.store.db
        .updateTable('deliveries')
        .set({ state: 'pending', sent_at: null, claimed_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      rmSync(outbox, { recursive: true, force: true });
      const run = () =>
        WORKERS['send-alert'].process(
          deps,
          fakeJob({ deliveryId: delivery.id }),
        ) as Promise<SendAlertResult>;
      const outcomes = (await Promise.allSettled([run(), run()])).map((outcome) =>
        outcome.status === 'rejected'
          ? (outcome.reason as Error).name
          : outcome.value.sent
            ? 'sent'
            : `skipped: ${outcome.value.skipped}`,
      );
      // The other run found it sent, or leased by the first: it waits, delayed, for that lease.
      expect([
        ['DelayedError', 'sent'],
        ['sent', 'skipped: sent'],
      ]).toContainEqual(outcomes.sort());
      // Run again when the lease ends, it finds the delivery sent.
      await expect(run()).resolves.toMatchObject({ skipped: 'sent' });
      expect(readdirSync(outbox)).toHaveLength(1);
      const row = await deps.store.db
        .selectFrom('deliveries')
        .select(['state', 'attempts'])
        .where('id', '=', delivery.id)
        .executeTakeFirstOrThrow();
      expect(row.state).toBe('sent');
    } finally {
      await Promise.all(
        Object.values(deps.queues).map((queue) => queue.obliterate({ force: true })),
      );
      await closeDeps(deps);
    }
  }, 10_000);
});
