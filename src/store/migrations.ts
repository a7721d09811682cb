// Brings the schema up to date on open: Kysely's Migrator over the migrations listed here.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as initial from './migrations/0001-initial.ts';
import * as storyIndex from './migrations/0002-story-index.ts';
import * as digestEventIds from './migrations/0003-digest-event-ids.ts';
import * as articleExtraction from './migrations/0004-article-extraction.ts';
import * as deliveryLeases from './migrations/0005-delivery-leases.ts';
import * as articleClassified from './migrations/0006-article-classified.ts';
import type { Database } from './types.ts';

/** Every migration, in order. Names sort; never rename or edit one that has shipped. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-story-index': storyIndex,
  '0003-digest-event-ids': digestEventIds,
  '0004-article-extraction': articleExtraction,
  '0005-delivery-leases': deliveryLeases,
  '0006-article-classified': articleClassified,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Applies pending migrations. Kysely holds a session `pg_advisory_lock` while it migrates and runs
 * them in one transaction, so two processes starting at once against one server migrate once.
 * The bookkeeping tables live in `schema` (created if missing) so that schemas sharing a server
 * never see each other's migration state.
 */
export async function migrateToLatest(db: Kysely<Database>, schema: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new Error(`store: cannot migrate schema ${schema}`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}
