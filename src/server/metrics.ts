// Prometheus metrics: Node's defaults, jobs completed and failed per queue, and articles' extraction outcomes per feed.
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { countExtractionOutcomes } from '../store/articles.ts';
import type { Store } from '../store/database.ts';
import type { JobObserver } from '../workers/index.ts';

export interface Metrics {
  registry: Registry;
  /** Feeds the job counters from the workers' events. */
  observer: JobObserver;
}

/** What the outcome gauge reads at each scrape. */
export interface MetricsSources {
  store: Store;
  clock: Clock;
  log: Logger;
}

/** The period the outcome gauge counts: long enough to show a site gone empty, a bounded scan. */
export const OUTCOME_PERIOD_MS = 7 * 24 * 3600 * 1000;

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
  if (sources) registerOutcomeGauge(registry, sources);
  return {
    registry,
    observer: {
      completed: (queue) => completed.inc({ queue }),
      failed: (queue, _job, _error, final) => failed.inc({ queue, final: String(final) }),
    },
  };
}

/**
 * `vigie_articles_extracted{feed,outcome}`, read from the database at scrape time: `vigie worker`
 * processes have no HTTP server, so a counter in this process would miss their work; the
 * database has every process's. A failed read leaves the gauge empty rather than failing /metrics.
 */
function registerOutcomeGauge(registry: Registry, { store, clock, log }: MetricsSources): void {
  new Gauge({
    name: 'vigie_articles_extracted',
    help: 'Articles stored in the last 7 days, per feed first seen in and extraction outcome (full, fallback, feed, empty)',
    labelNames: ['feed', 'outcome'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const since = new Date(clock.now().getTime() - OUTCOME_PERIOD_MS);
        for (const row of await countExtractionOutcomes(store.db, since)) {
          this.set({ feed: row.feedId, outcome: row.outcome }, row.count);
        }
      } catch (error) {
        log.warn({ err: String(error) }, 'extraction outcomes not read for /metrics');
      }
    },
  });
}
