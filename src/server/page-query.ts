// The parameters of /alerts, /rules/:id and the ids in paths: read, checked, one error naming the parameter.
import type { ConfigValues } from '../config/validate.ts';
import type { AlertSearch } from '../store/alert-list.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, readTime } from './event-query.ts';

export interface QueryError {
  ok: false;
  parameter: string;
  message: string;
}

export interface QueryContext {
  config: Pick<ConfigValues, 'rules'>;
  now: Date;
  timeZone: string;
}

type Values<P extends string> = Partial<Record<P, string>>;

/** The known parameters given, trimmed, empty ones left out; an unknown or repeated one is an error. */
export function readParameters<P extends string>(
  params: URLSearchParams,
  known: readonly P[],
): { ok: true; values: Values<P> } | QueryError {
  const values: Values<P> = {};
  for (const name of params.keys()) {
    if (!(known as readonly string[]).includes(name)) {
      return fail(name, `unknown parameter (expected one of ${known.join(', ')})`);
    }
    if (params.getAll(name).length > 1) return fail(name, 'given more than once');
    const value = params.get(name)?.trim() ?? '';
    if (value !== '') values[name as P] = value;
  }
  return { ok: true, values };
}

export function fail(parameter: string, message: string): QueryError {
  return { ok: false, parameter, message };
}

/** `since` and `until` as the event list reads them, `until` after `since`. */
export function readPeriod(
  values: { since?: string | undefined; until?: string | undefined },
  context: QueryContext,
): { since?: Date; until?: Date } | QueryError {
  const period: { since?: Date; until?: Date } = {};
  for (const name of ['since', 'until'] as const) {
    const text = values[name];
    if (text === undefined) continue;
    const at = readTime(text, name, context);
    if (typeof at === 'string') return fail(name, at);
    period[name] = at;
  }
  if (period.since && period.until && period.since >= period.until) {
    return fail('until', 'must be after since');
  }
  return period;
}

export const ALERT_PARAMETERS = ['rule', 'since', 'until', 'cursor', 'limit'] as const;
export type AlertQueryValues = Values<(typeof ALERT_PARAMETERS)[number]>;

/** /alerts and /api/alerts: rule, since, until, cursor (an alert id), limit. */
export function readAlertQuery(
  params: URLSearchParams,
  context: QueryContext,
): { ok: true; values: AlertQueryValues; search: AlertSearch } | QueryError {
  const read = readParameters(params, ALERT_PARAMETERS);
  if (!read.ok) return read;
  const { values } = read;
  const search: AlertSearch = { limit: DEFAULT_LIMIT };
  if (values.rule !== undefined) {
    if (!context.config.rules.some((rule) => rule.id === values.rule)) {
      return fail('rule', `no rule "${values.rule}" in rules.yaml`);
    }
    search.ruleIds = [values.rule];
  }
  const period = readPeriod(values, context);
  if ('ok' in period) return period;
  Object.assign(search, period);
  if (values.cursor !== undefined) {
    const id = readId(values.cursor);
    if (id === undefined)
      return fail('cursor', 'not a cursor this server gave (use "next" as it came)');
    search.beforeId = id;
  }
  if (values.limit !== undefined) {
    const limit = readId(values.limit);
    if (limit === undefined || limit > MAX_LIMIT) {
      return fail('limit', `expected a whole number from 1 to ${MAX_LIMIT}`);
    }
    search.limit = limit;
  }
  return { ok: true, values, search };
}

/** A positive whole number as ids are written, or undefined. */
export function readId(text: string): number | undefined {
  if (!/^[1-9]\d{0,14}$/.test(text)) return undefined;
  return Number(text);
}
