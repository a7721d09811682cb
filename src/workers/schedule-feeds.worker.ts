// schedule-feeds: run by the 'feed-scheduler' job scheduler; enqueues one fetch-feed per due feed and due time.
import type { Job } from 'bullmq';
import type { Deps } from '../deps.ts';
import { enqueueFetchFeed, parsePayload, QUEUE, ScheduleJobSchema } from '../queues/index.ts';
import { listDueFeeds } from '../store/feeds.ts';
import type { WorkerSpec } from './spec.ts';

export interface ScheduleFeedsResult {
  due: number;
}

export const scheduleFeedsWorker: WorkerSpec<ScheduleFeedsResult> = {
  queue: QUEUE.scheduleFeeds,
  concurrency: 1,
  process: scheduleFeeds,
};

/**
 * The job id carries the due time (next_fetch_at, or for a never-fetched feed the time its row
 * last changed), so every process that sees the feed due adds the same job and it runs once.
 */
async function scheduleFeeds(deps: Deps, job: Job): Promise<ScheduleFeedsResult> {
  parsePayload(ScheduleJobSchema, QUEUE.scheduleFeeds, job.data);
  const configured = new Set(deps.config.feeds.map((feed) => feed.id));
  const due = (await listDueFeeds(deps.store.db, deps.clock.now())).filter((feed) =>
    configured.has(feed.id),
  );
  for (const feed of due) {
    await enqueueFetchFeed(
      deps.queues,
      { feedId: feed.id },
      { dueAt: feed.nextFetchAt ?? feed.updatedAt },
    );
  }
  if (due.length > 0) deps.log.debug({ due: due.length }, 'due feeds enqueued');
  return { due: due.length };
}
