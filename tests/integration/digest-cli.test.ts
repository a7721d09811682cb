// `vigie digest preview` as a user runs it: stored events grouped by rule then region, --html, bad ids and
// durations in one line, and the samples feed ingested with the shipped config then previewed.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.ts';
import { storeMatch } from './digest-helpers.ts';
import { openBackend, PG_URL, testBackends, uniquePrefix } from './pipeline-helpers.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const postgresBackends = [...testBackends('digest_cli'), ...testBackends('digest_samples')].filter(
  (backend) => backend.kind === 'postgres',
);
const [stored, samples] = postgresBackends;
if (!stored || !samples) throw new Error('no postgres backends');
const scratch = mkdtempSync(join(tmpdir(), 'vigie-digest-cli-'));
const HOUR = 3_600_000;
let store: Store;

function vigie(args: string[], schema: string, config: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      './bin/vigie',
      args,
      {
        env: {
          PATH: process.env.PATH,
          VIGIE_CONFIG: config,
          DATABASE_URL: PG_URL,
          VIGIE_DATABASE_SCHEMA: schema,
          VIGIE_DATA_DIR: scratch,
          VIGIE_QUEUE_PREFIX: uniquePrefix('digest-cli'),
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr }),
    );
  });
}

const preview = (args: string[]) =>
  vigie(['digest', 'preview', ...args], stored.schema ?? '', 'tests/fixtures/config/valid');

beforeAll(async () => {
  store = await openBackend(stored);
  const now = Date.now();
  const match = (title: string, regions: string[], hoursAgo: number, ruleId = 'ei-attentats') =>
    storeMatch(store.db, {
      title,
      url: `https://e.org/${encodeURIComponent(title)}`,
      ruleId,
      regions,
      matchedAt: new Date(now - hoursAgo * HOUR),
    });
  await match('Attentat à Alep', ['syria'], 2);
  await match('Attentat à Mossoul', ['iraq'], 3);
  // Named most: Syria. The story is listed there only, not under Iraq too.
  await match('Kamikaze à Raqqa <b>&</b>', ['syria', 'iraq'], 1);
  await match('Attentat ancien à Kirkouk', ['iraq'], 30);
  await match('Mossoul, hors digest', ['iraq'], 1, 'mossoul');
});

afterAll(async () => {
  for (const backend of [stored, samples]) {
    await sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(store.db);
  }
  await store.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('vigie digest preview', () => {
  it('prints the last 24 h of the digest’s rules: counts by rule and region, then each story once, newest first', async () => {
    const run = await preview(['daily-fr']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\[vigie\] Digest daily-fr: 3 stories \(/);
    const order = [
      "Attentats de l'État islamique — Irak: 1",
      "Attentats de l'État islamique — Syrie: 2",
      '== Stories ==',
      "* Kamikaze à Raqqa <b>&</b>\n  [Attentats de l'État islamique — Syrie]\n",
      "* Attentat à Alep\n  [Attentats de l'État islamique — Syrie]\n",
      "* Attentat à Mossoul\n  [Attentats de l'État islamique — Irak]\n",
    ];
    const positions = order.map((needle) => run.stdout.indexOf(needle));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(run.stdout).not.toContain('Kirkouk');
    expect(run.stdout).not.toContain('hors digest');
  });

  it('covers --since and writes the HTML part with --html', async () => {
    const file = join(scratch, 'digest.html');
    const run = await preview(['daily-fr', '--since', '2d', '--html', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Attentat ancien à Kirkouk');
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Kamikaze à Raqqa &lt;b&gt;&amp;&lt;/b&gt;');
    expect(html).not.toMatch(/<script|<b>/);
  });

  it.each([
    [['nope'], /^vigie: digest: unknown digest "nope" \(notify\.yaml has: daily-fr\)$/],
    [
      ['daily-fr', '--since', 'yesterday'],
      /^vigie: digest: --since yesterday: expected e\.g\. 24h or 7d$/,
    ],
    [
      ['daily-fr', '--html', join(scratch, 'no', 'such', 'dir.html')],
      /^vigie: digest: cannot write .*ENOENT/,
    ],
  ])('exits 1 with one line for %j', async (args, message) => {
    const run = await preview(args);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('groups the samples’ stories after `vigie ingest examples/samples-feed.xml` (shipped config)', async () => {
    const schema = samples.schema ?? '';
    const ingest = await vigie(['ingest', '--json', 'examples/samples-feed.xml'], schema, 'config');
    expect(ingest.stderr).toBe('');
    expect(JSON.parse(ingest.stdout)).toMatchObject({ articles: 5, alerts: 0, errors: [] });
    const run = await vigie(['digest', 'preview', 'daily-fr'], schema, 'config');
    expect(run.code).toBe(0);
    // Published from 2016 to 2024, the samples are in the digest but fired no alert.
    expect(run.stdout).toMatch(/^\[vigie\] Digest daily-fr: 5 stories \(/);
    expect(run.stdout).toContain("[Attentats de l'État islamique — Irak]");
    expect(run.stdout).toContain('https://example.org/samples/fr-raid-anbar-2024-09');
    // Each story once, though several rules matched most of them.
    const listed = run.stdout.split('\n').filter((line) => line.startsWith('* '));
    expect(listed).toHaveLength(5);
    expect(new Set(listed).size).toBe(5);
  }, 60_000);
});
