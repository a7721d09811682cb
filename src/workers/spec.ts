// What a worker file exports: its queue, its concurrency, and its processor over Deps.
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import type { QueueName } from '../queues/index.ts';

export interface WorkerSpec<Result = unknown> {
  queue: QueueName;
  /** Jobs at once in one process: I/O-bound fetches many, CPU-bound matching few. */
  concurrency: number;
  process(deps: Deps, job: Job, signal?: AbortSignal): Promise<Result>;
}

/** True when BullMQ will not retry this job if it throws now. */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** A job run again after a crash or a failure: follow-ups may have been lost, so re-offer them. */
export function isRerun(job: Job): boolean {
  return job.attemptsStarted > 1 || job.attemptsMade > 0;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Errors their worker logged already: the failed-job handler does not log them a second time. */
const LOGGED = new WeakSet<Error>();

export function markLogged<E extends Error>(error: E): E {
  LOGGED.add(error);
  return error;
}

export function isLogged(error: Error): boolean {
  return LOGGED.has(error);
}
