// Deliveries still owed are offered again: one whose send job gave up during a long mail outage,
// and one leased by a sender that died mid-send with its job (its resend is logged). Each mail
// arrives once.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Worker } from 'bullmq';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { closeDeps, type Deps, openDeps } from '../../src/deps.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { waitUntilIdle } from '../../src/queues/idle.ts';
import { enqueueSendAlert, type QueueName } from '../../src/queues/index.ts';
import { claimDelivery, getDelivery, insertDeliveries } from '../../src/store/deliveries.ts';
import { closeWorkers, startWorkers, WORKERS } from '../../src/workers/index.ts';
import { sweepDeliveries } from '../../src/workers/sweep-deliveries.worker.ts';
import { openBackend, testBackends, testEnv, uniquePrefix } from './pipeline-helpers.ts';
import { freePort, startSmtp, type TestSmtp } from './smtp-helpers.ts';

const postgres = testBackends('sweep').find((backend) => backend.kind === 'postgres');
if (!postgres) throw new Error('no postgres backend');
const backend = postgres;
const configDir = mkdtempSync(join(tmpdir(), 'vigie-sweep-config-'));
const T0 = new Date('2026-03-01T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const LEASE_MS = 30_000;
const clock = fixedClock(T0);
const logLines: { msg?: string; deliveryId?: number }[] = [];
let smtpPort = 0;
let smtp: TestSmtp | undefined;
let deps: Deps;

beforeAll(async () => {
  for (const file of ['feeds.yaml', 'regions.yaml'])
    copyFileSync(join('tests/fixtures/config/valid', file), join(configDir, file));
  writeFileSync(
    join(configDir, 'notify.yaml'),
    'channels:\n  mail: {type: email, to: [a@example.org], groupWait: 1s}\n',
  );
  writeFileSync(
    join(configDir, 'rules.yaml'),
    'rules:\n  - id: owed\n    match: {any: [marqueur]}\n',
  );
  smtpPort = await freePort();
  const prefix = uniquePrefix('sweep');
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  deps = await openDeps({
    env: { ...testEnv(backend, prefix), smtpUrl: `smtp://127.0.0.1:${smtpPort}` },
    config: await loadConfig(configDir),
    store: await openBackend(backend),
    prefix,
    clock,
    log: pino({ level: 'info' }, sink),
    // Two quick attempts: the send job gives up long before the outage ends.
    defaultJobOptions: { attempts: 2, backoff: { type: 'fixed', delay: 50 } },
  });
});

afterAll(async () => {
  await Promise.all(Object.values(deps.queues).map((queue) => queue.obliterate({ force: true })));
  await sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(deps.store.db);
  await closeDeps(deps);
  await smtp?.close();
  rmSync(configDir, { recursive: true, force: true });
});

async function newDelivery(): Promise<number> {
  const alert = await deps.store.db
    .insertInto('alerts')
    .values({
      rule_id: 'owed',
      window_start: T0,
      window_end: clock.now(),
      story_count: 1,
      triggered_by: JSON.stringify({ stories: [], events: [] }),
      created_at: clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [delivery] = await insertDeliveries(
    deps.store.db,
    { alertId: alert.id },
    ['mail'],
    clock.now(),
  );
  return delivery?.id ?? -1;
}

/** Runs these workers until their queues are idle. */
async function drain(queues: QueueName[]): Promise<void> {
  const workers: Worker[] = startWorkers(deps, queues);
  try {
    await waitUntilIdle(
      queues.map((name) => deps.queues[name]),
      workers,
    );
  } finally {
    await closeWorkers(workers);
  }
}

async function sweep(): Promise<unknown> {
  return WORKERS['sweep-deliveries'].process(deps, { data: {} } as never);
}

describe('sweep-deliveries', () => {
  it('offers again a delivery whose send job gave up during a mail outage', async () => {
    clock.set(T0);
    const id = await newDelivery();
    await enqueueSendAlert(deps.queues, { deliveryId: id });
    await drain(['send-alert']);
    expect(await deps.queues['send-alert'].getFailedCount()).toBe(1);
    expect(await getDelivery(deps.store.db, id)).toMatchObject({ state: 'pending', attempts: 2 });

    smtp = await startSmtp(smtpPort);
    // Younger than one lease: its first job may be on the way.
    clock.set(new Date(T0.getTime() + LEASE_MS / 2));
    expect(await sweep()).toEqual({ reoffered: 0 });
    clock.set(minutes(1));
    expect(await sweep()).toEqual({ reoffered: 1 });
    // Its job is waiting again: still owed, but in hand.
    expect(await sweep()).toEqual({ reoffered: 0 });
    await drain(['send-alert']);
    expect(smtp.received.map((mail) => mail.messageId)).toHaveLength(1);
    expect(await getDelivery(deps.store.db, id)).toMatchObject({ state: 'sent', attempts: 3 });
    expect(await sweep()).toEqual({ reoffered: 0 });
  });

  it('resends, once and logged, a delivery whose sender died with its job between lease and mark', async () => {
    clock.set(minutes(20));
    const id = await newDelivery();
    // The sender leases it, then dies with its job before marking it: the row stays `sending`.
    await claimDelivery(deps.store.db, id, { now: minutes(20), leaseMs: LEASE_MS });
    const before = smtp?.received.length ?? 0;
    expect(before).toBe(1);
    clock.set(new Date(minutes(20).getTime() + LEASE_MS - 1));
    expect(await sweep()).toEqual({ reoffered: 0 });
    clock.set(new Date(minutes(20).getTime() + LEASE_MS + 1));
    expect(await sweep()).toEqual({ reoffered: 1 });
    await drain(['send-alert']);
    expect(smtp?.received).toHaveLength(before + 1);
    expect(await getDelivery(deps.store.db, id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(logLines).toContainEqual(
      expect.objectContaining({ deliveryId: id, msg: expect.stringMatching(/sender that died/) }),
    );
  });

  it('pages past owed deliveries still in hand to the ones whose job was lost, up to its limit', async () => {
    // One alert a minute (an alert's key includes its time), oldest first.
    const created: number[] = [];
    for (const minute of [40, 41, 42, 43]) {
      clock.set(minutes(minute));
      created.push(await newDelivery());
    }
    // Owed, with their jobs still waiting (a long outage): in hand, not to be offered again.
    const waiting = created.slice(0, 2);
    for (const id of waiting) await enqueueSendAlert(deps.queues, { deliveryId: id });
    // Owed, and no job anywhere: lost.
    const lost = created.slice(2);
    clock.set(minutes(49));
    // Pages of two: the first page holds only the waiting ones, the lost ones come after it.
    const limits = { reoffers: 1, pageSize: 2, scanned: 100 };
    expect(await sweepDeliveries(deps, limits)).toEqual({ reoffered: 1 });
    expect(await deps.queues['send-alert'].getJob(`send-alert-${lost[0]}`)).toBeDefined();
    expect(await deps.queues['send-alert'].getJob(`send-alert-${lost[1]}`)).toBeUndefined();
    expect(await sweepDeliveries(deps, limits)).toEqual({ reoffered: 1 });
    expect(await sweepDeliveries(deps, limits)).toEqual({ reoffered: 0 });
    const before = smtp?.received.length ?? 0;
    await drain(['send-alert']);
    expect(smtp?.received).toHaveLength(before + 4);
    for (const id of [...waiting, ...lost]) {
      expect(await getDelivery(deps.store.db, id)).toMatchObject({ state: 'sent' });
    }
  });
});
