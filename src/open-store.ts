// Opens the store the environment names, with the story index keys its migrations compute.
import type { VigieEnv } from './config/env.ts';
import { openDatabase, type Store } from './store/database.ts';
import { storyIndexKeys } from './stories/index-keys.ts';

/** PostgreSQL at DATABASE_URL, else PGlite under VIGIE_DATA_DIR. */
export function openStore(
  env: Pick<VigieEnv, 'databaseUrl' | 'dataDir' | 'databaseSchema'>,
  onConnectionError?: (error: Error) => void,
): Promise<Store> {
  return openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.dataDir,
    schema: env.databaseSchema,
    onConnectionError,
    storyIndexKeys,
  });
}
