// Articles not yet final: still to fetch (pending) or fetched but not classified; and the classified mark.
import { sql } from 'kysely';
import type { Db } from './types.ts';

/** An unfinished article and the step it waits for. */
export interface UnfinishedArticle {
  id: number;
  /** 'fetch' while its page is pending, then 'classify' until classify-article marks it. */
  step: 'fetch' | 'classify';
}

const unfinished = sql<boolean>`(fetch_status = 'pending' or classified_at is null)`;

/** One feed's unfinished articles, by id, after `afterId` (keyset). */
export async function listUnfinishedOfFeed(
  db: Db,
  feedId: string,
  page: { afterId: number; limit: number },
): Promise<UnfinishedArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'fetch_status'])
    .where('feed_id', '=', feedId)
    .where(unfinished)
    .where('id', '>', page.afterId)
    .orderBy('id')
    .limit(page.limit)
    .execute();
  return rows.map(toUnfinished);
}

/** Unfinished articles stored before `createdBefore`, by id, after `afterId` (keyset). */
export async function listUnfinished(
  db: Db,
  page: { createdBefore: Date; afterId: number; limit: number },
): Promise<UnfinishedArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'fetch_status'])
    .where(unfinished)
    .where('id', '>', page.afterId)
    .where('created_at', '<', page.createdBefore)
    .orderBy('id')
    .limit(page.limit)
    .execute();
  return rows.map(toUnfinished);
}

/** Marks the article classified; run in the transaction that stores its events. */
export async function markClassified(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('articles').set({ classified_at: at }).where('id', '=', id).execute();
}

function toUnfinished(row: { id: number; fetch_status: string }): UnfinishedArticle {
  return { id: row.id, step: row.fetch_status === 'pending' ? 'fetch' : 'classify' };
}
