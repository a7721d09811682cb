// Before the integration and browser tests: dist/ built from the current sources, so that tests
// spawning ./bin/vigie run the compiled JavaScript users run (bin/vigie would fall back to tsx on a
// stale build anyway).
import { buildDist } from '../scripts/build.ts';

export default async function setup(): Promise<void> {
  await buildDist();
}
