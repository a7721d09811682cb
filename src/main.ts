// Composition root: env → config → Deps → workers, schedulers, HTTP server; stops on SIGTERM/SIGINT.
import type { Server } from 'node:http';
import type { Worker } from 'bullmq';
import { loadEnv } from './config/env.ts';
import { loadConfig } from './config/load.ts';
import { type ConfigReloader, createConfigReloader } from './config-reload.ts';
import { closeDeps, type Deps, openDeps } from './deps.ts';
import {
  QUEUE,
  type QueueName,
  upsertArticleSweeper,
  upsertDeliverySweeper,
  upsertDigestSchedulers,
  upsertFeedScheduler,
  upsertRetentionScheduler,
} from './queues/index.ts';
import { advertiseWorkspacePort, startHttpServer, stopHttpServer } from './server/http.ts';
import { createMetrics } from './server/metrics.ts';
import { upsertFeeds } from './store/feeds.ts';
import { closeWorkers, startWorkers } from './workers/index.ts';

export interface AppOptions {
  /** Config directory; default VIGIE_CONFIG or `config`. */
  configDir?: string | undefined;
  /** Queues this process works on. */
  queues: readonly QueueName[];
  /**
   * Also sync the config's feeds into the store and run the feed scheduler, set the digests' job
   * schedulers to notify.yaml, and run the delivery sweeper (`vigie run`, `vigie worker --scheduler`).
   */
  scheduler: boolean;
  /** Serve /healthz, /readyz, /metrics and the /queues dashboard on this port (default: no server). */
  port?: number | undefined;
  /** How long active jobs may take to finish on shutdown before they are abandoned to stall recovery. */
  shutdownDeadlineMs?: number | undefined;
  /** Reload the config when its files change (debounced); SIGHUP reloads in `runApp` either way. */
  watchConfig?: boolean | undefined;
  /** How long the config files must stay unchanged before a reload (default 300 ms). */
  reloadDebounceMs?: number | undefined;
}

export interface RunningApp {
  deps: Deps;
  server: Server | undefined;
  /** Reloads the config of this process (SIGHUP, file changes): validated whole, or the last valid kept. */
  reloader: ConfigReloader;
  stop(): Promise<void>;
}

/**
 * Runs until SIGTERM or SIGINT, then shuts down gracefully; a second signal exits at once. SIGHUP
 * and changes of the config files reload the config.
 */
export async function runApp(options: AppOptions): Promise<void> {
  const env = loadEnv();
  const config = await loadConfig(options.configDir ?? env.configDir);
  const deps = await openDeps({ env, config });
  // Listened for from the start: SIGHUP's default action would end the process. One that comes
  // while the app starts reloads once it has started.
  let reloader: ConfigReloader | undefined;
  let hungUp = false;
  const onHangup = () => {
    if (reloader) void reloader.reload('signal');
    else hungUp = true;
  };
  process.on('SIGHUP', onHangup);
  const app = await startApp(deps, { watchConfig: true, ...options }).catch(async (error) => {
    process.off('SIGHUP', onHangup);
    await closeDeps(deps);
    throw error;
  });
  reloader = app.reloader;
  if (hungUp) onHangup();
  const signal = await nextSignal();
  // The handler stays: a SIGHUP while stopping would otherwise end the process at once. The
  // reloader ignores it once closed.
  deps.log.info({ signal }, 'shutting down');
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  await app.stop();
  deps.log.info('stopped');
}

/**
 * Listens first, then sets the schedulers, then starts the workers: a step that fails (a port in
 * use, Redis gone) closes what the earlier ones opened, so a failed start leaves nothing running.
 */
export async function startApp(deps: Deps, options: AppOptions): Promise<RunningApp> {
  const metrics = createMetrics(deps);
  const queues = options.scheduler ? withScheduler(options.queues) : options.queues;
  const server =
    options.port === undefined ? undefined : await startHttpServer(deps, metrics, options.port);
  if (server && deps.store.backend === 'pglite') advertiseWorkspacePort(deps, server);
  try {
    if (options.scheduler) await upsertSchedulers(deps);
  } catch (error) {
    if (server) await stopHttpServer(server);
    throw error;
  }
  const workers: Worker[] = startWorkers(deps, queues, { observers: [metrics.observer] });
  const reloader = createConfigReloader(deps, {
    dir: deps.config.dir,
    debounceMs: options.reloadDebounceMs,
    onApplied: options.scheduler ? () => syncConfig(deps) : undefined,
    onOutcome: (outcome) => metrics.configReloaded(outcome.ok ? 'ok' : 'invalid'),
  });
  if (options.watchConfig) reloader.watch();
  deps.log.info(
    { queues, scheduler: options.scheduler, port: options.port, prefix: deps.prefix },
    'vigie started',
  );
  return {
    deps,
    server,
    reloader,
    stop: async () => {
      await reloader.close();
      if (server) await stopHttpServer(server);
      await closeWorkers(workers, options.shutdownDeadlineMs);
      await closeDeps(deps);
    },
  };
}

async function upsertSchedulers(deps: Deps): Promise<void> {
  await syncConfig(deps);
  await upsertFeedScheduler(deps.queues);
  await upsertDeliverySweeper(deps.queues);
  await upsertArticleSweeper(deps.queues);
  await upsertRetentionScheduler(deps.queues);
}

/** What the config sets outside this process: the feeds' rows (polled by the scheduler) and the digests' repeat jobs. */
async function syncConfig(deps: Deps): Promise<void> {
  await upsertFeeds(
    deps.store.db,
    deps.config.feeds.map(({ id, url }) => ({ id, url })),
    deps.clock.now(),
  );
  await upsertDigestSchedulers(deps.queues, deps.config.notify.digests);
}

function withScheduler(queues: readonly QueueName[]): QueueName[] {
  // The schedulers' own queues: a digest scheduled here is also built and sent here.
  const own = [
    QUEUE.scheduleFeeds,
    QUEUE.sweepDeliveries,
    QUEUE.sweepArticles,
    QUEUE.applyRetention,
    QUEUE.buildDigest,
    QUEUE.sendDigest,
  ].filter((name) => !queues.includes(name));
  return [...own, ...queues];
}

function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
