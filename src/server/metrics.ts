// Prometheus metrics: job counters and durations from this process's workers; pipeline counts, feed health and queue depths read at scrape time.
import type { Job } from 'bullmq';
import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  type LabelValues,
  Registry,
} from 'prom-client';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import type { QueueName, Queues } from '../queues/index.ts';
import { countExtractionOutcomes } from '../store/articles.ts';
import type { Store } from '../store/database.ts';
import {
  countAlertsByRule,
  countDeliveries,
  countEventsByRule,
  countFetches,
  listFeedHealthFigures,
} from '../store/metric-counts.ts';
import { FEED_HEALTH_STATES } from '../store/types.ts';
import type { JobObserver } from '../workers/index.ts';

export interface Metrics {
  registry: Registry;
  /** Feeds the job counters and durations from the workers' events. */
  observer: JobObserver;
  /** Counts a configuration reload (SIGHUP): `ok`, or `invalid` when the last valid one was kept. */
  configReloaded(result: 'ok' | 'invalid'): void;
}

/** What the gauges read at each scrape. */
export interface MetricsSources {
  store: Store;
  clock: Clock;
  log: Logger;
  /** For the queue depths; without it they are left out. */
  queues?: Queues | undefined;
}

/** The period the outcome gauge counts: long enough to show a site gone empty, a bounded scan. */
export const OUTCOME_PERIOD_MS = 7 * 24 * 3600 * 1000;
/** The period of the `_24h` gauges. */
export const RECENT_PERIOD_MS = 24 * 3600 * 1000;

const QUEUE_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'failed',
  'completed',
] as const;
const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export function createMetrics(sources?: MetricsSources): Metrics {
  // A registry per instance, so that tests (or two apps in one process) never register twice.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const completed = new Counter({
    name: 'vigie_jobs_completed_total',
    help: 'Jobs completed, per queue',
    labelNames: ['queue'],
    registers: [registry],
  });
  const failed = new Counter({
    name: 'vigie_jobs_failed_total',
    help: 'Job attempts failed, per queue; final is "true" when BullMQ will not retry',
    labelNames: ['queue', 'final'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'vigie_job_duration_seconds',
    help: 'Time from a job attempt starting to its end, per queue and result (completed, failed)',
    labelNames: ['queue', 'result'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'vigie_config_reloads_total',
    help: 'Configuration reloads, per result: ok, or invalid (the last valid configuration kept)',
    labelNames: ['result'],
    registers: [registry],
  });
  for (const result of ['ok', 'invalid']) reloads.inc({ result }, 0);
  if (sources) registerDatabaseGauges(registry, sources);
  if (sources?.queues) registerQueueGauge(registry, sources.queues, sources.log);
  const observe = (queue: QueueName, job: Job | undefined, result: string) => {
    const seconds = jobSeconds(job);
    if (seconds !== undefined) durations.observe({ queue, result }, seconds);
  };
  return {
    registry,
    observer: {
      completed: (queue, job) => {
        completed.inc({ queue });
        observe(queue, job, 'completed');
      },
      failed: (queue, job, _error, final) => {
        failed.inc({ queue, final: String(final) });
        observe(queue, job, 'failed');
      },
    },
    configReloaded: (result) => reloads.inc({ result }),
  };
}

/** BullMQ's own times of the attempt (processedOn, finishedOn), so no clock is read here. */
function jobSeconds(job: Job | undefined): number | undefined {
  if (!job?.processedOn || !job.finishedOn) return undefined;
  return Math.max(0, job.finishedOn - job.processedOn) / 1000;
}

type Row = [LabelValues<string>, number];

interface DatabaseGauge {
  name: string;
  help: string;
  labelNames: string[];
  read(sources: MetricsSources): Promise<Row[]>;
}

/**
 * Read from the database at scrape time: `vigie worker` processes have no HTTP server, so a
 * counter in this process would miss their work; the database has every process's, across
 * restarts. A failed read leaves its gauge empty rather than failing /metrics.
 */
function registerDatabaseGauges(registry: Registry, sources: MetricsSources): void {
  for (const gauge of DATABASE_GAUGES) {
    new Gauge({
      name: gauge.name,
      help: gauge.help,
      labelNames: gauge.labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        try {
          for (const [labels, value] of await gauge.read(sources)) this.set(labels, value);
        } catch (error) {
          sources.log.warn(
            { metric: gauge.name, err: String(error) },
            'metric not read for /metrics',
          );
        }
      },
    });
  }
}

const since = (sources: MetricsSources, periodMs: number) =>
  new Date(sources.clock.now().getTime() - periodMs);

const DATABASE_GAUGES: DatabaseGauge[] = [
  {
    name: 'vigie_articles_extracted',
    help: 'Articles stored in the last 7 days, per feed first seen in and extraction outcome (full, fallback, feed, empty)',
    labelNames: ['feed', 'outcome'],
    read: async (s) =>
      (await countExtractionOutcomes(s.store.db, since(s, OUTCOME_PERIOD_MS))).map((row) => [
        { feed: row.feedId, outcome: row.outcome },
        row.count,
      ]),
  },
  {
    name: 'vigie_feed_fetches_24h',
    help: 'Feed fetch attempts in the last 24 h, per feed and outcome (ok, not-modified, transient, permanent)',
    labelNames: ['feed', 'outcome'],
    read: async (s) =>
      (await countFetches(s.store.db, since(s, RECENT_PERIOD_MS))).map((row) => [
        { feed: row.feedId, outcome: row.outcome },
        row.fetches,
      ]),
  },
  {
    name: 'vigie_feed_items_24h',
    help: 'Feed items read in the last 24 h, per feed and kind (new, duplicate)',
    labelNames: ['feed', 'kind'],
    read: async (s) => {
      const totals = new Map<string, { items: number; newItems: number }>();
      for (const row of await countFetches(s.store.db, since(s, RECENT_PERIOD_MS))) {
        const total = totals.get(row.feedId) ?? { items: 0, newItems: 0 };
        totals.set(row.feedId, {
          items: total.items + row.items,
          newItems: total.newItems + row.newItems,
        });
      }
      return [...totals].flatMap(([feed, total]): Row[] => [
        [{ feed, kind: 'new' }, total.newItems],
        [{ feed, kind: 'duplicate' }, Math.max(0, total.items - total.newItems)],
      ]);
    },
  },
  {
    name: 'vigie_events_24h',
    help: 'Events (article × rule) matched in the last 24 h, per rule',
    labelNames: ['rule'],
    read: async (s) =>
      [...(await countEventsByRule(s.store.db, since(s, RECENT_PERIOD_MS)))].map(
        ([rule, n]): Row => [{ rule }, n],
      ),
  },
  {
    name: 'vigie_alerts_24h',
    help: 'Alerts made in the last 24 h, per rule',
    labelNames: ['rule'],
    read: async (s) =>
      [...(await countAlertsByRule(s.store.db, since(s, RECENT_PERIOD_MS)))].map(
        ([rule, n]): Row => [{ rule }, n],
      ),
  },
  {
    name: 'vigie_deliveries_24h',
    help: 'Deliveries created in the last 24 h, per channel, kind (alert, digest, notice) and state (pending, sending, sent, failed)',
    labelNames: ['channel', 'kind', 'state'],
    read: async (s) =>
      (await countDeliveries(s.store.db, since(s, RECENT_PERIOD_MS))).map((row) => [
        { channel: row.channel, kind: row.kind, state: row.state },
        row.count,
      ]),
  },
  {
    name: 'vigie_feed_health',
    help: 'Each feed in the config: 1 for its health state (ok, failing, disabled, silent), 0 for the others',
    labelNames: ['feed', 'state'],
    read: async (s) =>
      (await listFeedHealthFigures(s.store.db)).flatMap((feed) =>
        FEED_HEALTH_STATES.map(
          (state): Row => [{ feed: feed.feedId, state }, feed.health === state ? 1 : 0],
        ),
      ),
  },
  {
    name: 'vigie_feed_consecutive_failures',
    help: 'Failed fetches in a row, per feed',
    labelNames: ['feed'],
    read: async (s) =>
      (await listFeedHealthFigures(s.store.db)).map((feed) => [
        { feed: feed.feedId },
        feed.consecutiveFailures,
      ]),
  },
  {
    name: 'vigie_feed_last_success_timestamp_seconds',
    help: 'Unix time of the last successful fetch, per feed (absent before the first)',
    labelNames: ['feed'],
    read: async (s) =>
      (await listFeedHealthFigures(s.store.db)).flatMap((feed): Row[] =>
        feed.lastSuccessAt ? [[{ feed: feed.feedId }, feed.lastSuccessAt.getTime() / 1000]] : [],
      ),
  },
];

/** `vigie_queue_jobs{queue,state}` from Redis at scrape time: every process's jobs. */
function registerQueueGauge(registry: Registry, queues: Queues, log: Logger): void {
  new Gauge({
    name: 'vigie_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, delayed, prioritized, failed, completed kept)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const [name, queue] of Object.entries(queues)) {
          const counts = await queue.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      } catch (error) {
        log.warn({ err: String(error) }, 'queue depths not read for /metrics');
      }
    },
  });
}
