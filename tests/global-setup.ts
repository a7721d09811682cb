// Before any test file: dist/ built from the current sources, so that tests spawning ./bin/vigie run
// the compiled JavaScript users run (bin/vigie would fall back to tsx on a stale build anyway); and
// a config cache (src/config/cache.ts) of the run's own, for tests and the commands they spawn,
// instead of the user's ~/.cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDist } from '../scripts/build.ts';

export default async function setup(): Promise<() => void> {
  const cache = mkdtempSync(path.join(tmpdir(), 'vigie-test-cache-'));
  process.env.VIGIE_CACHE_DIR = cache;
  await buildDist();
  return () => rmSync(cache, { recursive: true, force: true });
}
