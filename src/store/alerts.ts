// Alerts: the statements of a threshold's evaluation (its window's stories, the last alert, the
// insert) and the per-key lock they run under; notify/evaluate-alert.ts decides.
import { sql } from 'kysely';
import { COUNTED_AT } from './counted-at.ts';
import { lockAlertKey } from './locks.ts';
import { STORY_KEY } from './story-key.ts';
import type { Db, EventTerm, JsonValue } from './types.ts';

/** What made an alert fire, stored in `alerts.triggered_by`. */
export interface AlertTrigger {
  stories: number[];
  events: number[];
  articles: number[];
  terms: string[];
  regions: string[];
  /** For a spike: the stories its window usually holds. */
  expected?: number | undefined;
}

export interface Alert {
  id: number;
  ruleId: string;
  regionId: string;
  windowStart: Date;
  windowEnd: Date;
  storyCount: number;
  newSinceLast: number;
  triggeredBy: AlertTrigger;
  createdAt: Date;
}

/**
 * The (rule, region) key of an alert and its window (since, until]: the events matched by `until`
 * whose article counts (`COUNTED_AT`, its publication) after `since`.
 */
export interface KeyWindow {
  ruleId: string;
  /** '' when the rule counts per rule. */
  regionId: string;
  since: Date;
  until: Date;
  /** Count events by the regions their article is about (a rule without regions, `countsFocusRegions`). */
  byFocus?: boolean | undefined;
}

/** A story of the key's window, with the earliest time one of its articles counts at there. */
export interface KeyStory {
  storyId: number;
  countedAt: Date;
}

/** An event of the key's window with what an alert reports of it. */
export interface KeyEvent {
  id: number;
  articleId: number;
  terms: EventTerm[];
  regions: string[];
}

/** The columns of a new alert; `triggeredBy` as the caller describes it. */
export interface NewAlert {
  ruleId: string;
  regionId: string;
  windowStart: Date;
  windowEnd: Date;
  storyCount: number;
  newSinceLast: number;
  triggeredBy: AlertTrigger;
  createdAt: Date;
}

/**
 * Runs `work` in one transaction under an advisory lock on (rule, region): of any number of
 * workers evaluating the same crossing, one decides and writes while the others wait, then see
 * its alert. Pass the Kysely instance, not a transaction.
 */
export function inKeyLock<T>(
  db: Db,
  ruleId: string,
  regionId: string,
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await lockAlertKey(trx, ruleId, regionId);
    return work(trx);
  });
}

/**
 * When the key's newest event matched: the time its evaluation runs at, so that one evaluation
 * covers every event of the key stored before it (the queue keeps one pending per key).
 */
export async function findLatestKeyMatch(
  db: Db,
  ruleId: string,
  regionId: string,
  byFocus = false,
): Promise<Date | undefined> {
  let query = db.selectFrom('events').select('matched_at').where('rule_id', '=', ruleId);
  if (regionId !== '') query = query.where(regionCondition(regionId, byFocus));
  const row = await query.orderBy('matched_at', 'desc').limit(1).executeTakeFirst();
  return row?.matched_at;
}

/**
 * The key's events matched by `until` whose articles count in (since, until], joined to their
 * articles. An event is matched after its article was first seen, which is no earlier than the
 * time it counts at: `matched_at > since` keeps the query on the (rule_id, matched_at) index.
 */
function selectKeyEvents(db: Db, input: KeyWindow) {
  let query = db
    .selectFrom('events')
    .innerJoin('articles', 'articles.id', 'events.article_id')
    .where('events.rule_id', '=', input.ruleId)
    .where('events.matched_at', '>', input.since)
    .where('events.matched_at', '<=', input.until)
    .where(sql<boolean>`${COUNTED_AT} > ${input.since}`)
    .where(sql<boolean>`${COUNTED_AT} <= ${input.until}`);
  if (input.regionId !== '') query = query.where(regionCondition(input.regionId, input.byFocus));
  return query;
}

/** The events of a region key: those naming the region, or those about it (`byFocus`). */
function regionCondition(regionId: string, byFocus: boolean | undefined) {
  return byFocus
    ? sql<boolean>`events.focus_regions @> array[${regionId}]::text[]`
    : sql<boolean>`events.regions @> array[${regionId}]::text[]`;
}

/** One row per story of the key's window, with the earliest time it counts at: all a decision needs. */
export async function listKeyStories(db: Db, input: KeyWindow): Promise<KeyStory[]> {
  const rows = await selectKeyEvents(db, input)
    .select((eb) => [STORY_KEY.as('story_id'), eb.fn.min(COUNTED_AT).as('counted_at')])
    .groupBy(STORY_KEY)
    .execute();
  return rows.map((row) => ({
    storyId: Number(row.story_id),
    countedAt: new Date(row.counted_at),
  }));
}

/** The key's events in the window with their terms and regions, for the alert that fires. */
export async function listKeyEvents(db: Db, input: KeyWindow): Promise<KeyEvent[]> {
  const rows = await selectKeyEvents(db, input)
    .select(['events.id', 'events.article_id', 'events.terms', 'events.regions'])
    .orderBy('events.matched_at')
    .orderBy('events.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    articleId: row.article_id,
    terms: row.terms,
    regions: row.regions,
  }));
}

/** Inserts the alert; the unique (rule, region, window end) returns the existing one instead. */
export async function insertAlert(db: Db, alert: NewAlert): Promise<Alert> {
  const row = await db
    .insertInto('alerts')
    .values({
      rule_id: alert.ruleId,
      region_id: alert.regionId,
      window_start: alert.windowStart,
      window_end: alert.windowEnd,
      story_count: alert.storyCount,
      new_since_last: alert.newSinceLast,
      triggered_by: JSON.stringify(alert.triggeredBy),
      created_at: alert.createdAt,
    })
    // The lock already serialises the key; the unique key is the database's own guarantee.
    .onConflict((oc) =>
      oc.columns(['rule_id', 'region_id', 'window_end']).doUpdateSet({ rule_id: alert.ruleId }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAlert(row);
}

/** The key's latest alert, if any. */
export async function findLastAlert(
  db: Db,
  ruleId: string,
  regionId: string,
): Promise<Alert | undefined> {
  const row = await db
    .selectFrom('alerts')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .where('region_id', '=', regionId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toAlert(row);
}

export async function getAlert(db: Db, id: number): Promise<Alert | undefined> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAlert(row);
}

/** Alerts made in [start, end), oldest first: what a digest lists as fired in its period. */
export async function listAlertsBetween(db: Db, start: Date, end: Date): Promise<Alert[]> {
  const rows = await db
    .selectFrom('alerts')
    .selectAll()
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAlert);
}

interface AlertRow {
  id: number;
  rule_id: string;
  region_id: string;
  window_start: Date;
  window_end: Date;
  story_count: number;
  new_since_last: number;
  triggered_by: JsonValue;
  created_at: Date;
}

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    ruleId: row.rule_id,
    regionId: row.region_id,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    storyCount: row.story_count,
    newSinceLast: row.new_since_last,
    triggeredBy: readTrigger(row.triggered_by),
    createdAt: row.created_at,
  };
}

/** `triggered_by` as written by `describeTrigger`; tolerant of rows written before a field existed. */
export function readTrigger(value: JsonValue): AlertTrigger {
  const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const numbers = (key: string) =>
    Array.isArray(record[key])
      ? (record[key] as JsonValue[]).filter((v) => typeof v === 'number')
      : [];
  const strings = (key: string) =>
    Array.isArray(record[key])
      ? (record[key] as JsonValue[]).filter((v) => typeof v === 'string')
      : [];
  const expected = record.expected;
  return {
    ...(typeof expected === 'number' ? { expected } : {}),
    stories: numbers('stories') as number[],
    events: numbers('events') as number[],
    articles: numbers('articles') as number[],
    terms: strings('terms') as string[],
    regions: strings('regions') as string[],
  };
}
