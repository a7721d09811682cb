// Before any test file: a config cache (src/config/cache.ts) of the run's own, for tests and the
// commands they spawn, instead of the user's ~/.cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const cache = mkdtempSync(path.join(tmpdir(), 'vigie-test-cache-'));
  process.env.VIGIE_CACHE_DIR = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
