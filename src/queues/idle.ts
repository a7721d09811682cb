// Waiting for queues to drain: re-counted on every job event, never by sleeping.
import type { EventEmitter } from 'node:events';
import type { Queue } from 'bullmq';

/** States in which a job still has work ahead of it. */
const PENDING_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

export async function countPendingJobs(queues: readonly Queue[]): Promise<number> {
  const counts = await Promise.all(queues.map((queue) => queue.getJobCounts(...PENDING_STATES)));
  return counts.reduce((sum, count) => sum + Object.values(count).reduce((a, b) => a + b, 0), 0);
}

/**
 * Resolves once no job of `queues` is pending. Counts are taken now and again after each
 * 'completed' or 'failed' event of `sources` (Workers or QueueEvents): a job adds its follow-ups
 * before it completes, so a count of zero after an event means the chain has run dry.
 */
export function waitUntilIdle(
  queues: readonly Queue[],
  sources: readonly EventEmitter[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    let checking = false;
    let again = false;
    const stop = () => {
      for (const source of sources) {
        source.off('completed', check);
        source.off('failed', check);
      }
    };
    async function check(): Promise<void> {
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      try {
        do {
          again = false;
          if ((await countPendingJobs(queues)) === 0) {
            stop();
            resolve();
            return;
          }
        } while (again);
      } catch (error) {
        stop();
        reject(error);
      } finally {
        checking = false;
      }
    }
    for (const source of sources) {
      source.on('completed', check);
      source.on('failed', check);
    }
    void check();
  });
}
