// Digest runs remember the event ids they saw, so the next run can pick up events committed after the read.
import { type Kysely, sql } from 'kysely';

// Nullable: runs stored before this migration, and a digest's first run, have no previous read.
const STATEMENTS = [
  'alter table digests add column first_event_id bigint',
  'alter table digests add column last_event_id bigint',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) {
    await sql.raw(statement).execute(db);
  }
}
