// Shared by the fault tests: a local news site, a config over it, `vigie` child processes, polling.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connectRedis } from '../../src/deps.ts';
import { closeQueues, createQueues } from '../../src/queues/index.ts';
import type { Store } from '../../src/store/database.ts';
import { articlePage, rssFeed } from './pipeline-helpers.ts';

/** A site with one feed of `count` articles, each page answered after `pageDelayMs`. */
export interface NewsSite {
  url: string;
  /** Article pages answered so far. */
  pagesServed(): number;
  close(): Promise<void>;
}

const ETAG = '"v1"';

/** The feed carries an ETag and answers 304 to it, as the site of issue 10 did. */
export async function startNewsSite(count: number, pageDelayMs: number): Promise<NewsSite> {
  let served = 0;
  let url = '';
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/feed.xml') {
      if (request.headers['if-none-match'] === ETAG) return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG });
      return void response.end(rssFeed(feedItems(url, count)));
    }
    const match = /^\/a\/(\d+)$/.exec(path);
    if (!match) return void response.writeHead(404).end();
    setTimeout(() => {
      served++;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage(`Dépêche ${match[1]}`, articleText(Number(match[1]))));
    }, pageDelayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    pagesServed: () => served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function feedItems(url: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    title: `Dépêche ${i}`,
    link: `${url}/a/${i}`,
    description: `Le marqueur commun, dépêche numéro ${i}.`,
  }));
}

/** Distinct text per page; even pages also name the second rule's term. */
function articleText(i: number): string[] {
  const parity = i % 2 === 0 ? 'Un numéro pair.' : 'Un numéro impair.';
  return [
    `Le marqueur commun, texte complet de la dépêche ${i}, écrit pour elle seule.`,
    `${parity} Ce paragraphe porte le rang ${i * 7919} et rien d'autre de commun.`,
  ];
}

/** A config directory: the site's feed and two rules, every article and the even ones. */
export function writeFaultConfig(siteUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-faults-'));
  copyFileSync('tests/fixtures/config/valid/regions.yaml', join(dir, 'regions.yaml'));
  writeFileSync(
    join(dir, 'feeds.yaml'),
    `feeds:\n  - {id: site, url: "${siteUrl}/feed.xml", every: 10m}\n`,
  );
  writeFileSync(
    join(dir, 'rules.yaml'),
    'rules:\n  - id: every-item\n    match: {any: [marqueur]}\n' +
      '  - id: even-item\n    match: {any: [pair]}\n',
  );
  return dir;
}

/** The events a clean run of the site stores: `article path|rule`, sorted. */
export function expectedEvents(count: number): string[] {
  const events = Array.from({ length: count }, (_, i) => [
    `/a/${i}|every-item`,
    ...(i % 2 === 0 ? [`/a/${i}|even-item`] : []),
  ]);
  return events.flat().sort();
}

export interface PipelineState {
  articles: number;
  /** Still pending, or fetched but not classified. */
  unfinished: number;
  statuses: string[];
  /** `article path|rule`, sorted. */
  events: string[];
}

export async function readPipelineState(store: Store): Promise<PipelineState> {
  const articles = await sql<{ fetch_status: string; classified: boolean }>`
    select fetch_status, classified_at is not null as classified from articles`.execute(store.db);
  const events = await sql<{ key: string }>`
    select regexp_replace(a.url, '^https?://[^/]+', '') || '|' || e.rule_id as key
    from events e join articles a on a.id = e.article_id`.execute(store.db);
  return {
    articles: articles.rows.length,
    unfinished: articles.rows.filter((row) => row.fetch_status === 'pending' || !row.classified)
      .length,
    statuses: [...new Set(articles.rows.map((row) => row.fetch_status))].sort(),
    events: events.rows.map((row) => row.key).sort(),
  };
}

/** True once every article of the site is stored, final and classified. */
export function isFinal(state: PipelineState, count: number): boolean {
  return state.articles === count && state.unfinished === 0;
}

/** Polls the store until every article of the site is final, and returns that state. */
export function waitForFinalState(
  store: Store,
  count: number,
  timeoutMs: number,
): Promise<PipelineState> {
  return waitFor(
    'every article final',
    async () => {
      const now = await readPipelineState(store);
      return isFinal(now, count) && now;
    },
    timeoutMs,
  );
}

export interface VigieProcess {
  child: ChildProcess;
  /** Every stderr line so far. */
  lines: string[];
  /** Resolves on the "vigie started" log line; rejects if the process exits first. */
  started: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The test run's config cache (tests/global-setup.ts), not ~/.cache. */
function testCacheDir(): string {
  return process.env.VIGIE_CACHE_DIR ?? 'off';
}

/** `./bin/vigie ARGS` with only these variables (and PATH, and the test run's config cache). */
export function spawnVigie(args: string[], env: Record<string, string>): VigieProcess {
  const child = spawn('./bin/vigie', args, {
    env: { PATH: process.env.PATH, VIGIE_CACHE_DIR: testCacheDir(), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = new Promise<void>((resolve, reject) => {
    let rest = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts);
      if (parts.some((line) => line.includes('"msg":"vigie started"'))) resolve();
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`vigie exited (${code ?? signal}) before starting:\n${lines.join('\n')}`)),
    );
  });
  started.catch(() => undefined);
  return { child, lines, started, exited };
}

/** Polls `check` every 200 ms until it returns a value other than undefined or false. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Lines of `lines` that are not one JSON object each. */
export function nonJsonLines(lines: readonly string[]): string[] {
  return lines.filter((line) => {
    if (line.trim() === '') return false;
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
}

/** Removes every queue of `prefix` from the shared Redis. */
export async function clearQueues(prefix: string, redisUrl = 'redis://127.0.0.1:6379') {
  const connection = await connectRedis(redisUrl);
  const queues = createQueues({ connection, prefix });
  await Promise.all(Object.values(queues).map((queue) => queue.obliterate({ force: true })));
  await closeQueues(queues);
  await connection.quit();
}
