// Shared by the pipeline tests: backends, test Deps on a unique prefix, a local feed server, one pipeline pass.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import { sql } from 'kysely';
import type { VigieEnv } from '../../src/config/env.ts';
import { loadConfig, type VigieConfig } from '../../src/config/load.ts';
import type { FeedSpec } from '../../src/config/schema.ts';
import { closeDeps, type Deps, openDeps } from '../../src/deps.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { waitUntilIdle } from '../../src/queues/idle.ts';
import { enqueueFetchFeed, PIPELINE_QUEUES, type QueueName } from '../../src/queues/index.ts';
import { openDatabase, type Store } from '../../src/store/database.ts';
import { storyIndexKeys } from '../../src/stories/index-keys.ts';
import { closeWorkers, type JobObserver, startWorkers } from '../../src/workers/index.ts';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Backend {
  kind: 'postgres' | 'pglite';
  dataDir: string;
  schema?: string | undefined;
}

/**
 * A fresh PostgreSQL schema and a PGlite directory, unique to this run of `name`. The PGlite
 * directory starts as a copy of the run's migrated template (tests/global-setup.ts: creating a
 * database takes seconds, copying one half a second), or empty with `fresh` for tests of what
 * opening a new or older database does. It is made when first read, so the many files that use
 * the PostgreSQL backend only never copy it.
 */
export function testBackends(name: string, options: { fresh?: boolean } = {}): Backend[] {
  const run = `${process.pid}_${randomUUID().slice(0, 8)}`;
  let dataDir: string | undefined;
  return [
    { kind: 'postgres', dataDir: '/nonexistent', schema: `vigie_${name}_${run}` },
    {
      kind: 'pglite',
      get dataDir(): string {
        dataDir ??= pgliteDataDir(name, options);
        return dataDir;
      },
    },
  ];
}

/** A new directory for a PGlite store: the migrated template copied in, unless `fresh`. */
export function pgliteDataDir(name: string, options: { fresh?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `vigie-${name}-`));
  const template = process.env.VIGIE_TEST_PGLITE_TEMPLATE;
  if (template && !options.fresh) cpSync(template, join(dir, 'pglite'), { recursive: true });
  return dir;
}

export function uniquePrefix(name: string): string {
  return `vigie-test-${name}-${randomUUID().slice(0, 8)}`;
}

export function testEnv(backend: Backend, prefix: string): VigieEnv {
  return {
    redisUrl: 'redis://127.0.0.1:6379',
    databaseUrl: backend.kind === 'postgres' ? PG_URL : undefined,
    databaseSchema: backend.schema,
    smtpUrl: undefined,
    configDir: 'tests/fixtures/config/valid',
    dataDir: backend.dataDir,
    queuePrefix: prefix,
    allowHosts: ['127.0.0.1'],
    port: 0,
    workerLockMs: undefined,
  };
}

export function openBackend(backend: Backend): Promise<Store> {
  return openDatabase({
    databaseUrl: backend.kind === 'postgres' ? PG_URL : undefined,
    dataDir: backend.dataDir,
    schema: backend.schema,
    storyIndexKeys,
  });
}

/** The fixture config with these feeds; retries come back after 50–100 ms instead of seconds. */
export async function openTestDeps(
  backend: Backend,
  feeds: FeedSpec[],
  name: string,
): Promise<Deps> {
  const config: VigieConfig = { ...(await loadConfig('tests/fixtures/config/valid')), feeds };
  const prefix = uniquePrefix(name);
  return openDeps({
    env: testEnv(backend, prefix),
    config,
    store: await openBackend(backend),
    prefix,
    log: createLogger(process.env.LOG_LEVEL || 'silent'),
    defaultJobOptions: { backoff: { type: 'exponential', delay: 100, jitter: 0.5 } },
    fetchTimeoutMs: 5_000,
  });
}

export async function closeTestDeps(deps: Deps, backend: Backend): Promise<void> {
  await Promise.all(Object.values(deps.queues).map((queue) => queue.obliterate({ force: true })));
  if (backend.schema)
    await sql`drop schema if exists ${sql.id(backend.schema)} cascade`.execute(deps.store.db);
  await closeDeps(deps);
  if (backend.kind === 'pglite') rmSync(backend.dataDir, { recursive: true, force: true });
}

export interface JobOutcome {
  queue: QueueName;
  job: Job | undefined;
  result?: unknown;
  error?: Error;
}

/**
 * The chain up to the alert decision: sending is left out, since the fixture's channels are an
 * outside webhook and a mail address (alerts-pipeline.test.ts covers sending).
 */
const CHAIN_QUEUES = PIPELINE_QUEUES.filter((name) => name !== 'send-alert');

/** Runs in-process workers until the chain started by one fetch of `feedId` has drained. */
export async function runFeedOnce(
  deps: Deps,
  feedId: string,
  dueAt = new Date(),
): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  const observer: JobObserver = {
    completed: (queue, job, result) => outcomes.push({ queue, job, result }),
    failed: (queue, job, error, final) => {
      if (final) outcomes.push({ queue, job, error });
    },
  };
  const workers = startWorkers(deps, CHAIN_QUEUES, { observers: [observer] });
  try {
    await enqueueFetchFeed(deps.queues, { feedId }, { dueAt });
    await waitUntilIdle(
      CHAIN_QUEUES.map((name) => deps.queues[name]),
      workers,
    );
  } finally {
    await closeWorkers(workers);
  }
  return outcomes;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

/** A local server whose routes tests change as they go; every request is logged in `hits`. */
export interface LocalServer {
  url: string;
  port: number;
  routes: Map<string, (headers: IncomingHttpHeaders) => Reply | 'hang'>;
  hits: Hit[];
  close(): Promise<void>;
}

export async function startLocalServer(): Promise<LocalServer> {
  const routes: LocalServer['routes'] = new Map();
  const hits: Hit[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    const reply = routes.get(path)?.(request.headers) ?? { status: 404, body: 'not found' };
    if (reply === 'hang') return;
    hits.push({ path, headers: request.headers, status: reply.status ?? 200 });
    response.writeHead(reply.status ?? 200, reply.headers ?? {});
    response.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    routes,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TestItem {
  title: string;
  link: string;
  description: string;
  guid?: string;
}

export function rssFeed(items: TestItem[], extra = ''): string {
  const body = items
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${item.link}</link>` +
        `<guid>${item.guid ?? item.link}</guid><description>${item.description}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>test</title>${extra}\n${body}\n</channel></rss>\n`;
}

export function articlePage(title: string, paragraphs: string[]): string {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
  return `<!DOCTYPE html><html lang="fr"><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

export function feedSpec(id: string, url: string, fetchArticle = true): FeedSpec {
  return { id, url, every: '10m', fetchArticle };
}

export async function countRows(
  store: Store,
  table: 'articles' | 'events' | 'article_sources',
): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
