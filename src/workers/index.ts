// Starts BullMQ workers over Deps for the queues asked for, with logging, metrics hooks and close.
import { type Job, Worker } from 'bullmq';
import type { Deps } from '../deps.ts';
import { type QueueName, queueKeyPrefix } from '../queues/index.ts';
import { applyRetentionWorker } from './apply-retention.worker.ts';
import { buildDigestWorker } from './build-digest.worker.ts';
import { classifyArticleWorker } from './classify-article.worker.ts';
import { evaluateAlertWorker } from './evaluate-alert.worker.ts';
import { fetchArticleWorker } from './fetch-article.worker.ts';
import { fetchFeedWorker } from './fetch-feed.worker.ts';
import { scheduleFeedsWorker } from './schedule-feeds.worker.ts';
import { sendAlertWorker } from './send-alert.worker.ts';
import { sendDigestWorker } from './send-digest.worker.ts';
import { errorMessage, isLogged, type WorkerSpec } from './spec.ts';
import { sweepArticlesWorker } from './sweep-articles.worker.ts';
import { sweepDeliveriesWorker } from './sweep-deliveries.worker.ts';

export const WORKERS: Record<QueueName, WorkerSpec> = {
  'schedule-feeds': scheduleFeedsWorker,
  'fetch-feed': fetchFeedWorker,
  'fetch-article': fetchArticleWorker,
  'classify-article': classifyArticleWorker,
  'evaluate-alert': evaluateAlertWorker,
  'send-alert': sendAlertWorker,
  'build-digest': buildDigestWorker,
  'send-digest': sendDigestWorker,
  'sweep-deliveries': sweepDeliveriesWorker,
  'sweep-articles': sweepArticlesWorker,
  'apply-retention': applyRetentionWorker,
};

export interface JobObserver {
  completed?(queue: QueueName, job: Job, result: unknown): void;
  /** Every failed attempt; `final` when BullMQ will not retry it. */
  failed?(queue: QueueName, job: Job | undefined, error: Error, final: boolean): void;
}

export interface StartWorkersOptions {
  observers?: JobObserver[] | undefined;
  /** BullMQ lockDuration (stall checks every half of it): how soon a dead worker's jobs are taken up again. */
  lockMs?: number | undefined;
}

export function startWorkers(
  deps: Deps,
  names: readonly QueueName[],
  options: StartWorkersOptions = {},
): Worker[] {
  return names.map((name) => startWorker(deps, WORKERS[name], options));
}

/** BullMQ's default job lock, renewed by a live worker every half of it. */
const DEFAULT_LOCK_MS = 30_000;

function startWorker(deps: Deps, spec: WorkerSpec, options: StartWorkersOptions): Worker {
  const lockMs = options.lockMs ?? deps.env.workerLockMs ?? DEFAULT_LOCK_MS;
  const worker = new Worker(spec.queue, (job, _token, signal) => spec.process(deps, job, signal), {
    connection: deps.connection,
    prefix: queueKeyPrefix(deps.prefix, spec.queue, deps.connection.isCluster),
    concurrency: spec.concurrency,
    lockDuration: lockMs,
    // Two stall checks per lock: a dead worker's job is back in the queue at most 1.5 locks after
    // its last renewal (45 s by default), where a check per lock (BullMQ's default) takes 2.
    stalledInterval: Math.ceil(lockMs / 2),
  });
  const observers = options.observers ?? [];
  // While Redis is away every worker reports each failed command: one line a second per cause.
  worker.on('error', (error) => {
    const err = errorMessage(error);
    deps.logRepeated('error', `worker:${err}`, { queue: spec.queue, err }, 'worker error');
  });
  worker.on('completed', (job, result) => {
    for (const observer of observers) observer.completed?.(spec.queue, job, result);
  });
  worker.on('failed', (job, error) => {
    const final =
      !job || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    const fields = {
      queue: spec.queue,
      jobId: job?.id,
      attempts: job?.attemptsMade,
      err: error.message,
    };
    // A worker that logged its own failure (a feed that cannot be fetched) said it in one line.
    if (isLogged(error)) return notifyFailed(observers, spec.queue, job, error, final);
    if (final) deps.log.error(fields, 'job failed, kept for inspection');
    // While a server is away, every job fails alike: summarised per queue and cause.
    else
      deps.logRepeated(
        'warn',
        `job:${spec.queue}:${error.message}`,
        fields,
        'job failed, will retry',
      );
    notifyFailed(observers, spec.queue, job, error, final);
  });
  return worker;
}

function notifyFailed(
  observers: JobObserver[],
  queue: QueueName,
  job: Job | undefined,
  error: Error,
  final: boolean,
): void {
  for (const observer of observers) observer.failed?.(queue, job, error, final);
}

/** Waits for active jobs to finish (BullMQ's close), or abandons them after `deadlineMs`. */
export async function closeWorkers(workers: Worker[], deadlineMs = 25_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  const closing = Promise.all(workers.map((worker) => worker.close()));
  const outcome = await Promise.race([closing.then(() => 'closed' as const), deadline]);
  clearTimeout(timer);
  // Forced: the active jobs' locks expire and another worker takes them up as stalled.
  if (outcome === 'late') await Promise.all(workers.map((worker) => worker.close(true)));
}
