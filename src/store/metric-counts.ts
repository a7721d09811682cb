// The counts /metrics reads from the database at scrape time: every worker process's work, across restarts.
import type { Db, DeliveryState, FeedHealthState, FetchOutcome } from './types.ts';

export interface FetchCount {
  feedId: string;
  outcome: FetchOutcome;
  fetches: number;
  items: number;
  newItems: number;
}

/** Fetch attempts since `since` per feed and outcome, with the items they read and how many were new. */
export async function countFetches(db: Db, since: Date): Promise<FetchCount[]> {
  const rows = await db
    .selectFrom('feed_fetches')
    .select((eb) => [
      'feed_id',
      'outcome',
      eb.fn.countAll<string>().as('n'),
      eb.fn.sum<string>('items').as('items'),
      eb.fn.sum<string>('new_items').as('new_items'),
    ])
    .where('at', '>=', since)
    .groupBy(['feed_id', 'outcome'])
    .execute();
  return rows.map((row) => ({
    feedId: row.feed_id,
    outcome: row.outcome,
    fetches: Number(row.n),
    items: Number(row.items ?? 0),
    newItems: Number(row.new_items ?? 0),
  }));
}

/** Events matched since `since`, per rule. */
export async function countEventsByRule(db: Db, since: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('events')
    .select((eb) => ['rule_id', eb.fn.countAll<string>().as('n')])
    .where('matched_at', '>=', since)
    .groupBy('rule_id')
    .execute();
  return new Map(rows.map((row) => [row.rule_id, Number(row.n)]));
}

/** Alerts made since `since`, per rule. */
export async function countAlertsByRule(db: Db, since: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('alerts')
    .select((eb) => ['rule_id', eb.fn.countAll<string>().as('n')])
    .where('created_at', '>=', since)
    .groupBy('rule_id')
    .execute();
  return new Map(rows.map((row) => [row.rule_id, Number(row.n)]));
}

export interface DeliveryCount {
  channel: string;
  kind: 'alert' | 'digest' | 'notice';
  state: DeliveryState;
  count: number;
}

/** Deliveries created since `since`, per channel, kind and state. */
export async function countDeliveries(db: Db, since: Date): Promise<DeliveryCount[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select((eb) => [
      'channel',
      'state',
      eb
        .case()
        .when('alert_id', 'is not', null)
        .then('alert')
        .when('digest_run_id', 'is not', null)
        .then('digest')
        .else('notice')
        .end()
        .as('kind'),
      eb.fn.countAll<string>().as('n'),
    ])
    .where('created_at', '>=', since)
    .groupBy(['channel', 'state', 'kind'])
    .execute();
  return rows.map((row) => ({
    channel: row.channel,
    kind: row.kind as DeliveryCount['kind'],
    state: row.state,
    count: Number(row.n),
  }));
}

export interface FeedHealthFigures {
  feedId: string;
  health: FeedHealthState;
  consecutiveFailures: number;
  lastSuccessAt: Date | null;
}

/** Every feed still in the config: its health state, failures in a row and last success. */
export async function listFeedHealthFigures(db: Db): Promise<FeedHealthFigures[]> {
  const rows = await db
    .selectFrom('feeds')
    .select(['id', 'health', 'consecutive_failures', 'last_fetched_at'])
    .where('in_config', '=', true)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    feedId: row.id,
    health: row.health,
    consecutiveFailures: row.consecutive_failures,
    lastSuccessAt: row.last_fetched_at,
  }));
}
