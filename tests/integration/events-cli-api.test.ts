// `vigie events` while `vigie run` holds the embedded database: it reads through the server's
// /api/events (the port from the PGlite lock) instead of refusing, with the same filters and errors.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { spawnVigie, type VigieProcess, waitFor } from './fault-helpers.ts';
import { pgliteDataDir, uniquePrefix } from './pipeline-helpers.ts';
import { freePort } from './smtp-helpers.ts';
import { seedEvents, T0 } from './workspace-seed.ts';

const scratch = mkdtempSync(join(tmpdir(), 'vigie-events-api-'));
const dataDir = pgliteDataDir('events-api-data');
const configDir = join(scratch, 'config');
const env = {
  VIGIE_DATA_DIR: dataDir,
  VIGIE_CONFIG: configDir,
  VIGIE_QUEUE_PREFIX: uniquePrefix('events-api'),
};
let run: VigieProcess | undefined;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function vigie(args: string[], overrides: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      './bin/vigie',
      args,
      { env: { PATH: process.env.PATH, ...env, ...overrides } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  // The fixture config without its feeds: the running worker fetches nothing from outside.
  cpSync('tests/fixtures/config/valid', configDir, { recursive: true });
  writeFileSync(join(configDir, 'feeds.yaml'), 'feeds: []\n');
  const store = await openDatabase({ dataDir });
  await seedEvents(store.db);
  // Final, as the pipeline leaves them (the sweeper has nothing to redo), and moved to the last
  // days (the retention job deletes events older than a year).
  const shift = sql`(${new Date()}::timestamptz - ${T0}::timestamptz - interval '1 day')`;
  await sql`update articles set fetch_status = 'feed-only', classified_at = now(),
    published_at = published_at + ${shift}, created_at = created_at + ${shift}`.execute(store.db);
  await sql`update events set matched_at = matched_at + ${shift}`.execute(store.db);
  await store.close();
  run = spawnVigie(['run'], { ...env, PORT: '0' });
  await run.started;
  await waitFor(
    'the port in the lock',
    () => readFileSync(join(dataDir, 'pglite.lock'), 'utf8').includes('"port"'),
    10_000,
  );
});

afterAll(async () => {
  if (run) {
    run.child.kill('SIGTERM');
    await run.exited;
  }
  for (const dir of [scratch, dataDir]) rmSync(dir, { recursive: true, force: true });
});

describe('vigie events while vigie run holds PGlite', () => {
  it("lists the running server's events, filtered, as /api/events gives them", async () => {
    const all = await vigie(['events', '--json']);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    const events = all.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { rule: string; title: string; publishedAt: string });
    expect(events).toHaveLength(11);
    expect(events[0]).toMatchObject({
      rule: 'attacks',
      title: 'Explosion <script>alert(1)</script> à Erbil',
    });
    const words = await vigie(['events', '--q', 'numéro 2', '--limit', '5']);
    expect(words.code).toBe(0);
    expect(words.stdout.trim().split('\n')).toHaveLength(2);
    expect(words.stdout).toContain('Attentat numéro 2');
  });

  it('says what is wrong with a filter in one line, exit 1', async () => {
    const bad = await vigie(['events', '--since', 'hier']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'vigie: events: --since: expected a day (2024-09-01) or a time with its zone (2024-09-01T10:00Z), or a period back from now such as 24h or 7d\n',
    );
  });
});

describe('vigie events when the holder serves no API', () => {
  it('says which process holds the database and where it looked, exit 1', async () => {
    // A lock held by a live process (this test's) that wrote no port, as `vigie ingest` does.
    const held = join(scratch, 'held');
    mkdirSync(held);
    writeFileSync(
      join(held, 'pglite.lock'),
      JSON.stringify({ pid: process.pid, host: hostname() }),
    );
    const port = await freePort();
    const refused = await vigie(['events'], { VIGIE_DATA_DIR: held, PORT: String(port) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `vigie: events: vigie process ${process.pid} holds the embedded database and no vigie run answers at http://127.0.0.1:${port}/api/events (ECONNREFUSED): wait for it to finish, or set PORT to its vigie run's port\n`,
    );
  });
});
