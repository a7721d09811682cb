// When an article counts in a threshold window: the one policy, as a function and as SQL.
import { sql } from 'kysely';

/**
 * An article counts in a threshold window at its publication time, so that old articles found
 * today (a feed's archive, a page dated years ago) are stored and listed but alert no one. An
 * article without a date counts when it was first seen, and so does one dated after it was first
 * seen (a future date is a feed's mistake, and would keep the story in every window to come).
 */
export function countedAtOf(publishedAt: Date | null | undefined, firstSeen: Date): Date {
  if (!publishedAt || Number.isNaN(publishedAt.getTime())) return firstSeen;
  return publishedAt < firstSeen ? publishedAt : firstSeen;
}

/** `countedAtOf` in SQL, over the `articles` table of the query (created_at is first seen). */
export const COUNTED_AT = sql<Date>`least(coalesce(articles.published_at, articles.created_at), articles.created_at)`;
