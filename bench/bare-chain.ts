// The queue layer's own limit: three no-op BullMQ stages shaped like fetch-feed → fetch-article → classify-article.
//
// Run as a child process by bench/pipeline.ts (BENCH_PREFIX, REDIS_URL); prints "ready" once its
// workers listen, and closes them on SIGTERM. The parent adds the first stage's jobs and waits.
import { type Job, Queue, Worker } from 'bullmq';
import { connectRedis } from '../src/deps.ts';
import { DEFAULT_JOB_OPTIONS } from '../src/queues/index.ts';
import { classifyArticleWorker } from '../src/workers/classify-article.worker.ts';
import { fetchArticleWorker } from '../src/workers/fetch-article.worker.ts';
import { fetchFeedWorker } from '../src/workers/fetch-feed.worker.ts';

/** Queue names and the pipeline stage whose concurrency each one borrows. */
export const BARE_STAGES = [
  { queue: 'bare-a', concurrency: fetchFeedWorker.concurrency },
  { queue: 'bare-b', concurrency: fetchArticleWorker.concurrency },
  { queue: 'bare-c', concurrency: classifyArticleWorker.concurrency },
] as const;

/** A first-stage job: a "feed" that fans out into `items` second-stage jobs, one per "article". */
export interface BareFeedJob {
  feed: number;
  items: number;
}

async function main(): Promise<void> {
  const prefix = process.env.BENCH_PREFIX ?? 'vigie-bench-bare';
  const connection = await connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const options = { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
  const queueB = new Queue('bare-b', options);
  const queueC = new Queue('bare-c', options);
  // Sequential adds with ids, as fetch-feed and fetch-article enqueue their follow-ups.
  const processors: Record<string, (job: Job) => Promise<void>> = {
    'bare-a': async (job) => {
      const { feed, items } = job.data as BareFeedJob;
      for (let i = 0; i < items; i++) {
        const id = feed * items + i + 1;
        await queueB.add('bare-b', { articleId: id }, { jobId: `bare-b-${id}` });
      }
    },
    'bare-b': async (job) => {
      const { articleId } = job.data as { articleId: number };
      await queueC.add('bare-c', { articleId }, { jobId: `bare-c-${articleId}` });
    },
    'bare-c': async () => undefined,
  };
  const workers = BARE_STAGES.map(
    (stage) =>
      new Worker(stage.queue, processors[stage.queue], {
        connection,
        prefix,
        concurrency: stage.concurrency,
      }),
  );
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void Promise.all(workers.map((worker) => worker.close()))
      .then(() => Promise.all([queueB.close(), queueC.close()]))
      .then(() => connection.quit())
      .then(() => process.exit(0));
  });
}

if (process.argv[1]?.endsWith('bare-chain.ts')) await main();
