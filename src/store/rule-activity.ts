// Each rule's activity for /rules: matches and alerts over the last 24 hours and 7 days, matches per hour.
import { sql } from 'kysely';
import type { Db } from './types.ts';

export interface RuleActivity {
  ruleId: string;
  matches24h: number;
  matches7d: number;
  alerts24h: number;
  alerts7d: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Every rule with a match or an alert in the 7 days before `now`, by rule id. */
export async function countRuleActivity(db: Db, now: Date): Promise<Map<string, RuleActivity>> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const [events, alerts] = await Promise.all([
    db
      .selectFrom('events')
      .select('rule_id')
      .select(sql<number>`count(*) filter (where matched_at >= ${dayAgo})::int`.as('day'))
      .select(sql<number>`count(*)::int`.as('week'))
      .where('matched_at', '>=', weekAgo)
      .where('matched_at', '<=', now)
      .groupBy('rule_id')
      .execute(),
    db
      .selectFrom('alerts')
      .select('rule_id')
      .select(sql<number>`count(*) filter (where created_at >= ${dayAgo})::int`.as('day'))
      .select(sql<number>`count(*)::int`.as('week'))
      .where('created_at', '>=', weekAgo)
      .where('created_at', '<=', now)
      .groupBy('rule_id')
      .execute(),
  ]);
  const activity = new Map<string, RuleActivity>();
  const entry = (ruleId: string) => {
    let found = activity.get(ruleId);
    if (!found) {
      found = { ruleId, matches24h: 0, matches7d: 0, alerts24h: 0, alerts7d: 0 };
      activity.set(ruleId, found);
    }
    return found;
  };
  for (const row of events)
    Object.assign(entry(row.rule_id), { matches24h: row.day, matches7d: row.week });
  for (const row of alerts)
    Object.assign(entry(row.rule_id), { alerts24h: row.day, alerts7d: row.week });
  return activity;
}

export interface HourlyMatches {
  ruleId: string;
  /** The hour's start. */
  hour: Date;
  count: number;
}

/**
 * Matches per rule and hour in [since, until): the caller groups hours into the analyst's days
 * (a zone's day is whole hours everywhere but a few places; the database need not know zones).
 */
export async function countMatchesPerHour(
  db: Db,
  since: Date,
  until: Date,
): Promise<HourlyMatches[]> {
  const rows = await db
    .selectFrom('events')
    .select('rule_id')
    // date_bin on a UTC origin: whole UTC hours, without date_trunc's time zone conversion per
    // row (half the time on 40,000 events, BENCHMARKS.md "Workspace").
    .select(
      sql<Date>`date_bin('1 hour', matched_at, timestamptz '2000-01-01T00:00:00Z')`.as('hour'),
    )
    .select(sql<number>`count(*)::int`.as('count'))
    .where('matched_at', '>=', since)
    .where('matched_at', '<', until)
    .groupBy(['rule_id', 'hour'])
    .orderBy('hour')
    .execute();
  return rows.map((row) => ({ ruleId: row.rule_id, hour: new Date(row.hour), count: row.count }));
}
