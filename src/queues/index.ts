// The job queues: their names, payloads, default options, and the only code that adds jobs.
//
// The chain (SPEC §1), every arrow a queue with its own worker in src/workers/<name>.worker.ts:
//
//   feed scheduler ─► fetch-feed ─► fetch-article ─► classify-article ─► evaluate-alert ─► send-alert
//   (job scheduler    (conditional   (page fetch,     (story, rules,     (threshold of     (lease the
//    'feed-scheduler'  GET, parse,    extraction;      regions, store     one rule ×        delivery,
//    on schedule-feeds new items)     skipped when     events; at most    region; store     render, mail
//    every 30 s: due                  fetchArticle     one pending job    the alert and     or webhook,
//    feeds)                           is false)        per alert key)     its deliveries)   mark sent)
//
//   digest schedulers ─► build-digest ─────────► send-digest
//   (one per digest in   (period: watermark to    (lease the delivery, render the
//    notify.yaml,         latest cron time; the    run's stored period, mail or
//    'digest-<id>',       run, its deliveries      webhook, mark sent)
//    cron in its tz)      and the new watermark
//                         in one transaction)
//
//   'delivery-sweeper' (every 15 s) ─► sweep-deliveries ─► send-alert / send-digest
//   (deliveries still owed whose job is gone: pending for one lease (30 s), or `sending` under a
//    lease that ran out because its sender died, offered again)
//
//   'article-sweeper' (every 60 s) ─► sweep-articles ─► fetch-article / classify-article
//   (articles stored 5 min ago or more and still pending or unclassified: their job was lost with
//    a process that died, or gave up during an outage; each fetch-feed run also re-offers its own)
//
//   'retention' (every hour) ─► apply-retention
//   (feeds.yaml `retention`: article text emptied, old events, alerts, digest runs, deliveries,
//    feed notices and fetch history deleted, in batches of 1,000 rows, one statement each)
//
// Payloads are ids only; the database holds the state and its unique keys make every step
// idempotent. Job ids only save work: a job added twice with one id runs once while BullMQ keeps it.
import { type JobsOptions, Queue, UnrecoverableError } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { z } from 'zod';
import { UserError } from '../lib/errors.ts';

export const QUEUE = {
  scheduleFeeds: 'schedule-feeds',
  fetchFeed: 'fetch-feed',
  fetchArticle: 'fetch-article',
  classifyArticle: 'classify-article',
  evaluateAlert: 'evaluate-alert',
  sendAlert: 'send-alert',
  buildDigest: 'build-digest',
  sendDigest: 'send-digest',
  sweepDeliveries: 'sweep-deliveries',
  sweepArticles: 'sweep-articles',
  applyRetention: 'apply-retention',
} as const;

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUE);

/** The queues whose jobs flow from one feed fetch: what `vigie ingest` waits on (digests run on their own clock). */
export const PIPELINE_QUEUES: readonly QueueName[] = [
  QUEUE.fetchFeed,
  QUEUE.fetchArticle,
  QUEUE.classifyArticle,
  QUEUE.evaluateAlert,
  QUEUE.sendAlert,
];

export const FEED_SCHEDULER_ID = 'feed-scheduler';
export const FEED_SCHEDULER_EVERY_MS = 30_000;
const SWEEP_SCHEDULER_ID = 'delivery-sweeper';
/**
 * With the 30 s delivery lease, a delivery whose sender died and whose job is gone is offered
 * again at most 45 s after the sender's last renewal, as BullMQ's stall checks bring back a dead
 * worker's job (src/workers/index.ts).
 */
const SWEEP_SCHEDULER_EVERY_MS = 15_000;
/** Articles left unfinished are looked for once a minute (they are re-offered after 5 minutes). */
const ARTICLE_SWEEP_EVERY_MS = 60_000;
const ARTICLE_SWEEPER_ID = 'article-sweeper';

/** Scheduler ids of digests: `digest-<id>`, so the digest schedulers are told apart from any other. */
const DIGEST_SCHEDULER_PREFIX = 'digest-';

const IdSchema = z.string().regex(/^[a-z0-9-]+$/);

export const FeedJobSchema = z.strictObject({ feedId: IdSchema });
export const ArticleJobSchema = z.strictObject({ articleId: z.number().int().positive() });
export const ScheduleJobSchema = z.strictObject({});
/** `regionId` is '' when the rule counts as a whole (`per: rule`). */
export const AlertJobSchema = z.strictObject({
  ruleId: z.string().min(1),
  regionId: z.string(),
  eventId: z.number().int().positive(),
});
export const DeliveryJobSchema = z.strictObject({ deliveryId: z.number().int().positive() });
/** The digest's id in notify.yaml; the period comes from the clock and the watermark, not the job. */
export const DigestJobSchema = z.strictObject({ digestId: IdSchema });

export type FeedJob = z.infer<typeof FeedJobSchema>;
export type ArticleJob = z.infer<typeof ArticleJobSchema>;
export type AlertJob = z.infer<typeof AlertJobSchema>;
export type DeliveryJob = z.infer<typeof DeliveryJobSchema>;
export type DigestJob = z.infer<typeof DigestJobSchema>;

export type Queues = Record<QueueName, Queue>;

/**
 * Retries with exponential backoff and jitter (so that a server coming back is not hit by every
 * job at once); finished jobs are trimmed, failed ones kept a week for inspection.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
  removeOnComplete: { count: 5_000, age: 24 * 3600 },
  removeOnFail: { count: 10_000, age: 7 * 24 * 3600 },
} as const satisfies JobsOptions;

/**
 * The BullMQ prefix of one queue's keys. On a Redis Cluster every key one of BullMQ's scripts
 * touches must hash to one slot, so the prefix carries a hash tag (docs.bullmq.io, "Redis
 * Cluster"): the queue's own, `vigie:{fetch-feed}`, so that the queues spread over the nodes,
 * unless the configured prefix already has one (`{vigie}`: every queue in one slot). On one Redis
 * the prefix is used as it is, so the keys of existing single-node installs keep their names.
 */
export function queueKeyPrefix(prefix: string, queue: string, cluster: boolean): string {
  if (!cluster || hasHashTag(prefix)) return prefix;
  return `${prefix}:{${queue}}`;
}

/** Redis Cluster's rule: the text between the first `{` and the next `}`, if not empty. */
function hasHashTag(key: string): boolean {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1;
}

export interface QueueSettings {
  connection: Redis | Cluster;
  prefix: string;
  defaultJobOptions?: JobsOptions | undefined;
  /** Hears the queues' connection errors (default: ignored; the connection's owner logs them). */
  onError?: ((error: Error) => void) | undefined;
}

function ignoreError(): void {}

export function createQueues(settings: QueueSettings): Queues {
  const make = (name: QueueName) => {
    const queue = new Queue(name, {
      connection: settings.connection,
      prefix: queueKeyPrefix(settings.prefix, name, settings.connection.isCluster),
      defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...settings.defaultJobOptions },
    });
    // Without a listener BullMQ prints each of its connection's errors to the console, stack
    // and all (every reconnection attempt while Redis is away). The commands that fail reject.
    queue.on('error', settings.onError ?? ignoreError);
    return queue;
  };
  return {
    'schedule-feeds': make(QUEUE.scheduleFeeds),
    'fetch-feed': make(QUEUE.fetchFeed),
    'fetch-article': make(QUEUE.fetchArticle),
    'classify-article': make(QUEUE.classifyArticle),
    'evaluate-alert': make(QUEUE.evaluateAlert),
    'send-alert': make(QUEUE.sendAlert),
    'build-digest': make(QUEUE.buildDigest),
    'send-digest': make(QUEUE.sendDigest),
    'sweep-deliveries': make(QUEUE.sweepDeliveries),
    'sweep-articles': make(QUEUE.sweepArticles),
    'apply-retention': make(QUEUE.applyRetention),
  };
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
}

/** Validates a job's data; a malformed payload fails at once, since retrying cannot fix it. */
export function parsePayload<T>(schema: z.ZodType<T>, queue: QueueName, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new UnrecoverableError(
    `queues: malformed ${queue} payload (${z.prettifyError(result.error)})`,
  );
}

/** Custom job ids may not contain ':' (BullMQ reserves it), hence '-'. */
export function jobId(...parts: (string | number)[]): string {
  return parts.join('-');
}

/**
 * One fetch per feed and due time, however many schedulers see the feed due. A job of that id
 * that failed without moving the due time (the database was down) is retried rather than left
 * to block the feed until BullMQ trims it.
 */
export async function enqueueFetchFeed(
  queues: Queues,
  job: FeedJob,
  options: { dueAt: Date; attempts?: number | undefined },
): Promise<void> {
  const data = FeedJobSchema.parse(job);
  const queue = queues[QUEUE.fetchFeed];
  const id = jobId(QUEUE.fetchFeed, data.feedId, options.dueAt.getTime());
  const existing = await queue.getJob(id);
  if (existing && (await existing.isFailed())) {
    await existing.retry('failed', { resetAttemptsMade: true }).catch(() => undefined);
    return;
  }
  await queue.add(QUEUE.fetchFeed, data, {
    jobId: id,
    ...(options.attempts === undefined ? {} : { attempts: options.attempts }),
  });
}

/** One job per new article into fetch-article (page to fetch) or classify-article, in one addBulk each. */
export async function enqueueArticles(
  queues: Queues,
  jobs: { fetch: readonly ArticleJob[]; classify: readonly ArticleJob[] },
): Promise<void> {
  await addArticleJobs(queues, QUEUE.fetchArticle, jobs.fetch);
  await addArticleJobs(queues, QUEUE.classifyArticle, jobs.classify);
}

export async function enqueueClassifyArticle(queues: Queues, job: ArticleJob): Promise<void> {
  const data = ArticleJobSchema.parse(job);
  await queues[QUEUE.classifyArticle].add(QUEUE.classifyArticle, data, {
    jobId: jobId(QUEUE.classifyArticle, data.articleId),
  });
}

/** Job ids by article: an article offered twice is fetched or classified once while BullMQ keeps it. */
export async function addArticleJobs(
  queues: Queues,
  name: typeof QUEUE.fetchArticle | typeof QUEUE.classifyArticle,
  jobs: readonly ArticleJob[],
): Promise<void> {
  if (jobs.length === 0) return;
  const data = jobs.map((job) => ArticleJobSchema.parse(job));
  await queues[name].addBulk(
    data.map((job) => ({ name, data: job, opts: { jobId: jobId(name, job.articleId) } })),
  );
}

/** How long a new evaluation waits, so that it also covers the events of its key stored meanwhile. */
const EVALUATE_ALERT_DELAY_MS = 1_000;

/**
 * At most one pending evaluation per rule × region, by BullMQ deduplication on the key: an event
 * stored while the key's job is delayed or waiting is read by that job, which evaluates at the
 * key's newest event. While the job is active, `keepLastIfActive` keeps the latest add and
 * creates it as a new job when the active one finishes, so an event stored after the running
 * evaluation read the database still gets one (and two evaluations of a key never run at once).
 * Events are stored before this is called, which is what makes the waiting case safe.
 */
export async function enqueueEvaluateAlerts(
  queues: Queues,
  jobs: readonly AlertJob[],
): Promise<void> {
  if (jobs.length === 0) return;
  const data = jobs.map((job) => AlertJobSchema.parse(job));
  await queues[QUEUE.evaluateAlert].addBulk(
    data.map((job) => ({
      name: QUEUE.evaluateAlert,
      data: job,
      opts: {
        delay: EVALUATE_ALERT_DELAY_MS,
        // ':' cannot occur in ids ([a-z0-9-]), so rule 'a-b' × region 'c' is not rule 'a' × 'b-c'.
        deduplication: { id: `${job.ruleId}:${job.regionId}`, keepLastIfActive: true },
      },
    })),
  );
}

/**
 * One send per delivery row; leasing the row, not the job id, keeps it to one mail. `delayMs`: the
 * channel's group wait, for the rule's other regions to join the message (notify/group-wait.ts).
 */
export async function enqueueSendAlert(
  queues: Queues,
  job: DeliveryJob,
  delayMs = 0,
): Promise<void> {
  const data = DeliveryJobSchema.parse(job);
  await queues[QUEUE.sendAlert].add(QUEUE.sendAlert, data, {
    jobId: jobId(QUEUE.sendAlert, data.deliveryId),
    ...(delayMs > 0 ? { delay: delayMs } : {}),
  });
}

/** One send per digest delivery row, as for alerts: the lease keeps it to one mail. */
export async function enqueueSendDigest(queues: Queues, job: DeliveryJob): Promise<void> {
  const data = DeliveryJobSchema.parse(job);
  await queues[QUEUE.sendDigest].add(QUEUE.sendDigest, data, {
    jobId: jobId(QUEUE.sendDigest, data.deliveryId),
  });
}

/** A build of one digest now (tests, or a digest run by hand); the scheduler adds its own. */
export async function enqueueBuildDigest(queues: Queues, job: DigestJob): Promise<void> {
  const data = DigestJobSchema.parse(job);
  await queues[QUEUE.buildDigest].add(QUEUE.buildDigest, data);
}

export interface DigestSchedule {
  cron: string;
  /** IANA zone the cron is read in: BullMQ's `tz`, so 08:00 stays 08:00 across DST changes. */
  timezone: string;
}

/**
 * One job scheduler per digest (`digest-<id>`, cron `pattern` in `tz`), and none for digests no
 * longer in notify.yaml. Upserting an unchanged digest again (every start) changes nothing; several
 * processes upserting at once agree, since the id is the digest's. Returns the scheduler ids kept.
 */
export async function upsertDigestSchedulers(
  queues: Queues,
  digests: Readonly<Record<string, DigestSchedule>>,
): Promise<string[]> {
  const queue = queues[QUEUE.buildDigest];
  const kept: string[] = [];
  for (const [digestId, digest] of Object.entries(digests)) {
    const id = `${DIGEST_SCHEDULER_PREFIX}${digestId}`;
    await queue.upsertJobScheduler(
      id,
      { pattern: digest.cron, tz: digest.timezone },
      { name: QUEUE.buildDigest, data: DigestJobSchema.parse({ digestId }) },
    );
    kept.push(id);
  }
  for (const scheduler of await queue.getJobSchedulers()) {
    const id = scheduler.key;
    if (id.startsWith(DIGEST_SCHEDULER_PREFIX) && !kept.includes(id)) {
      await queue.removeJobScheduler(id);
    }
  }
  return kept;
}

/**
 * Offers a delivery still owed to its sender again. A job of its id that finished (failed for good
 * after a long outage) runs again; a job still waiting, retrying, or active (a dead worker's
 * active job comes back through BullMQ's stall recovery) is left alone (false); a lost one is
 * added anew.
 */
export async function reofferDelivery(
  queues: Queues,
  delivery: { id: number; digestRunId: number | null },
): Promise<boolean> {
  // Alerts and feed health notices are sent by send-alert, digest runs by send-digest.
  const name = delivery.digestRunId === null ? QUEUE.sendAlert : QUEUE.sendDigest;
  const data = DeliveryJobSchema.parse({ deliveryId: delivery.id });
  const queue = queues[name];
  const id = jobId(name, data.deliveryId);
  const existing = await queue.getJob(id);
  if (!existing) {
    await queue.add(name, data, { jobId: id });
    return true;
  }
  const state = await existing.getState();
  if (state !== 'failed' && state !== 'completed') return false;
  await existing.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
  return true;
}

/** The repeatable job that offers owed deliveries again; upserting it again changes nothing. */
export async function upsertDeliverySweeper(queues: Queues): Promise<void> {
  await queues[QUEUE.sweepDeliveries].upsertJobScheduler(
    SWEEP_SCHEDULER_ID,
    { every: SWEEP_SCHEDULER_EVERY_MS },
    { name: QUEUE.sweepDeliveries, data: {}, opts: { attempts: 1, removeOnComplete: 100 } },
  );
}

/** The repeatable job that offers unfinished articles again; upserting it again changes nothing. */
export async function upsertArticleSweeper(queues: Queues): Promise<void> {
  await queues[QUEUE.sweepArticles].upsertJobScheduler(
    ARTICLE_SWEEPER_ID,
    { every: ARTICLE_SWEEP_EVERY_MS },
    { name: QUEUE.sweepArticles, data: {}, opts: { attempts: 1, removeOnComplete: 100 } },
  );
}

const RETENTION_SCHEDULER_ID = 'retention';
const RETENTION_EVERY_MS = 3_600_000;

/** The repeatable job that applies the retention settings; upserting it again changes nothing. */
export async function upsertRetentionScheduler(queues: Queues): Promise<void> {
  await queues[QUEUE.applyRetention].upsertJobScheduler(
    RETENTION_SCHEDULER_ID,
    { every: RETENTION_EVERY_MS },
    { name: QUEUE.applyRetention, data: {}, opts: { attempts: 1, removeOnComplete: 100 } },
  );
}

/** The repeatable job that lists due feeds; upserting it again (every start) changes nothing. */
export async function upsertFeedScheduler(queues: Queues): Promise<void> {
  await queues[QUEUE.scheduleFeeds].upsertJobScheduler(
    FEED_SCHEDULER_ID,
    { every: FEED_SCHEDULER_EVERY_MS },
    { name: QUEUE.scheduleFeeds, data: {}, opts: { attempts: 1, removeOnComplete: 100 } },
  );
}

/** Queue names from a comma list (`--queues fetch-feed,classify-article`); UserError on unknown ones. */
export function parseQueueNames(text: string): QueueName[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.find((name) => !QUEUE_NAMES.includes(name as QueueName));
  if (unknown !== undefined) {
    throw new UserError(`queues: unknown queue "${unknown}" (known: ${QUEUE_NAMES.join(', ')})`);
  }
  if (names.length === 0) throw new UserError('queues: --queues names no queue');
  return [...new Set(names as QueueName[])];
}
