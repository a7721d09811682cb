// Indexes for the workspace's event list: articles by when they count, and their full text.
import { type Kysely, sql } from 'kysely';
import { SEARCH_VECTOR } from '../search-text.ts';

// The list is ordered by `COUNTED_AT` (counted-at.ts): walking this index newest first, the
// planner reads events article by article (events_article_id_rule_id_key) instead of sorting them
// all. The search index is over `SEARCH_VECTOR` as it reads today: never edit either here.
const STATEMENTS = [
  `create index articles_counted_at on articles
    ((least(coalesce(published_at, created_at), created_at)) desc, id desc)`,
  `create index articles_search on articles using gin ((${SEARCH_VECTOR.replaceAll('articles.', '')}))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) {
    await sql.raw(statement).execute(db);
  }
}
