// Config reload in a running vigie: an edited rules.yaml matches the next article, a broken one is
// refused with file:line while the last valid config keeps running, SIGHUP reloads `vigie run`.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { type Deps, openDeps } from '../../src/deps.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { type RunningApp, startApp } from '../../src/main.ts';
import { enqueueFetchFeed, PIPELINE_QUEUES } from '../../src/queues/index.ts';
import { openDatabase } from '../../src/store/database.ts';
import { spawnVigie, waitFor } from './fault-helpers.ts';
import {
  type LocalServer,
  openBackend,
  PG_URL,
  rssFeed,
  startLocalServer,
  testBackends,
  testEnv,
  uniquePrefix,
} from './pipeline-helpers.ts';

const [postgres] = testBackends('config_reload');
const backend = postgres ?? { kind: 'postgres' as const, dataDir: '' };
const RULES = 'rules:\n  - id: every-item\n    match: {any: [marqueur]}\n';
const ADDED = `${RULES}  - id: zebra\n    match: {any: [zèbre]}\n`;
// Line 8 has a field no rule has: refused, with its place.
const BROKEN = `${ADDED}  - id: broken\n    match: {any: [x]}\n    colour: red\n`;

let site: LocalServer;
let dir: string;
let deps: Deps;
let app: RunningApp;
const items: { title: string; link: string; description: string }[] = [];

function writeConfig(target: string, siteUrl: string): void {
  copyFileSync('tests/fixtures/config/valid/regions.yaml', join(target, 'regions.yaml'));
  writeFileSync(
    join(target, 'feeds.yaml'),
    `feeds:\n  - {id: site, url: "${siteUrl}/feed.xml", every: 10m, fetchArticle: false}\n`,
  );
  writeFileSync(join(target, 'rules.yaml'), RULES);
}

beforeAll(async () => {
  site = await startLocalServer();
  site.routes.set('/feed.xml', () => ({
    headers: { 'content-type': 'application/rss+xml' },
    body: rssFeed(items),
  }));
  dir = mkdtempSync(join(tmpdir(), 'vigie-reload-'));
  writeConfig(dir, site.url);
  const prefix = uniquePrefix('config-reload');
  deps = await openDeps({
    env: testEnv(backend, prefix),
    config: await loadConfig(dir),
    store: await openBackend(backend),
    prefix,
    log: createLogger(process.env.LOG_LEVEL || 'silent'),
  });
  const queues = PIPELINE_QUEUES.filter((name) => name !== 'send-alert');
  app = await startApp(deps, {
    queues,
    scheduler: true,
    port: 0,
    watchConfig: true,
    reloadDebounceMs: 50,
  });
});

afterAll(async () => {
  await app?.stop();
  if (deps) {
    const store = await openBackend(backend);
    await sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(store.db);
    await store.close();
  }
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Publishes an article in the feed, fetches the feed, and waits for its events' rules. */
async function publish(n: number, description: string): Promise<string[]> {
  const link = `${site.url}/a/${n}`;
  items.push({ title: `Dépêche ${n}`, link, description });
  await enqueueFetchFeed(deps.queues, { feedId: 'site' }, { dueAt: new Date(Date.now() + n) });
  return waitFor(
    `article ${n} classified`,
    async () => {
      const rows = await sql<{ classified: boolean; rule_id: string | null }>`
        select a.classified_at is not null as classified, e.rule_id from articles a
        left join events e on e.article_id = a.id where a.url = ${link}`.execute(deps.store.db);
      if (!rows.rows[0]?.classified) return undefined;
      return rows.rows.flatMap((row) => (row.rule_id ? [row.rule_id] : [])).sort();
    },
    10_000,
  );
}

async function readPage(path: string): Promise<string> {
  const address = app.server?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return (await fetch(`http://127.0.0.1:${port}${path}`)).text();
}

describe('config reload in a running vigie', () => {
  it('an edited rules.yaml matches the next article; a broken one is refused, the last valid one runs', async () => {
    expect(await publish(1, 'Un marqueur et un zèbre.')).toEqual(['every-item']);

    writeFileSync(join(dir, 'rules.yaml'), ADDED);
    await waitFor('reload', () => deps.lastReload?.ok, 5_000);
    expect(deps.lastReload).toMatchObject({ trigger: 'file', problems: [] });
    expect(await publish(2, 'Un marqueur et un zèbre.')).toEqual(['every-item', 'zebra']);

    const valid = deps.lastReload;
    writeFileSync(join(dir, 'rules.yaml'), BROKEN);
    await waitFor('refused reload', () => deps.lastReload !== valid && deps.lastReload, 5_000);
    expect(deps.lastReload?.ok).toBe(false);
    expect(deps.lastReload?.problems.join('\n')).toMatch(/rules\.yaml:8:\d+: .*colour/);
    expect(await publish(3, 'Encore un zèbre, et le marqueur.')).toEqual(['every-item', 'zebra']);

    const metrics = await readPage('/metrics');
    expect(metrics).toMatch(/vigie_config_reloads_total\{result="ok"\} 1\n/);
    expect(metrics).toMatch(/vigie_config_reloads_total\{result="invalid"\} 1\n/);
    const page = await readPage('/rules/reload');
    expect(page).toMatch(/<code>[^<]*rules\.yaml:8:\d+: [^<]*colour/);
    const rules = await readPage('/rules');
    expect(rules).toContain('was refused with 1 problem; the last valid config keeps running');
    expect(rules).toMatch(/<code>[^<]*rules\.yaml:8:\d+: [^<]*colour/);
    const api = JSON.parse(await readPage('/api/rules/reload'));
    expect(api.last).toMatchObject({ ok: false, trigger: 'file' });
  });

  it('a feed added by a reload is synced into the store for the scheduler', async () => {
    writeFileSync(
      join(dir, 'feeds.yaml'),
      `feeds:\n  - {id: site, url: "${site.url}/feed.xml", every: 10m, fetchArticle: false}\n` +
        `  - {id: other, url: "${site.url}/other.xml", every: 10m}\n`,
    );
    writeFileSync(join(dir, 'rules.yaml'), ADDED);
    await waitFor(
      'feed synced',
      async () => {
        const rows = await sql<{ id: string }>`select id from feeds where id = 'other'`.execute(
          deps.store.db,
        );
        return rows.rows.length === 1;
      },
      5_000,
    );
    expect(deps.byId.feeds.has('other')).toBe(true);
  });

  it('reloads asked for together share one, and no job is lost meanwhile', async () => {
    const first = app.reloader.reload('request');
    const together = [app.reloader.reload('request'), app.reloader.reload('request')];
    const rules = await publish(4, 'Le marqueur seul.');
    const later = app.reloader.reload('request');
    const outcomes = await Promise.all([first, ...together, later]);
    expect(rules).toEqual(['every-item']);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(new Set(outcomes.slice(0, 3)).size).toBe(1);
    expect(outcomes[3]).not.toBe(outcomes[0]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe('vigie run and SIGHUP', () => {
  it('reloads on SIGHUP, logs a broken config with file:line, and still stops gracefully', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'vigie-reload-run-'));
    const schema = `${backend.schema}_run`;
    try {
      writeConfig(runDir, site.url);
      const port = await freePort();
      const vigie = spawnVigie(['run'], {
        DATABASE_URL: PG_URL,
        VIGIE_DATABASE_SCHEMA: schema,
        VIGIE_CONFIG: runDir,
        VIGIE_QUEUE_PREFIX: uniquePrefix('config-reload-run'),
        VIGIE_ALLOW_HOSTS: '127.0.0.1',
        PORT: String(port),
      });
      await vigie.started;
      const logged = (text: string) => vigie.lines.filter((line) => line.includes(text));
      vigie.child.kill('SIGHUP');
      await waitFor('reload logged', () => logged('"msg":"config reloaded"').length === 1, 10_000);
      expect(logged('"msg":"config reloaded"')[0]).toContain('"trigger":"signal"');

      writeFileSync(join(runDir, 'rules.yaml'), BROKEN);
      await waitFor('refusal logged', () => logged('config reload failed').length > 0, 10_000);
      expect(logged('config reload failed')[0]).toMatch(/rules\.yaml:8:\d+: /);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/vigie_config_reloads_total\{result="invalid"\} 1\n/);

      vigie.child.kill('SIGTERM');
      expect((await vigie.exited).code).toBe(0);
      expect(logged('"msg":"stopped"')).toHaveLength(1);
    } finally {
      rmSync(runDir, { recursive: true, force: true });
      const store = await openDatabase({ databaseUrl: PG_URL, dataDir: '', schema });
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    }
  });
}, 60_000);
