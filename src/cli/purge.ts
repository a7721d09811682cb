// `vigie purge [--dry-run]`: applies feeds.yaml's retention settings now, or says what would go.
import type { Command } from 'commander';
import { systemClock } from '../lib/clock.ts';
import type { PurgeCounts, RetentionCutoffs } from '../store/retention.ts';
import { configDirOption } from './options.ts';

interface PurgeOptions {
  config: string;
  dryRun?: boolean;
  json?: boolean;
}

export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description('apply the retention settings of feeds.yaml now')
    .option('--dry-run', 'only count what would be emptied or deleted')
    .option('--json', 'print {"dryRun","cutoffs","counts"} as one JSON object')
    .option('--config <dir>', 'config directory', configDirOption())
    .action(purge);
}

async function purge(options: PurgeOptions): Promise<void> {
  // Loaded on use: the store (and PGlite) would slow every other command's start.
  const [{ loadConfig }, { loadEnv }, { openStore }, retention] = await Promise.all([
    import('../config/load.ts'),
    import('../config/env.ts'),
    import('../open-store.ts'),
    import('../store/retention.ts'),
  ]);
  const config = await loadConfig(options.config);
  const cutoffs = retention.retentionCutoffs(config.retention, systemClock.now());
  const store = await openStore(loadEnv());
  try {
    const counts = options.dryRun
      ? await retention.countExpired(store.db, cutoffs)
      : await retention.purgeExpired(store.db, cutoffs, { batchSize: 1_000, maxBatches: Infinity });
    const dryRun = options.dryRun === true;
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ dryRun, cutoffs, counts })}\n`
        : formatPurge(counts, cutoffs, dryRun),
    );
  } finally {
    await store.close();
  }
}

const LINES: Record<keyof PurgeCounts, [string, string, keyof RetentionCutoffs]> = {
  articleTexts: ['article texts', 'emptied (rows and events kept)', 'articleText'],
  deliveries: ['deliveries', 'deleted', 'events'],
  alerts: ['alerts', 'deleted', 'events'],
  digestRuns: ['digest runs', 'deleted', 'events'],
  feedNotices: ['feed notices', 'deleted', 'events'],
  events: ['events', 'deleted', 'events'],
  fetches: ['fetch history rows', 'deleted', 'fetchHistory'],
};

/** One line per kind: `     12  events deleted, older than 2023-09-01 10:00 UTC` (`would be deleted` in a dry run). */
export function formatPurge(
  counts: PurgeCounts,
  cutoffs: RetentionCutoffs,
  dryRun: boolean,
): string {
  const lines = Object.entries(LINES).map(([kind, [noun, verb, cutoff]]) => {
    const n = String(counts[kind as keyof PurgeCounts]).padStart(8);
    const when = cutoffs[cutoff].toISOString().slice(0, 16).replace('T', ' ');
    return `${n}  ${noun} ${dryRun ? 'would be ' : ''}${verb}, older than ${when} UTC`;
  });
  return `${dryRun ? 'dry run, nothing changed:' : 'retention applied:'}\n${lines.join('\n')}\n`;
}
