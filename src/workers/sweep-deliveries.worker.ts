// sweep-deliveries: every minute, offers each delivery still owed to its sender again, so that no
// alert or digest is lost to a job that gave up (a long mail outage) or a sender that died.
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { parsePayload, QUEUE, reofferDelivery, ScheduleJobSchema } from '../queues/index.ts';
import { CLAIM_STALE_MS, listUndelivered } from '../store/deliveries.ts';
import type { WorkerSpec } from './spec.ts';

export interface SweepDeliveriesResult {
  reoffered: number;
}

/** A pending delivery younger than this still has its first job on the way, or retrying. */
const PENDING_GRACE_MS = 5 * 60_000;
/** At most this many per sweep: a backlog drains over a few minutes instead of one burst. */
const SWEEP_LIMIT = 500;

export const sweepDeliveriesWorker: WorkerSpec<SweepDeliveriesResult> = {
  queue: QUEUE.sweepDeliveries,
  concurrency: 1,
  process: sweepDeliveries,
};

async function sweepDeliveries(deps: Deps, job: Job): Promise<SweepDeliveriesResult> {
  parsePayload(ScheduleJobSchema, QUEUE.sweepDeliveries, job.data);
  const now = deps.clock.now().getTime();
  const owed = await listUndelivered(deps.store.db, {
    pendingBefore: new Date(now - PENDING_GRACE_MS),
    staleBefore: new Date(now - CLAIM_STALE_MS),
    limit: SWEEP_LIMIT,
  });
  // A delivery whose job is still waiting or retrying is owed but in hand: only the others count.
  const reoffered: number[] = [];
  for (const delivery of owed) {
    if (await reofferDelivery(deps.queues, delivery)) reoffered.push(delivery.id);
  }
  if (reoffered.length > 0) deps.log.warn({ deliveries: reoffered }, 'deliveries offered again');
  return { reoffered: reoffered.length };
}
