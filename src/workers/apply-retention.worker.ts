// apply-retention: run by the 'retention' job scheduler every hour; applies feeds.yaml's `retention` in small batches.
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { parsePayload, QUEUE, ScheduleJobSchema } from '../queues/index.ts';
import { type PurgeCounts, purgeExpired, retentionCutoffs } from '../store/retention.ts';
import type { WorkerSpec } from './spec.ts';

export const applyRetentionWorker: WorkerSpec<PurgeCounts> = {
  queue: QUEUE.applyRetention,
  concurrency: 1,
  process: applyRetention,
};

/** Deleting twice is deleting once: two processes running it at once only share the batches. */
async function applyRetention(deps: Deps, job: Job): Promise<PurgeCounts> {
  parsePayload(ScheduleJobSchema, QUEUE.applyRetention, job.data);
  const cutoffs = retentionCutoffs(deps.config.retention, deps.clock.now());
  const counts = await purgeExpired(deps.store.db, cutoffs);
  if (Object.values(counts).some((n) => n > 0)) deps.log.info(counts, 'retention applied');
  return counts;
}
