// The story an event counts as, in one rule for thresholds, alert mails, digests and backtests.
import { sql } from 'kysely';

/**
 * An article's story, or for an article not grouped yet (its story is assigned after its events),
 * the article alone: the negated article id, which never meets a story's positive id.
 */
export function storyKeyOf(storyId: number | null | undefined, articleId: number): number {
  return storyId ?? -articleId;
}

/** `storyKeyOf` in SQL, over the `articles` table of the query. */
export const STORY_KEY = sql<number>`coalesce(articles.story_id, -articles.id)`;
