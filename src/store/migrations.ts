// Brings the schema up to date on open: Kysely's Migrator over the migrations listed here.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as initial from './migrations/0001-initial.ts';
import { storyIndexMigration } from './migrations/0002-story-index.ts';
import * as digestEventIds from './migrations/0003-digest-event-ids.ts';
import * as articleExtraction from './migrations/0004-article-extraction.ts';
import * as deliveryLeases from './migrations/0005-delivery-leases.ts';
import * as articleClassified from './migrations/0006-article-classified.ts';
import * as eventFocusRegions from './migrations/0007-event-focus-regions.ts';
import * as feedHealth from './migrations/0008-feed-health.ts';
import * as retentionIndexes from './migrations/0008-retention-indexes.ts';
import * as eventSearch from './migrations/0010-event-search.ts';
import * as authUsersLabels from './migrations/0011-auth-users-labels.ts';
import type { StoryIndexKeysOf } from './stories.ts';
import type { Database } from './types.ts';

/** Every migration, in order. Names sort; never rename or edit one that has shipped. */
const listMigrations = (storyIndexKeys?: StoryIndexKeysOf): Record<string, Migration> => ({
  '0001-initial': initial,
  '0002-story-index': storyIndexMigration(storyIndexKeys),
  '0003-digest-event-ids': digestEventIds,
  '0004-article-extraction': articleExtraction,
  '0005-delivery-leases': deliveryLeases,
  '0006-article-classified': articleClassified,
  '0007-event-focus-regions': eventFocusRegions,
  '0008-feed-health': feedHealth,
  '0008-retention-indexes': retentionIndexes,
  '0010-event-search': eventSearch,
  '0011-auth-users-labels': authUsersLabels,
});

/**
 * Applies pending migrations. Kysely holds a session `pg_advisory_lock` while it migrates and runs
 * them in one transaction, so two processes starting at once against one server migrate once.
 * The bookkeeping tables live in `schema` (created if missing) so that schemas sharing a server
 * never see each other's migration state.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  schema: string,
  storyIndexKeys?: StoryIndexKeysOf,
): Promise<string[]> {
  const migrations = listMigrations(storyIndexKeys);
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).map((result) => result.migrationName);
    if (attempt >= OTHER_SCHEMA_ATTEMPTS || !isOtherSchemaGone(error, schema)) {
      throw new Error(`store: cannot migrate schema ${schema}`, { cause: error });
    }
  }
}

/** How often a migration is tried when another schema vanished under Kysely's introspection. */
const OTHER_SCHEMA_ATTEMPTS = 3;

/**
 * Before it takes its lock, Kysely's migrator looks for its tables with an introspection query
 * over every schema of the database; a schema that another client drops meanwhile (tests running
 * side by side on one server drop theirs) fails that query with 3F000 naming that schema, or with
 * 42P01 naming one of its tables (`relation "vigie_other.digests" does not exist`). Nothing was
 * migrated yet, so trying again is safe; a missing schema or table of our own is a real error (our
 * migrations name their tables unqualified, so theirs never carry another schema's name).
 */
export function isOtherSchemaGone(error: unknown, schema: string): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof message !== 'string') return false;
  if (code === '3F000') return !message.includes(`"${schema}"`);
  if (code !== '42P01') return false;
  const table = /relation "([^".]+)\./.exec(message);
  return table !== null && table[1] !== schema;
}
