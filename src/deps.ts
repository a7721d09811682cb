// The one Deps object every worker and command runs with: env, config, matcher, clock, log, store, queues, Redis, http.
import type { JobsOptions } from 'bullmq';
import { Cluster, type ClusterOptions, Redis } from 'ioredis';
import { type ConfigById, indexConfigById } from './config/by-id.ts';
import type { VigieEnv } from './config/env.ts';
import type { VigieConfig } from './config/load.ts';
import { matcherOf } from './config/matcher-cache.ts';
import type { RedisClusterSpec } from './config/redis-cluster.ts';
import type { ReloadOutcome } from './config/reload-outcome.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import { UserError } from './lib/errors.ts';
import { restoreFastStringPrototype } from './lib/fast-strings.ts';
import { type FetchOptions, type FetchResult, fetchUrl } from './lib/http.ts';
import { createLogger, type Logger, type RepeatedLog, summariseRepeats } from './lib/logger.ts';
import { openStore } from './open-store.ts';
import { closeQueues, createQueues, type Queues } from './queues/index.ts';
import type { Matcher } from './rules/compile.ts';
import type { Store } from './store/database.ts';

// Right after ioredis is loaded, before config loading or any work compiles the string scanners.
restoreFastStringPrototype();

/** What workers may ask of the network: a GET with the safety limits and the allow list already set. */
export interface Http {
  fetch(
    url: string,
    options?: Pick<FetchOptions, 'etag' | 'lastModified' | 'accept' | 'signal'>,
  ): Promise<FetchResult>;
}

export interface Deps {
  env: VigieEnv;
  config: VigieConfig;
  /** Compiled once per config: compiling a thousand rules per article would dominate. */
  matcher: Matcher;
  /** The config's feeds, rules and regions by id, built with it: jobs look them up here. */
  byId: ConfigById;
  clock: Clock;
  log: Logger;
  /** For errors that repeat while a server is away: at most one line a second per cause. */
  logRepeated: RepeatedLog;
  store: Store;
  queues: Queues;
  /** The BullMQ prefix the queues and workers share (VIGIE_QUEUE_PREFIX, or ingest's own). */
  prefix: string;
  /** The workers' connection (BullMQ duplicates it for blocking reads): waits out an outage. */
  connection: Redis | Cluster;
  /** The queues' connection, that adds jobs: fails fast while Redis is away (`connectRedis`). */
  producer: Redis | Cluster;
  http: Http;
  /**
   * The last config reload's outcome (config-reload.ts), none before the first. A reload replaces
   * `config`, `matcher` and `byId` together: a job reads them from here when it runs, never keeps them.
   */
  lastReload?: ReloadOutcome | undefined;
}

export interface OpenDepsOptions {
  env: VigieEnv;
  config: VigieConfig;
  log?: Logger | undefined;
  clock?: Clock | undefined;
  http?: Http | undefined;
  store?: Store | undefined;
  prefix?: string | undefined;
  defaultJobOptions?: JobsOptions | undefined;
  /** Whole-fetch time limit for feeds and pages, default 30 s. */
  fetchTimeoutMs?: number | undefined;
  /**
   * `config`'s matcher when the caller has it already; default `matcherOf(config)`, which reads the
   * cache only for a config as loadConfig returned it, not for a copy with changes (ingest's).
   */
  matcher?: Matcher | undefined;
}

export async function openDeps(options: OpenDepsOptions): Promise<Deps> {
  const { env, config } = options;
  // Again, in case a module loaded since undid it: the matcher's compilation is the first hot code.
  restoreFastStringPrototype();
  const matcher = options.matcher ?? matcherOf(config);
  const byId = indexConfigById(config);
  const log = options.log ?? createLogger();
  const logRepeated = summariseRepeats(log);
  const target = env.redisCluster ?? env.redisUrl;
  const connection = await connectRedis(target, logRepeated);
  let producer: Redis | Cluster | undefined;
  try {
    producer = await connectRedis(target, logRepeated, 'producer');
    const store = options.store ?? (await openStore(env, logStoreError(logRepeated)));
    const prefix = options.prefix ?? env.queuePrefix;
    const queues = createQueues({
      connection: producer,
      prefix,
      defaultJobOptions: options.defaultJobOptions,
    });
    const http = options.http ?? createHttp(env.allowHosts, options.fetchTimeoutMs);
    const clock = options.clock ?? systemClock;
    return {
      ...{ env, config, matcher, byId, clock, log, logRepeated, store },
      ...{ queues, prefix, connection, producer, http },
    };
  } catch (error) {
    connection.disconnect();
    producer?.disconnect();
    throw error;
  }
}

/** Closes what openDeps opened, queues before the connection they use, the store last. */
export async function closeDeps(deps: Deps): Promise<void> {
  await closeQueues(deps.queues);
  await deps.producer.quit().catch(() => deps.producer.disconnect());
  await deps.connection.quit().catch(() => deps.connection.disconnect());
  await deps.store.close();
}

export function createHttp(allowHosts: readonly string[], totalTimeoutMs?: number): Http {
  return {
    fetch: (url, options = {}) =>
      fetchUrl(url, { ...options, allowHosts, ...(totalTimeoutMs ? { totalTimeoutMs } : {}) }),
  };
}

/**
 * How a connection behaves while Redis is away (BullMQ's production guide). A worker's commands
 * wait for the reconnection: blocking reads need `maxRetriesPerRequest: null`, and a job's state
 * must not be lost. A producer's fail at once (no offline queue; a command in flight when the
 * connection drops is tried once more), so whoever adds a job hears of the outage and its own
 * retry policy applies: a worker's job fails and is retried, a command exits with the error.
 */
const ROLE_OPTIONS = {
  worker: { maxRetriesPerRequest: null },
  producer: { maxRetriesPerRequest: 1, enableOfflineQueue: false },
} as const;

/**
 * A connection to Redis, or to a Redis Cluster (REDIS_CLUSTER_NODES), for workers or for the
 * queues that add jobs. The first connect is awaited so that a wrong address is one clear error
 * rather than commands queued forever.
 */
export async function connectRedis(
  url: string,
  logRepeated?: RepeatedLog,
  role?: keyof typeof ROLE_OPTIONS,
): Promise<Redis>;
export async function connectRedis(
  target: string | RedisClusterSpec,
  logRepeated?: RepeatedLog,
  role?: keyof typeof ROLE_OPTIONS,
): Promise<Redis | Cluster>;
export async function connectRedis(
  target: string | RedisClusterSpec,
  logRepeated?: RepeatedLog,
  role: keyof typeof ROLE_OPTIONS = 'worker',
): Promise<Redis | Cluster> {
  const connection =
    typeof target === 'string'
      ? new Redis(target, { ...ROLE_OPTIONS[role], lazyConnect: true })
      : new Cluster(target.nodes, clusterOptions(target, role));
  let lastError: Error | undefined;
  let connected = false;
  // Without a listener ioredis prints every reconnection failure to the console. Before the first
  // connect, the failure is the one line the start ends with.
  connection.on('error', (error: Error) => {
    lastError = error;
    if (!connected) return;
    logRepeated?.(
      'warn',
      `redis:${error.message}`,
      { err: error.message },
      'redis connection error',
    );
  });
  try {
    await connection.connect();
    connected = true;
  } catch (error) {
    connection.disconnect();
    const reason = (lastError ?? (error as Error)).message;
    throw new UserError(`queues: cannot connect to ${describeTarget(target)} (${reason})`);
  }
  return connection;
}

/**
 * The same roles on a cluster: the per-node options go in `redisOptions` (where BullMQ checks
 * `maxRetriesPerRequest`), the offline queue is the cluster's own. The first connect fails when
 * no node listed answers with the slots map ("Failed to refresh slots cache").
 */
function clusterOptions(spec: RedisClusterSpec, role: keyof typeof ROLE_OPTIONS): ClusterOptions {
  const { enableOfflineQueue, ...perNode } = { enableOfflineQueue: true, ...ROLE_OPTIONS[role] };
  return {
    lazyConnect: true,
    enableOfflineQueue,
    // With TLS, nodes are reached by the names given, not resolved to addresses first, so that the
    // certificates (which name hosts) verify: ioredis's advice for managed clusters with TLS.
    ...(spec.tls ? { dnsLookup: keepHostName } : {}),
    redisOptions: {
      ...perNode,
      ...(spec.username ? { username: spec.username } : {}),
      ...(spec.password ? { password: spec.password } : {}),
      ...(spec.tls ? { tls: {} } : {}),
    },
  };
}

function keepHostName(
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, address: string) => void,
): void {
  callback(null, hostname);
}

function describeTarget(target: string | RedisClusterSpec): string {
  if (typeof target === 'string') return `Redis at ${redactUrl(target)}`;
  const nodes = target.nodes.map((node) => `${node.host}:${node.port}`).join(',');
  return `the Redis Cluster at ${nodes}`;
}

function logStoreError(logRepeated: RepeatedLog) {
  return (error: Error) =>
    logRepeated(
      'warn',
      `store:${error.message}`,
      { err: error.message, code: (error as NodeJS.ErrnoException).code },
      'database connection error',
    );
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
