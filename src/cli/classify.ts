// `vigie classify FILE...`: one JSON line per file with its language, regions and matching rules (a contract).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { isHtmlName } from '../articles/document.ts';
import { ConfigError, UserError } from '../lib/errors.ts';
import type { ClassifiedRun } from './classify-lines.ts';
import type { RunRequest, WorkerMessage } from './classify-worker.ts';
import { configDirOption } from './options.ts';

/** Files handed to a thread at a time: small enough to share the work evenly, large enough to cost nothing. */
const RUN_FILES = 32;
/**
 * Files per thread by default. A worker thread takes 0.3-0.5 s to start (its modules, its matcher)
 * and warms its JIT up on its own: on a 2-core AMD EPYC machine a second thread was 9 % slower
 * than one at 3,000 files of 5 kB, 7 % faster at 6,000 and 25 % at 12,000; on a 2-vCPU Intel one it
 * paid from about 2,000 (BENCHMARKS.md).
 */
const FILES_PER_THREAD = 2_000;
const MAX_THREADS = 8;

export function registerClassifyCommand(program: Command): void {
  program
    .command('classify')
    .description('classify article files (.txt, .html, .json; - for stdin) against the rules')
    .argument('<files...>', 'article files; a .txt file has its title on the first line')
    .option('--config <dir>', 'config directory', configDirOption())
    .option(
      '--jobs <n>',
      `threads to classify on: the main thread and N - 1 worker threads (default: one per ${FILES_PER_THREAD} files, at most one per core)`,
      parseJobs,
    )
    .action(async (files: string[], options: { config: string; jobs?: number }) => {
      const runs = runsOf(files);
      const output = new OrderedOutput(runs.count);
      const threads = threadCount(files, options.jobs);
      if (threads === 1) await classifyHere(runs, output, options.config, files);
      else await classifyOnWorkers(runs, output, options.config, files, threads - 1);
      if (output.failed > 0) process.exitCode = 1;
    });
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    throw new InvalidArgumentError('expected a whole number from 1 to 64.');
  }
  return jobs;
}

/** `--jobs`, else one thread per FILES_PER_THREAD files up to the cores; one for standard input. */
function threadCount(files: string[], jobs: number | undefined): number {
  if (files.includes('-')) return 1;
  const wanted =
    jobs ??
    Math.min(availableParallelism(), MAX_THREADS, Math.floor(files.length / FILES_PER_THREAD));
  return Math.max(1, Math.min(wanted, Math.ceil(files.length / RUN_FILES)));
}

async function classifyHere(
  runs: Runs,
  output: OrderedOutput,
  config: string,
  files: string[],
): Promise<void> {
  const classify = await prepareHere(config, files);
  for (let index = runs.take(); index !== undefined; index = runs.take()) {
    output.add(index, classify(runs.files(index)));
  }
}

/** This thread's matcher and reader, ready to classify runs of files. */
async function prepareHere(
  config: string,
  files: string[],
): Promise<(files: string[]) => ClassifiedRun> {
  // Imported here: a worker thread starts sooner while this one still loads them.
  const [{ loadMatcher }, { classifyRun }] = await Promise.all([
    import('../config/matcher-cache.ts'),
    import('./classify-lines.ts'),
  ]);
  // Compiled once per config and build, then read from the config cache (30–50 ms, not 0.3–0.4 s).
  const matcher = await loadMatcher(config);
  const stdin = files.includes('-') ? await readStdin() : undefined;
  // cheerio only when a page is to be read.
  const readHtml = files.some(isHtmlName)
    ? (await import('../articles/html-document.ts')).readHtmlDocument
    : undefined;
  return (run) => classifyRun(matcher, run, readHtml, stdin);
}

/**
 * This thread classifies runs of files as in one thread, and `workers` worker threads take runs
 * beside it once each has loaded its own matcher. A worker is sent runs two ahead so that it never
 * waits; this thread takes one at a time and, between two, writes out the lines the workers sent.
 * A worker takes 0.3–0.5 s to start: until then this thread alone classifies, so a short batch
 * costs no more than in one thread.
 */
async function classifyOnWorkers(
  runs: Runs,
  output: OrderedOutput,
  config: string,
  files: string[],
  count: number,
): Promise<void> {
  const workers = Array.from({ length: count }, () => startWorker(config));
  let failed = false;
  try {
    const written = new Promise<void>((resolve, reject) => {
      output.onComplete = resolve;
      for (const worker of workers) {
        let pending = 0;
        const send = () => {
          const index = runs.take();
          if (index === undefined) return;
          worker.postMessage({ index, files: runs.files(index) } satisfies RunRequest);
          pending++;
        };
        worker.on('message', (message: WorkerMessage) => {
          if (message.kind === 'config') reject(new ConfigError(message.problems));
          else if (message.kind === 'user') reject(new UserError(message.message));
          else if (message.kind === 'ready') {
            send();
            send();
          } else {
            pending--;
            output.add(message.index, message);
            send();
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          // A thread that sent a mistake or threw has rejected already: this is for one that stops
          // with runs in hand.
          if (pending > 0) {
            reject(new Error(`classify: a worker thread stopped early (exit code ${code})`));
          }
        });
      }
    });
    const here = (async () => {
      const classify = await prepareHere(config, files);
      for (let index = runs.take(); index !== undefined && !failed; index = runs.take()) {
        output.add(index, classify(runs.files(index)));
        // The workers' messages are handled here, between two runs.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all([here, written]);
  } catch (error) {
    // A worker's failure stops this thread's runs too: nothing more is written after the error.
    failed = true;
    throw error;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * A thread running classify-worker: bundled, dist/cli/classify-worker.js (this module is in
 * dist/chunks/); from the sources (bin/vigie through tsx), the .ts file with tsx registered in the
 * thread first, since a worker does not inherit the main thread's module hooks.
 */
function startWorker(config: string): Worker {
  const options = { workerData: { config } };
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('../cli/classify-worker.js', import.meta.url), options);
  }
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const worker = JSON.stringify(new URL('./classify-worker.ts', import.meta.url).href);
  const code = `import(${tsx}).then((tsx) => { tsx.register(); return import(${worker}); });`;
  return new Worker(code, { ...options, eval: true });
}

interface Runs {
  count: number;
  files(index: number): string[];
  /** The next run no thread has taken, or undefined when all are taken. */
  take(): number | undefined;
}

function runsOf(files: string[]): Runs {
  const count = Math.ceil(files.length / RUN_FILES);
  let next = 0;
  return {
    count,
    files: (index) => files.slice(index * RUN_FILES, (index + 1) * RUN_FILES),
    take: () => (next < count ? next++ : undefined),
  };
}

/**
 * The runs' lines written in the files' order whatever order they are classified in, each failure
 * reported on stderr once the lines before it are written; a run waits in memory until those before
 * it are out.
 */
class OrderedOutput {
  failed = 0;
  /** Called once every run is written. */
  onComplete = () => {};
  private readonly done: (ClassifiedRun | undefined)[];
  private written = 0;

  constructor(count: number) {
    this.done = new Array(count);
  }

  get complete(): boolean {
    return this.written === this.done.length;
  }

  add(index: number, run: ClassifiedRun): void {
    this.done[index] = run;
    for (let next = this.done[this.written]; next; next = this.done[this.written]) {
      this.done[this.written++] = undefined;
      this.write(next);
    }
    if (this.complete) this.onComplete();
  }

  private write({ bytes, length, failures }: ClassifiedRun): void {
    let from = 0;
    for (const { at, message } of failures) {
      // The lines before a failure are handed to stdout first; two pipes do not keep their order
      // to each other, but a file or a terminal takes these writes as they come.
      if (at > from) process.stdout.write(bytes.subarray(from, at));
      process.stderr.write(`vigie: ${message}\n`);
      from = at;
      this.failed++;
    }
    if (length > from) process.stdout.write(bytes.subarray(from, length));
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
