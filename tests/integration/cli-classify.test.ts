// `vigie classify` as a user runs it: the contract's JSON lines, every input kind, and bad input.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function vigie(args: string[], stdin?: string, env?: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const options = { env: { ...process.env, ...env }, maxBuffer: 1 << 26 };
    const child = execFile('./bin/vigie', args, options, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

const lines = (run: Run) =>
  run.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const ruleIds = (line: Record<string, unknown> | undefined) =>
  ((line?.rules ?? []) as { id: string }[]).map((rule) => rule.id);

describe('vigie classify', () => {
  it('prints one contract line per sample, keys in order', async () => {
    const files = ['fr-raid-anbar-2024-09.txt', 'fr-ei-camps-syrie-2024-12.txt'].map(
      (f) => `tests/fixtures/${f}`,
    );
    const run = await vigie(['classify', ...files]);
    expect(run.code).toBe(0);
    const output = lines(run);
    expect(output.map((l) => l.file)).toEqual(files);
    for (const line of output) {
      expect(Object.keys(line)).toEqual(['file', 'lang', 'regions', 'focus', 'rules']);
      const rules = line.rules as Record<string, unknown>[];
      for (const rule of rules)
        expect(Object.keys(rule)).toEqual(['id', 'score', 'terms', 'regions', 'focus']);
    }
    expect(output[0]?.regions).toEqual(
      expect.arrayContaining([{ id: 'anbar', count: 2 }, expect.objectContaining({ id: 'iraq' })]),
    );
  });

  it('reads JSON files and stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-classify-'));
    const json = join(dir, 'article.json');
    writeFileSync(json, JSON.stringify({ title: 'Attentat à Mossoul', text: "L'EI revendique." }));
    const fromFile = lines(await vigie(['classify', json]))[0];
    expect(fromFile?.regions).toEqual(expect.arrayContaining([{ id: 'mosul', count: 1 }]));
    expect(ruleIds(fromFile)).toContain('ei-attentats');
    const fromStdin = lines(await vigie(['classify', '-'], 'Voiture piégée\nà Alep, selon Daech.'));
    expect(fromStdin[0]?.file).toBe('-');
    expect(ruleIds(fromStdin[0])).toContain('attaques-suicides');
  });

  it('keeps the compiled matcher in the config cache, and classifies the same from it', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'vigie-classify-cache-'));
    const file = 'tests/fixtures/fr-raid-anbar-2024-09.txt';
    const first = await vigie(['classify', file], undefined, { VIGIE_CACHE_DIR: cache });
    // dist/ (the tests' global setup builds it) caches; tsx, which has no build hash, does not.
    const cached = readdirSync(join(cache, 'config')).filter((name) => name.endsWith('.bin'));
    expect(cached).toHaveLength(1);
    const second = await vigie(['classify', file], undefined, { VIGIE_CACHE_DIR: cache });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(lines(second)[0]?.regions).toEqual(expect.arrayContaining([{ id: 'anbar', count: 2 }]));
  });

  it('reports an unreadable file in one line and still classifies the others', async () => {
    const run = await vigie([
      'classify',
      'missing.txt',
      'tests/fixtures/fr-raid-anbar-2024-09.txt',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('vigie: missing.txt: cannot read (ENOENT)');
    expect(lines(run)).toHaveLength(1);
  });

  it('reports invalid JSON in one line', async () => {
    const run = await vigie(['classify', '-'], '{"title": 1');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^vigie: -: not valid JSON/);
  });

  it('classifies on worker threads: the same lines in order, each failure reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-classify-jobs-'));
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, '{"title": 1');
    const samples = readdirSync('tests/fixtures')
      .filter((name) => name.endsWith('.txt'))
      .map((name) => `tests/fixtures/${name}`);
    // 38 runs of 32 files, failures in the second and the last: the main thread takes runs from
    // the start, and the worker threads, once started (0.3-0.5 s), take the rest beside it.
    const files = Array.from({ length: 1200 }, (_, i) => samples[i % samples.length] as string);
    // A page in two runs, read with cheerio, which a worker thread loads when first needed.
    files.splice(10, 1, 'tests/fixtures/pages/amp-jihad-mondial.html');
    files.splice(1150, 1, 'tests/fixtures/pages/amp-jihad-mondial.html');
    files.splice(40, 0, join(dir, 'missing.txt'));
    files.splice(1190, 0, invalid);
    // One after the other: the first fills the config cache the three threads then read.
    const one = await vigie(['classify', '--jobs', '1', ...files]);
    const three = await vigie(['classify', '--jobs', '3', ...files]);
    expect(one.code).toBe(1);
    expect(three.code).toBe(1);
    expect(three.stdout).toBe(one.stdout);
    expect(lines(three).map((line) => line.file)).toEqual(
      files.filter((file) => !file.startsWith(dir)),
    );
    // stdout and stderr are two pipes: their order relative to each other is not kept.
    expect(three.stderr.trim().split('\n')).toEqual([
      `vigie: ${dir}/missing.txt: cannot read (ENOENT)`,
      expect.stringMatching(/^vigie: .*invalid\.json: not valid JSON/),
    ]);
  });

  it('reports a config mistake once, whatever the threads', async () => {
    const files = Array.from({ length: 100 }, () => 'tests/fixtures/fr-raid-anbar-2024-09.txt');
    const run = await vigie(['classify', '--jobs', '2', '--config', 'no-such-config', ...files]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/no-such-config/);
  });

  it('rejects a number of jobs that is not a whole number from 1', async () => {
    const run = await vigie([
      'classify',
      '--jobs',
      '0',
      'tests/fixtures/fr-raid-anbar-2024-09.txt',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--jobs .*expected a whole number from 1 to 64/);
  });

  it.each([['1'], ['2']])(
    'stops quietly when its reader closes the pipe early (as `| head` does), %s job(s)',
    async (jobs) => {
      // Far more output than a pipe buffers, so the command is still writing when the reader goes.
      const files = Array.from(
        { length: 300 },
        () => 'tests/fixtures/fr-jihad-mondial-2016-11.txt',
      );
      const child = spawn('./bin/vigie', ['classify', '--jobs', jobs, ...files], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    },
  );
});
