// `vigie feeds`: every feed's health (state, last success, failures, items per day, extraction outcomes); `vigie feeds retry ID` re-enables one.
import type { Command } from 'commander';
import type { VigieConfig } from '../config/load.ts';
import { suggestName } from '../config/suggest.ts';
import { systemClock } from '../lib/clock.ts';
import { parseDuration } from '../lib/duration.ts';
import { UserError } from '../lib/errors.ts';
import type { FeedHealthRow } from '../store/feed-health-report.ts';
import { configDirOption } from './options.ts';
import { withStore } from './with-store.ts';

interface ListOptions {
  config: string;
  since: string;
  json?: boolean;
}

export function registerFeedsCommand(program: Command): void {
  const feeds = program.command('feeds').description("each feed's health; retry ID re-enables one");
  feeds
    .command('list', { isDefault: true })
    .description("each feed's health (the default)")
    .option('--since <duration>', 'period of the counts (fetches, items, extraction)', '7d')
    .option('--json', 'one JSON object per feed and line')
    .option('--config <dir>', 'config directory', configDirOption())
    .action(listFeeds);
  feeds
    .command('retry <id>')
    .description('re-enable a disabled feed: fetched again at the next scheduler run')
    .option('--config <dir>', 'config directory', configDirOption())
    .action(retryFeedCommand);
}

async function listFeeds(options: ListOptions): Promise<void> {
  const periodMs = parseDuration(options.since);
  if (periodMs === undefined) {
    throw new UserError(`feeds: --since ${options.since}: expected e.g. 24h or 7d`);
  }
  const config = await loadConfigOf(options.config);
  const now = systemClock.now();
  const rows = await withStore(async (db) => {
    const { listFeedHealth } = await import('../store/feed-health-report.ts');
    return listFeedHealth(db, { since: new Date(now.getTime() - periodMs) });
  });
  const report = buildReport(config, rows, periodMs);
  process.stdout.write(
    options.json ? report.map((row) => `${JSON.stringify(row)}\n`).join('') : formatTable(report),
  );
}

async function retryFeedCommand(id: string, options: { config: string }): Promise<void> {
  const config = await loadConfigOf(options.config);
  const known = config.feeds.map((feed) => feed.id);
  if (!known.includes(id)) {
    const suggestion = suggestName(id, new Set(known));
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    throw new UserError(`feeds: no feed "${id}" in ${config.dir}/feeds.yaml${hint}`);
  }
  const retried = await withStore(async (db) => {
    const { retryFeed } = await import('../store/feeds.ts');
    return retryFeed(db, id, systemClock.now());
  });
  process.stdout.write(
    retried
      ? `feed ${id} re-enabled: fetched at the next scheduler run of vigie run\n`
      : `feed ${id} was never fetched: vigie run fetches it when it starts\n`,
  );
}

async function loadConfigOf(dir: string): Promise<VigieConfig> {
  const { loadConfig } = await import('../config/load.ts');
  return loadConfig(dir);
}

export interface FeedReport {
  id: string;
  health: string;
  url: string;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  lastErrorAt: string | null;
  disabledReason: string | null;
  itemsPerDay: number;
  fetches: Record<string, number>;
  extraction: Record<string, number>;
}

/** One line per configured feed, in config order: its stored health, or `new` before its first fetch. */
export function buildReport(
  config: Pick<VigieConfig, 'feeds'>,
  rows: FeedHealthRow[],
  periodMs: number,
): FeedReport[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return config.feeds.map((spec) => {
    const row = byId.get(spec.id);
    return {
      id: spec.id,
      health: row ? row.health : 'new',
      url: spec.url,
      lastSuccessAt: row?.lastFetchedAt?.toISOString() ?? null,
      consecutiveFailures: row?.consecutiveFailures ?? 0,
      lastError: row?.lastError ?? null,
      lastErrorAt: row?.lastErrorAt?.toISOString() ?? null,
      disabledReason: row?.disabledReason ?? null,
      itemsPerDay: Math.round(((row?.newItems ?? 0) * 86_400_000 * 10) / periodMs) / 10,
      fetches: row?.fetches ?? {},
      extraction: row?.extraction ?? {},
    };
  });
}

const COLUMNS = [
  'feed',
  'health',
  'last success',
  'fails',
  'items/day',
  'extraction',
  'last error',
];

export function formatTable(report: FeedReport[]): string {
  if (report.length === 0) return 'no feeds in feeds.yaml\n';
  const rows = report.map((feed) => [
    feed.id,
    feed.health,
    feed.lastSuccessAt ? feed.lastSuccessAt.slice(0, 16).replace('T', ' ') : 'never',
    String(feed.consecutiveFailures),
    String(feed.itemsPerDay),
    formatCounts(feed.extraction),
    truncate(feed.disabledReason ?? feed.lastError ?? '', 70),
  ]);
  const widths = COLUMNS.map((name, i) =>
    Math.max(name.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(COLUMNS), ...rows.map(line)].join('\n')}\n`;
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? '-' : entries.map(([key, n]) => `${key}:${n}`).join(' ');
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
