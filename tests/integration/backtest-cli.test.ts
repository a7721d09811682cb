// `vigie backtest` as a user runs it, on PostgreSQL and on PGlite: stored articles re-matched with a config
// given on the command line, the alerts a threshold would have fired, a changed rule changing them, nothing written.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/articles/document.ts';
import { readHtmlDocument } from '../../src/articles/html-document.ts';
import type { BacktestReport } from '../../src/cli/backtest.ts';
import type { Store } from '../../src/store/database.ts';
import type { Db } from '../../src/store/types.ts';
import { type Backend, openBackend, PG_URL, testBackends } from './pipeline-helpers.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const HOUR = 3_600_000;
const scratch = mkdtempSync(join(tmpdir(), 'vigie-backtest-cli-'));

/** A config directory with the fixture gazetteer and channels and these rules. */
function writeConfig(name: string, rules: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  for (const file of ['regions.yaml', 'notify.yaml']) {
    writeFileSync(join(dir, file), readFileSync(join('tests/fixtures/config/valid', file)));
  }
  writeFileSync(join(dir, 'rules.yaml'), rules);
  return dir;
}

const NEVER = `
  - id: never
    severity: high
    match: {any: ["sous-marin nucléaire"]}
    alert: {threshold: {count: 1, window: 6h, per: region}, channels: [ops-email]}
`;
/** Every Islamic State sample matches; 2 stories within 6 h fire, then 12 h of cooldown. */
const perRule = writeConfig(
  'per-rule',
  `rules:
  - id: ei
    severity: high
    match: {any: ["État islamique", Daech, Daesh, ISIS, {term: EI, caseSensitive: true}]}
    alert: {threshold: {count: 2, window: 6h, per: rule}, cooldown: 12h, channels: [ops-email]}
${NEVER}`,
);
/** The same rule edited: Daesh only (the ISIS-only sample drops out), counted in Syria. */
const edited = writeConfig(
  'edited',
  `rules:
  - id: ei
    severity: high
    match: {any: [Daesh]}
    regions: [syria]
    alert: {threshold: {count: 2, window: 6h, per: region}, cooldown: 12h, channels: [ops-email]}
${NEVER}`,
);

function vigie(backend: Backend, args: string[]): Promise<Run> {
  const database =
    backend.kind === 'postgres'
      ? { DATABASE_URL: PG_URL, VIGIE_DATABASE_SCHEMA: backend.schema ?? '' }
      : {};
  return new Promise((resolve) => {
    execFile(
      './bin/vigie',
      ['backtest', ...args],
      { env: { PATH: process.env.PATH, VIGIE_DATA_DIR: backend.dataDir, ...database } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr }),
    );
  });
}

interface Sample {
  file: string;
  hoursAgo: number;
  story?: 'first' | 'second' | 'old';
}

/** Baghdadi and the camps are one story; the ISIS sample has none (its own); the 2016 one is too old. */
const SAMPLES: Sample[] = [
  { file: 'fr-baghdadi-complot-2019-02.txt', hoursAgo: 5, story: 'first' },
  { file: 'fr-ei-camps-syrie-2024-12.txt', hoursAgo: 4, story: 'first' },
  { file: 'fr-isis-irak-renouveau-2024-01.txt', hoursAgo: 3 },
  { file: 'fr-raid-anbar-2024-09.txt', hoursAgo: 2, story: 'second' },
  { file: 'fr-jihad-mondial-2016-11.txt', hoursAgo: 40 * 24, story: 'old' },
];

async function storeSamples(db: Db, now: number): Promise<Date[]> {
  const stories = new Map<string, number>();
  for (const story of ['first', 'second', 'old']) {
    const row = await db
      .insertInto('stories')
      .values({
        signature: '0000000000000000',
        title: story,
        first_seen_at: new Date(now),
        last_seen_at: new Date(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    stories.set(story, row.id);
  }
  const times: Date[] = [];
  const store = async (file: string, title: string, text: string, at: Date, storyId?: number) => {
    const row = await db
      .insertInto('articles')
      .values({
        url_key: `https://e.org/${file}`,
        url: `https://e.org/${file}`,
        title,
        text,
        story_id: storyId ?? null,
        fetch_status: 'fetched',
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  for (const sample of SAMPLES) {
    const path = join('tests/fixtures', sample.file);
    const document = readDocument(path, readFileSync(path), readHtmlDocument);
    const at = new Date(now - sample.hoursAgo * HOUR);
    const storyId = sample.story && stories.get(sample.story);
    const id = await store(sample.file, document.title, document.text, at, storyId);
    times.push(at);
    // What the live pipeline stored: the backtest must neither need nor touch it.
    if (sample.hoursAgo === 5) {
      await db
        .insertInto('events')
        .values({
          article_id: id,
          rule_id: 'ei',
          score: 1,
          terms: '[]',
          regions: [],
          matched_at: at,
        })
        .execute();
    }
  }
  await store(
    'meteo.txt',
    'Météo',
    'Beau temps sur Lyon, quelques nuages le soir.',
    new Date(now - HOUR),
  );
  return times;
}

async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['articles', 'stories', 'events', 'alerts', 'deliveries'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describe.each(testBackends('backtest_cli'))('vigie backtest on $kind', (backend) => {
  let times: Date[] = [];
  let before: Record<string, number>;

  // PGlite is one process's: the test's store is closed before the command runs.
  const withStore = async <T>(use: (db: Db) => Promise<T>): Promise<T> => {
    const store: Store = await openBackend(backend);
    try {
      return await use(store.db);
    } finally {
      await store.close();
    }
  };

  const backtest = async (args: string[]): Promise<BacktestReport> => {
    const run = await vigie(backend, [...args, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as BacktestReport;
  };

  beforeAll(async () => {
    await withStore(async (db) => {
      times = await storeSamples(db, Date.now());
      before = await countRows(db);
    });
  }, 60_000);

  afterAll(async () => {
    if (backend.kind === 'pglite') rmSync(backend.dataDir, { recursive: true, force: true });
    else
      await withStore((db) =>
        sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(db),
      );
  });

  it('reports what the rules match and the one alert a threshold of 2 stories fires', async () => {
    const report = await backtest(['--config', perRule]);
    expect(Date.now() - Date.parse(report.since)).toBeGreaterThan(30 * 24 * HOUR - 60_000);
    expect(report.articles).toBe(5);
    expect(report.rules).toEqual([
      // The camps article repeats the Baghdadi story; the second story (ISIS) fires; the raid falls in the cooldown.
      {
        id: 'ei',
        articles: 4,
        stories: 3,
        alerts: [{ at: times[2]?.toISOString(), region: null, stories: 2 }],
      },
      { id: 'never', articles: 0, stories: 0, alerts: [] },
    ]);
  }, 60_000);

  // The store is read the same way on both backends: these run on PostgreSQL only (PGlite's
  // commands start slower); the report is checked on both, the held store on PGlite.
  if (backend.kind === 'postgres')
    it('shows an edited rule’s result, writing nothing', async () => {
      const report = await backtest(['--config', edited, '--since', '30d']);
      expect(report.rules[0]).toEqual({
        id: 'ei',
        articles: 3,
        stories: 2,
        alerts: [{ at: times[3]?.toISOString(), region: 'syria', stories: 2 }],
      });
      expect(await withStore(countRows)).toEqual(before);
    }, 60_000);

  if (backend.kind === 'postgres')
    it('counts articles by publication: found recently but published years ago, they fire nothing', async () => {
      const old = ['fr-isis-irak-renouveau-2024-01.txt', 'fr-raid-anbar-2024-09.txt'].map(
        (file) => `https://e.org/${file}`,
      );
      const setPublished = (at: Date | null) =>
        withStore((db) =>
          db.updateTable('articles').set({ published_at: at }).where('url', 'in', old).execute(),
        );
      await setPublished(new Date('2019-01-01T00:00:00Z'));
      try {
        const report = await backtest(['--config', perRule]);
        // Still matched and counted as stories, but only the Baghdadi story counts in its window.
        expect(report.rules[0]).toEqual({ id: 'ei', articles: 4, stories: 3, alerts: [] });
      } finally {
        await setPublished(null);
      }
    }, 60_000);

  if (backend.kind === 'postgres')
    it('reads only the articles of --since, and prints text by default', async () => {
      const run = await vigie(backend, ['--config', perRule, '--since', '150m']);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')).toEqual([
        expect.stringMatching(/^backtest: \d{4}-\d\d-\d\d \d\d:\d\d UTC to now, 2 articles$/),
        'ei: 1 article, 1 story, no alert',
        'never: 0 articles, 0 stories, no alert',
        '',
      ]);
    }, 60_000);

  if (backend.kind === 'postgres')
    it('exits 1 with one line for a bad --since', async () => {
      const run = await vigie(backend, ['--config', perRule, '--since', 'a month']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('vigie: backtest: --since a month: expected e.g. 24h or 30d\n');
    }, 60_000);

  // PGlite only: a PostgreSQL server has no owner process to be held by.
  if (backend.kind === 'pglite')
    it('says in one line that a running process holds PGlite', async () => {
      const held = await openBackend(backend);
      try {
        const run = await vigie(backend, ['--config', perRule]);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/^vigie: store: .* is in use by another vigie process .*\n$/);
      } finally {
        await held.close();
      }
    }, 60_000);
});

describe('vigie backtest on an empty store', () => {
  // PostgreSQL: a fresh PGlite directory takes many seconds to initialise.
  const [backend] = testBackends('backtest_empty').filter((b) => b.kind === 'postgres');
  if (!backend) throw new Error('no postgres backend');
  afterAll(async () => {
    const store = await openBackend(backend);
    await sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(store.db);
    await store.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints zero counts', async () => {
    const run = await vigie(backend, ['--config', perRule, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      articles: 0,
      rules: [
        { id: 'ei', articles: 0, stories: 0, alerts: [] },
        { id: 'never', articles: 0, stories: 0, alerts: [] },
      ],
    });
  }, 60_000);
});
