// `vigie events`: lists stored events, newest first, as a table or as JSON lines.
import type { Command } from 'commander';
import { systemClock } from '../lib/clock.ts';
import { parseDuration } from '../lib/duration.ts';
import { UserError } from '../lib/errors.ts';
import type { EventListing } from '../store/events.ts';
import { assertKnownIds } from './known-ids.ts';
import { configDirOption } from './options.ts';

interface EventsOptions {
  config: string;
  rule?: string;
  region?: string;
  since?: string;
  limit: string;
  json?: boolean;
}

export function registerEventsCommand(program: Command): void {
  program
    .command('events')
    .description('list stored events, newest first')
    .option('--rule <id>', 'only this rule')
    .option('--region <id>', 'only events counting for this region (or one inside it)')
    .option('--since <duration>', 'only events matched in this last period, e.g. 24h')
    .option('--limit <n>', 'at most this many events', '1000')
    .option('--json', 'one JSON object per line')
    .option(
      '--config <dir>',
      'config directory (where --rule and --region ids are checked)',
      configDirOption(),
    )
    .action(async (options: EventsOptions) => {
      const filter = readFilter(options);
      await checkFilterIds(options);
      // Loaded on use: the store (and PGlite) would slow every other command's start.
      const [{ loadEnv }, { openStore }, { listEvents }] = await Promise.all([
        import('../config/env.ts'),
        import('../open-store.ts'),
        import('../store/events.ts'),
      ]);
      const env = loadEnv();
      const store = await openStore(env);
      try {
        const events = await listEvents(store.db, filter);
        process.stdout.write(options.json ? events.map(toJsonLine).join('') : formatTable(events));
      } finally {
        await store.close();
      }
    });
}

function readFilter(options: EventsOptions) {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit <= 0) {
    throw new UserError(`events: --limit ${options.limit}: expected a positive whole number`);
  }
  let since: Date | undefined;
  if (options.since !== undefined) {
    const ms = parseDuration(options.since);
    if (ms === undefined)
      throw new UserError(`events: --since ${options.since}: expected e.g. 24h or 7d`);
    since = new Date(systemClock.now().getTime() - ms);
  }
  return { ruleId: options.rule, regionId: options.region, since, limit };
}

/** An unknown --rule or --region is a mistake to report, not a filter that finds nothing. */
async function checkFilterIds(options: EventsOptions): Promise<void> {
  if (options.rule === undefined && options.region === undefined) return;
  const { loadConfig } = await import('../config/load.ts');
  assertKnownIds('events', await loadConfig(options.config), options);
}

function toJsonLine(event: EventListing): string {
  return `${JSON.stringify(event)}\n`;
}

const COLUMNS = ['matched', 'rule', 'score', 'regions', 'title', 'url'] as const;

function formatTable(events: EventListing[]): string {
  if (events.length === 0) return 'no events\n';
  const rows = events.map((event) => [
    event.matchedAt.toISOString().slice(0, 16).replace('T', ' '),
    event.ruleId,
    String(event.score),
    truncate(event.regions.join(','), 30),
    truncate(event.title, 60),
    event.url,
  ]);
  const widths = COLUMNS.map((name, i) =>
    Math.max(name.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ');
  return `${[line(COLUMNS), ...rows.map(line)].join('\n')}\n`;
}

function truncate(text: string, max: number): string {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
