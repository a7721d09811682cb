// A worker thread of `vigie classify --jobs N` (see classify.ts): loads the matcher from the config
// cache, then classifies each run of files it is sent and sends back their lines.
import { parentPort, workerData } from 'node:worker_threads';
import { type HtmlReader, isHtmlName } from '../articles/document.ts';
import { loadMatcher } from '../config/matcher-cache.ts';
import { ConfigError, UserError } from '../lib/errors.ts';
import type { Matcher } from '../rules/compile.ts';
import { classifyRun } from './classify-lines.ts';

/** What the main thread sends: a run of files, by its place in the order of output. */
export interface RunRequest {
  index: number;
  files: string[];
}

/** What a worker sends: ready, a run's lines (their buffer handed over, not copied), or a user's mistake. */
export type WorkerMessage =
  | { kind: 'ready' }
  | {
      kind: 'run';
      index: number;
      bytes: Uint8Array;
      length: number;
      failures: { at: number; message: string }[];
    }
  | { kind: 'config'; problems: string[] }
  | { kind: 'user'; message: string };

if (!parentPort) throw new Error('classify-worker: not started as a worker thread');
const port = parentPort;
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

let matcher: Matcher | undefined;
try {
  matcher = await loadMatcher((workerData as { config: string }).config);
} catch (error) {
  // Errors cross threads as plain objects: a user's mistake is sent as such, to be printed as such.
  if (error instanceof ConfigError) send({ kind: 'config', problems: error.problems });
  else if (error instanceof UserError) send({ kind: 'user', message: error.message });
  else throw error;
}
if (matcher) serve(matcher);

/** Classifies each run it is sent; without a matcher the thread, left with nothing to do, ends. */
function serve(matcher: Matcher): void {
  let readHtml: HtmlReader | undefined;
  port.on('message', async ({ index, files }: RunRequest) => {
    if (!readHtml && files.some(isHtmlName)) {
      readHtml = (await import('../articles/html-document.ts')).readHtmlDocument;
    }
    const run = classifyRun(matcher, files, readHtml);
    send({ kind: 'run', index, ...run }, [run.bytes.buffer as ArrayBuffer]);
  });
  send({ kind: 'ready' });
}
