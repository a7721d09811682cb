// fetch-feed: conditional GET of one feed, parse, store new items, enqueue their next step, reschedule.
import type { Job } from 'bullmq';
import type { FeedSpec } from '../config/schema.ts';
import type { Deps } from '../deps.ts';
import { decodeBody } from '../feeds/charset.ts';
import { toNewArticle } from '../feeds/items.ts';
import { type FeedItem, type ParsedFeed, parseFeed } from '../feeds/parse.ts';
import { nextFetchAt, parseHttpDate, parseMaxAge } from '../feeds/schedule.ts';
import { parseDuration } from '../lib/duration.ts';
import { PermanentError, TransientError } from '../lib/errors.ts';
import { type FetchResult, HttpTransientError, retryAfterMs } from '../lib/http.ts';
import {
  enqueueClassifyArticle,
  enqueueFetchArticle,
  FeedJobSchema,
  parsePayload,
  QUEUE,
} from '../queues/index.ts';
import { insertArticleIfNew } from '../store/articles.ts';
import { type Feed, getFeed, recordFetchFailure, recordFetchSuccess } from '../store/feeds.ts';
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
  const spec = deps.config.feeds.find((candidate) => candidate.id === feedId);
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
  const stored = parsed ? await storeItems(deps, spec, parsed.items, isRerun(job)) : 0;
  await recordSuccess(deps, feed, spec, response, parsed);
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

/** Stores every item; only rows this call created go on (or all of them when re-running a job). */
async function storeItems(deps: Deps, spec: FeedSpec, items: FeedItem[], rerun: boolean) {
  let created = 0;
  for (const item of items) {
    const article = toNewArticle(item, spec, deps.clock.now());
    const row = await insertArticleIfNew(deps.store.db, article);
    if (row.created) created++;
    if (!row.created && !rerun) continue;
    const next = article.fetchStatus === 'pending' ? enqueueFetchArticle : enqueueClassifyArticle;
    await next(deps.queues, { articleId: row.id });
  }
  return created;
}

async function recordSuccess(
  deps: Deps,
  feed: Feed,
  spec: FeedSpec,
  response: FetchResult,
  parsed: ParsedFeed | undefined,
): Promise<void> {
  const now = deps.clock.now();
  const maxAge = parseMaxAge(response.headers['cache-control']);
  const ttlMinutes = parsed ? parsed.ttlMinutes : (feed.ttlSeconds ?? 0) / 60 || undefined;
  await recordFetchSuccess(deps.store.db, feed.id, {
    etag: response.headers.etag ?? (response.notModified ? feed.etag : null),
    lastModified:
      response.headers['last-modified'] ?? (response.notModified ? feed.lastModified : null),
    fetchedAt: now,
    nextFetchAt: nextFetchAt({
      now,
      every: everyMs(spec),
      cacheControlMaxAge: maxAge,
      expires: parseHttpDate(response.headers.expires),
      ttlMinutes,
      consecutiveFailures: 0,
    }),
    ttlSeconds: ttlMinutes === undefined ? null : ttlMinutes * 60,
    maxAgeSeconds: maxAge ?? null,
  });
}

/** Records the failure and backs off; transient ones are rethrown for BullMQ to retry. */
async function recordFailure(
  deps: Deps,
  feed: Feed,
  spec: FeedSpec,
  error: unknown,
): Promise<FetchFeedResult> {
  if (!(error instanceof TransientError || error instanceof PermanentError)) throw error;
  const now = deps.clock.now();
  const permanent = error instanceof PermanentError;
  const retryAfter = retryAfterDate(error, now);
  const failures = feed.consecutiveFailures + 1;
  await recordFetchFailure(deps.store.db, feed.id, {
    error: error.message,
    at: now,
    permanent,
    retryAfter,
    nextFetchAt: nextFetchAt({
      now,
      every: everyMs(spec),
      retryAfter,
      consecutiveFailures: failures,
    }),
  });
  const fields = { feedId: feed.id, failures, err: error.message };
  if (!permanent) {
    deps.log.warn(fields, 'feed fetch failed, will retry');
    throw error;
  }
  deps.log.error(fields, 'feed fetch failed permanently, feed disabled until its URL changes');
  return { feedId: feed.id, error: error.message };
}

function retryAfterDate(error: unknown, now: Date): Date | undefined {
  if (!(error instanceof HttpTransientError) || !error.retryAfter) return undefined;
  const wait = retryAfterMs(error.retryAfter, now);
  return wait === undefined ? undefined : new Date(now.getTime() + wait);
}

function everyMs(spec: FeedSpec): number {
  return parseDuration(spec.every) ?? 10 * 60_000;
}
