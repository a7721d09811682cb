// `vigie run` killed with SIGKILL mid-feed, then started again: every article ends final, once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/deps.ts';
import { countPendingJobs } from '../../src/queues/idle.ts';
import { closeQueues, createQueues, PIPELINE_QUEUES } from '../../src/queues/index.ts';
import { openDatabase } from '../../src/store/database.ts';
import {
  clearQueues,
  expectedEvents,
  isFinal,
  type NewsSite,
  readPipelineState,
  spawnVigie,
  startNewsSite,
  waitFor,
  waitForFinalState,
  writeFaultConfig,
} from './fault-helpers.ts';
import { openBackend, PG_URL, testBackends, uniquePrefix } from './pipeline-helpers.ts';

const COUNT = 60;
const [postgres, pglite] = testBackends('faults_kill');
let site: NewsSite;
let configDir: string;

beforeAll(async () => {
  site = await startNewsSite(COUNT, 40);
  configDir = writeFaultConfig(site.url);
  // A fresh PGlite takes seconds to create: done here, so the test's processes only reopen it.
  if (pglite) await (await openDatabase({ dataDir: pglite.dataDir })).close();
});

afterAll(async () => {
  await site.close();
  rmSync(configDir, { recursive: true, force: true });
});

function vigieEnv(prefix: string, database: Record<string, string>): Record<string, string> {
  return {
    ...database,
    VIGIE_CONFIG: configDir,
    VIGIE_QUEUE_PREFIX: prefix,
    VIGIE_ALLOW_HOSTS: '127.0.0.1',
    // A killed process's jobs are taken up again within 2 s rather than 60.
    VIGIE_WORKER_LOCK_MS: '1000',
    PORT: '0',
  };
}

/** Starts `vigie run` and kills it with SIGKILL once `pages` article pages were served. */
async function runAndKill(env: Record<string, string>, pages: number): Promise<void> {
  const first = spawnVigie(['run'], env);
  await first.started;
  const served = site.pagesServed();
  await waitFor('pages served', () => site.pagesServed() >= served + pages, 30_000);
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
}

describe('vigie run killed with SIGKILL mid-feed', () => {
  it('on PostgreSQL: after a restart every article is final, with the events of a clean run', async () => {
    const schema = postgres?.schema ?? '';
    const prefix = uniquePrefix('faults-kill');
    const env = vigieEnv(prefix, {
      DATABASE_URL: PG_URL,
      VIGIE_DATABASE_SCHEMA: schema,
    });
    const store = await openBackend(postgres ?? { kind: 'postgres', dataDir: '' });
    try {
      await runAndKill(env, 15);
      const atKill = await readPipelineState(store);
      expect(atKill.unfinished + (COUNT - atKill.articles)).toBeGreaterThan(0);
      const second = spawnVigie(['run'], env);
      await second.started;
      const state = await waitForFinalState(store, COUNT, 30_000);
      expect(state.statuses).toEqual(['fetched']);
      expect(state.events).toEqual(expectedEvents(COUNT));
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    } finally {
      await clearQueues(prefix);
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    }
  }, 90_000);

  it('on embedded PGlite: the stale lock is taken over and work resumes', async () => {
    const dataDir = pglite?.dataDir ?? mkdtempSync(join(tmpdir(), 'vigie-faults-'));
    const prefix = uniquePrefix('faults-kill-pglite');
    const env = vigieEnv(prefix, { VIGIE_DATA_DIR: dataDir });
    const connection = await connectRedis('redis://127.0.0.1:6379');
    const queues = createQueues({ connection, prefix });
    try {
      await runAndKill(env, 15);
      const second = spawnVigie(['run'], env);
      await second.started;
      // The database is the process's own while it runs: wait for the site read and the queues dry.
      const pipeline = PIPELINE_QUEUES.map((name) => queues[name]);
      let idlePolls = 0;
      await waitFor(
        'queues drained',
        async () => {
          const idle = site.pagesServed() >= COUNT && (await countPendingJobs(pipeline)) === 0;
          idlePolls = idle ? idlePolls + 1 : 0;
          return idlePolls >= 3;
        },
        30_000,
      );
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
      const store = await openDatabase({ dataDir });
      const state = await readPipelineState(store);
      await store.close();
      expect(isFinal(state, COUNT)).toBe(true);
      expect(state.events).toEqual(expectedEvents(COUNT));
    } finally {
      await Promise.all(Object.values(queues).map((queue) => queue.obliterate({ force: true })));
      await closeQueues(queues);
      await connection.quit();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
