// Opens the store: a PostgreSQL pool, or embedded PGlite, behind one Kysely dialect; migrates on open.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { VigieEnv } from '../config/env.ts';
import { migrateToLatest } from './migrations.ts';
import { acquirePgliteLock, type PgliteLock } from './pglite-lock.ts';
import type { Database } from './types.ts';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; without one, PGlite under `${dataDir}/pglite`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** A PostgreSQL schema to work in (created if missing): one per test file on a shared server. */
  schema?: string | undefined;
}

export interface Store {
  readonly db: Kysely<Database>;
  readonly backend: 'postgres' | 'pglite';
  readonly schema: string;
  close(): Promise<void>;
}

const INT8_OID = 20;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The store the environment names: PostgreSQL at DATABASE_URL, else PGlite under VIGIE_DATA_DIR. */
export function openStore(
  env: Pick<VigieEnv, 'databaseUrl' | 'dataDir' | 'databaseSchema'>,
): Promise<Store> {
  return openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.dataDir,
    schema: env.databaseSchema,
  });
}

/** bigserial ids and count(*) come back as numbers rather than strings; they stay below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Store> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`store: invalid schema name ${JSON.stringify(schema)}`);
  }
  const backend = options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : await openPglite(join(options.dataDir, 'pglite'));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: backend.pool,
      onCreateConnection: async (connection) => {
        if (options.schema)
          await connection.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`));
      },
    }),
  });
  const store: Store = {
    db,
    backend: backend.kind,
    schema,
    close: onceOnly(() => closeAll(db, backend)),
  };
  try {
    await migrateToLatest(db, schema);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

interface Backend {
  kind: 'postgres' | 'pglite';
  pool: pg.Pool;
  pglite?: PGlite;
  lock?: PgliteLock;
}

function openPostgres(databaseUrl: string): Backend {
  const pool = new pg.Pool({ connectionString: databaseUrl, types });
  // An idle client that loses its server emits here; without a listener the process would crash.
  pool.on('error', () => {});
  return { kind: 'postgres', pool };
}

async function openPglite(dir: string): Promise<Backend> {
  mkdirSync(dir, { recursive: true });
  const lock = acquirePgliteLock(dir);
  try {
    const pglite = await PGlite.create(dir);
    // PGlite is one session: a pool of one connection that is never closed for idleness.
    const pool = new pg.Pool({ ...createPgConfig(pglite), types, max: 1, idleTimeoutMillis: 0 });
    return { kind: 'pglite', pool, pglite, lock };
  } catch (error) {
    lock.release();
    throw new Error(`store: cannot open PGlite in ${dir}`, { cause: error });
  }
}

async function closeAll(db: Kysely<Database>, backend: Backend): Promise<void> {
  try {
    await db.destroy();
    await backend.pglite?.close();
  } finally {
    backend.lock?.release();
  }
}

function onceOnly(fn: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= fn();
    return closing;
  };
}
