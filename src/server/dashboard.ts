// The queue dashboard of `vigie run`: counts, latest failed jobs and job schedulers per queue, as
// JSON and as one server-rendered HTML page. Read-only: it changes nothing in Redis (no retry, no
// remove), so it shows what /metrics already exposes plus failure reasons, with no auth of its own.
import type { Queue } from 'bullmq';
import { escapeHtml } from '../notify/format.ts';
import { QUEUE_NAMES, type Queues } from '../queues/index.ts';

/** How many failed jobs per queue are shown, newest first. */
const DASHBOARD_FAILED_LIMIT = 5;
/** Failure reasons are cut here: a page of stack traces helps no one. */
const REASON_MAX_CHARS = 500;

/** The job states counted, in the order shown. */
const COUNTED_STATES = [
  'waiting',
  'prioritized',
  'active',
  'delayed',
  'waiting-children',
  'completed',
  'failed',
] as const;

type CountedState = (typeof COUNTED_STATES)[number];

export interface FailedJobView {
  id: string | null;
  name: string;
  attemptsMade: number;
  failedReason: string;
  /** When the job last failed, ISO 8601; null when BullMQ did not record it. */
  failedAt: string | null;
}

export interface SchedulerView {
  id: string;
  pattern: string | null;
  everyMs: number | null;
  tz: string | null;
  /** Next run, ISO 8601; null when none is planned. */
  next: string | null;
}

export interface QueueView {
  name: string;
  paused: boolean;
  counts: Record<CountedState, number>;
  failed: FailedJobView[];
  schedulers: SchedulerView[];
}

export interface Dashboard {
  prefix: string;
  generatedAt: string;
  queues: QueueView[];
}

/** Reads every queue of QUEUE_NAMES; each is a handful of Redis round trips, all run at once. */
export async function readDashboard(queues: Queues, prefix: string, now: Date): Promise<Dashboard> {
  const views = await Promise.all(QUEUE_NAMES.map((name) => readQueue(queues[name])));
  return { prefix, generatedAt: now.toISOString(), queues: views };
}

async function readQueue(queue: Queue): Promise<QueueView> {
  const [counts, paused, failed, schedulers] = await Promise.all([
    queue.getJobCounts(...COUNTED_STATES),
    queue.isPaused(),
    queue.getFailed(0, DASHBOARD_FAILED_LIMIT - 1),
    queue.getJobSchedulers(),
  ]);
  return {
    name: queue.name,
    paused,
    counts: Object.fromEntries(
      COUNTED_STATES.map((state) => [state, counts[state] ?? 0]),
    ) as Record<CountedState, number>,
    // getFailed may return undefined for a job removed between listing and loading.
    failed: failed.filter(Boolean).map((job) => ({
      id: job.id ?? null,
      name: job.name,
      attemptsMade: job.attemptsMade,
      failedReason: truncate(job.failedReason ?? ''),
      failedAt: toIso(job.finishedOn ?? job.processedOn),
    })),
    schedulers: schedulers.map((scheduler) => ({
      id: scheduler.key,
      pattern: scheduler.pattern ?? null,
      everyMs: scheduler.every ?? null,
      tz: scheduler.tz ?? null,
      next: toIso(scheduler.next),
    })),
  };
}

function toIso(time: number | undefined): string | null {
  return time === undefined || !Number.isFinite(time) ? null : new Date(time).toISOString();
}

function truncate(text: string): string {
  return text.length <= REASON_MAX_CHARS ? text : `${text.slice(0, REASON_MAX_CHARS)}…`;
}

/** The whole page: inline CSS only, no script; every value from Redis goes through escapeHtml. */
export function renderDashboardPage(dashboard: Dashboard): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>vigie queues</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.failed { color: #a00; font-weight: bold; }
pre { margin: 0; white-space: pre-wrap; max-width: 60em; }
</style>
</head>
<body>
<h1>vigie queues</h1>
<p>Prefix <code>${escapeHtml(dashboard.prefix)}</code>, read at ${escapeHtml(dashboard.generatedAt)}. Read-only; reload to refresh.</p>
${renderCountsTable(dashboard.queues)}
${renderSchedulers(dashboard.queues)}
${dashboard.queues.map(renderFailed).join('')}
</body>
</html>
`;
}

function renderCountsTable(queues: readonly QueueView[]): string {
  const head = COUNTED_STATES.map((state) => `<th>${escapeHtml(state)}</th>`).join('');
  const rows = queues.map((queue) => {
    const cells = COUNTED_STATES.map((state) => {
      const count = queue.counts[state];
      const mark = state === 'failed' && count > 0 ? ' failed' : '';
      return `<td class="n${mark}">${count}</td>`;
    }).join('');
    const paused = queue.paused ? ' (paused)' : '';
    return `<tr><th>${escapeHtml(queue.name)}${paused}</th>${cells}</tr>`;
  });
  return `<h2>Counts</h2>
<table><tr><th>queue</th>${head}</tr>
${rows.join('\n')}
</table>`;
}

function renderSchedulers(queues: readonly QueueView[]): string {
  const rows = queues.flatMap((queue) =>
    queue.schedulers.map(
      (scheduler) =>
        `<tr><td>${escapeHtml(scheduler.id)}</td><td>${escapeHtml(queue.name)}</td>` +
        `<td>${escapeHtml(describeRepeat(scheduler))}</td><td>${escapeHtml(scheduler.next ?? '')}</td></tr>`,
    ),
  );
  if (rows.length === 0) return '<h2>Job schedulers</h2>\n<p>None.</p>';
  return `<h2>Job schedulers</h2>
<table><tr><th>id</th><th>queue</th><th>repeats</th><th>next run</th></tr>
${rows.join('\n')}
</table>`;
}

function describeRepeat(scheduler: SchedulerView): string {
  if (scheduler.pattern !== null) {
    return scheduler.tz === null ? scheduler.pattern : `${scheduler.pattern} (${scheduler.tz})`;
  }
  return scheduler.everyMs === null ? '' : `every ${scheduler.everyMs / 1000} s`;
}

function renderFailed(queue: QueueView): string {
  if (queue.failed.length === 0) return '';
  const rows = queue.failed.map(
    (job) =>
      `<tr><td>${escapeHtml(job.id ?? '')}</td><td>${escapeHtml(job.name)}</td>` +
      `<td class="n">${job.attemptsMade}</td><td>${escapeHtml(job.failedAt ?? '')}</td>` +
      `<td><pre>${escapeHtml(job.failedReason)}</pre></td></tr>`,
  );
  return `<h2>Latest failed jobs of ${escapeHtml(queue.name)}</h2>
<table><tr><th>id</th><th>name</th><th>attempts</th><th>failed at</th><th>reason</th></tr>
${rows.join('\n')}
</table>
`;
}
