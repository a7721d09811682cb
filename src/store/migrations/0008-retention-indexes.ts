// Indexes for retention: articles whose text is still kept, by age, so each purge batch finds the next ones without re-reading emptied rows.
import { type Kysely, sql } from 'kysely';

// A second 0008 migration (0009 is another change's): names sort, so it runs after 0008-feed-health.
const STATEMENTS = [
  "create index articles_text_kept on articles (created_at) where text <> ''",
  'create index feed_notices_feed on feed_notices (feed_id, created_at)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) {
    await sql.raw(statement).execute(db);
  }
}
