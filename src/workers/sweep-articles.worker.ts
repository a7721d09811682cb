// sweep-articles: every minute, offers articles left unfinished (still pending, or fetched but never
// classified) to their next step again, so that no article is lost to a process that died.
import type { Deps } from '../deps.ts';
import { parsePayload, QUEUE, ScheduleJobSchema } from '../queues/index.ts';
import { reofferArticleStep } from '../queues/reoffer-articles.ts';
import { listUnfinished } from '../store/unfinished-articles.ts';
import type { WorkerSpec } from './spec.ts';

export interface SweepArticlesResult {
  reoffered: number;
}

/** An article younger than this still has its first jobs on the way, or retrying. */
export const ARTICLE_GRACE_MS = 5 * 60_000;

export interface ArticleSweepLimits {
  /** Offered again at most per sweep: a backlog drains over a few minutes instead of one burst. */
  reoffers: number;
  /** Unfinished articles read per query. */
  pageSize: number;
  /** Unfinished articles looked at per sweep, offered or still in hand: bounds one sweep's work. */
  scanned: number;
}

const SWEEP_LIMITS: ArticleSweepLimits = { reoffers: 1_000, pageSize: 500, scanned: 20_000 };

export const sweepArticlesWorker: WorkerSpec<SweepArticlesResult> = {
  queue: QUEUE.sweepArticles,
  concurrency: 1,
  process: (deps, job) => {
    parsePayload(ScheduleJobSchema, QUEUE.sweepArticles, job.data);
    return sweepArticles(deps, SWEEP_LIMITS);
  },
};

/** Offers each unfinished article whose job is gone or finished again, oldest first, page by page. */
export async function sweepArticles(
  deps: Deps,
  limits: ArticleSweepLimits,
): Promise<SweepArticlesResult> {
  const createdBefore = new Date(deps.clock.now().getTime() - ARTICLE_GRACE_MS);
  const reoffered: number[] = [];
  let afterId = 0;
  for (let scanned = 0; scanned < limits.scanned && reoffered.length < limits.reoffers; ) {
    const page = await listUnfinished(deps.store.db, {
      createdBefore,
      afterId,
      limit: limits.pageSize,
    });
    for (const article of page) {
      if (reoffered.length >= limits.reoffers) break;
      if (await reofferArticleStep(deps.queues, article)) reoffered.push(article.id);
    }
    if (page.length < limits.pageSize) break;
    scanned += page.length;
    afterId = page[page.length - 1]?.id ?? afterId;
  }
  if (reoffered.length > 0) {
    deps.log.warn({ articles: reoffered.length, first: reoffered[0] }, 'articles offered again');
  }
  return { reoffered: reoffered.length };
}
