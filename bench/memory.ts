// Peak resident memory (VmHWM) of vigie's commands, each beside the baseline of the same process:
// `vigie ingest` of the samples on PGlite, `vigie run` and `vigie worker` on PostgreSQL under a
// steady stream of new items, and `vigie ingest` of hostile bodies (endless, slow, compressed).
// The ingest rows run BENCH_ROUNDS times (default 1), each from a new data and cache directory;
// with VIGIE_BENCH_BASE=/other/checkout (built), that checkout's bin/vigie takes turns with this one.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import pg from 'pg';
import { buildDist } from '../scripts/build.ts';

const ROOT = path.join(import.meta.dirname, '..');
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 60);
const MB = 2 ** 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const BASE = process.env.VIGIE_BENCH_BASE;

export interface MemoryRow {
  name: string;
  baselineMb: number;
  peakMb: number;
  endMb?: number;
  seconds: number;
  note: string;
}

interface Run {
  code: number | null;
  peakMb: number;
  seconds: number;
  stdout: string;
}

/** Runs `./bin/vigie ARGS` (of checkout `root`) to its end, sampling VmHWM (peak) from /proc until it exits. */
function runVigie(args: string[], env: Record<string, string>, root = ROOT): Promise<Run> {
  const started = performance.now();
  const child = spawn('./bin/vigie', args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.resume();
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, readStatus(child, 'VmHWM'));
  }, 20);
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      clearInterval(timer);
      resolve({ code, peakMb: peak / 1024, seconds: (performance.now() - started) / 1000, stdout });
    });
  });
}

/** A line of /proc/PID/status in kB; 0 once the process is gone. */
function readStatus(child: ChildProcess, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Feeds, pages and hostile bodies on 127.0.0.1; each poll of /feed/N gives 5 items never seen. */
function startSource(): Promise<Server> {
  const sample = readFileSync(path.join(ROOT, 'examples/samples-feed.xml'), 'utf8');
  let polls = 0;
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith('/feed/')) {
      polls++;
      const fresh = sample.replaceAll('https://example.org/samples/', `http://127.0.0.1/${polls}/`);
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fresh);
    } else if (url === '/endless') {
      // A feed that never ends: as fast as the reader takes it.
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<?xml version="1.0"?><rss><channel><title>');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (response.write(chunk)) {}
      };
      response.on('drain', pump);
      pump();
    } else if (url === '/slow') {
      // A trickle: one byte every 100 ms, until the fetch's timeout.
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const timer = setInterval(() => response.write('a'), 100);
      response.on('close', () => clearInterval(timer));
    } else if (url === '/gzip-bomb') {
      // 1 GB of zeros in 1 MB of gzip.
      response.writeHead(200, {
        'content-type': 'application/rss+xml',
        'content-encoding': 'gzip',
      });
      response.end(GZIP_BOMB);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const GZIP_BOMB = gzipSync(Buffer.alloc(1024 * MB), { level: 9 });

async function withSchema<T>(name: string, work: (schema: string) => Promise<T>): Promise<T> {
  const schema = `vigie_bench_${name}_${process.pid}`;
  try {
    return await work(schema);
  } finally {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}

/** `only`: one of ingest, hostile, steady (default: all three). */
export async function benchMemory(only?: string): Promise<MemoryRow[]> {
  await buildDist();
  const work = mkdtempSync(path.join(tmpdir(), 'vigie-bench-memory-'));
  const server = await startSource();
  const port = (server.address() as AddressInfo).port;
  const base = {
    VIGIE_CACHE_DIR: path.join(work, 'cache'),
    VIGIE_ALLOW_HOSTS: '127.0.0.1',
    VIGIE_QUEUE_PREFIX: `vigie-bench-memory-${process.pid}`,
  };
  try {
    const rows: MemoryRow[] = [];
    const help = await runVigie(['--help'], base);
    const helpMb = help.peakMb;
    rows.push({
      name: 'vigie --help',
      baselineMb: helpMb,
      peakMb: helpMb,
      seconds: help.seconds,
      note: 'the baseline of every command: node, commander',
    });
    if (!only || only === 'ingest') rows.push(...(await benchIngest(work, base, helpMb)));
    if (!only || only === 'hostile') rows.push(...(await benchHostile(port, base)));
    if (!only || only === 'steady') rows.push(...(await benchSteady(work, port, base)));
    return rows;
  } finally {
    await deleteKeys(`${base.VIGIE_QUEUE_PREFIX}*`);
    server.closeAllConnections();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The three ingest rows of one checkout, each with the peak of every round. */
interface IngestRuns {
  label: string;
  root: string;
  runs: Run[][];
}

async function benchIngest(work: string, base: Record<string, string>, helpMb: number) {
  const checkouts: IngestRuns[] = [{ label: '', root: ROOT, runs: [[], [], []] }];
  if (BASE)
    checkouts.push({ label: ` [base ${path.basename(BASE)}]`, root: BASE, runs: [[], [], []] });
  for (let round = 0; round < ROUNDS; round++) {
    // Taking turns, the order reversed each round: neither checkout always runs first.
    const order = round % 2 === 0 ? checkouts : [...checkouts].reverse();
    for (const checkout of order) {
      const runs = await ingestOnce(path.join(work, `ingest-${round}`), base, checkout.root);
      for (const [i, run] of runs.entries()) checkout.runs[i]?.push(run);
    }
  }
  const names = [
    'vigie ingest samples, PGlite, new data dir',
    'vigie ingest samples, PGlite, existing data dir',
    'vigie ingest samples, PostgreSQL',
  ];
  return checkouts.flatMap((checkout) =>
    names.map((name, i): MemoryRow => {
      const runs = checkout.runs[i] ?? [];
      const peaks = runs.map((run) => run.peakMb);
      const last = runs.at(-1);
      const each = runs.length > 1 ? `; peaks ${peaks.map((mb) => mb.toFixed(0)).join(', ')}` : '';
      return {
        name: `${name}${checkout.label}`,
        baselineMb: helpMb,
        peakMb: Math.max(...peaks),
        seconds: last?.seconds ?? 0,
        note: `${last ? summarise(last) : ''}${each}`,
      };
    }),
  );
}

/** New PGlite directory, the same again, then PostgreSQL; a cold config cache for the first. */
async function ingestOnce(dir: string, base: Record<string, string>, root: string) {
  rmSync(dir, { recursive: true, force: true });
  const env = { ...base, VIGIE_CACHE_DIR: path.join(dir, 'cache') };
  const pglite = { ...env, VIGIE_DATA_DIR: path.join(dir, 'data') };
  const sample = 'examples/samples-feed.xml';
  const first = await runVigie(['ingest', '--json', sample], pglite, root);
  const again = await runVigie(['ingest', '--json', sample], pglite, root);
  const onPg = await withSchema('ingest', (schema) =>
    runVigie(
      ['ingest', '--json', sample],
      { ...env, DATABASE_URL: PG_URL, VIGIE_DATABASE_SCHEMA: schema },
      root,
    ),
  );
  rmSync(dir, { recursive: true, force: true });
  return [first, again, onPg];
}

/** Each hostile body next to the same command on a small valid feed: the process's own baseline. */
async function benchHostile(port: number, base: Record<string, string>) {
  return withSchema('hostile', async (schema) => {
    const env = { ...base, DATABASE_URL: PG_URL, VIGIE_DATABASE_SCHEMA: schema };
    const url = (name: string) => `http://127.0.0.1:${port}/${name}`;
    const valid = await runVigie(['ingest', '--json', url('feed/hostile-baseline')], env);
    const rows: MemoryRow[] = [
      {
        name: 'vigie ingest, PostgreSQL, a valid feed (baseline)',
        baselineMb: valid.peakMb,
        peakMb: valid.peakMb,
        seconds: valid.seconds,
        note: summarise(valid),
      },
    ];
    for (const [name, args] of [
      ['endless body', ['ingest', url('endless')]],
      ['slow body (1 byte/100 ms, --timeout 10s)', ['ingest', '--timeout', '10s', url('slow')]],
      ['gzip bomb (1 GB of zeros in 1 MB)', ['ingest', url('gzip-bomb')]],
    ] as const) {
      const run = await runVigie([...args], env);
      rows.push({
        name: `vigie ingest, PostgreSQL, ${name}`,
        baselineMb: valid.peakMb,
        peakMb: run.peakMb,
        seconds: run.seconds,
        note: `exit ${run.code}`,
      });
    }
    return rows;
  });
}

/** `vigie run` and one `vigie worker` side by side, polling 20 feeds that always have new items. */
async function benchSteady(work: string, port: number, base: Record<string, string>) {
  const config = path.join(work, 'config');
  rmSync(config, { recursive: true, force: true });
  const { cpSync } = await import('node:fs');
  cpSync(path.join(ROOT, 'config'), config, { recursive: true });
  const feeds = Array.from(
    { length: 20 },
    (_, i) =>
      `  - id: bench-${i}\n    url: http://127.0.0.1:${port}/feed/${i}\n    every: 1m\n    fetchArticle: false\n`,
  );
  writeFileSync(path.join(config, 'feeds.yaml'), `feeds:\n${feeds.join('')}`);
  return withSchema('steady', async (schema) => {
    const env = {
      ...base,
      DATABASE_URL: PG_URL,
      VIGIE_DATABASE_SCHEMA: schema,
      VIGIE_CONFIG: config,
      LOG_LEVEL: 'warn',
    };
    const run = startLong(['run'], { ...env, PORT: '0' });
    const worker = startLong(['worker'], env);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const runStart = readStatus(run, 'VmRSS') / 1024;
    const workerStart = readStatus(worker, 'VmRSS') / 1024;
    // RSS every quarter of the period: whether it settles or keeps growing.
    const series: [number[], number[]] = [[], []];
    for (let quarter = 0; quarter < 4; quarter++) {
      await new Promise((resolve) => setTimeout(resolve, (STEADY_SECONDS * 1000) / 4));
      series[0].push(readStatus(run, 'VmRSS') / 1024);
      series[1].push(readStatus(worker, 'VmRSS') / 1024);
    }
    const trend = (values: number[]) =>
      `RSS each quarter: ${values.map((v) => v.toFixed(0)).join(' → ')}`;
    const seconds = STEADY_SECONDS + 5;
    const rows: MemoryRow[] = [
      {
        name: `vigie run, PostgreSQL, ${seconds} s`,
        baselineMb: runStart,
        peakMb: readStatus(run, 'VmHWM') / 1024,
        endMb: readStatus(run, 'VmRSS') / 1024,
        seconds,
        note: `20 feeds, 100 new items a minute; ${trend(series[0])}`,
      },
      {
        name: `vigie worker, PostgreSQL, ${seconds} s`,
        baselineMb: workerStart,
        peakMb: readStatus(worker, 'VmHWM') / 1024,
        endMb: readStatus(worker, 'VmRSS') / 1024,
        seconds,
        note: `beside it, the pipeline queues; ${trend(series[1])}`,
      },
    ];
    await Promise.all([stopLong(run), stopLong(worker)]);
    return rows;
  });
}

async function deleteKeys(pattern: string): Promise<void> {
  const redis = new Redis('redis://127.0.0.1:6379');
  const keys = await redis.keys(pattern);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

function startLong(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn('./bin/vigie', args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.resume();
  return child;
}

function stopLong(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function summarise(run: Run): string {
  if (run.code !== 0) return `exit ${run.code}`;
  try {
    const summary = JSON.parse(run.stdout) as { items: number; articles: number; events: number };
    return `${summary.items} items, ${summary.articles} articles, ${summary.events} events`;
  } catch {
    return run.stdout.trim().slice(0, 80);
  }
}
