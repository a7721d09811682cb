// The test's own Redis (AOF) restarted under `vigie run`: the run completes; stderr stays JSON and short.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.ts';
import {
  expectedEvents,
  type NewsSite,
  nonJsonLines,
  spawnVigie,
  startNewsSite,
  waitFor,
  waitForFinalState,
  writeFaultConfig,
} from './fault-helpers.ts';
import { openBackend, PG_URL, testBackends, uniquePrefix } from './pipeline-helpers.ts';

const COUNT = 60;
const OUTAGE_MS = 4_000;
const [backend] = testBackends('faults_redis');
const schema = backend?.schema ?? '';
const redisDir = mkdtempSync(join(tmpdir(), 'vigie-faults-redis-'));
let redisPort: number;
let redis: ChildProcess | undefined;
let site: NewsSite;
let configDir: string;
let store: Store;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** redis-server on the test's port, appending every write to its AOF in the test's directory. */
async function startRedis(): Promise<void> {
  const child = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes'],
    { cwd: redisDir, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  redis = child;
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${out}`)));
  });
}

async function stopRedis(): Promise<void> {
  const child = redis;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  redisPort = await freePort();
  await startRedis();
  site = await startNewsSite(COUNT, 120);
  configDir = writeFaultConfig(site.url);
  store = await openBackend(backend ?? { kind: 'postgres', dataDir: '' });
});

afterAll(async () => {
  await stopRedis();
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
  await store.close();
  await site.close();
  rmSync(configDir, { recursive: true, force: true });
  rmSync(redisDir, { recursive: true, force: true });
});

describe('Redis restarted under vigie run', () => {
  it('completes the run; during the outage stderr is JSON lines, about one a second per cause', async () => {
    const vigie = spawnVigie(['run'], {
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      DATABASE_URL: PG_URL,
      VIGIE_DATABASE_SCHEMA: schema,
      VIGIE_CONFIG: configDir,
      VIGIE_QUEUE_PREFIX: uniquePrefix('faults-redis'),
      VIGIE_ALLOW_HOSTS: '127.0.0.1',
      PORT: '0',
    });
    await vigie.started;
    await waitFor('pages served', () => site.pagesServed() >= 10, 30_000);
    await stopRedis();
    const outageStart = vigie.lines.length;
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const outageLines = vigie.lines.slice(outageStart);
    await startRedis();
    const state = await waitForFinalState(store, COUNT, 60_000);
    expect(vigie.child.exitCode).toBeNull();
    expect(state.statuses).toEqual(['fetched']);
    expect(state.events).toEqual(expectedEvents(COUNT));
    vigie.child.kill('SIGTERM');
    expect((await vigie.exited).code).toBe(0);
    expect(nonJsonLines(vigie.lines)).toEqual([]);
    // Each cause at most once a second, plus its count when the interval ends; a handful of causes.
    const causes = new Set(outageLines.map((line) => causeOf(line)));
    expect(outageLines.length, outageLines.join('\n')).toBeLessThanOrEqual(
      causes.size * (OUTAGE_MS / 1000 + 2),
    );
    expect(causes.size).toBeLessThanOrEqual(8);
  }, 120_000);
});

function causeOf(line: string): string {
  // The keys of summariseRepeats: job failures are told apart by queue, the rest by message.
  const entry = JSON.parse(line) as { msg?: string; err?: string; queue?: string };
  const queue = entry.msg === 'job failed, will retry' ? entry.queue : '';
  return `${entry.msg}|${queue}|${entry.err}`;
}
