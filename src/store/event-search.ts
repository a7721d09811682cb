// The workspace's event list: events newest first by when their article counts, filtered, a page at a time.
import { sql } from 'kysely';
import { COUNTED_AT } from './counted-at.ts';
import { foldValue } from './search-text.ts';
import type { Db, EventTerm } from './types.ts';

/** Where a page ends: the next page starts after this event. */
export interface EventCursor {
  /** The event's `publishedAt` (when its article counts). */
  at: Date;
  id: number;
}

export interface EventSearch {
  /** Any of these rules (none: every rule). */
  ruleIds?: readonly string[] | undefined;
  /** Events counting for any of these regions: the caller expands a parent into its members. */
  regionIds?: readonly string[] | undefined;
  /** Articles counting at or after this time. */
  since?: Date | undefined;
  /** Articles counting before this time. */
  until?: Date | undefined;
  /** Words in the title or text, as a search box takes them ("a phrase", -not, or). */
  words?: string | undefined;
  after?: EventCursor | undefined;
  limit: number;
}

/** An event with its article and its story's size. */
export interface FoundEvent {
  id: number;
  articleId: number;
  ruleId: string;
  score: number;
  terms: EventTerm[];
  regions: string[];
  /** When the article counts: its publication, else when first seen (counted-at.ts). */
  publishedAt: Date;
  title: string;
  text: string;
  url: string;
  feedId: string | null;
  storyId: number | null;
  /** Articles of its story, and the feeds they came from (1 and 1 without a story). */
  copies: number;
  sources: number;
}

export interface EventPage {
  events: FoundEvent[];
  /** Where the next page starts, or null on the last page. */
  next: EventCursor | null;
}

/**
 * One page of events, newest first by publication then by id. Keyset pagination: a page starts
 * after `search.after`, so events stored meanwhile never shift or repeat the pages that follow.
 */
export async function searchEvents(db: Db, search: EventSearch): Promise<EventPage> {
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
      'articles.title',
      'articles.text',
      'articles.url',
      'articles.feed_id',
      'articles.story_id',
    ])
    .select(COUNTED_AT.as('counted_at'));
  if (search.ruleIds && search.ruleIds.length > 0) {
    query = query.where('events.rule_id', 'in', [...search.ruleIds]);
  }
  if (search.regionIds && search.regionIds.length > 0) {
    query = query.where(sql<boolean>`events.regions && ${sql.val([...search.regionIds])}::text[]`);
  }
  if (search.since) query = query.where(COUNTED_AT, '>=', search.since);
  if (search.until) query = query.where(COUNTED_AT, '<', search.until);
  const words = search.words?.trim();
  if (words) {
    query = query.where(
      sql<boolean>`articles.search_vector @@ websearch_to_tsquery('simple'::regconfig, ${foldValue(words)})`,
    );
  }
  if (search.after) {
    const { at, id } = search.after;
    query = query.where(sql<boolean>`(${COUNTED_AT}, events.id) < (${at}, ${id})`);
  }
  const rows = await query
    .orderBy(COUNTED_AT, 'desc')
    .orderBy('events.id', 'desc')
    .limit(search.limit + 1)
    .execute();
  const page = rows.slice(0, search.limit);
  const stories = await countStories(
    db,
    page.map((row) => row.story_id),
  );
  const events = page.map((row): FoundEvent => {
    const story = row.story_id === null ? undefined : stories.get(row.story_id);
    return {
      id: row.id,
      articleId: row.article_id,
      ruleId: row.rule_id,
      score: row.score,
      terms: row.terms,
      regions: row.regions,
      publishedAt: new Date(row.counted_at),
      title: row.title,
      text: row.text,
      url: row.url,
      feedId: row.feed_id,
      storyId: row.story_id,
      copies: story?.copies ?? 1,
      sources: story?.sources ?? 1,
    };
  });
  const last = events.at(-1);
  const next = rows.length > search.limit && last ? { at: last.publishedAt, id: last.id } : null;
  return { events, next };
}

/** Each story's articles and the distinct feeds they were found in. */
async function countStories(
  db: Db,
  storyIds: readonly (number | null)[],
): Promise<Map<number, { copies: number; sources: number }>> {
  const ids = [...new Set(storyIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('articles')
    .leftJoin('article_sources', 'article_sources.article_id', 'articles.id')
    .select([
      'articles.story_id',
      sql<number>`count(distinct articles.id)::int`.as('copies'),
      sql<number>`count(distinct coalesce(article_sources.feed_id, articles.feed_id))::int`.as(
        'sources',
      ),
    ])
    .where('articles.story_id', 'in', ids)
    .groupBy('articles.story_id')
    .execute();
  return new Map(
    rows.flatMap((row) =>
      row.story_id === null ? [] : [[row.story_id, { copies: row.copies, sources: row.sources }]],
    ),
  );
}
