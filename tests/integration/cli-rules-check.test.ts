// `./bin/vigie rules check` as a child process: summary and exit 0, or file:line:col lines and exit 1.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runVigie(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const options = { cwd: ROOT, env: { ...process.env, ...env } };
    execFile('./bin/vigie', args, options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function expectNoStackTrace(run: Run): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('internal error');
}

describe('vigie rules check', () => {
  it('prints a summary and exits 0 on a valid directory', async () => {
    const run = await runVigie(['rules', 'check', '--config', 'tests/fixtures/config/valid']);
    expect(run).toEqual({
      code: 0,
      stdout:
        'config OK: 2 feeds, 2 rules, 6 regions, 2 channels, 1 digest (tests/fixtures/config/valid/)\n',
      stderr: '',
    });
  });

  it('takes the directory from VIGIE_CONFIG', async () => {
    const run = await runVigie(['rules', 'check'], {
      VIGIE_CONFIG: 'tests/fixtures/config/valid/',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(tests/fixtures/config/valid/)');
  });

  it('prints every problem as file:line:col and exits 1 on a broken directory', async () => {
    const dir = 'tests/fixtures/config/broken';
    const run = await runVigie(['rules', 'check', '--config', dir]);
    expectNoStackTrace(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${dir}/feeds.yaml:4:12: feeds[0].every: invalid duration "10x": expected a positive whole number and a unit s, m, h or d (e.g. 10m)`,
      `${dir}/notify.yaml:4:43: digests.daily-fr.timezone: unknown time zone "Europe/Pariss" (e.g. Europe/Paris, UTC)`,
      `${dir}/rules.yaml:6:11: rules[0].match.all[1]: a boolean node needs at least one of all, any, none`,
      `${dir}/rules.yaml:7:15: rules[0].regions[0]: unknown region "irak" (did you mean "iraq"?)`,
      `${dir}/rules.yaml:10:24: rules[1].alert.channels[0]: unknown channel "ops-mail" (did you mean "ops-email"?)`,
    ]);
  });

  it('reports a missing directory in one line and exits 1', async () => {
    const run = await runVigie(['rules', 'check', '--config', 'tests/fixtures/config/absent']);
    expectNoStackTrace(run);
    expect(run).toMatchObject({
      code: 1,
      stderr: 'tests/fixtures/config/absent: config directory not found\n',
    });
  });

  it('reuses the config it validated only while the files are unchanged', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'vigie-rules-check-'));
    const dir = path.join(work, 'config');
    const env = { VIGIE_CACHE_DIR: path.join(work, 'cache') };
    try {
      cpSync('tests/fixtures/config/valid', dir, { recursive: true });
      const first = await runVigie(['rules', 'check', '--config', dir], env);
      expect(first.code).toBe(0);
      expect(readdirSync(path.join(work, 'cache', 'config')).length).toBeGreaterThan(0);
      expect(await runVigie(['rules', 'check', '--config', dir], env)).toEqual(first);
      const rules = path.join(dir, 'rules.yaml');
      writeFileSync(rules, readFileSync(rules, 'utf8').replace(/regions: \[/, 'regions: [irak, '));
      const edited = await runVigie(['rules', 'check', '--config', dir], env);
      expect(edited.code).toBe(1);
      expect(edited.stderr).toContain('unknown region "irak"');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
