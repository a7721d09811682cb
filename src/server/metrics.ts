// Prometheus metrics: Node's defaults plus jobs completed and failed per queue.
import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import type { JobObserver } from '../workers/index.ts';

export interface Metrics {
  registry: Registry;
  /** Feeds the job counters from the workers' events. */
  observer: JobObserver;
}

export function createMetrics(): Metrics {
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
  return {
    registry,
    observer: {
      completed: (queue) => completed.inc({ queue }),
      failed: (queue, _job, _error, final) => failed.inc({ queue, final: String(final) }),
    },
  };
}
