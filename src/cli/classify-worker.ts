// A thread of `vigie classify` (see classifyInThreads in classify.ts): decodes the compiled matcher
// it is handed, then classifies the batches of files it is sent, answering each with its outcomes.
import { parentPort, workerData } from 'node:worker_threads';
import { decodeMatcher } from '../rules/matcher-cache.ts';
import { type FileOutcome, fileClassifier, type WorkerReply } from './classify.ts';

const port = parentPort;
if (!port) throw new Error('classify-worker: not started as a worker thread');
const data = workerData as { matcher: Uint8Array; files: string[] };

try {
  const matcher = decodeMatcher(
    Buffer.from(data.matcher.buffer, data.matcher.byteOffset, data.matcher.byteLength),
  );
  const classify = await fileClassifier(matcher, data.files);
  port.on('message', async (message: { batch: number; files: string[] }) => {
    try {
      const outcomes: FileOutcome[] = [];
      for (const file of message.files) outcomes.push(await classify(file));
      port.postMessage({ batch: message.batch, outcomes } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({ fatal: describe(error) } satisfies WorkerReply);
    }
  });
} catch (error) {
  port.postMessage({ fatal: describe(error) } satisfies WorkerReply);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
