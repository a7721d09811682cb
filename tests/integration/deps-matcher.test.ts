// openDeps with the matcher its caller has: `vigie ingest` hands over its changed copy of the config
// with the matcher of the config as loaded, read from the cache, instead of a second compilation.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { matcherOf } from '../../src/config/matcher-cache.ts';
import { closeDeps, openDeps } from '../../src/deps.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { openBackend, testBackends, testEnv, uniquePrefix } from './pipeline-helpers.ts';

const [postgres] = testBackends('deps_matcher');
const backend = postgres ?? { kind: 'postgres' as const, dataDir: '' };

afterAll(async () => {
  const store = await openBackend(backend);
  await sql`drop schema if exists ${sql.id(backend.schema ?? '')} cascade`.execute(store.db);
  await store.close();
});

describe('openDeps', () => {
  it('runs with the matcher it is given, compiled from the config before its changes', async () => {
    const prefix = uniquePrefix('deps-matcher');
    const config = await loadConfig('tests/fixtures/config/valid');
    const matcher = matcherOf(config);
    const deps = await openDeps({
      env: testEnv(backend, prefix),
      config: { ...config, feeds: [] },
      matcher,
      store: await openBackend(backend),
      prefix,
      log: createLogger('silent'),
    });
    try {
      expect(deps.matcher).toBe(matcher);
      expect(deps.config.feeds).toEqual([]);
    } finally {
      await closeDeps(deps);
    }
  });
});
