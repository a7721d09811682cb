// One Redis against a 3-node Redis Cluster on this machine: BullMQ's fan-out chain in jobs per second, and a kept job's memory.
//
// The chain is bench/bare-chain.ts's (20 "feeds" of 100 "articles" through three no-op stages),
// run in this process on each target in turn, with vigie's queue prefixes (a hash tag per queue
// on the cluster). Memory is read on the cluster, which nothing else uses: used_memory of its
// nodes before and after a run, over the jobs the run leaves behind (completed jobs are kept).
import { randomBytes } from 'node:crypto';
import { type Job, Queue, Worker } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { parseClusterNodes, type RedisClusterSpec } from '../src/config/redis-cluster.ts';
import { connectRedis } from '../src/deps.ts';
import { DEFAULT_JOB_OPTIONS, queueKeyPrefix } from '../src/queues/index.ts';
import { BARE_STAGES, type BareFeedJob } from './bare-chain.ts';
import { startCluster, type TestCluster } from './redis-cluster.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const FEEDS = 20;
const ITEMS_PER_FEED = 100;
const ROUNDS = 3;

export interface ClusterRun {
  target: 'one Redis' | '3-node cluster';
  round: number;
  seconds: number;
  jobs: number;
  jobsPerSecond: number;
  articlesPerSecond: number;
}

export interface ClusterFigures {
  runs: ClusterRun[];
  /** Bytes of Redis memory per job kept after a run (used_memory of every node), or undefined. */
  bytesPerKeptJob: number | undefined;
  /** The nodes holding the three stages' keys, by port. */
  nodesUsed: number;
}

export async function benchCluster(): Promise<ClusterFigures> {
  const cluster = await startCluster();
  const spec = parseClusterNodes(cluster.nodes) as RedisClusterSpec;
  const runs: ClusterRun[] = [];
  let bytesPerKeptJob: number | undefined;
  let nodesUsed = 0;
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      runs.push(await runChain('one Redis', REDIS_URL, round));
      const before = await usedMemory(cluster);
      const run = await runChain('3-node cluster', spec, round, async (prefix) => {
        bytesPerKeptJob =
          ((await usedMemory(cluster)) - before) / (FEEDS * (ITEMS_PER_FEED * 2 + 1));
        nodesUsed = await countNodesWithKeys(cluster, prefix);
      });
      runs.push(run);
    }
  } finally {
    await cluster.stop();
  }
  return { runs, bytesPerKeptJob, nodesUsed };
}

/** One timed run of the chain; `inspect` sees the kept jobs before they are removed. */
async function runChain(
  target: ClusterRun['target'],
  redis: string | RedisClusterSpec,
  round: number,
  inspect?: (prefix: string) => Promise<void>,
): Promise<ClusterRun> {
  const prefix = `vigie-bench-cluster-${randomBytes(4).toString('hex')}`;
  const connection = await connectRedis(redis);
  const producer = await connectRedis(redis, undefined, 'producer');
  const queueOf = (name: string) =>
    new Queue(name, {
      connection: producer,
      prefix: queueKeyPrefix(prefix, name, producer.isCluster),
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
  const queues = BARE_STAGES.map((stage) => queueOf(stage.queue));
  const [queueA, queueB, queueC] = queues as [Queue, Queue, Queue];
  const last = FEEDS * ITEMS_PER_FEED;
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const workers = startChainWorkers(connection, prefix, queueB, queueC, () => {
    done += 1;
    if (done === last) finish();
  });
  try {
    await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    const started = performance.now();
    for (let feed = 0; feed < FEEDS; feed++) {
      const job: BareFeedJob = { feed, items: ITEMS_PER_FEED };
      await queueA.add('bare-a', job, { jobId: `bare-a-${feed}` });
    }
    await finished;
    const seconds = (performance.now() - started) / 1000;
    await inspect?.(prefix);
    const jobs = FEEDS * (ITEMS_PER_FEED * 2 + 1);
    return {
      target,
      round,
      seconds,
      jobs,
      jobsPerSecond: jobs / seconds,
      articlesPerSecond: last / seconds,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
    await Promise.all(queues.map((queue) => queue.obliterate({ force: true })));
    await Promise.all(queues.map((queue) => queue.close()));
    await Promise.all([connection.quit(), producer.quit()]);
  }
}

function startChainWorkers(
  connection: Redis | Cluster,
  prefix: string,
  queueB: Queue,
  queueC: Queue,
  onLast: () => void,
): Worker[] {
  const processors: Record<string, (job: Job) => Promise<void>> = {
    'bare-a': async (job) => {
      const { feed, items } = job.data as BareFeedJob;
      for (let i = 0; i < items; i++) {
        const id = feed * items + i + 1;
        await queueB.add('bare-b', { articleId: id }, { jobId: `bare-b-${id}` });
      }
    },
    'bare-b': async (job) => {
      const { articleId } = job.data as { articleId: number };
      await queueC.add('bare-c', { articleId }, { jobId: `bare-c-${articleId}` });
    },
    'bare-c': async () => undefined,
  };
  return BARE_STAGES.map((stage) => {
    const worker = new Worker(stage.queue, processors[stage.queue], {
      connection,
      prefix: queueKeyPrefix(prefix, stage.queue, connection.isCluster),
      concurrency: stage.concurrency,
    });
    if (stage.queue === 'bare-c') worker.on('completed', onLast);
    return worker;
  });
}

async function usedMemory(cluster: TestCluster): Promise<number> {
  const infos = await Promise.all(cluster.ports.map((port) => cluster.cli(port, 'info', 'memory')));
  return infos.reduce((sum, info) => sum + Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0), 0);
}

async function countNodesWithKeys(cluster: TestCluster, prefix: string): Promise<number> {
  const counts = await Promise.all(
    cluster.ports.map((port) => cluster.cli(port, '--scan', '--pattern', `${prefix}:*`)),
  );
  return counts.filter((keys) => keys.trim() !== '').length;
}
