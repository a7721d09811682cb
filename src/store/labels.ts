// Relevance labels on events (0011): one current label per event and user; a new one replaces it.
import { sql } from 'kysely';
import type { LabelCounts, LabelledEvent } from '../server/label-stats.ts';
import type { Db } from './types.ts';

export interface StoredLabel {
  eventId: number;
  userName: string;
  relevant: boolean;
  labelledAt: Date;
}

/** What the list shows on one event: how many said what, and what this user said. */
export interface EventLabels {
  relevant: number;
  notRelevant: number;
  /** This user's label; undefined when they gave none (or nobody is signed in). */
  mine: boolean | undefined;
}

/** Stores this user's label on the event, replacing theirs; undefined when there is no such event. */
export async function upsertLabel(
  db: Db,
  label: { eventId: number; userName: string; relevant: boolean; now: Date },
): Promise<StoredLabel | undefined> {
  const row = await db
    .insertInto('event_labels')
    .columns(['event_id', 'user_name', 'relevant', 'labelled_at'])
    .expression(
      db
        .selectFrom('events')
        .select([
          'id',
          // Typed here: a parameter in a select list would otherwise be text.
          sql<string>`${label.userName}::text`.as('user_name'),
          sql<boolean>`${label.relevant}::boolean`.as('relevant'),
          sql<Date>`${label.now}::timestamptz`.as('labelled_at'),
        ])
        .where('id', '=', label.eventId),
    )
    .onConflict((conflict) =>
      conflict.columns(['event_id', 'user_name']).doUpdateSet((eb) => ({
        relevant: eb.ref('excluded.relevant'),
        labelled_at: eb.ref('excluded.labelled_at'),
      })),
    )
    .returning(['event_id', 'user_name', 'relevant', 'labelled_at'])
    .executeTakeFirst();
  return row && toStoredLabel(row);
}

/** Every label on these events, oldest first. */
export async function listLabels(db: Db, eventIds: readonly number[]): Promise<StoredLabel[]> {
  if (eventIds.length === 0) return [];
  const rows = await db
    .selectFrom('event_labels')
    .select(['event_id', 'user_name', 'relevant', 'labelled_at'])
    .where('event_id', 'in', eventIds)
    .orderBy('labelled_at')
    .orderBy('user_name')
    .execute();
  return rows.map(toStoredLabel);
}

/** The labels of a page of events, summed per event, with what `user` said. */
export async function readEventLabels(
  db: Db,
  eventIds: readonly number[],
  user: string | undefined,
): Promise<Map<number, EventLabels>> {
  const summary = new Map<number, EventLabels>();
  for (const label of await listLabels(db, eventIds)) {
    const entry = summary.get(label.eventId) ?? { relevant: 0, notRelevant: 0, mine: undefined };
    if (label.relevant) entry.relevant += 1;
    else entry.notRelevant += 1;
    if (label.userName === user) entry.mine = label.relevant;
    summary.set(label.eventId, entry);
  }
  return summary;
}

/**
 * Each rule's labelled events and how many of them are relevant. An event counts once, by its
 * latest label (whoever gave it): analysts who disagree are settled by the last word.
 */
export async function readLabelCounts(
  db: Db,
  options: { since?: Date | undefined } = {},
): Promise<Map<string, LabelCounts>> {
  const since = options.since ? sql`where e.matched_at >= ${options.since}` : sql``;
  const { rows } = await sql<{ rule_id: string; relevant: number; labelled: number }>`
    select e.rule_id, count(*) filter (where l.relevant) as relevant, count(*) as labelled
    from (
      select distinct on (event_id) event_id, relevant from event_labels
      order by event_id, labelled_at desc, user_name
    ) l
    join events e on e.id = l.event_id
    ${since}
    group by e.rule_id`.execute(db);
  return new Map(
    rows.map((row) => [
      row.rule_id,
      { relevant: Number(row.relevant), labelled: Number(row.labelled) },
    ]),
  );
}

/** One rule's labelled events (latest label each) with their articles, for a backtest to compare. */
export async function listRuleLabels(
  db: Db,
  ruleId: string,
  options: { since?: Date | undefined; until?: Date | undefined } = {},
): Promise<LabelledEvent[]> {
  const since = options.since ? sql`and e.matched_at >= ${options.since}` : sql``;
  const until = options.until ? sql`and e.matched_at < ${options.until}` : sql``;
  const { rows } = await sql<{ event_id: number; article_id: number; relevant: boolean }>`
    select distinct on (l.event_id) l.event_id, e.article_id, l.relevant
    from event_labels l join events e on e.id = l.event_id
    where e.rule_id = ${ruleId} ${since} ${until}
    order by l.event_id, l.labelled_at desc, l.user_name`.execute(db);
  return rows.map((row) => ({
    eventId: Number(row.event_id),
    articleId: Number(row.article_id),
    relevant: row.relevant,
  }));
}

function toStoredLabel(row: {
  event_id: number;
  user_name: string;
  relevant: boolean;
  labelled_at: Date;
}): StoredLabel {
  return {
    eventId: row.event_id,
    userName: row.user_name,
    relevant: row.relevant,
    labelledAt: row.labelled_at,
  };
}
