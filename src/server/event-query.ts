// The event list's parameters (`/events`, `/api/events`): read, checked, and turned into a store search.

import { listNearestNames, suggestName } from '../config/suggest.ts';
import type { ConfigValues } from '../config/validate.ts';
import { parseDuration } from '../lib/duration.ts';
import type { RegionSpec } from '../rules/types.ts';
import type { EventCursor, EventSearch } from '../store/event-search.ts';

export const PARAMETERS = ['rule', 'region', 'since', 'until', 'q', 'cursor', 'limit'] as const;
export type Parameter = (typeof PARAMETERS)[number];

/** The parameters as given, empty ones left out: what the filter form shows again. */
export type EventQueryValues = Partial<Record<Parameter, string>>;

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
const MAX_WORDS_CHARS = 200;

export type EventQuery =
  | { ok: true; values: EventQueryValues; search: EventSearch }
  | { ok: false; parameter: string; message: string };

export interface EventQueryContext {
  config: Pick<ConfigValues, 'rules' | 'regions'>;
  now: Date;
  /** The analyst's time zone: a bare date (2024-09-01) is that day there. */
  timeZone: string;
}

/**
 * Reads the query string of an event list. Empty parameters are no filter (a form sends them);
 * an unknown or repeated parameter, an unknown rule or region, a date that is none, is an error
 * naming the parameter.
 */
export function readEventQuery(params: URLSearchParams, context: EventQueryContext): EventQuery {
  for (const name of params.keys()) {
    if (!isParameter(name)) {
      return fail(name, `unknown parameter (expected one of ${PARAMETERS.join(', ')})`);
    }
    if (params.getAll(name).length > 1) return fail(name, 'given more than once');
  }
  const values = readValues(params);
  const search: EventSearch = { limit: DEFAULT_LIMIT };
  if (values.rule !== undefined) {
    const known = context.config.rules.map((rule) => rule.id);
    const problem = unknownId('rule', values.rule, known, 'rules.yaml');
    if (problem) return fail('rule', problem);
    search.ruleIds = [values.rule];
  }
  if (values.region !== undefined) {
    const members = expandRegion(context.config.regions, values.region);
    if (!members) {
      const known = listRegionIds(context.config.regions);
      return fail('region', unknownId('region', values.region, known, 'regions.yaml') ?? '');
    }
    search.regionIds = members;
  }
  for (const name of ['since', 'until'] as const) {
    const text = values[name];
    if (text === undefined) continue;
    const at = readTime(text, name, context);
    if (typeof at === 'string') return fail(name, at);
    search[name] = at;
  }
  if (search.since && search.until && search.since >= search.until) {
    return fail('until', 'must be after since');
  }
  if (values.q !== undefined) {
    if (values.q.length > MAX_WORDS_CHARS) {
      return fail('q', `at most ${MAX_WORDS_CHARS} characters`);
    }
    search.words = values.q;
  }
  if (values.cursor !== undefined) {
    const after = decodeCursor(values.cursor);
    if (!after) return fail('cursor', 'not a cursor this server gave (use "next" as it came)');
    search.after = after;
  }
  if (values.limit !== undefined) {
    const limit = Number(values.limit);
    if (!/^\d+$/.test(values.limit) || limit < 1 || limit > MAX_LIMIT) {
      return fail('limit', `expected a whole number from 1 to ${MAX_LIMIT}`);
    }
    search.limit = limit;
  }
  return { ok: true, values, search };
}

/** The known parameters given, trimmed, empty ones left out: what the form shows again. */
export function readValues(params: URLSearchParams): EventQueryValues {
  const values: EventQueryValues = {};
  for (const [name, value] of params) {
    if (isParameter(name) && value.trim() !== '') values[name] ??= value.trim();
  }
  return values;
}

function isParameter(name: string): name is Parameter {
  return (PARAMETERS as readonly string[]).includes(name);
}

function fail(parameter: string, message: string): EventQuery {
  return { ok: false, parameter, message };
}

function unknownId(
  kind: string,
  id: string,
  known: readonly string[],
  file: string,
): string | undefined {
  if (known.includes(id)) return undefined;
  const meant = suggestName(id, known);
  const nearest = meant
    ? `did you mean "${meant}"?`
    : known.length === 0
      ? 'none is defined'
      : `nearest: ${listNearestNames(id, known).join(', ')}`;
  return `no ${kind} "${id}" in ${file} (${nearest})`;
}

/** Every region id of the config, parents before their children. */
export function listRegionIds(regions: readonly RegionSpec[]): string[] {
  return regions.flatMap((region) => [region.id, ...listRegionIds(region.children ?? [])]);
}

/** The region and every region inside it, or undefined when no region has this id. */
export function expandRegion(regions: readonly RegionSpec[], id: string): string[] | undefined {
  for (const region of regions) {
    if (region.id === id) return listRegionIds([region]);
    const inside = expandRegion(region.children ?? [], id);
    if (inside) return inside;
  }
  return undefined;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A time must say its zone: 2024-09-01T10:00Z, 2024-09-01T12:00:00+02:00.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A time as the list's bounds take it: a day (the analyst's; `until` a day includes it), a time
 * with its zone, or for `since` a duration back from now (24h, 7d). A message when it is none.
 */
export function readTime(
  text: string,
  name: 'since' | 'until',
  context: Pick<EventQueryContext, 'now' | 'timeZone'>,
): Date | string {
  const day = DAY.exec(text);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const utc = new Date(Date.UTC(year, month - 1, date));
    if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) {
      return `no such day "${text}"`;
    }
    return startOfDay(year, month, date + (name === 'until' ? 1 : 0), context.timeZone);
  }
  if (INSTANT.test(text)) {
    const at = new Date(text);
    if (!Number.isNaN(at.getTime())) return at;
  }
  const ms = name === 'since' ? parseDuration(text) : undefined;
  if (ms !== undefined) return new Date(context.now.getTime() - ms);
  const durations = name === 'since' ? ', or a period back from now such as 24h or 7d' : '';
  return `expected a day (2024-09-01) or a time with its zone (2024-09-01T10:00Z)${durations}`;
}

/** Midnight starting this day in `timeZone` (the day may overflow: 32 September is 2 October). */
export function startOfDay(year: number, month: number, date: number, timeZone: string): Date {
  const midnightUtc = Date.UTC(year, month - 1, date);
  // The zone's offset at that midnight, then again at the instant found (a change of offset that
  // day moves it), as most libraries do.
  let at = midnightUtc - offsetMs(new Date(midnightUtc), timeZone);
  at = midnightUtc - offsetMs(new Date(at), timeZone);
  return new Date(at);
}

/** How far `timeZone` is ahead of UTC at `at`, in milliseconds. */
function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

/** The opaque form of a cursor: base64url of `publishedAt-ms.id`. */
export function encodeCursor(cursor: EventCursor): string {
  return Buffer.from(`${cursor.at.getTime()}.${cursor.id}`).toString('base64url');
}

export function decodeCursor(text: string): EventCursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const found = /^(-?\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(text, 'base64url').toString());
  if (!found) return undefined;
  const at = new Date(Number(found[1]));
  if (Number.isNaN(at.getTime())) return undefined;
  return { at, id: Number(found[2]) };
}

/** The time zone the workspace shows times in: the first digest's, else the first channel's, else UTC. */
export function analystTimeZone(notify: ConfigValues['notify']): string {
  const digest = Object.values(notify.digests)[0]?.timezone;
  if (digest) return digest;
  return Object.values(notify.channels).find((channel) => channel.timezone)?.timezone ?? 'UTC';
}
