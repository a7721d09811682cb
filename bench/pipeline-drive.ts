// Driving one pipeline benchmark run from outside the workers: add the first jobs, wait for the queues, read stage times.
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { countPendingJobs, waitUntilIdle } from '../src/queues/idle.ts';
import {
  closeQueues,
  createQueues,
  enqueueFetchFeed,
  PIPELINE_QUEUES,
  QUEUE,
  type QueueName,
} from '../src/queues/index.ts';
import { BARE_STAGES, type BareFeedJob } from './bare-chain.ts';

/** The queues that lead to stored events: `vigie worker`'s default; evaluate-alert and send-alert follow. */
export const EVENT_QUEUES: readonly QueueName[] = [
  QUEUE.fetchFeed,
  QUEUE.fetchArticle,
  QUEUE.classifyArticle,
];

/** One queue's completed jobs: mean run time, and when the stage was busy (seconds from the start). */
export interface StageTiming {
  queue: string;
  jobs: number;
  meanMs: number;
  firstStart: number;
  lastEnd: number;
}

export interface RunTimes {
  /** From adding the first job until the measured queues are idle, or the deadline. */
  seconds: number;
  /** The run was cut short at the deadline: `completed` is what got through by then. */
  timedOut: boolean;
  /** Jobs completed by the last measured stage: articles classified, or bare-c jobs. */
  completed: number;
  stages: StageTiming[];
  /** Jobs still pending in the other queues then (alert evaluations). */
  backlog: number;
}

/** The queues of one run, the first jobs to add, and which queues must drain. */
export interface Drive {
  start(): Promise<void>;
  /** Drained when the run is over. */
  measured: Queue[];
  /** Worked on as well, but not waited for. */
  others: Queue[];
  close(): Promise<void>;
}

/** One fetch-feed job per feed; measured until the last event is stored. */
export function driveVigie(
  connection: Redis,
  prefix: string,
  feedIds: string[],
  workerQueues: readonly QueueName[],
): Drive {
  const queues = createQueues({ connection, prefix });
  const worked = PIPELINE_QUEUES.filter((name) => workerQueues.includes(name));
  const measured = worked.filter((name) => EVENT_QUEUES.includes(name)).map((name) => queues[name]);
  const others = worked.filter((name) => !EVENT_QUEUES.includes(name)).map((name) => queues[name]);
  return {
    start: async () => {
      const dueAt = new Date();
      for (const feedId of feedIds) await enqueueFetchFeed(queues, { feedId }, { dueAt });
    },
    measured,
    others,
    close: async () => {
      await Promise.all(Object.values(queues).map((queue) => queue.obliterate({ force: true })));
      await closeQueues(queues);
    },
  };
}

/** The same fan-out through three no-op stages: one job per feed, then one per article in each stage. */
export function driveBareChain(
  connection: Redis,
  prefix: string,
  feeds: number,
  itemsPerFeed: number,
): Drive {
  const queues = BARE_STAGES.map((stage) => new Queue(stage.queue, { connection, prefix }));
  return {
    start: async () => {
      for (let feed = 0; feed < feeds; feed++) {
        const job: BareFeedJob = { feed, items: itemsPerFeed };
        await queues[0]?.add('bare-a', job, { jobId: `bare-a-${feed}` });
      }
    },
    measured: queues,
    others: [],
    close: async () => {
      await Promise.all(queues.map((queue) => queue.obliterate({ force: true })));
      await Promise.all(queues.map((queue) => queue.close()));
    },
  };
}

/**
 * Times the drive, waiting on job events (src/queues/idle.ts) that listen before the first job.
 * A run that outlasts `deadlineMs` is cut short, so that one pathological setup cannot hold the
 * benchmark (and the machine's lock) for a quarter of an hour.
 */
export async function timeDrive(
  drive: Drive,
  redisUrl: string,
  prefix: string,
  deadlineMs: number,
): Promise<RunTimes> {
  const { hostname, port } = new URL(redisUrl);
  const connection = { host: hostname, port: Number(port || 6379) };
  // Every chain of jobs ends with a job of the last stage, so its events are enough to notice the
  // end; listening to every stage would re-count the queues three times as often, on the CPU the
  // workers are measured on.
  const last = drive.measured.at(-1);
  const events = last ? [new QueueEvents(last.name, { connection, prefix })] : [];
  try {
    await Promise.all(events.map((queueEvents) => queueEvents.waitUntilReady()));
    const startedAt = Date.now();
    const started = performance.now();
    await drive.start();
    const timedOut = await raceDeadline(waitUntilIdle(drive.measured, events), deadlineMs);
    const seconds = (performance.now() - started) / 1000;
    const completed = last ? await last.getCompletedCount() : 0;
    const backlog = await countPendingJobs(drive.others);
    const stages = await readStageTimings(drive.measured, startedAt);
    return { seconds, timedOut, completed, backlog, stages };
  } finally {
    await Promise.all(events.map((queueEvents) => queueEvents.close()));
  }
}

/** True if `deadlineMs` passed first. */
async function raceDeadline(work: Promise<void>, deadlineMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), deadlineMs);
  });
  try {
    return await Promise.race([work.then(() => false), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** From the completed jobs BullMQ keeps (the last 5,000 of each queue): where the time went. */
async function readStageTimings(queues: Queue[], startedAt: number): Promise<StageTiming[]> {
  const timings: StageTiming[] = [];
  for (const queue of queues) {
    const jobs = await queue.getJobs(['completed']);
    const started = jobs.map((job) => job.processedOn ?? startedAt);
    const finished = jobs.map((job) => job.finishedOn ?? startedAt);
    if (jobs.length === 0) continue;
    const ran = finished.reduce((sum, end, i) => sum + end - (started[i] ?? end), 0);
    timings.push({
      queue: queue.name,
      jobs: jobs.length,
      meanMs: ran / jobs.length,
      firstStart: (Math.min(...started) - startedAt) / 1000,
      lastEnd: (Math.max(...finished) - startedAt) / 1000,
    });
  }
  return timings;
}
