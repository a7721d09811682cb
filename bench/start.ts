// Start time of `vigie --help` and `vigie classify FILE` against a bare `node -e 0`, measured in the
// same run (the machine's load moves all three alike), and where classify's start goes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { buildDist, hashSources } from '../scripts/build.ts';

const ROOT = path.join(import.meta.dirname, '..');
const FILE = 'tests/fixtures/fr-raid-anbar-2024-09.txt';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
/** VIGIE_BENCH_BASE=/other/checkout (built) also times its `vigie classify FILE`, for before/after. */
const BASE = process.env.VIGIE_BENCH_BASE;

interface Subject {
  name: string;
  command: string[];
  env?: Record<string, string>;
  rounds: number;
}

export interface StartFigures {
  rows: { name: string; medianMs: number; ratio: number }[];
  phases: { name: string; cachedMs: number; uncachedMs: number }[];
}

export async function benchStart(): Promise<StartFigures> {
  await buildDist();
  const cache = mkdtempSync(path.join(tmpdir(), 'vigie-bench-cache-'));
  try {
    const env = { VIGIE_CACHE_DIR: cache };
    const subjects: Subject[] = [
      { name: 'node -e 0', command: [process.execPath, '-e', '0'], rounds: ROUNDS },
      { name: 'vigie --help', command: ['./bin/vigie', '--help'], env, rounds: ROUNDS },
      {
        name: 'vigie classify FILE',
        command: ['./bin/vigie', 'classify', FILE],
        env,
        rounds: ROUNDS,
      },
      {
        name: 'vigie classify FILE, no config cache',
        command: ['./bin/vigie', 'classify', FILE],
        env: { VIGIE_CACHE_DIR: 'off' },
        rounds: ROUNDS,
      },
      ...(BASE
        ? [
            {
              name: `vigie classify FILE at ${path.basename(BASE)} (before)`,
              command: [path.join(BASE, 'bin', 'vigie'), 'classify', '--config', 'config', FILE],
              env,
              rounds: ROUNDS,
            },
          ]
        : []),
      {
        name: 'vigie --help through tsx (before)',
        command: ['./bin/vigie', '--help'],
        env: { VIGIE_TSX: '1' },
        rounds: 3,
      },
      {
        name: 'vigie classify FILE through tsx',
        command: ['./bin/vigie', 'classify', FILE],
        env: { VIGIE_TSX: '1', ...env },
        rounds: 3,
      },
    ];
    // Fills the config cache, as any earlier run would have.
    runOnce(subjects[2] as Subject);
    if (BASE) runOnce(subjects[4] as Subject);
    const samples = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const subject of subjects) {
        if (round < subject.rounds) samples.get(subject.name)?.push(runOnce(subject));
      }
    }
    const base = median(samples.get('node -e 0') ?? []);
    const rows = subjects.map((subject) => {
      const medianMs = median(samples.get(subject.name) ?? []);
      return { name: subject.name, medianMs, ratio: medianMs / base };
    });
    return { rows, phases: await measurePhases(cache) };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

function runOnce(subject: Subject): number {
  const [command = '', ...args] = subject.command;
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...subject.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`bench start: ${subject.name} exited ${result.status}: ${result.stderr}`);
  }
  return elapsed;
}

/**
 * bench/start-phases.ts bundled as dist/ is (into node_modules/.cache, where its packages resolve
 * as dist/'s do), then run in fresh processes with the config cache warm and off.
 */
async function measurePhases(cache: string): Promise<StartFigures['phases']> {
  const out = path.join(ROOT, 'node_modules', '.cache', 'vigie-bench-start');
  rmSync(out, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['bench/start-phases.ts'],
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    define: { 'process.env.VIGIE_BUILD_ID': JSON.stringify(hashSources(ROOT)) },
  });
  const run = (cacheDir: string) =>
    Array.from({ length: 5 }, () => {
      const output = execFileSync(process.execPath, [path.join(out, 'start-phases.js')], {
        cwd: ROOT,
        env: { ...process.env, VIGIE_CACHE_DIR: cacheDir },
        encoding: 'utf8',
      });
      return JSON.parse(output) as Record<string, number>;
    });
  const cached = run(cache);
  const uncached = run('off');
  rmSync(out, { recursive: true, force: true });
  return Object.keys(cached[0] ?? {}).map((name) => ({
    name,
    cachedMs: median(cached.map((times) => times[name] ?? 0)),
    uncachedMs: median(uncached.map((times) => times[name] ?? 0)),
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
