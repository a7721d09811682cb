// fetch-feed: conditional GET of one feed, parse, store new items, enqueue their next step, reschedule.
import type { Job } from 'bullmq';
import type { FeedSpec } from '../config/schema.ts';
import type { Deps } from '../deps.ts';
import { failureState, successState } from '../feeds/fetch-state.ts';
import { toNewArticle } from '../feeds/items.ts';
import { type FeedItem, type ParsedFeed, parseFeed } from '../feeds/parse.ts';
import { decodeBody } from '../lib/charset.ts';
import { PermanentError, TransientError } from '../lib/errors.ts';
import type { FetchResult } from '../lib/http.ts';
import {
  type ArticleJob,
  enqueueArticles,
  FeedJobSchema,
  parsePayload,
  QUEUE,
} from '../queues/index.ts';
import { offerArticleSteps } from '../queues/reoffer-articles.ts';
import { insertArticleIfNew } from '../store/articles.ts';
import { type Feed, getFeed, recordFetchFailure, recordFetchSuccess } from '../store/feeds.ts';
import { listUnfinishedOfFeed } from '../store/unfinished-articles.ts';
import { isRerun, type WorkerSpec } from './spec.ts';

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
  let response: FetchResult;
  let parsed: ParsedFeed | undefined;
  try {
    response = await deps.http.fetch(feed.url, conditional(feed, signal));
    if (!response.notModified) parsed = await parse(response);
  } catch (error) {
    return recordFailure(deps, feed, spec, error);
  }
  const offered = new Set<number>();
  const stored = parsed ? await storeItems(deps, spec, parsed.items, isRerun(job), offered) : 0;
  await reofferUnfinished(deps, feed.id, offered);
  const state = successState(feed, spec, response, parsed, deps.clock.now());
  await recordFetchSuccess(deps.store.db, feed.id, state);
  const result = { feedId, status: response.status, items: parsed?.items.length ?? 0, new: stored };
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

/** Records the failure and backs off; transient ones are rethrown for BullMQ to retry. */
async function recordFailure(deps: Deps, feed: Feed, spec: FeedSpec, error: unknown) {
  if (!(error instanceof TransientError || error instanceof PermanentError)) throw error;
  const state = failureState(feed, spec, error, deps.clock.now());
  await recordFetchFailure(deps.store.db, feed.id, state);
  const fields = { feedId: feed.id, failures: state.failures, err: error.message };
  if (!state.permanent) {
    deps.log.warn(fields, 'feed fetch failed, will retry');
    throw error;
  }
  deps.log.error(fields, 'feed fetch failed permanently, feed disabled until its URL changes');
  return { feedId: feed.id, error: error.message };
}
