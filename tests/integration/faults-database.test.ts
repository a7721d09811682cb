// PostgreSQL going away under `vigie run`: the process stays up, /readyz says so, the run completes.

import { rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.ts';
import {
  clearQueues,
  expectedEvents,
  type NewsSite,
  spawnVigie,
  startNewsSite,
  waitFor,
  waitForFinalState,
  writeFaultConfig,
} from './fault-helpers.ts';
import { openBackend, testBackends, uniquePrefix } from './pipeline-helpers.ts';

const COUNT = 60;
const [backend] = testBackends('faults_db');
const schema = backend?.schema ?? '';
const prefix = uniquePrefix('faults-db');
const applicationName = `vigie_${schema}`.slice(0, 63);
let site: NewsSite;
let configDir: string;
let store: Store;
let proxy: PgProxy;

/** A TCP proxy to the test's PostgreSQL that can drop every connection and refuse new ones. */
interface PgProxy {
  port: number;
  /** Down: open connections are cut and new ones closed at once, as a stopped server would. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

async function startPgProxy(target: { host: string; port: number }): Promise<PgProxy> {
  const sockets = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = createConnection(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    setDown: (value) => {
      down = value;
      if (value) for (const socket of sockets) socket.destroy();
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function readyStatus(port: number): Promise<number | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`, {
      signal: AbortSignal.timeout(5_000),
    });
    return response.status;
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  site = await startNewsSite(COUNT, 120);
  configDir = writeFaultConfig(site.url);
  store = await openBackend(backend ?? { kind: 'postgres', dataDir: '' });
  proxy = await startPgProxy({ host: '127.0.0.1', port: 5432 });
});

afterAll(async () => {
  await clearQueues(prefix);
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
  await store.close();
  await proxy.close();
  await site.close();
  rmSync(configDir, { recursive: true, force: true });
});

describe('PostgreSQL going away under vigie run', () => {
  it('stays up through an outage and pg_terminate_backend, and completes the run', async () => {
    const port = await freePort();
    const vigie = spawnVigie(['run'], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${proxy.port}/test?application_name=${applicationName}`,
      VIGIE_DATABASE_SCHEMA: schema,
      VIGIE_CONFIG: configDir,
      VIGIE_QUEUE_PREFIX: prefix,
      VIGIE_ALLOW_HOSTS: '127.0.0.1',
      PORT: String(port),
    });
    await vigie.started;
    await waitFor('pages served', () => site.pagesServed() >= 10, 30_000);
    // The server stops: every connection cut, new ones refused, until it is back.
    proxy.setDown(true);
    await waitFor('/readyz 503', async () => (await readyStatus(port)) === 503, 20_000);
    proxy.setDown(false);
    await waitFor('/readyz 200', async () => (await readyStatus(port)) === 200, 20_000);
    // An administrator ends every vigie session, twice, while jobs run.
    for (let round = 0; round < 2; round++) {
      await waitFor('sessions', () => terminateSessions(), 20_000);
    }
    const state = await waitForFinalState(store, COUNT, 60_000);
    expect(vigie.child.exitCode).toBeNull();
    expect(state.statuses).toEqual(['fetched']);
    expect(state.events).toEqual(expectedEvents(COUNT));
    vigie.child.kill('SIGTERM');
    expect((await vigie.exited).code).toBe(0);
  }, 120_000);
});

/** Ends every session of this test's vigie process; the number ended, or false for none. */
async function terminateSessions(): Promise<number | false> {
  const result = await sql<{ ended: boolean }>`
    select pg_terminate_backend(pid) as ended from pg_stat_activity
    where application_name = ${applicationName}`.execute(store.db);
  return result.rows.length > 0 && result.rows.length;
}
