// sweep-deliveries: every 15 s, offers each delivery still owed to its sender again, so that no
// alert or digest is lost to a job that gave up (a long mail outage), was lost, or whose sender died.
import type { Deps } from '../deps.ts';
import { leasePolicy } from '../notify/lease.ts';
import { parsePayload, QUEUE, reofferDelivery, ScheduleJobSchema } from '../queues/index.ts';
import { listUndelivered } from '../store/deliveries.ts';
import type { WorkerSpec } from './spec.ts';

export interface SweepDeliveriesResult {
  reoffered: number;
}

export interface SweepLimits {
  /** Offered again at most per sweep: a backlog drains over a few minutes instead of one burst. */
  reoffers: number;
  /** Owed deliveries read per query. */
  pageSize: number;
  /** Owed deliveries looked at per sweep, offered or still in hand: bounds one sweep's work. */
  scanned: number;
}

const SWEEP_LIMITS: SweepLimits = { reoffers: 500, pageSize: 500, scanned: 20_000 };

export const sweepDeliveriesWorker: WorkerSpec<SweepDeliveriesResult> = {
  queue: QUEUE.sweepDeliveries,
  concurrency: 1,
  process: (deps, job) => {
    parsePayload(ScheduleJobSchema, QUEUE.sweepDeliveries, job.data);
    return sweepDeliveries(deps, SWEEP_LIMITS);
  },
};

/**
 * Offers each owed delivery whose job is gone (or finished) to its sender again, oldest first.
 * Pages through the owed ones: a page full of deliveries whose jobs are still waiting or retrying
 * (a long mail outage) must not hide newer ones whose job was lost.
 */
export async function sweepDeliveries(
  deps: Deps,
  limits: SweepLimits,
): Promise<SweepDeliveriesResult> {
  const now = deps.clock.now();
  // A pending delivery younger than one lease may have its first job on the way (enqueued just
  // after the row's commit). Older, a job still waiting or retrying keeps it in hand (below), and
  // one offered twice runs once: job ids are per delivery.
  const { leaseMs } = leasePolicy(deps.env.workerLockMs);
  const since = { pendingBefore: new Date(now.getTime() - leaseMs), leaseEndedBefore: now };
  const reoffered: number[] = [];
  let afterId = 0;
  for (let scanned = 0; scanned < limits.scanned && reoffered.length < limits.reoffers; ) {
    const page = await listUndelivered(deps.store.db, {
      ...since,
      afterId,
      limit: limits.pageSize,
    });
    for (const delivery of page) {
      if (reoffered.length >= limits.reoffers) break;
      // A delivery whose job is still waiting or retrying is owed but in hand: only the others count.
      if (await reofferDelivery(deps.queues, delivery)) reoffered.push(delivery.id);
    }
    if (page.length < limits.pageSize) break;
    scanned += page.length;
    afterId = page[page.length - 1]?.id ?? afterId;
  }
  if (reoffered.length > 0) deps.log.warn({ deliveries: reoffered }, 'deliveries offered again');
  return { reoffered: reoffered.length };
}
