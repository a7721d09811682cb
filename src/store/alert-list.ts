// The workspace's alert list: alerts newest first with each channel's delivery, and totals per channel.
import { type Alert, readTrigger } from './alerts.ts';
import type { Db, DeliveryState } from './types.ts';

export interface AlertDeliveryState {
  channel: string;
  state: DeliveryState;
  attempts: number;
  /** Why the last attempt failed (kept while pending a retry, and once failed for good). */
  lastError: string | null;
  sentAt: Date | null;
}

export interface ListedAlert
  extends Pick<
    Alert,
    'id' | 'ruleId' | 'regionId' | 'windowStart' | 'windowEnd' | 'storyCount' | 'createdAt'
  > {
  storyIds: number[];
  deliveries: AlertDeliveryState[];
}

export interface AlertSearch {
  ruleIds?: readonly string[] | undefined;
  /** Alerts made at or after this time. */
  since?: Date | undefined;
  /** Alerts made before this time. */
  until?: Date | undefined;
  /** The next page: alerts with a smaller id. */
  beforeId?: number | undefined;
  limit: number;
}

export interface AlertPage {
  alerts: ListedAlert[];
  /** The id the next page starts below, or null on the last page. */
  next: number | null;
}

/** Alerts newest first (by id: an alert is stored when it is made), a page at a time. */
export async function listAlerts(db: Db, search: AlertSearch): Promise<AlertPage> {
  let query = db
    .selectFrom('alerts')
    .select([
      'id',
      'rule_id',
      'region_id',
      'window_start',
      'window_end',
      'story_count',
      'triggered_by',
      'created_at',
    ]);
  if (search.ruleIds && search.ruleIds.length > 0) {
    query = query.where('rule_id', 'in', [...search.ruleIds]);
  }
  if (search.since) query = query.where('created_at', '>=', search.since);
  if (search.until) query = query.where('created_at', '<', search.until);
  if (search.beforeId !== undefined) query = query.where('id', '<', search.beforeId);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(search.limit + 1)
    .execute();
  const page = rows.slice(0, search.limit);
  const deliveries = await readDeliveries(
    db,
    page.map((row) => row.id),
  );
  const alerts = page.map(
    (row): ListedAlert => ({
      id: row.id,
      ruleId: row.rule_id,
      regionId: row.region_id,
      windowStart: row.window_start,
      windowEnd: row.window_end,
      storyCount: row.story_count,
      storyIds: readTrigger(row.triggered_by).stories,
      createdAt: row.created_at,
      deliveries: deliveries.get(row.id) ?? [],
    }),
  );
  const last = alerts.at(-1);
  return { alerts, next: rows.length > search.limit && last ? last.id : null };
}

async function readDeliveries(
  db: Db,
  alertIds: readonly number[],
): Promise<Map<number, AlertDeliveryState[]>> {
  const byAlert = new Map<number, AlertDeliveryState[]>();
  if (alertIds.length === 0) return byAlert;
  const rows = await db
    .selectFrom('deliveries')
    .select(['alert_id', 'channel', 'state', 'attempts', 'last_error', 'sent_at'])
    .where('alert_id', 'in', [...alertIds])
    .orderBy('channel')
    .execute();
  for (const row of rows) {
    if (row.alert_id === null) continue;
    const list = byAlert.get(row.alert_id) ?? [];
    list.push({
      channel: row.channel,
      state: row.state,
      attempts: row.attempts,
      lastError: row.last_error,
      sentAt: row.sent_at,
    });
    byAlert.set(row.alert_id, list);
  }
  return byAlert;
}

/** `triggered_by.stories`, whatever older rows hold. */
export interface ChannelDeliveries {
  channel: string;
  counts: Partial<Record<DeliveryState, number>>;
}

/** Deliveries of alerts made since `since`, counted per channel and state. */
export async function countAlertDeliveries(db: Db, since: Date): Promise<ChannelDeliveries[]> {
  const rows = await db
    .selectFrom('deliveries')
    .innerJoin('alerts', 'alerts.id', 'deliveries.alert_id')
    .select(['deliveries.channel', 'deliveries.state'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('alerts.created_at', '>=', since)
    .groupBy(['deliveries.channel', 'deliveries.state'])
    .orderBy('deliveries.channel')
    .execute();
  const byChannel = new Map<string, ChannelDeliveries>();
  for (const row of rows) {
    const entry = byChannel.get(row.channel) ?? { channel: row.channel, counts: {} };
    entry.counts[row.state] = Number(row.count);
    byChannel.set(row.channel, entry);
  }
  return [...byChannel.values()];
}
