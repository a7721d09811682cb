// `vigie events`: lists stored events newest first, with the query of /api/events; through the API of
// the `vigie run` that holds the embedded database, when one does.
import { join } from 'node:path';
import type { Command } from 'commander';
import type { VigieEnv } from '../config/env.ts';
import type { VigieConfig } from '../config/load.ts';
import { systemClock } from '../lib/clock.ts';
import { UserError } from '../lib/errors.ts';
import type { toApiEvents } from '../server/event-view.ts';
import { assertKnownIds } from './known-ids.ts';
import { configDirOption } from './options.ts';

interface EventsOptions {
  config: string;
  rule?: string;
  region?: string;
  since?: string;
  until?: string;
  q?: string;
  limit: string;
  json?: boolean;
}

type ApiPage = ReturnType<typeof toApiEvents>;
type ApiEvent = ApiPage['events'][number];

/** Reads one page of /api/events for these parameters, from the store or from a server. */
interface EventSource {
  page(params: URLSearchParams): Promise<ApiPage>;
  close(): Promise<void>;
}

/** The API's largest page: longer lists are read a page at a time. */
const PAGE_LIMIT = 200;
const REMOTE_TIMEOUT_MS = 30_000;

export function registerEventsCommand(program: Command): void {
  program
    .command('events')
    .description('list stored events, newest first')
    .option('--rule <id>', 'only this rule')
    .option('--region <id>', 'only events counting for this region (or one inside it)')
    .option('--since <when>', 'published since: a period back from now (24h, 7d), a day or a time')
    .option('--until <when>', 'published before: a day (included) or a time with its zone')
    .option('--q <words>', 'words in the title or text ("a phrase", -not, or)')
    .option('--limit <n>', 'at most this many events', '1000')
    .option('--json', 'one JSON object per line, as /api/events gives them')
    .option(
      '--config <dir>',
      'config directory (where --rule and --region ids are checked)',
      configDirOption(),
    )
    .action(async (options: EventsOptions) => {
      const limit = readLimit(options.limit);
      const { loadConfig } = await import('../config/load.ts');
      const config = await loadConfig(options.config);
      assertKnownIds('events', config, options);
      const { loadEnv } = await import('../config/env.ts');
      const source = await openSource(loadEnv(), config);
      try {
        const events = await collectEvents(source, toParams(options), limit);
        process.stdout.write(options.json ? events.map(toJsonLine).join('') : formatTable(events));
      } finally {
        await source.close();
      }
    });
}

function readLimit(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit <= 0) {
    throw new UserError(`events: --limit ${text}: expected a positive whole number`);
  }
  return limit;
}

function toParams(options: EventsOptions): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['rule', 'region', 'since', 'until', 'q'] as const) {
    const value = options[name];
    if (value !== undefined) params.set(name, value);
  }
  return params;
}

/** Pages through the list with the cursor each page gives, up to `limit` events. */
async function collectEvents(
  source: EventSource,
  params: URLSearchParams,
  limit: number,
): Promise<ApiEvent[]> {
  const events: ApiEvent[] = [];
  for (;;) {
    params.set('limit', String(Math.min(PAGE_LIMIT, limit - events.length)));
    const page = await source.page(params);
    events.push(...page.events);
    if (!page.next || events.length >= limit) return events;
    params.set('cursor', page.next);
  }
}

/**
 * The embedded database opens in one process only: while a `vigie run` holds it, the events are
 * read through that server's /api/events (its port from the lock, else PORT).
 */
async function openSource(env: VigieEnv, config: VigieConfig): Promise<EventSource> {
  if (!env.databaseUrl) {
    const { findPgliteLockHolder } = await import('../store/pglite-lock.ts');
    const holder = findPgliteLockHolder(join(env.dataDir, 'pglite'));
    if (holder) return openRemoteSource(holder.pid, holder.port ?? env.port);
  }
  return openLocalSource(env, config);
}

async function openLocalSource(env: VigieEnv, config: VigieConfig): Promise<EventSource> {
  // Loaded on use: the store (and PGlite) would slow every other command's start.
  const [{ openStore }, { searchEvents }, query, view] = await Promise.all([
    import('../open-store.ts'),
    import('../store/event-search.ts'),
    import('../server/event-query.ts'),
    import('../server/event-view.ts'),
  ]);
  const store = await openStore(env);
  const context = {
    config,
    now: systemClock.now(),
    timeZone: query.analystTimeZone(config.notify),
  };
  return {
    async page(params) {
      const read = query.readEventQuery(params, context);
      if (!read.ok) throw new UserError(`events: --${read.parameter}: ${read.message}`);
      const found = await searchEvents(store.db, read.search);
      return view.toApiEvents(view.viewEvents(found, config));
    },
    close: () => store.close(),
  };
}

function openRemoteSource(pid: number, port: number): EventSource {
  const base = `http://127.0.0.1:${port}/api/events`;
  const holder = `vigie process ${pid} holds the embedded database`;
  return {
    async page(params) {
      let response: Response;
      try {
        response = await fetch(`${base}?${params}`, {
          signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS),
        });
      } catch (error) {
        // A `vigie ingest` or `vigie events` holds it without a server; a `vigie run` serves /api/events.
        throw new UserError(
          `events: ${holder} and no vigie run answers at ${base} (${describeFailure(error)}): wait for it to finish, or set PORT to its vigie run's port`,
        );
      }
      const body = (await response.json().catch(() => undefined)) as
        | (ApiPage & { error?: string })
        | undefined;
      if (response.status === 400 && typeof body?.error === 'string') {
        const [parameter, ...rest] = body.error.split(': ');
        throw new UserError(`events: --${parameter}: ${rest.join(': ')}`);
      }
      if (!response.ok || !body || !Array.isArray(body.events)) {
        throw new UserError(`events: ${holder}; its API at ${base} answered ${response.status}`);
      }
      return body;
    },
    close: async () => {},
  };
}

/** fetch's own message is "fetch failed": the reason is in its cause (ECONNREFUSED, a timeout). */
function describeFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error)) return String(cause);
  return (cause as NodeJS.ErrnoException).code ?? cause.message;
}

function toJsonLine(event: ApiEvent): string {
  return `${JSON.stringify(event)}\n`;
}

const COLUMNS = ['published', 'rule', 'score', 'regions', 'title', 'url'] as const;

function formatTable(events: ApiEvent[]): string {
  if (events.length === 0) return 'no events\n';
  const rows = events.map((event) => [
    event.publishedAt.slice(0, 16).replace('T', ' '),
    event.rule,
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
