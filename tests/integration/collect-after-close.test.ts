// A closed PGlite is collected by collectAfterClose, so that the store reopened after migrations
// (store/database.ts) does not open on top of the instance that ran them.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectAfterClose } from '../../src/lib/collect-garbage.ts';
import { pgliteDataDir } from './pipeline-helpers.ts';

/** node's gc(), as `--expose-gc` (bin/vigie) gives it; vitest's workers run without the flag. */
function exposedGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Opens and closes PGlite in `dir`; only a weak reference to the instance leaves this function. */
async function openAndClose(dir: string): Promise<WeakRef<PGlite>> {
  const pglite = await PGlite.create(join(dir, 'pglite'));
  await pglite.query('select 1');
  await pglite.close();
  return new WeakRef(pglite);
}

describe('collectAfterClose', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.unstubAllGlobals();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('frees a PGlite instance that was just closed', async () => {
    vi.stubGlobal('gc', exposedGc());
    const dir = pgliteDataDir('collect-after-close');
    dirs.push(dir);
    const closed = await openAndClose(dir);
    await collectAfterClose();
    // Under load, PGlite's last callbacks can take a few more turns (CI failed once on the first):
    // the instance must go all the same, nothing of vigie's holding it. A weak reference's target
    // stays until the current job ends, and each call starts with a new turn.
    for (let turn = 0; turn < 20 && closed.deref() !== undefined; turn++) await collectAfterClose();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closed.deref()).toBeUndefined();
  });
});
