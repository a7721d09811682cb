// Pipeline throughput: a local site's feeds to stored events in `vigie worker` processes, next to a bare BullMQ chain.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { connectRedis } from '../src/deps.ts';
import { PIPELINE_QUEUES, type QueueName } from '../src/queues/index.ts';
import { type BenchBackend, openBenchBackend, type StoredCounts } from './pipeline-backend.ts';
import {
  type Drive,
  driveBareChain,
  driveVigie,
  EVENT_QUEUES,
  type RunTimes,
  timeDrive,
} from './pipeline-drive.ts';
import { type BenchProcess, spawnBareChain, spawnVigieWorker } from './pipeline-processes.ts';
import { type NewsSite, startNewsSite } from './pipeline-site.ts';
import { measureUsage, type Usage } from './pipeline-usage.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const FEEDS = 20;
const ITEMS_PER_FEED = 100;
/** Longest a setup may run; PGlite with the alert workers once took 16 minutes (see BENCHMARKS.md). */
const RUN_DEADLINE_MS = 300_000;

export interface Setup {
  name: string;
  kind: 'bare' | 'postgres' | 'pglite';
  processes: number;
  /** The queues each vigie process works on. */
  workerQueues: readonly QueueName[];
}

const ALL = PIPELINE_QUEUES;

/**
 * One and two processes (this machine's cores); PGlite belongs to one process only. "All workers"
 * is what `vigie run` works on; "event workers" is `vigie worker`'s default (alerts elsewhere).
 */
export const SETUPS: readonly Setup[] = [
  { name: 'bare BullMQ chain, 3 no-op stages', kind: 'bare', processes: 1, workerQueues: [] },
  { name: 'vigie, PostgreSQL, all workers', kind: 'postgres', processes: 1, workerQueues: ALL },
  {
    name: 'vigie, PostgreSQL, event workers only',
    kind: 'postgres',
    processes: 1,
    workerQueues: EVENT_QUEUES,
  },
  { name: 'bare BullMQ chain, 3 no-op stages', kind: 'bare', processes: 2, workerQueues: [] },
  { name: 'vigie, PostgreSQL, all workers', kind: 'postgres', processes: 2, workerQueues: ALL },
  {
    name: 'vigie, PostgreSQL, event workers only',
    kind: 'postgres',
    processes: 2,
    workerQueues: EVENT_QUEUES,
  },
  // Last: counting its rows opens PGlite in this process, whose memory would swell the next rows' figure.
  {
    name: 'vigie, PGlite, event workers only',
    kind: 'pglite',
    processes: 1,
    workerQueues: EVENT_QUEUES,
  },
];

export interface PipelineRow extends Setup, RunTimes, Usage {
  /** Articles classified (events stored), or third-stage jobs done for the bare chain. */
  articles: number;
  articlesPerSecond: number;
  /** Peak resident memory of each worker process, bytes. */
  peakRss: number[];
  /** What the store holds afterwards (vigie rows only). */
  stored?: StoredCounts;
  /** Pages the site served during the run. */
  pagesServed: number;
}

export interface PipelineFigures {
  feeds: number;
  itemsPerFeed: number;
  pageBytes: number;
  rows: PipelineRow[];
}

/** Every setup (or those `only` keeps) once, in the order of SETUPS, against one site. */
export async function benchPipeline(only?: (setup: Setup) => boolean): Promise<PipelineFigures> {
  const runId = randomBytes(4).toString('hex');
  const site = await startNewsSite({ feeds: FEEDS, itemsPerFeed: ITEMS_PER_FEED, runId });
  const configDir = writeConfig(site);
  const connection = await connectRedis(REDIS_URL);
  const rows: PipelineRow[] = [];
  try {
    for (const setup of SETUPS.filter(only ?? (() => true))) {
      rows.push(await runSetup(setup, site, configDir, connection));
    }
  } finally {
    await connection.quit();
    await site.close();
    rmSync(configDir, { recursive: true, force: true });
  }
  return {
    feeds: FEEDS,
    itemsPerFeed: ITEMS_PER_FEED,
    pageBytes: site.pageBytes,
    rows,
  };
}

function feedRows(site: NewsSite) {
  return site.feedUrls.map((url, i) => ({ id: `site-${i}`, url }));
}

/** The shipped rules, gazetteer and channels; the feeds are the local site's, with page fetches. */
function writeConfig(site: NewsSite): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-config-'));
  for (const file of ['rules.yaml', 'regions.yaml', 'notify.yaml']) {
    copyFileSync(join('config', file), join(dir, file));
  }
  const feeds = feedRows(site).map(
    (feed) => `  - {id: ${feed.id}, url: "${feed.url}", every: 10m, lang: fr, fetchArticle: true}`,
  );
  writeFileSync(join(dir, 'feeds.yaml'), `feeds:\n${feeds.join('\n')}\n`);
  return dir;
}

/** A fresh store and prefix, the worker processes, one timed run; everything removed afterwards. */
async function runSetup(
  setup: Setup,
  site: NewsSite,
  configDir: string,
  connection: Redis,
): Promise<PipelineRow> {
  const prefix = `vigie-bench-${randomBytes(4).toString('hex')}`;
  const backend =
    setup.kind === 'bare' ? undefined : await openBenchBackend(setup.kind, feedRows(site));
  const env = {
    REDIS_URL,
    BENCH_PREFIX: prefix,
    VIGIE_QUEUE_PREFIX: prefix,
    VIGIE_CONFIG: configDir,
    VIGIE_ALLOW_HOSTS: '127.0.0.1',
    // As deployed: info lines go to stderr (read and dropped here).
    LOG_LEVEL: 'info',
    ...backend?.env,
  };
  const drive: Drive =
    setup.kind === 'bare'
      ? driveBareChain(connection, prefix, FEEDS, ITEMS_PER_FEED)
      : driveVigie(
          connection,
          prefix,
          feedRows(site).map((feed) => feed.id),
          setup.workerQueues,
        );
  const pagesBefore = site.served.pages;
  const processes = Array.from({ length: setup.processes }, () =>
    setup.kind === 'bare' ? spawnBareChain(env) : spawnVigieWorker(setup.workerQueues, env),
  );
  try {
    await Promise.all(processes.map((child) => child.ready));
    const usage = measureUsage(processes);
    const times = await timeDrive(drive, REDIS_URL, prefix, RUN_DEADLINE_MS);
    const pagesServed = site.served.pages - pagesBefore;
    return await finishRow(setup, { ...times, ...usage.stop() }, processes, backend, pagesServed);
  } finally {
    await Promise.all(processes.map((child) => child.stop()));
    await drive.close();
    await backend?.drop();
  }
}

/** Peak memory while running; stored rows once the processes are gone (PGlite has one owner). */
async function finishRow(
  setup: Setup,
  times: RunTimes & Usage,
  processes: BenchProcess[],
  backend: BenchBackend | undefined,
  pagesServed: number,
): Promise<PipelineRow> {
  const peakRss = processes.map((child) => child.peakRss() ?? 0);
  await Promise.all(processes.map((child) => child.stop()));
  const stored = await backend?.count();
  return {
    ...setup,
    ...times,
    articles: times.completed,
    articlesPerSecond: times.completed / times.seconds,
    peakRss,
    pagesServed,
    ...(stored ? { stored } : {}),
  };
}
