// Opens the store: a PostgreSQL pool, or embedded PGlite, behind one Kysely dialect; migrates on open.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { collectAfterClose } from '../lib/collect-garbage.ts';
import { UserError } from '../lib/errors.ts';
import { migrateToLatest } from './migrations.ts';
import { initPgliteApart, pgliteStartParams } from './pglite-init.ts';
import { acquirePgliteLock, type PgliteLock } from './pglite-lock.ts';
import type { StoryIndexKeysOf } from './stories.ts';
import type { Database } from './types.ts';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; without one, PGlite under `${dataDir}/pglite`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** A PostgreSQL schema to work in (created if missing): one per test file on a shared server. */
  schema?: string | undefined;
  /**
   * Connection errors (a server restart, pg_terminate_backend): the query in flight fails and the
   * pool replaces the client; this only hears of it. Default: ignored.
   */
  onConnectionError?: ((error: Error) => void) | undefined;
  /**
   * A story's index keys (stories/index-keys.ts `storyIndexKeys`), for the migration that indexes
   * stories stored before the index existed; a fresh database needs none.
   */
  storyIndexKeys?: StoryIndexKeysOf | undefined;
}

/** `application_name` of vigie's connections, as pg_stat_activity shows them. */
export const APPLICATION_NAME = 'vigie';

export interface Store {
  readonly db: Kysely<Database>;
  readonly backend: 'postgres' | 'pglite';
  readonly schema: string;
  close(): Promise<void>;
}

const INT8_OID = 20;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** bigserial ids and count(*) come back as numbers rather than strings; they stay below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Store> {
  const opened = await openMigratedOnce(options);
  if (opened) return opened;
  // PGlite's WebAssembly memory grows while migrations run (~40 MB for a new database) and is
  // never given back: a store reopened after them starts from an existing database's footprint.
  await collectAfterClose();
  return (await openAndMigrate(options)).store;
}

/**
 * The store, unless opening it applied migrations to PGlite: then closed, and undefined. A function
 * of its own, so that nothing in openDatabase's frame still reaches the closed instance.
 */
async function openMigratedOnce(options: OpenDatabaseOptions): Promise<Store | undefined> {
  const { store, migrated } = await openAndMigrate(options);
  if (store.backend === 'postgres' || migrated.length === 0) return store;
  await store.close();
  return undefined;
}

async function openAndMigrate(
  options: OpenDatabaseOptions,
): Promise<{ store: Store; migrated: string[] }> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`store: invalid schema name ${JSON.stringify(schema)}`);
  }
  const backend = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.schema, options.onConnectionError ?? ignore)
    : await openPglite(join(options.dataDir, 'pglite'));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: backend.pool,
      // PGlite's one session; a server's connections get the schema in their startup packet.
      onCreateConnection: async (connection) => {
        if (options.schema && backend.kind === 'pglite')
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
    if (options.databaseUrl) await checkConnection(db, options.databaseUrl);
    return { store, migrated: await migrateToLatest(db, schema, options.storyIndexKeys) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

interface Backend {
  kind: 'postgres' | 'pglite';
  pool: pg.Pool;
  pglite?: PGlite;
  lock?: PgliteLock;
}

/**
 * pg emits 'error' on a client whose server goes away (57P01 from pg_terminate_backend or a
 * restart). The pool listens only while the client is idle (and re-emits on the pool); a client
 * checked out between two queries of a transaction has no listener, and an unheard 'error' event
 * ends the process. So every client gets its own listener for life: the query in flight fails
 * (the job is retried with backoff) and the pool drops the broken client on release.
 * The schema name was checked against SCHEMA_NAME: nothing to quote.
 */
function openPostgres(
  databaseUrl: string,
  schema: string | undefined,
  onError: (error: Error) => void,
): Backend {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types,
    // Not a query after connecting: Kysely never releases a client whose first query failed
    // (a server going away at that instant), and the pool could then never end.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return { kind: 'postgres', pool };
}

const CONNECT_TIMEOUT_MS = 5_000;

/** A server that refuses or rejects us at start is the operator's to fix: one line, exit 1. */
async function checkConnection(db: Kysely<Database>, databaseUrl: string): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    const where = databaseUrl.replace(/\/\/[^@/]*@/, '//***@').replace(/\?.*$/, '');
    throw new UserError(
      `store: cannot connect to PostgreSQL at ${where} (${describeError(error)})`,
    );
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // A refused connection to localhost is an AggregateError (::1 and 127.0.0.1) with no message.
  if (error instanceof AggregateError && error.message === '') {
    return error.errors.map((inner) => describeError(inner)).join('; ');
  }
  return error.message || (error as NodeJS.ErrnoException).code || error.name;
}

function ignore(): void {}

async function openPglite(dir: string): Promise<Backend> {
  mkdirSync(dir, { recursive: true });
  const lock = acquirePgliteLock(dir);
  try {
    await initPgliteApart(dir, PGlite.defaultStartParams);
    const pglite = await PGlite.create(dir, {
      startParams: pgliteStartParams(PGlite.defaultStartParams),
    });
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

/** Resolves when the database answers a trivial query: the readiness check's probe. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
