// build-digest: store one run of a digest (period from the watermark to its latest cron time) and enqueue its sends.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { digestRules } from '../notify/digest-rules.ts';
import { digestPeriod } from '../notify/digest-window.ts';
import { DigestJobSchema, enqueueSendDigest, parsePayload, QUEUE } from '../queues/index.ts';
import { recordDigestRun } from '../store/digests.ts';
import { isRerun, type WorkerSpec } from './spec.ts';

export interface BuildDigestResult {
  digestId: string;
  /** The run (`digests.id`) this job made or found. */
  runId?: number;
  periodStart?: string;
  periodEnd?: string;
  events?: number;
  /** Sends enqueued: 0 for an empty period of a `skipEmpty` digest. */
  deliveries?: number;
  skipped?: string;
}

/**
 * An event's matched_at is taken before it is stored (after the story lock): one stamped just
 * before the period's end may commit a moment after the scheduler fires. Reading a few seconds
 * later keeps it in its own period; one committed later still is in the next run, which shows the
 * ids this run did not see (`digestEventFilter`). Only an insert in flight at the read itself (its
 * id below the highest seen, its commit after) can be in no run.
 */
const DIGEST_SETTLE_MS = 5_000;

export const buildDigestWorker: WorkerSpec<BuildDigestResult> = {
  queue: QUEUE.buildDigest,
  concurrency: 1,
  process: buildDigest,
};

async function buildDigest(deps: Deps, job: Job, signal?: AbortSignal): Promise<BuildDigestResult> {
  const { digestId } = parsePayload(DigestJobSchema, QUEUE.buildDigest, job.data);
  const spec = deps.config.notify.digests[digestId];
  if (!spec) return { digestId, skipped: 'not in notify.yaml' };
  const now = deps.clock.now();
  const schedule = { cron: spec.cron, timezone: spec.timezone, now };
  const latest = digestPeriod(schedule);
  const wait = latest ? latest.end.getTime() + DIGEST_SETTLE_MS - now.getTime() : 0;
  if (wait > 0) await sleep(wait, undefined, { signal });
  const outcome = await recordDigestRun(deps.store.db, {
    digestId,
    ruleIds: digestRules(deps.config.rules, digestId, spec.rules).map((rule) => rule.id),
    channels: spec.channels,
    skipEmpty: spec.skipEmpty,
    now,
    periodAfter: (watermark) => digestPeriod({ ...schedule, lastPeriodEnd: watermark }),
  });
  // A rerun re-offers pending deliveries: the first run may have died before enqueueing them.
  const toSend = outcome.deliveries.filter(
    (delivery) => delivery.created || (isRerun(job) && delivery.state === 'pending'),
  );
  for (const delivery of toSend) await enqueueSendDigest(deps.queues, { deliveryId: delivery.id });
  const run = outcome.run;
  if (!run) return { digestId, skipped: 'already up to date' };
  if (outcome.created) {
    deps.log.info({ digestId, runId: run.id, events: run.eventCount }, 'digest run stored');
  }
  return {
    digestId,
    runId: run.id,
    periodStart: run.periodStart.toISOString(),
    periodEnd: run.periodEnd.toISOString(),
    events: run.eventCount,
    deliveries: toSend.length,
    ...(outcome.created ? {} : { skipped: 'period already done' }),
  };
}
