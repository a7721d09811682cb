// The pass behind `vigie ingest`: in-process workers on a temporary prefix, waited on until the chain drains.
import { randomUUID } from 'node:crypto';
import { loadEnv } from '../config/env.ts';
import { loadConfig, type VigieConfig } from '../config/load.ts';
import { matcherOf } from '../config/matcher-cache.ts';
import { closeDeps, createHttp, type Deps, type Http, openDeps } from '../deps.ts';
import { ensureFeedRow, type FeedSource, resolveFeedSource } from '../feeds/adhoc.ts';
import { parseDuration } from '../lib/duration.ts';
import { UserError } from '../lib/errors.ts';
import { createLogger } from '../lib/logger.ts';
import { openStore } from '../open-store.ts';
import { waitUntilIdle } from '../queues/idle.ts';
import { enqueueFetchFeed, PIPELINE_QUEUES, QUEUE } from '../queues/index.ts';
import type { ClassifyArticleResult } from '../workers/classify-article.worker.ts';
import type { EvaluateAlertResult } from '../workers/evaluate-alert.worker.ts';
import type { FetchArticleResult } from '../workers/fetch-article.worker.ts';
import type { FetchFeedResult } from '../workers/fetch-feed.worker.ts';
import { closeWorkers, type JobObserver, startWorkers } from '../workers/index.ts';
import type { SendAlertResult } from '../workers/send-alert.worker.ts';

/** SPEC §4's summary; key order is part of the contract. */
export interface IngestSummary {
  feed: string;
  items: number;
  new: number;
  /** Articles that went through classification in this pass. */
  articles: number;
  /** Events this pass created. */
  events: number;
  alerts: number;
  errors: string[];
}

export interface IngestOptions {
  json?: boolean;
  config?: string;
  timeout: string;
}

export async function ingest(target: string, options: IngestOptions): Promise<IngestSummary> {
  const env = loadEnv();
  const timeoutMs = parseDuration(options.timeout);
  if (timeoutMs === undefined)
    throw new UserError(`ingest: --timeout ${options.timeout}: expected e.g. 30s`);
  const config = await loadConfig(options.config ?? env.configDir);
  const source = await resolveFeedSource(target, config.feeds);
  // Of the config as loaded, which the cache knows (not of the copy below, which would compile it
  // again), and before PGlite opens, so that the garbage of reading it is not laid above PGlite.
  const matcher = matcherOf(config);
  const store = await openStore(env);
  const deps = await openDeps({
    env,
    config: { ...config, feeds: [source.spec], notify: withShortGroupWait(config.notify) },
    matcher,
    store,
    // Its own queues: a running instance's workers never see these jobs, nor this pass theirs.
    prefix: `${env.queuePrefix}-ingest-${randomUUID().slice(0, 8)}`,
    defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 } },
    http: ingestHttp(source, createHttp(env.allowHosts, timeoutMs)),
    log: createLogger(process.env.LOG_LEVEL || 'silent'),
  }).catch(async (error) => {
    await store.close();
    throw error;
  });
  try {
    await ensureFeedRow(store.db, source, deps.clock.now());
    return await runOnePass(deps, source.spec.id);
  } finally {
    await Promise.all(Object.values(deps.queues).map((queue) => queue.obliterate({ force: true })));
    await closeDeps(deps);
  }
}

/**
 * One pass waits for its queues to drain, a delayed send included: its alerts (evaluated about a
 * second after their events) wait 1 s for each other rather than the channels' group wait.
 */
function withShortGroupWait(notify: VigieConfig['notify']): VigieConfig['notify'] {
  const channels = Object.fromEntries(
    Object.entries(notify.channels).map(([id, channel]) => [id, { ...channel, groupWait: '1s' }]),
  );
  return { ...notify, channels };
}

/** The file's bytes for the file's URL; the feed fetched whole (no validators) so the pass sees every item. */
function ingestHttp(source: FeedSource, http: Http): Http {
  return {
    fetch: async (url, options = {}) => {
      if (url !== source.spec.url) return http.fetch(url, options);
      if (source.body)
        return { status: 200, url, headers: {}, body: source.body, notModified: false };
      const { etag: _etag, lastModified: _lastModified, ...unconditional } = options;
      return http.fetch(url, unconditional);
    },
  };
}

async function runOnePass(deps: Deps, feedId: string): Promise<IngestSummary> {
  const summary: IngestSummary = {
    feed: feedId,
    items: 0,
    new: 0,
    articles: 0,
    events: 0,
    alerts: 0,
    errors: [],
  };
  let feedError: string | undefined;
  const observer: JobObserver = {
    completed: (queue, _job, result) => {
      if (queue === QUEUE.fetchFeed) feedError = tallyFeed(summary, result as FetchFeedResult);
      if (queue === QUEUE.fetchArticle) tallyArticle(summary, result as FetchArticleResult);
      if (queue === QUEUE.classifyArticle) tallyClassify(summary, result as ClassifyArticleResult);
      if (queue === QUEUE.evaluateAlert && (result as EvaluateAlertResult).created)
        summary.alerts++;
      if (queue === QUEUE.sendAlert) tallySend(summary, result as SendAlertResult);
    },
    failed: (queue, _job, error, final) => {
      if (!final) return;
      if (queue === QUEUE.fetchFeed) feedError = error.message;
      else summary.errors.push(error.message);
    },
  };
  const workers = startWorkers(deps, PIPELINE_QUEUES, { observers: [observer] });
  try {
    // One attempt: a feed that cannot be fetched now is reported now, not after minutes of backoff.
    await enqueueFetchFeed(deps.queues, { feedId }, { dueAt: deps.clock.now(), attempts: 1 });
    await waitUntilIdle(
      PIPELINE_QUEUES.map((name) => deps.queues[name]),
      workers,
    );
  } finally {
    await closeWorkers(workers);
  }
  if (feedError) throw new UserError(feedError);
  return summary;
}

function tallyFeed(summary: IngestSummary, result: FetchFeedResult): string | undefined {
  summary.items = result.items ?? 0;
  summary.new = result.new ?? 0;
  return result.error ?? result.skipped;
}

function tallyArticle(summary: IngestSummary, result: FetchArticleResult): void {
  if (result.error) summary.errors.push(result.error);
}

function tallyClassify(summary: IngestSummary, result: ClassifyArticleResult): void {
  if (result.skipped) return;
  summary.articles++;
  summary.events += result.eventIds?.length ?? 0;
}

function tallySend(summary: IngestSummary, result: SendAlertResult): void {
  if (result.error) summary.errors.push(result.error);
}
