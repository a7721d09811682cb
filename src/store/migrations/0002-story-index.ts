// Indexes stories for the story lookup: band pairs and content title words keyed by day, with their backfill.
import { type Kysely, type Migration, sql } from 'kysely';
import type { StoryIndexKeysOf } from '../stories.ts';

// GIN over arrays: `band_pairs && $1` and `title_words && $1` find the stories sharing any element.
// Without fastupdate: every assignment searches right after an insert, and a pending list would
// be scanned whole by each search until vacuum merges it.
const STATEMENTS = [
  "alter table stories add column band_pairs integer[] not null default '{}'",
  "alter table stories add column title_words text[] not null default '{}'",
  'create index stories_band_pairs on stories using gin (band_pairs) with (fastupdate = off)',
  'create index stories_title_words on stories using gin (title_words) with (fastupdate = off)',
];

/** Rows read and written per round of the backfill. */
const BACKFILL_BATCH = 1_000;

/**
 * The keys come from the caller (stories/index-keys.ts, as for new stories): the store computes
 * none. Without them, a database that already holds stories cannot take this migration.
 */
export function storyIndexMigration(keysOf: StoryIndexKeysOf | undefined): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const statement of STATEMENTS) {
        await sql.raw(statement).execute(db);
      }
      await backfill(db, keysOf);
    },
  };
}

/** Computes the new columns of the stories already stored, in JS: the same code as new stories. */
async function backfill(db: Kysely<unknown>, keysOf: StoryIndexKeysOf | undefined): Promise<void> {
  let after = 0;
  for (;;) {
    const { rows } = await sql<{
      id: number | string;
      signature: string;
      title: string;
      last_seen_at: Date;
    }>`
      select id, signature, title, last_seen_at from stories
      where id > ${after} order by id limit ${BACKFILL_BATCH}
    `.execute(db);
    const last = rows.at(-1);
    if (!last) return;
    if (!keysOf) throw new Error('store: migration 0002 needs the story index keys to backfill');
    const values = rows.map((row) => {
      const keys = keysOf(row, new Date(row.last_seen_at));
      return { id: Number(row.id), band_pairs: keys.bandPairs, title_words: keys.titleWords };
    });
    await sql`
      update stories as s set band_pairs = v.band_pairs, title_words = v.title_words
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
        as v(id bigint, band_pairs integer[], title_words text[])
      where s.id = v.id
    `.execute(db);
    after = Number(last.id);
  }
}
