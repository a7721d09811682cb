// Config reload (SIGHUP, or the config files changed): the new config validated whole, then swapped into Deps at once.
import { type FSWatcher, watch } from 'node:fs';
import { indexConfigById } from './config/by-id.ts';
import { loadConfig, type VigieConfig } from './config/load.ts';
import { matcherOf } from './config/matcher-cache.ts';
import type { ReloadOutcome, ReloadTrigger } from './config/reload-outcome.ts';
import type { Deps } from './deps.ts';
import { ConfigError } from './lib/errors.ts';

export type { ReloadOutcome, ReloadTrigger } from './config/reload-outcome.ts';

/** Where the live config and its last reload are kept: the Deps every worker and page reads. */
export type ReloadTarget = Pick<Deps, 'config' | 'matcher' | 'byId' | 'clock' | 'log'> & {
  lastReload?: ReloadOutcome | undefined;
};

export interface ConfigReloaderOptions {
  dir: string;
  /** After a valid config is in place: sync what lives outside the process (feeds, repeat jobs). */
  onApplied?: ((config: VigieConfig) => Promise<void>) | undefined;
  /** Every outcome, valid or not (the metric). */
  onOutcome?: ((outcome: ReloadOutcome) => void) | undefined;
  /** How long the files must stay unchanged before a reload (editors write in steps); default 300 ms. */
  debounceMs?: number | undefined;
}

export interface ConfigReloader {
  /** Reloads now; a reload asked for while one runs runs once more after it. */
  reload(trigger: ReloadTrigger): Promise<ReloadOutcome>;
  /** Watches the config directory and reloads once its files have stopped changing. */
  watch(): void;
  /** Stops watching and waits for a reload under way: none starts after it (a late one is ignored). */
  close(): Promise<void>;
}

/** The config files a change of which asks for a reload (load.ts reads these). */
const WATCHED = new Set([
  'feeds.yaml',
  'regions.yaml',
  'regions.local.yaml',
  'rules.yaml',
  'notify.yaml',
  'regions.depth.json',
]);

const DEFAULT_DEBOUNCE_MS = 300;

export function createConfigReloader(
  target: ReloadTarget,
  options: ConfigReloaderOptions,
): ConfigReloader {
  // Reloads run one after another; one waiting reload reads every change made before it starts.
  let chain: Promise<unknown> = Promise.resolve();
  let waiting: Promise<ReloadOutcome> | undefined;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const runOnce = async (trigger: ReloadTrigger): Promise<ReloadOutcome> => {
    waiting = undefined;
    // The process is stopping: its store and queues may be closing.
    if (closed) return { at: target.clock.now(), trigger, ok: false, problems: ['stopping'] };
    const outcome = await applyConfig(target, options, trigger);
    target.lastReload = outcome;
    options.onOutcome?.(outcome);
    return outcome;
  };

  const reload = (trigger: ReloadTrigger): Promise<ReloadOutcome> => {
    if (waiting) return waiting;
    const next = chain.then(() => runOnce(trigger));
    waiting = next;
    chain = next.catch(() => undefined);
    return next;
  };

  return {
    reload,
    watch: () => {
      if (watcher) return;
      const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
      watcher = watch(options.dir, (_event, name) => {
        // Some platforms give no name: any change then counts. A Kubernetes ConfigMap swaps its
        // files at once through the `..data` link, whose change is the only one seen.
        if (name !== null && !WATCHED.has(String(name)) && !String(name).startsWith('..')) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reload('file'), debounceMs);
      });
      watcher.on('error', (error) =>
        target.log.warn({ dir: options.dir, err: error.message }, 'config watch failed'),
      );
    },
    close: async () => {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
      await chain;
    },
  };
}

/** Loads, validates and compiles the config; puts it in place only when all of that succeeded. */
async function applyConfig(
  target: ReloadTarget,
  options: ConfigReloaderOptions,
  trigger: ReloadTrigger,
): Promise<ReloadOutcome> {
  const at = target.clock.now();
  let config: VigieConfig;
  try {
    config = await loadConfig(options.dir);
    const matcher = matcherOf(config);
    const byId = indexConfigById(config);
    // In one synchronous step: a job reads either the old config or the new one, never a mixture
    // of the matcher of one and the rules of the other.
    Object.assign(target, { config, matcher, byId });
  } catch (error) {
    const problems = problemsOf(error);
    target.log.error(
      { dir: options.dir, trigger, problems },
      'config reload failed, the last valid config keeps running',
    );
    return { at, trigger, ok: false, problems };
  }
  target.log.info(
    { dir: options.dir, trigger, feeds: config.feeds.length, rules: config.rules.length },
    'config reloaded',
  );
  try {
    await options.onApplied?.(config);
  } catch (error) {
    // The config runs; what it syncs outside (feed rows, digest schedules) is tried at the next reload.
    target.log.error({ err: (error as Error).message }, 'config reload: sync failed');
  }
  return { at, trigger, ok: true, problems: [] };
}

function problemsOf(error: unknown): string[] {
  if (error instanceof ConfigError) return error.problems;
  return [error instanceof Error ? error.message : String(error)];
}
