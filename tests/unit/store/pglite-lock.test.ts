// The PGlite lock's port: written by the holder once it listens, read by `vigie events` in another process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  acquirePgliteLock,
  advertisePgliteLockPort,
  findPgliteLockHolder,
} from '../../../src/store/pglite-lock.ts';

const scratch = mkdtempSync(join(tmpdir(), 'vigie-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A pid that was alive and is no longer. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid ?? 999_999;
}

describe('the PGlite lock and the port of its holder', () => {
  it('the holder writes its port into its own lock, and finds no other holder there', () => {
    const dir = join(scratch, 'own');
    const lock = acquirePgliteLock(dir);
    try {
      advertisePgliteLockPort(dir, 8123);
      expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toEqual({
        pid: process.pid,
        host: hostname(),
        port: 8123,
      });
      expect(findPgliteLockHolder(dir)).toBeUndefined();
    } finally {
      lock.release();
    }
    // Released: the lock file is gone, and writing a port no longer creates one.
    advertisePgliteLockPort(dir, 8124);
    expect(() => readFileSync(lock.path)).toThrow();
  });

  it('another live process holding it is found with its port; a dead one is not', () => {
    const dir = join(scratch, 'other');
    // The parent of this test process: alive, and not this process.
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, host: hostname(), port: 9 }));
    expect(findPgliteLockHolder(dir)).toEqual({ pid: process.ppid, host: hostname(), port: 9 });
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: deadPid(), host: hostname() }));
    expect(findPgliteLockHolder(dir)).toBeUndefined();
    expect(findPgliteLockHolder(join(scratch, 'none'))).toBeUndefined();
  });
});
