// Events: one row per article × rule that matched, with its score, terms and regions.
import { sql } from 'kysely';
import type { Db, EventTerm } from './types.ts';

export interface NewEvent {
  articleId: number;
  ruleId: string;
  score: number;
  terms: EventTerm[];
  /** Region ids the match counts for, ancestors included (mosul, nineveh, iraq). */
  regions: string[];
  matchedAt: Date;
}

export interface EventFilter {
  ruleId?: string | undefined;
  /** Events whose regions include this one. */
  regionId?: string | undefined;
  since?: Date | undefined;
  limit?: number | undefined;
}

/** An event with what a reader needs to recognise its article. */
export interface EventListing {
  id: number;
  articleId: number;
  ruleId: string;
  score: number;
  terms: EventTerm[];
  regions: string[];
  matchedAt: Date;
  title: string;
  url: string;
  feedId: string | null;
  publishedAt: Date | null;
}

/** Stores the event unless the article already matched this rule; `created` for one caller only. */
export async function insertEvent(
  db: Db,
  event: NewEvent,
): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto('events')
    .values({
      article_id: event.articleId,
      rule_id: event.ruleId,
      score: event.score,
      terms: JSON.stringify(event.terms),
      regions: event.regions,
      matched_at: event.matchedAt,
    })
    .onConflict((oc) => oc.columns(['article_id', 'rule_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('events')
    .select('id')
    .where('article_id', '=', event.articleId)
    .where('rule_id', '=', event.ruleId)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/** Events, newest first, filtered by rule, region and time. */
export async function listEvents(db: Db, filter: EventFilter = {}): Promise<EventListing[]> {
  let query = db
    .selectFrom('events')
    .innerJoin('articles', 'articles.id', 'events.article_id')
    .select([
      'events.id',
      'events.article_id',
      'events.rule_id',
      'events.score',
      'events.terms',
      'events.regions',
      'events.matched_at',
      'articles.title',
      'articles.url',
      'articles.feed_id',
      'articles.published_at',
    ]);
  if (filter.ruleId !== undefined) query = query.where('events.rule_id', '=', filter.ruleId);
  if (filter.since !== undefined) query = query.where('events.matched_at', '>=', filter.since);
  if (filter.regionId !== undefined) {
    query = query.where(sql<boolean>`events.regions @> array[${filter.regionId}]::text[]`);
  }
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows = await query
    .orderBy('events.matched_at', 'desc')
    .orderBy('events.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    articleId: row.article_id,
    ruleId: row.rule_id,
    score: row.score,
    terms: row.terms,
    regions: row.regions,
    matchedAt: row.matched_at,
    title: row.title,
    url: row.url,
    feedId: row.feed_id,
    publishedAt: row.published_at,
  }));
}

/** One event's own fields: what evaluate-alert needs (its rule, regions and matched_at). */
export async function getEvent(
  db: Db,
  id: number,
): Promise<{ id: number; articleId: number; ruleId: string; matchedAt: Date } | undefined> {
  const row = await db
    .selectFrom('events')
    .select(['id', 'article_id', 'rule_id', 'matched_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && { id: row.id, articleId: row.article_id, ruleId: row.rule_id, matchedAt: row.matched_at }
  );
}

/** An event with its article's text and story: what an alert mail shows of it. */
export interface EventStory {
  eventId: number;
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
