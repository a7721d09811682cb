// Alerts: the read-decide-insert of a rule's threshold under a per-key lock, so racing workers make one alert.
import { sql } from 'kysely';
import {
  alertWindow,
  decideAlert,
  inCooldown,
  type StoryMatch,
  type ThresholdDecision,
} from '../notify/threshold.ts';
import type { AlertSpec, Severity } from '../rules/types.ts';
import { type Delivery, insertDeliveries } from './deliveries.ts';
import type { Db, EventTerm, JsonValue } from './types.ts';

export interface AlertEvaluation {
  ruleId: string;
  /** '' when the rule counts per rule (`WHOLE_RULE`). */
  regionId: string;
  severity: Severity;
  alert: AlertSpec;
  /** Evaluation time: the end of the window (the worker passes the event's matched_at). */
  now: Date;
}

/** What made an alert fire, stored in `alerts.triggered_by`. */
export interface AlertTrigger {
  stories: number[];
  events: number[];
  articles: number[];
  terms: string[];
  regions: string[];
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

export interface AlertOutcome {
  decision: ThresholdDecision;
  /** The alert this evaluation made; undefined when it did not fire. */
  alert?: Alert | undefined;
  /** Its deliveries, `created` on those to enqueue. */
  deliveries: (Delivery & { created: boolean })[];
  /** The key's last alert when the evaluation fell in its cooldown: what a rerun re-offers. */
  cooldownOf?: Alert | undefined;
}

interface KeyEvent {
  id: number;
  articleId: number;
  terms: EventTerm[];
  regions: string[];
}

/**
 * Reads the key's stories in the window (grouped in SQL, one row per story) and its last alert,
 * decides, and stores the alert and its deliveries, all in one transaction under an advisory lock
 * on (rule, region): of any number of workers evaluating the same crossing, one makes the alert
 * and the others see its cooldown.
 * Opens its own transaction: pass the Kysely instance, not a transaction.
 */
export async function evaluateAlert(db: Db, input: AlertEvaluation): Promise<AlertOutcome> {
  // Most evaluations of a busy key fall in its cooldown, which only lengthens as alerts are added:
  // those need neither the lock nor the window's events.
  const latest = await findLastAlert(db, input.ruleId, input.regionId);
  if (latest && inCooldown(input.alert, latest.createdAt, input.now)) {
    const { start } = alertWindow(input.alert, input.now);
    const decision: ThresholdDecision = {
      fire: false,
      stories: [],
      newSinceLast: 0,
      windowStart: start,
      windowEnd: input.now,
      reason: 'cooldown',
    };
    return { decision, deliveries: [], cooldownOf: latest };
  }
  return db.transaction().execute(async (trx) => {
    await lockKey(trx, input.ruleId, input.regionId);
    const last = await findLastAlert(trx, input.ruleId, input.regionId);
    const decision = decideAlert({
      alert: input.alert,
      severity: input.severity,
      matches: await listKeyStories(trx, input),
      last: last && { at: last.createdAt, storyIds: last.triggeredBy.stories },
      now: input.now,
    });
    if (!decision.fire) {
      return {
        decision,
        deliveries: [],
        cooldownOf: decision.reason === 'cooldown' ? last : undefined,
      };
    }
    // Only an alert shows the events' terms and regions: most evaluations never read them.
    const events = await listKeyEvents(trx, input);
    const alert = await insertAlert(trx, input, decision, describeTrigger(decision, events));
    const deliveries = await insertDeliveries(
      trx,
      { alertId: alert.id },
      input.alert.channels,
      input.now,
    );
    return { decision, alert, deliveries };
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
): Promise<Date | undefined> {
  let query = db.selectFrom('events').select('matched_at').where('rule_id', '=', ruleId);
  if (regionId !== '') query = query.where(sql<boolean>`regions @> array[${regionId}]::text[]`);
  const row = await query.orderBy('matched_at', 'desc').limit(1).executeTakeFirst();
  return row?.matched_at;
}

/** The two-int form keys rule and region apart without a separator ('a'+'bc' vs 'ab'+'c'). */
async function lockKey(db: Db, ruleId: string, regionId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${ruleId}), hashtext(${regionId}))`.execute(db);
}

/** The key's events matched in (now - window, now], joined to their articles. */
function selectKeyEvents(db: Db, input: AlertEvaluation) {
  const since = alertWindow(input.alert, input.now).start;
  let query = db
    .selectFrom('events')
    .innerJoin('articles', 'articles.id', 'events.article_id')
    .where('events.rule_id', '=', input.ruleId)
    .where('events.matched_at', '>', since)
    .where('events.matched_at', '<=', input.now);
  if (input.regionId !== '') {
    query = query.where(sql<boolean>`events.regions @> array[${input.regionId}]::text[]`);
  }
  return query;
}

// An article not grouped yet is its own story; negative ids cannot meet a real story's.
const STORY_ID = sql<number>`coalesce(articles.story_id, -articles.id)`;

/** One row per story of the key's events in the window, with its first match: all a decision needs. */
async function listKeyStories(db: Db, input: AlertEvaluation): Promise<StoryMatch[]> {
  const rows = await selectKeyEvents(db, input)
    .select((eb) => [STORY_ID.as('story_id'), eb.fn.min('events.matched_at').as('first_match')])
    .groupBy(STORY_ID)
    .execute();
  return rows.map((row) => ({ storyId: Number(row.story_id), matchedAt: row.first_match }));
}

/** The key's events in the window with their terms and regions, for the alert that fires. */
async function listKeyEvents(db: Db, input: AlertEvaluation): Promise<KeyEvent[]> {
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

/** `events` are the window's, as listKeyEvents reads them for the decision's window. */
function describeTrigger(decision: ThresholdDecision, events: KeyEvent[]): AlertTrigger {
  return {
    stories: decision.stories,
    events: events.map((event) => event.id),
    articles: [...new Set(events.map((event) => event.articleId))],
    terms: [...new Set(events.flatMap((event) => event.terms.map((hit) => hit.term)))],
    regions: [...new Set(events.flatMap((event) => event.regions))],
  };
}

async function insertAlert(
  db: Db,
  input: AlertEvaluation,
  decision: ThresholdDecision,
  trigger: AlertTrigger,
): Promise<Alert> {
  const row = await db
    .insertInto('alerts')
    .values({
      rule_id: input.ruleId,
      region_id: input.regionId,
      window_start: decision.windowStart,
      window_end: decision.windowEnd,
      story_count: decision.stories.length,
      new_since_last: decision.newSinceLast,
      triggered_by: JSON.stringify(trigger),
      created_at: input.now,
    })
    // The lock already serialises the key; the unique key is the database's own guarantee.
    .onConflict((oc) =>
      oc.columns(['rule_id', 'region_id', 'window_end']).doUpdateSet({ rule_id: input.ruleId }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAlert(row);
}

async function findLastAlert(db: Db, ruleId: string, regionId: string): Promise<Alert | undefined> {
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
function readTrigger(value: JsonValue): AlertTrigger {
  const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const numbers = (key: string) =>
    Array.isArray(record[key])
      ? (record[key] as JsonValue[]).filter((v) => typeof v === 'number')
      : [];
  const strings = (key: string) =>
    Array.isArray(record[key])
      ? (record[key] as JsonValue[]).filter((v) => typeof v === 'string')
      : [];
  return {
    stories: numbers('stories') as number[],
    events: numbers('events') as number[],
    articles: numbers('articles') as number[],
    terms: strings('terms') as string[],
    regions: strings('regions') as string[],
  };
}
