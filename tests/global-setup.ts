// Before the integration and browser tests: dist/ built from the current sources, so that tests
// spawning ./bin/vigie run the compiled JavaScript users run (bin/vigie would fall back to tsx on a
// stale build anyway); and one PGlite database created and migrated, which the tests' PGlite
// directories start as a copy of (tests/integration/pipeline-helpers.ts `pgliteDataDir`): creating
// a database costs each file seconds, a copy half a second.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDist } from '../scripts/build.ts';
import { openDatabase } from '../src/store/database.ts';

export default async function setup(): Promise<() => void> {
  const template = mkdtempSync(path.join(tmpdir(), 'vigie-test-pglite-'));
  await Promise.all([
    buildDist(),
    openDatabase({ dataDir: template }).then((store) => store.close()),
  ]);
  process.env.VIGIE_TEST_PGLITE_TEMPLATE = path.join(template, 'pglite');
  return () => rmSync(template, { recursive: true, force: true });
}
