// Classification through the command: `./bin/vigie classify DIR/*.txt` (dist/) as a child process on
// N generated 5 kB articles, with 10 and 1,000 generated rules beside the shipped gazetteer and its
// depth, next to a bare read-and-fold process over the same files (bench/read-fold.ts) in the same
// run, the configurations taking turns. Each is also run on one file, to tell its start apart.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { stringify } from 'yaml';
import { buildDist } from '../scripts/build.ts';
import { describeTermProblem } from '../src/config/term-checks.ts';
import type { RuleSpec } from '../src/rules/types.ts';
import { buildCorpus, generateRules } from './classify.ts';

const ROOT = path.join(import.meta.dirname, '..');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 3_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** VIGIE_BENCH_BASE=/other/checkout (built) also runs its `vigie classify` at 1,000 rules, for before/after. */
const BASE = process.env.VIGIE_BENCH_BASE;
/** Measures a child's CPU time (user + system) where it is installed (Debian's `time` package). */
const TIME = '/usr/bin/time';
/** The shipped config files the generated rules are set beside. */
const SHIPPED = ['feeds.yaml', 'notify.yaml', 'regions.yaml', 'regions.depth.json'];

export interface CommandRow {
  name: string;
  /** Median wall time of the whole run on every file, and on one file (its start), in seconds. */
  allSeconds: number;
  startSeconds: number;
  /** Median CPU time (user + system) of the run on every file and on one, when measurable. */
  allCpuSeconds: number | undefined;
  startCpuSeconds: number | undefined;
  articlesPerSecond: number;
  /** Articles per second once started: (all − start) over N − 1 articles. */
  afterStartPerSecond: number;
}

export interface CommandFigures {
  articles: number;
  megabytes: number;
  rows: CommandRow[];
  /** With VIGIE_BENCH_BASE: whether both checkouts print the same bytes, at 10 and at 1,000 rules. */
  sameAsBase: { rules: number; same: boolean }[];
}

interface Subject {
  name: string;
  command: string[];
  env?: Record<string, string>;
}

export async function benchClassifyCommand(): Promise<CommandFigures> {
  await buildDist();
  const work = mkdtempSync(path.join(tmpdir(), 'vigie-bench-classify-'));
  try {
    const corpus = buildCorpus(ARTICLES);
    const articles = path.join(work, 'articles');
    mkdirSync(articles);
    const files = corpus.map((article, i) => {
      const file = path.join(articles, `${String(i).padStart(5, '0')}.txt`);
      writeFileSync(file, `${article.title}\n${article.text}\n`);
      return file;
    });
    const megabytes =
      corpus.reduce((sum, a) => sum + Buffer.byteLength(a.title) + Buffer.byteLength(a.text), 0) /
      1e6;
    const configs = [10, 1_000].map((count) => writeConfig(work, count));
    const readFold = await bundleReadFold(work);
    const subjects: Subject[] = [
      { name: 'read and fold every word (the floor)', command: [process.execPath, readFold] },
      ...configs.map(({ count, dir }) => ({
        name: `vigie classify, ${count.toLocaleString('en')} rules + gazetteer and depth`,
        command: ['./bin/vigie', 'classify', '--config', dir],
      })),
      // The default shares the files among worker threads, one per core: the same in one thread.
      {
        name: 'vigie classify --jobs 1 (one thread), 1,000 rules + gazetteer and depth',
        command: ['./bin/vigie', 'classify', '--jobs', '1', '--config', configs[1]?.dir ?? ''],
      },
      ...(BASE
        ? [
            {
              name: `vigie classify at ${path.basename(BASE)} (before), 1,000 rules + gazetteer and depth`,
              command: [
                path.join(BASE, 'bin', 'vigie'),
                'classify',
                '--config',
                configs[1]?.dir ?? '',
              ],
            },
          ]
        : []),
    ];
    const env = { ...process.env, VIGIE_CACHE_DIR: path.join(work, 'cache') };
    // Fills the config cache, as any earlier run would have.
    for (const subject of subjects) run(subject, files.slice(0, 1), env);
    const all = subjects.map(() => [] as Timing[]);
    const start = subjects.map(() => [] as Timing[]);
    for (let round = 0; round < ROUNDS; round++) {
      subjects.forEach((subject, i) => {
        all[i]?.push(run(subject, files, env));
        start[i]?.push(run(subject, files.slice(0, 1), env));
      });
    }
    const rows = subjects.map((subject, i) => {
      const allSeconds = median((all[i] ?? []).map((t) => t.seconds));
      const startSeconds = median((start[i] ?? []).map((t) => t.seconds));
      return {
        name: subject.name,
        allSeconds,
        startSeconds,
        allCpuSeconds: medianCpu(all[i] ?? []),
        startCpuSeconds: medianCpu(start[i] ?? []),
        articlesPerSecond: files.length / allSeconds,
        afterStartPerSecond: (files.length - 1) / (allSeconds - startSeconds),
      };
    });
    const sameAsBase = BASE
      ? configs.map(({ count, dir }) => ({ rules: count, same: sameOutput(BASE, dir, files, env) }))
      : [];
    return { articles: files.length, megabytes, rows, sameAsBase };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A config directory: the shipped gazetteer, depth, feeds and notify, and `count` generated rules. */
function writeConfig(work: string, count: number): { count: number; dir: string } {
  const dir = path.join(work, `config-${count}`);
  mkdirSync(dir);
  for (const name of SHIPPED) copyFileSync(path.join(ROOT, 'config', name), path.join(dir, name));
  writeFileSync(path.join(dir, 'rules.yaml'), stringify({ rules: validRules(count) }));
  return { count, dir };
}

/**
 * bench/classify.ts's generated rules, each term `rules check` rejects (a word only ever written
 * elided, "jusqu") replaced by a made-up word, so that the command accepts them.
 */
function validRules(count: number): RuleSpec[] {
  let replaced = 0;
  const fix = (term: string) => (describeTermProblem(term) ? `motvalide${replaced++}` : term);
  return generateRules(count).map((rule) => ({
    ...rule,
    match: {
      all: (rule.match.all ?? []).map((item) =>
        typeof item === 'object' && 'any' in item ? { any: (item.any as string[]).map(fix) } : item,
      ),
      none: ((rule.match.none ?? []) as string[]).map(fix),
    },
  }));
}

/** bench/read-fold.ts bundled as dist/ is. */
async function bundleReadFold(work: string): Promise<string> {
  const out = path.join(work, 'read-fold');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['bench/read-fold.ts'],
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return path.join(out, 'read-fold.js');
}

/**
 * Whether `vigie classify` prints the same bytes here and at checkout `base` over `files`: a change
 * made for speed must not change what is computed.
 */
function sameOutput(
  base: string,
  config: string,
  files: string[],
  env: NodeJS.ProcessEnv,
): boolean {
  const outputs = [ROOT, base].map(
    (root) =>
      spawnSync(path.join(root, 'bin', 'vigie'), ['classify', '--config', config, ...files], {
        cwd: ROOT,
        env,
        maxBuffer: 1 << 30,
      }).stdout,
  );
  const [here, there] = outputs;
  return here !== undefined && there !== undefined && here.length > 0 && here.equals(there);
}

interface Timing {
  seconds: number;
  cpuSeconds: number | undefined;
}

/** Seconds of one run on `files`, its output read through a pipe and checked: one line per file. */
function run(subject: Subject, files: string[], env: NodeJS.ProcessEnv): Timing {
  const timed = existsSync(TIME) ? [TIME, '-f', 'bench-cpu %U %S'] : [];
  const [command = '', ...args] = [...timed, ...subject.command];
  const started = performance.now();
  const result = spawnSync(command, [...args, ...files], {
    cwd: ROOT,
    env: { ...env, ...subject.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - started) / 1000;
  const lines = result.stdout?.toString('utf8').split('\n').filter(Boolean).length ?? 0;
  if (result.status !== 0 || lines !== files.length) {
    throw new Error(
      `bench classify-command: ${subject.name} exited ${result.status} with ${lines} lines for ${files.length} files: ${result.stderr}`,
    );
  }
  const cpu = /bench-cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr?.toString('utf8') ?? '');
  return { seconds, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined };
}

function medianCpu(timings: Timing[]): number | undefined {
  const cpu = timings.map((t) => t.cpuSeconds);
  return cpu.every((s) => s !== undefined) ? median(cpu as number[]) : undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
