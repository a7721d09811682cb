// `vigie ingest` as a user runs it: the summary, events listed afterwards, one clear line for a bad feed.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articlePage,
  type LocalServer,
  openBackend,
  PG_URL,
  rssFeed,
  startLocalServer,
  testBackends,
  uniquePrefix,
} from './pipeline-helpers.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const [postgres, pglite] = testBackends('ingest_cli') as [
  ReturnType<typeof testBackends>[number],
  ReturnType<typeof testBackends>[number],
];
const scratch = mkdtempSync(join(tmpdir(), 'vigie-ingest-cli-'));
/** The fixture config with its webhook channel pointed at the local server: alerts go nowhere outside. */
const configDir = join(scratch, 'config');
let server: LocalServer;

function vigie(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      './bin/vigie',
      args,
      {
        env: {
          PATH: process.env.PATH,
          VIGIE_CONFIG: configDir,
          VIGIE_QUEUE_PREFIX: uniquePrefix('ingest-cli'),
          VIGIE_ALLOW_HOSTS: '127.0.0.1',
          ...env,
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr }),
    );
  });
}

/** On PostgreSQL (a schema of this file): opens in milliseconds where PGlite takes seconds. */
const onPostgres = () => ({ DATABASE_URL: PG_URL, VIGIE_DATABASE_SCHEMA: postgres.schema ?? '' });

beforeAll(async () => {
  server = await startLocalServer();
  writeLocalConfig(server.url);
  server.routes.set('/hook', () => ({ status: 204 }));
  server.routes.set('/feed.xml', () => ({
    body: rssFeed([
      { title: 'Attentat à Mossoul', link: `${server.url}/a`, description: 'Résumé.' },
    ]),
  }));
  server.routes.set('/a', () => ({
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: articlePage('Attentat à Mossoul', [
      'Un attentat de Daech à Mossoul, en Irak, a fait dix morts selon les autorités irakiennes.',
      'Les secours sont arrivés rapidement sur les lieux et une enquête a été ouverte.',
    ]),
  }));
  server.routes.set('/page.html', () => ({
    headers: { 'content-type': 'text/html' },
    body: articlePage('Une page', ['Pas un flux.']),
  }));
  server.routes.set('/empty.xml', () => ({ body: '' }));
  server.routes.set('/error.xml', () => ({ status: 500 }));
  server.routes.set('/hang.xml', () => 'hang');
});

function writeLocalConfig(url: string): void {
  const fixture = 'tests/fixtures/config/valid';
  mkdirSync(configDir, { recursive: true });
  for (const file of ['feeds.yaml', 'regions.yaml', 'rules.yaml'])
    copyFileSync(join(fixture, file), join(configDir, file));
  const notify = readFileSync(join(fixture, 'notify.yaml'), 'utf8');
  writeFileSync(
    join(configDir, 'notify.yaml'),
    notify.replace('https://hooks.example.org/x', `${url}/hook`),
  );
}

afterAll(async () => {
  await server.close();
  const store = await openBackend(postgres);
  await sql`drop schema if exists ${sql.id(postgres.schema ?? '')} cascade`.execute(store.db);
  await store.close();
  rmSync(scratch, { recursive: true, force: true });
  rmSync(pglite.dataDir, { recursive: true, force: true });
});

describe('vigie ingest', () => {
  it('runs the samples feed offline into events that vigie events lists (PGlite)', async () => {
    const env = { VIGIE_DATA_DIR: pglite.dataDir };
    const run = await vigie(['ingest', '--json', 'examples/samples-feed.xml'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual([
      'feed',
      'items',
      'new',
      'articles',
      'events',
      'alerts',
      'errors',
    ]);
    // Published from 2016 to 2024: stored and matched, but too old to alert anyone.
    expect(summary).toMatchObject({ items: 5, new: 5, articles: 5, alerts: 0, errors: [] });
    expect(summary.events).toBeGreaterThan(0);
    const listed = await vigie(['events', '--json'], env);
    expect(listed.code).toBe(0);
    const events = listed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { url: string });
    expect(events).toHaveLength(summary.events as number);
    expect(events.every((event) => event.url.startsWith('https://example.org/samples/'))).toBe(
      true,
    );
  });

  it('fetches a feed URL and its article pages', async () => {
    const run = await vigie(['ingest', '--json', `${server.url}/feed.xml`], onPostgres());
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      items: 1,
      new: 1,
      articles: 1,
      events: 2,
      errors: [],
    });
    const human = await vigie(['ingest', `${server.url}/feed.xml`], onPostgres());
    expect(human.stdout).toMatch(
      /^adhoc-127-0-0-1-[0-9a-f]{8}: 1 items, 0 new, 0 articles classified, 0 events, 0 alerts\n$/,
    );
  });

  const xxe =
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
    '<rss version="2.0"><channel><title>&x;</title></channel></rss>';
  const failures: [string, () => string[], RegExp][] = [
    [
      'a malformed feed file',
      () => ['ingest', '--json', file('bad.xml', '<rss><channel><item>')],
      /not a feed/,
    ],
    ['an XXE feed file', () => ['ingest', file('xxe.xml', xxe)], /DOCTYPE not allowed/],
    ['a missing file', () => ['ingest', join(scratch, 'nope.xml')], /cannot read .*no such file/],
    ['an HTML page', () => ['ingest', `${server.url}/page.html`], /not a feed \(an HTML page\)/],
    ['an empty body', () => ['ingest', `${server.url}/empty.xml`], /not a feed \(empty body\)/],
    ['a 500', () => ['ingest', `${server.url}/error.xml`], /status 500/],
    [
      'a server that never answers',
      () => ['ingest', '--timeout', '2s', `${server.url}/hang.xml`],
      /timed out/,
    ],
  ];
  it.concurrent.each(failures)('exits 1 with one line for %s', async (_name, args, message) => {
    const run = await vigie(args(), onPostgres());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^vigie: /);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

function file(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}
