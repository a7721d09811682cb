// The store for a command that needs it, opened on use and closed after.
import type { Db } from '../store/types.ts';

/** Loaded on use: the store (and PGlite) would slow every other command's start. */
export async function withStore<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const [{ loadEnv }, { openStore }] = await Promise.all([
    import('../config/env.ts'),
    import('../open-store.ts'),
  ]);
  const store = await openStore(loadEnv());
  try {
    return await work(store.db);
  } finally {
    await store.close();
  }
}
