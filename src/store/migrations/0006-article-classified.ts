// Articles remember when they were classified, so a sweeper can find those a dead process left unfinished.
import { type Kysely, sql } from 'kysely';

// Articles stored before this migration went through classify-article (or were lost before it,
// which no stored state can tell apart): they count as classified at their fetch or creation time.
// The partial index holds only the unfinished ones: small, whatever the size of the table.
const STATEMENTS = [
  'alter table articles add column classified_at timestamptz',
  `update articles set classified_at = coalesce(fetched_at, created_at)
     where fetch_status <> 'pending'`,
  `create index articles_unfinished on articles (feed_id, id)
     where fetch_status = 'pending' or classified_at is null`,
  `create index articles_unfinished_id on articles (id)
     where fetch_status = 'pending' or classified_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) {
    await sql.raw(statement).execute(db);
  }
}
