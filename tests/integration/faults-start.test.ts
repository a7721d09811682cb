// A start that fails exits: one line on stderr, exit code 1, nothing left running.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { spawnVigie } from './fault-helpers.ts';
import { PG_URL, testBackends, uniquePrefix } from './pipeline-helpers.ts';

const [backend] = testBackends('faults_start');
const schema = backend?.schema ?? '';
const brokenConfig = mkdtempSync(join(tmpdir(), 'vigie-faults-start-'));
let busy: Server;
let busyPort: number;
let closedPort: number;

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '0.0.0.0', () => resolve(server));
  });
}

function portOf(server: Server): number {
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  busy = await listen();
  busyPort = portOf(busy);
  const closed = await listen();
  closedPort = portOf(closed);
  await new Promise((resolve) => closed.close(resolve));
  cpSync('tests/fixtures/config/valid', brokenConfig, { recursive: true });
  writeFileSync(
    join(brokenConfig, 'feeds.yaml'),
    'feeds:\n  - {id: a, url: "https://example.org/feed", every: 10x}\n',
  );
});

afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  rmSync(brokenConfig, { recursive: true, force: true });
  const store = await openDatabase({ databaseUrl: PG_URL, dataDir: '', schema });
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
  await store.close();
});

/** `vigie run` with a good environment but for `overrides`; resolves with its exit and stderr. */
async function failedStart(overrides: Record<string, string>) {
  const vigie = spawnVigie(['run'], {
    DATABASE_URL: PG_URL,
    VIGIE_DATABASE_SCHEMA: schema,
    VIGIE_CONFIG: 'tests/fixtures/config/valid',
    VIGIE_QUEUE_PREFIX: uniquePrefix('faults-start'),
    PORT: '0',
    ...overrides,
  });
  const { code } = await vigie.exited;
  return { code, lines: vigie.lines.filter((line) => line.trim() !== '') };
}

describe.concurrent('a failed start of vigie run', () => {
  it('PORT in use: one line, exit 1', async () => {
    const { code, lines } = await failedStart({ PORT: String(busyPort) });
    expect(lines).toEqual([`vigie: http: port ${busyPort} is already in use`]);
    expect(code).toBe(1);
  });

  it('Redis refusing: one line, exit 1', async () => {
    const { code, lines } = await failedStart({ REDIS_URL: `redis://127.0.0.1:${closedPort}` });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^vigie: queues: cannot connect to Redis at .*ECONNREFUSED/);
    expect(code).toBe(1);
  });

  it('the database refusing: one line, exit 1', async () => {
    const { code, lines } = await failedStart({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/test`,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^vigie: store: cannot connect to PostgreSQL at .*ECONNREFUSED/);
    expect(code).toBe(1);
  });

  it('a broken config: its problem in one line, exit 1', async () => {
    const { code, lines } = await failedStart({ VIGIE_CONFIG: brokenConfig });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/feeds\.yaml:2:\d+: feeds\[0\]\.every: invalid duration "10x"/);
    expect(code).toBe(1);
  });
}, 90_000);
