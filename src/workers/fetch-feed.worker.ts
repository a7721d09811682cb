// fetch-feed: conditional GET of one feed, parse, store new items, enqueue their next step, reschedule.
import type { Job } from 'bullmq';
import type { FeedSpec } from '../config/schema.ts';
import type { Deps } from '../deps.ts';
import { failureState, successState } from '../feeds/fetch-state.ts';
import { shouldDisable } from '../feeds/health.ts';
import { toNewArticle } from '../feeds/items.ts';
import { type FeedItem, type ParsedFeed, parseFeed } from '../feeds/parse.ts';
import { decodeBody } from '../lib/charset.ts';
import { PermanentError, TransientError } from '../lib/errors.ts';
import type { FetchResult } from '../lib/http.ts';
import { HttpPermanentError, HttpTransientError } from '../lib/http-errors.ts';
import {
  type ArticleJob,
  enqueueArticles,
  FeedJobSchema,
  parsePayload,
  QUEUE,
} from '../queues/index.ts';
import { offerArticleSteps } from '../queues/reoffer-articles.ts';
import { insertArticleIfNew } from '../store/articles.ts';
import { countPermanentFailures, recordFetch } from '../store/feed-health.ts';
import { type Feed, getFeed, recordFetchFailure, recordFetchSuccess } from '../store/feeds.ts';
import { listUnfinishedOfFeed } from '../store/unfinished-articles.ts';
import { healthPolicyOf, watchFeedHealth } from './feed-health.ts';
import { isRerun, markLogged, type WorkerSpec } from './spec.ts';

export interface FetchFeedResult {
  feedId: string;
  status?: number;
  items?: number;
  new?: number;
  error?: string;
  skipped?: string;
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export const fetchFeedWorker: WorkerSpec<FetchFeedResult> = {
  queue: QUEUE.fetchFeed,
  concurrency: 8,
  process: fetchFeed,
};

async function fetchFeed(deps: Deps, job: Job, signal?: AbortSignal): Promise<FetchFeedResult> {
  const { feedId } = parsePayload(FeedJobSchema, QUEUE.fetchFeed, job.data);
  const feed = await getFeed(deps.store.db, feedId);
  const spec = deps.byId.feeds.get(feedId);
  if (!feed || !spec) {
    deps.log.warn({ feedId }, 'feed not in the config, fetch skipped');
    return { feedId, skipped: 'not in the config' };
  }
  const started = deps.clock.now();
  let response: FetchResult;
  let parsed: ParsedFeed | undefined;
  try {
    response = await deps.http.fetch(feed.url, conditional(feed, signal));
    if (!response.notModified) parsed = await parse(response);
  } catch (error) {
    return recordFailure(deps, feed, spec, error, started);
  }
  const offered = new Set<number>();
  const stored = parsed ? await storeItems(deps, spec, parsed.items, isRerun(job), offered) : 0;
  await reofferUnfinished(deps, feed.id, offered);
  const now = deps.clock.now();
  const state = successState(feed, spec, response, parsed, now);
  await recordFetchSuccess(deps.store.db, feed.id, state);
  const items = parsed?.items.length ?? 0;
  await recordFetch(deps.store.db, {
    ...{ feedId, url: feed.url, at: now, status: response.status, items, newItems: stored },
    outcome: response.notModified ? 'not-modified' : 'ok',
    durationMs: now.getTime() - started.getTime(),
  });
  await watchFeedHealth(deps, feedId);
  const result = { feedId, status: response.status, items, new: stored };
  deps.log.info(result, 'feed fetched');
  return result;
}

function conditional(feed: Feed, signal: AbortSignal | undefined) {
  return {
    accept: FEED_ACCEPT,
    ...(feed.etag ? { etag: feed.etag } : {}),
    ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
    ...(signal ? { signal } : {}),
  };
}

function parse(response: FetchResult): Promise<ParsedFeed> {
  const text = decodeBody(response.body, response.headers['content-type']);
  return parseFeed(text, { feedUrl: response.url });
}

/** Items whose jobs go in one addBulk: a whole feed of the usual size, while a huge one flows. */
const ENQUEUE_BATCH = 100;

/**
 * Stores every item; only rows this call created go on (or all of them when re-running a job),
 * their jobs added together for each ENQUEUE_BATCH items.
 */
async function storeItems(
  deps: Deps,
  spec: FeedSpec,
  items: FeedItem[],
  rerun: boolean,
  offered: Set<number>,
) {
  let created = 0;
  for (let start = 0; start < items.length; start += ENQUEUE_BATCH) {
    const next: { fetch: ArticleJob[]; classify: ArticleJob[] } = { fetch: [], classify: [] };
    for (const item of items.slice(start, start + ENQUEUE_BATCH)) {
      const article = toNewArticle(item, spec, deps.clock.now());
      const row = await insertArticleIfNew(deps.store.db, article);
      if (row.created) created++;
      if (!row.created && !rerun) continue;
      offered.add(row.id);
      next[article.fetchStatus === 'pending' ? 'fetch' : 'classify'].push({ articleId: row.id });
    }
    await enqueueArticles(deps.queues, next);
  }
  return created;
}

/** Unfinished articles of one feed offered again per run, at most: bounds a run's extra work. */
const REOFFER_LIMIT = 1_000;

/**
 * Offers the feed's articles still unfinished (pending, or fetched but not classified) to their
 * next step again, on every run, 200 or 304: a process that died between storing rows and adding
 * their jobs leaves them so, and a later run may well find nothing new. Job ids make the offer a
 * no-op for jobs BullMQ still holds; the articles this run offered already are left out.
 */
async function reofferUnfinished(deps: Deps, feedId: string, offered: ReadonlySet<number>) {
  const page = await listUnfinishedOfFeed(deps.store.db, feedId, {
    afterId: 0,
    limit: REOFFER_LIMIT + offered.size,
  });
  const missing = page.filter((article) => !offered.has(article.id)).slice(0, REOFFER_LIMIT);
  await offerArticleSteps(deps.queues, missing);
}

/**
 * Records the failure in the feed's history and on its row, and backs off. A permanent failure
 * disables the feed only once it repeated (feeds.yaml `health.disableAfter`). One readable line per
 * attempt; transient failures are rethrown for BullMQ to retry, marked as logged already.
 */
async function recordFailure(
  deps: Deps,
  feed: Feed,
  spec: FeedSpec,
  error: unknown,
  started: Date,
): Promise<FetchFeedResult> {
  if (!(error instanceof TransientError || error instanceof PermanentError)) throw error;
  const now = deps.clock.now();
  const permanent = error instanceof PermanentError;
  await recordFetch(deps.store.db, {
    ...{ feedId: feed.id, url: feed.url, at: now, error: error.message },
    outcome: permanent ? 'permanent' : 'transient',
    status: httpStatusOf(error),
    durationMs: now.getTime() - started.getTime(),
  });
  const disable = permanent && (await isRepeatedPermanentFailure(deps, feed, now));
  const state = failureState(feed, spec, error, now, disable);
  await recordFetchFailure(deps.store.db, feed.id, state);
  await watchFeedHealth(deps, feed.id);
  logFailure(deps, feed.id, state);
  if (!permanent) throw markLogged(error);
  return { feedId: feed.id, error: error.message };
}

/** Permanent failures at this URL within the window, this one included, since any retry. */
async function isRepeatedPermanentFailure(deps: Deps, feed: Feed, now: Date): Promise<boolean> {
  const policy = healthPolicyOf(deps);
  const windowStart = new Date(now.getTime() - policy.disableWithinMs);
  const since = feed.retriedAt && feed.retriedAt > windowStart ? feed.retriedAt : windowStart;
  const count = await countPermanentFailures(deps.store.db, {
    feedId: feed.id,
    url: feed.url,
    since,
  });
  return shouldDisable(count, policy);
}

function httpStatusOf(error: Error): number | undefined {
  return error instanceof HttpPermanentError || error instanceof HttpTransientError
    ? error.status
    : undefined;
}

function logFailure(
  deps: Deps,
  feedId: string,
  state: { failures: number; permanent: boolean; disable: boolean; error: string },
): void {
  const fields = { feedId, failures: state.failures, err: state.error };
  if (state.disable) deps.log.error(fields, 'feed fetch failed again permanently, feed disabled');
  else if (state.permanent) deps.log.warn(fields, 'feed fetch failed permanently, will try again');
  else deps.log.warn(fields, 'feed fetch failed, will retry');
}
