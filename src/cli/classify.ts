// `vigie classify FILE...`: one JSON line per file with its language, regions and matching rules (a contract).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Command } from 'commander';
import { type ArticleDocument, isHtmlName, readDocument } from '../articles/document.ts';
import { ARTICLE_LANGUAGE } from '../articles/language.ts';
import { configCacheKey, loadConfig } from '../config/load.ts';
import { UserError } from '../lib/errors.ts';
import type { Matcher } from '../rules/compile.ts';
import { matchArticle, type RegionCount } from '../rules/match.ts';
import { compiledMatcherBytes, compileMatcherCached } from '../rules/matcher-cache.ts';
import { configDirOption } from './options.ts';

/** The contract's line: other tools parse it, so keys and order are fixed. */
export interface ClassifyLine {
  file: string;
  lang: string | null;
  regions: RegionCount[];
  /** The regions the article is about (named in its title or lead, or often): see rules/focus.ts. */
  focus: string[];
  rules: { id: string; score: number; terms: string[]; regions: string[]; focus: string[] }[];
}

export function registerClassifyCommand(program: Command): void {
  program
    .command('classify')
    .description('classify article files (.txt, .html, .json; - for stdin) against the rules')
    .argument('<files...>', 'article files; a .txt file has its title on the first line')
    .option('--config <dir>', 'config directory', configDirOption())
    .action(async (files: string[], options: { config: string }) => {
      const config = await loadConfig(options.config);
      const input = { rules: config.rules, regions: config.regions, focus: config.focus };
      const threads = threadCount(files);
      const output = new LineBuffer();
      let failed = 0;
      try {
        if (threads > 1) {
          const bytes = compiledMatcherBytes(input, configCacheKey(config));
          failed = await classifyInThreads(bytes, files, threads, output);
        } else {
          // Compiled once per config and build, then read from the config cache (a tenth of the time).
          const matcher = compileMatcherCached(input, configCacheKey(config));
          const classify = await fileClassifier(matcher, files);
          for (const file of files) {
            const item = await classify(file);
            if (!output.add(item)) failed++;
          }
        }
      } finally {
        output.flush();
      }
      if (failed > 0) process.exitCode = 1;
    });
}

/** One file's outcome: its JSON line, or the message of a problem with it (a UserError). */
export type FileOutcome = { line: string } | { error: string };

/** Classifies a file into its outcome; cheerio is loaded only when a page is among `files`. */
export async function fileClassifier(
  matcher: Matcher,
  files: readonly string[],
): Promise<(file: string) => Promise<FileOutcome>> {
  const readHtml = files.some(isHtmlName)
    ? (await import('../articles/html-document.ts')).readHtmlDocument
    : undefined;
  return async (file) => {
    try {
      const document = readDocument(file, await readInput(file), readHtml);
      return { line: `${JSON.stringify(classifyDocument(matcher, file, document))}\n` };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return { error: error.message };
    }
  };
}

/** Files per message to a thread: enough to make the round trip negligible, few enough to share out evenly. */
const BATCH = 100;
/** With `auto`: below this many files per thread, fewer threads (a thread costs ~0.25 s of CPU to start). */
const MIN_FILES_PER_THREAD = 500;
const MAX_THREADS = 4;

/**
 * How many threads classify `files`: VIGIE_CLASSIFY_THREADS, a number or `auto` (one per core, at
 * most four, with 500 files each or more); one when it is unset: on the shared 2-core machine of
 * BENCHMARKS.md, two threads were no faster than one (each one's start and JIT warm-up cost
 * ~0.25 s of CPU). Always one when stdin is among the files, and under tsx (its loader does not
 * reach worker threads on Node 20).
 */
function threadCount(files: readonly string[]): number {
  const asked = process.env.VIGIE_CLASSIFY_THREADS?.trim();
  if (!asked || files.includes('-') || UNDER_TSX) return 1;
  if (asked === 'auto') {
    const share = Math.floor(files.length / MIN_FILES_PER_THREAD);
    return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, share));
  }
  const count = Number(asked);
  if (!Number.isInteger(count) || count < 1) {
    throw new UserError(
      `VIGIE_CLASSIFY_THREADS: expected auto or a whole number ≥ 1, got "${asked}"`,
    );
  }
  return Math.min(count, Math.ceil(files.length / BATCH));
}

/**
 * Classifies `files` in worker threads (classify-worker.ts), each decoding the compiled matcher
 * from `bytes`, batch by batch; the outcomes are written in the order of the files. Resolves to
 * the number of files that failed.
 */
async function classifyInThreads(
  bytes: Buffer,
  files: string[],
  threads: number,
  output: LineBuffer,
): Promise<number> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const done = new Map<number, FileOutcome[]>();
  let written = 0;
  let failed = 0;
  const writeReady = () => {
    for (let outcomes = done.get(written); outcomes; outcomes = done.get(written)) {
      for (const outcome of outcomes) if (!output.add(outcome)) failed++;
      done.delete(written++);
    }
  };
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let idle = 0;
      const feed = (worker: Worker) => {
        if (next < batches.length) {
          worker.postMessage({ batch: next, files: batches[next++] });
        } else if (++idle === workers.length) {
          resolve();
        }
      };
      for (let t = 0; t < threads; t++) {
        const worker = new Worker(WORKER_URL, { workerData: { matcher: bytes, files } });
        workers.push(worker);
        worker.on('message', (message: WorkerReply) => {
          if ('fatal' in message) {
            reject(new Error(message.fatal));
            return;
          }
          done.set(message.batch, message.outcomes);
          writeReady();
          feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`classify thread exited with code ${code}`));
        });
      }
      for (const worker of workers) feed(worker);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return failed;
}

/** What a classify thread answers: a batch's outcomes in order, or why it cannot go on. */
export type WorkerReply = { batch: number; outcomes: FileOutcome[] } | { fatal: string };

const UNDER_TSX = import.meta.url.endsWith('.ts');

/** In dist/, this code is in a chunk under dist/chunks/, and the thread's entry is dist/cli/classify-worker.js. */
const WORKER_URL = new URL('../cli/classify-worker.js', import.meta.url);

export function classifyDocument(
  matcher: Matcher,
  file: string,
  document: ArticleDocument,
): ClassifyLine {
  const article = { title: document.title, text: document.text, lang: document.lang };
  // The line has no positions; the language is detected from the words the match reads anyway.
  const result = matchArticle(matcher, article, { hits: false, detectLanguage: ARTICLE_LANGUAGE });
  return {
    file,
    lang: result.lang,
    regions: result.regions,
    focus: result.focus,
    rules: result.rules.map(({ id, score, terms, regions, focus }) => ({
      id,
      score,
      terms,
      regions,
      focus,
    })),
  };
}

/**
 * Lines written to stdout some 64 kB at a time: a write to a pipe or a file is a system call, and
 * one per article was a tenth of a run's time on thousands of small files.
 */
class LineBuffer {
  private lines: string[] = [];
  private size = 0;

  /** Writes an outcome: a line is buffered, an error written after the lines before it; false for an error. */
  add(outcome: FileOutcome): boolean {
    if ('error' in outcome) {
      this.flush();
      process.stderr.write(`vigie: ${outcome.error}\n`);
      return false;
    }
    this.lines.push(outcome.line);
    this.size += outcome.line.length;
    if (this.size >= 65_536) this.flush();
    return true;
  }

  flush(): void {
    if (this.lines.length === 0) return;
    process.stdout.write(this.lines.join(''));
    this.lines = [];
    this.size = 0;
  }
}

/**
 * A file is read synchronously: fs/promises' readFile opens, stats and reads through the thread
 * pool in several round trips, which took a third of the time of classifying a 5 kB article.
 */
async function readInput(file: string): Promise<Buffer> {
  try {
    return file === '-' ? await readStdin() : readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read (${code ?? (error as Error).message})`);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
