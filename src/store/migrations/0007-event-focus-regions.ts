// Events remember which of their regions the article is about: what `per: region` counts for a rule without regions.
import { type Kysely, sql } from 'kysely';

// Events stored before this migration counted for every region they name: they keep doing so, so
// that a window open across the upgrade counts what it counted before.
const STATEMENTS = [
  `alter table events add column focus_regions text[] not null default '{}'`,
  'update events set focus_regions = regions',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) {
    await sql.raw(statement).execute(db);
  }
}
