// A fresh store for one pipeline benchmark run: a PostgreSQL schema or a PGlite directory, counted and dropped.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Store } from '../src/store/database.ts';
import { type FeedConfigRow, upsertFeeds } from '../src/store/feeds.ts';

export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface StoredCounts {
  articles: number;
  /** Articles whose page was fetched and extracted (the others kept the feed's text). */
  fetched: number;
  /** Articles given a story: classify-article ran on them. */
  classified: number;
  stories: number;
  events: number;
  alerts: number;
}

export interface BenchBackend {
  /** The worker processes' environment for this store. */
  env: Record<string, string>;
  count(): Promise<StoredCounts>;
  drop(): Promise<void>;
}

/** Creates the schema (migrated) with the feed rows, as `vigie run --scheduler` would have synced them. */
export async function openBenchBackend(
  kind: 'postgres' | 'pglite',
  feeds: FeedConfigRow[],
): Promise<BenchBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  if (kind === 'pglite') return openPglite(dataDir, feeds);
  const schema = `vigie_bench_${randomBytes(4).toString('hex')}`;
  const store = await openDatabase({ databaseUrl: BENCH_DATABASE_URL, dataDir, schema });
  await upsertFeeds(store.db, feeds, new Date());
  return {
    env: {
      DATABASE_URL: BENCH_DATABASE_URL,
      VIGIE_DATABASE_SCHEMA: schema,
      VIGIE_DATA_DIR: dataDir,
    },
    count: () => countStored(store),
    drop: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** PGlite belongs to one process at a time: this one writes the feeds, closes, and reopens to count. */
async function openPglite(dataDir: string, feeds: FeedConfigRow[]): Promise<BenchBackend> {
  const setup = await openDatabase({ dataDir });
  await upsertFeeds(setup.db, feeds, new Date());
  await setup.close();
  return {
    env: { VIGIE_DATA_DIR: dataDir },
    count: async () => {
      const store = await openDatabase({ dataDir });
      try {
        return await countStored(store);
      } finally {
        await store.close();
      }
    },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function countStored(store: Store): Promise<StoredCounts> {
  const { rows } = await sql<StoredCounts>`
    select (select count(*)::int from articles) as articles,
           (select count(*)::int from articles where fetch_status = 'fetched') as fetched,
           (select count(*)::int from articles where story_id is not null) as classified,
           (select count(*)::int from stories) as stories,
           (select count(*)::int from events) as events,
           (select count(*)::int from alerts) as alerts`.execute(store.db);
  const counts = rows[0];
  if (!counts) throw new Error('bench: cannot count the stored rows');
  return counts;
}
