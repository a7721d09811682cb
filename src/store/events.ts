import type { Db, EventTerm } from './types.ts';

export interface NewEvent {
  articleId: number;
  ruleId: string;
  score: number;
  terms: EventTerm[];
  /** Region ids the match counts for, ancestors included (mosul, nineveh, iraq). */
  regions: string[];
  /** Of `regions`, those the article is about: what `per: region` counts for a rule without regions. */
  focusRegions?: string[] | undefined;
  matchedAt: Date;
}

/** Stores the event unless the article already matched this rule; `created` for one caller only. */
export async function insertEvent(
  db: Db,
  event: NewEvent,
): Promise<{ id: number; created: boolean }> {
  const [row] = await insertEvents(db, [event]);
  if (!row) throw new Error(`events: no row for article ${event.articleId} × ${event.ruleId}`);
  return { id: row.id, created: row.created };
}

export interface StoredEvent {
  id: number;
  articleId: number;
  ruleId: string;
  /** True for the one insert that made the row; false when the article had matched the rule already. */
  created: boolean;
}

/**
 * Stores the events in one statement, skipping those whose article already matched the rule,
 * and returns every one of them in input order: the new rows, then (only when some were there
 * already, as on a rerun) the existing ones, read by a second statement.
 */
export async function insertEvents(db: Db, events: readonly NewEvent[]): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  // One order for every writer, so that two runs on one article take their row locks alike.
  const rows = [...events]
    .sort((a, b) => a.articleId - b.articleId || compareText(a.ruleId, b.ruleId))
    .map((event) => ({
      article_id: event.articleId,
      rule_id: event.ruleId,
      score: event.score,
      terms: JSON.stringify(event.terms),
      regions: event.regions,
      focus_regions: event.focusRegions ?? event.regions,
      matched_at: event.matchedAt,
    }));
  const inserted = await db
    .insertInto('events')
    .values(rows)
    .onConflict((oc) => oc.columns(['article_id', 'rule_id']).doNothing())
    .returning(['id', 'article_id', 'rule_id'])
    .execute();
  const stored = new Map(inserted.map((row) => [eventKey(row), { id: row.id, created: true }]));
  const missing = rows.filter((row) => !stored.has(eventKey(row)));
  if (missing.length > 0) {
    const existing = await db
      .selectFrom('events')
      .select(['id', 'article_id', 'rule_id'])
      .where((eb) =>
        eb.or(
          missing.map((row) =>
            eb.and([eb('article_id', '=', row.article_id), eb('rule_id', '=', row.rule_id)]),
          ),
        ),
      )
      .execute();
    for (const row of existing) stored.set(eventKey(row), { id: row.id, created: false });
  }
  return events.map((event) => {
    const row = stored.get(eventKey({ article_id: event.articleId, rule_id: event.ruleId }));
    if (!row) throw new Error(`events: no row for article ${event.articleId} × ${event.ruleId}`);
    return { ...row, articleId: event.articleId, ruleId: event.ruleId };
  });
}

function eventKey(row: { article_id: number; rule_id: string }): string {
  return `${row.article_id}:${row.rule_id}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An event with its article's text and story: what an alert mail shows of it. */
export interface EventStory {
  eventId: number;
  articleId: number;
  storyId: number | null;
  title: string;
  url: string;
  feedId: string | null;
  publishedAt: Date | null;
  text: string;
  terms: EventTerm[];
}

/** These events with their articles, in the order of `ids`. */
export async function listEventStories(db: Db, ids: readonly number[]): Promise<EventStory[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .innerJoin('articles', 'articles.id', 'events.article_id')
    .select([
      'events.id',
      'events.article_id',
      'articles.story_id',
      'articles.title',
      'articles.url',
      'articles.feed_id',
      'articles.published_at',
      'articles.text',
      'events.terms',
    ])
    .where('events.id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        eventId: row.id,
        articleId: row.article_id,
        storyId: row.story_id,
        title: row.title,
        url: row.url,
        feedId: row.feed_id,
        publishedAt: row.published_at,
        text: row.text,
        terms: row.terms,
      },
    ];
  });
}
