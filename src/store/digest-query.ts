// What a digest run reads: its events (the period's and the late ones) with their articles and sources.
import type { ExpressionBuilder } from 'kysely';
import type { Database, Db, EventTerm } from './types.ts';

/** Which events a digest run shows: its period, and the late arrivals the previous run could not see. */
export interface DigestEventWindow {
  start: Date;
  end: Date;
  /** The previous run's `lastEventId`: null for a digest's first run. */
  firstEventId?: number | null | undefined;
  /** The highest event id visible when the run was built: null for runs stored before it was kept. */
  lastEventId?: number | null | undefined;
}

/** One event of a digest run with its article. */
export interface DigestRow {
  eventId: number;
  ruleId: string;
  regions: string[];
  terms: EventTerm[];
  articleId: number;
  storyId: number | null;
  title: string;
  url: string;
  feedId: string | null;
  publishedAt: Date | null;
}

/**
 * A run's events: matched in [start, end) with an id it saw, or matched earlier with an id the
 * previous run did not see (committed after that run's read, though stamped in its period). Each
 * id is thus in exactly one run of a digest. Without the run's ids, the period alone.
 */
export function digestEventFilter(window: DigestEventWindow) {
  return (eb: ExpressionBuilder<Database, 'events'>) => {
    const inPeriod = eb.and([
      eb('events.matched_at', '>=', window.start),
      eb('events.matched_at', '<', window.end),
    ]);
    if (window.lastEventId === null || window.lastEventId === undefined) return inPeriod;
    const seen = eb('events.id', '<=', window.lastEventId);
    if (window.firstEventId === null || window.firstEventId === undefined) {
      return eb.and([seen, inPeriod]);
    }
    const late = eb.and([
      eb('events.matched_at', '<', window.start),
      eb('events.id', '>', window.firstEventId),
    ]);
    return eb.and([seen, eb.or([inPeriod, late])]);
  };
}

/** The run's events of these rules (see `digestEventFilter`), in matching order. */
export async function listDigestRows(
  db: Db,
  ruleIds: readonly string[],
  window: DigestEventWindow,
): Promise<DigestRow[]> {
  const rows = await db
    .selectFrom('events')
    .innerJoin('articles', 'articles.id', 'events.article_id')
    .select([
      'events.id as eventId',
      'events.rule_id as ruleId',
      'events.regions as regions',
      'events.terms as terms',
      'articles.id as articleId',
      'articles.story_id as storyId',
      'articles.title as title',
      'articles.url as url',
      'articles.feed_id as feedId',
      'articles.published_at as publishedAt',
    ])
    .where('events.rule_id', 'in', [...ruleIds])
    .where(digestEventFilter(window))
    .orderBy('events.matched_at')
    .orderBy('events.id')
    .execute();
  return rows;
}

/** The feeds that carried each article (an article seen in several feeds has several). */
export async function listArticleSources(
  db: Db,
  articleIds: readonly number[],
): Promise<Map<number, string[]>> {
  const byArticle = new Map<number, string[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_sources')
    .select(['article_id', 'feed_id'])
    .where('article_id', 'in', [...articleIds])
    .execute();
  for (const row of rows) {
    byArticle.set(row.article_id, [...(byArticle.get(row.article_id) ?? []), row.feed_id]);
  }
  return byArticle;
}
