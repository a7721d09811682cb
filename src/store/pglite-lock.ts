// The lock file that keeps a PGlite data directory to one process at a time.
//
// PGlite takes no lock of its own: a second process opens the same directory without complaint
// and both then write over each other's pages (tried here: rows inserted by one process were lost).
// So before opening, we create `<dir>.lock` holding our pid; it is removed on close and on exit.
// A lock whose pid is dead is stale (SIGKILL, crash, power loss) and is taken over.
import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { UserError } from '../lib/errors.ts';

export interface PgliteLock {
  readonly path: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  /** The HTTP port of the `vigie run` holding it, once it listens: readers go through its API. */
  port?: number | undefined;
}

/** Lock files this process holds, so the same process cannot open a directory twice either. */
const held = new Set<string>();
let exitHookInstalled = false;

/** Takes the lock on `dir` or throws a UserError naming the process that holds it. */
export function acquirePgliteLock(dir: string): PgliteLock {
  const path = `${dir}.lock`;
  installExitHook();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path)) return track(path);
    const owner = readOwner(path);
    if (owner && isAlive(owner, path)) throw inUseError(dir, path, owner);
    removeStale(path, owner);
  }
  throw inUseError(dir, path, readOwner(path));
}

function track(path: string): PgliteLock {
  held.add(path);
  return {
    path,
    release: () => {
      if (!held.delete(path)) return;
      unlinkQuietly(path);
    },
  };
}

/** Writes the owner to a private file, then links it into place: the lock never appears empty. */
function tryCreate(path: string): boolean {
  const temp = `${path}.${process.pid}.${randomUUID()}`;
  writeFileSync(temp, JSON.stringify({ pid: process.pid, host: hostname() }));
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkQuietly(temp);
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string') {
      const port = typeof owner.port === 'number' ? owner.port : undefined;
      return { pid: owner.pid, host: owner.host, port };
    }
  } catch {
    // Unreadable or half-written by a version that wrote in place: treated as stale.
  }
  return undefined;
}

function isAlive(owner: LockOwner, path: string): boolean {
  // A lock written on another machine (shared volume) cannot be checked: assume it is alive.
  if (owner.host !== hostname()) return true;
  // Our own pid on a lock we do not hold: a previous life of this container (pid 1 again).
  if (owner.pid === process.pid) return held.has(path);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock aside and checks that what moved is the one judged stale: if another
 * process took it over in between, its fresh lock is put back and this attempt ends.
 */
function removeStale(path: string, stale: LockOwner | undefined): void {
  const aside = `${path}.stale.${process.pid}.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readOwner(aside);
  if (moved && (moved.pid !== stale?.pid || moved.host !== stale.host)) {
    restore(aside, path);
    return;
  }
  unlinkQuietly(aside);
}

function restore(aside: string, path: string): void {
  try {
    linkSync(aside, path);
  } catch {
    // Someone else holds a newer lock already; the next attempt reads it.
  }
  unlinkQuietly(aside);
}

function inUseError(dir: string, path: string, owner: LockOwner | undefined): UserError {
  const who = owner ? ` (pid ${owner.pid} on ${owner.host})` : '';
  return new UserError(
    `store: ${dir} is in use by another vigie process${who}; stop it or set DATABASE_URL ` +
      `to use a PostgreSQL server (if no vigie process is running, delete ${path})`,
  );
}

/**
 * Writes the HTTP port into the lock this process holds on `dir`, so that `vigie events` reads
 * through the server's API instead of refusing. Replaced whole (temp file, rename): a reader never
 * sees it half-written.
 */
export function advertisePgliteLockPort(dir: string, port: number): void {
  const path = `${dir}.lock`;
  if (!held.has(path)) return;
  const temp = `${path}.${process.pid}.${randomUUID()}`;
  writeFileSync(temp, JSON.stringify({ pid: process.pid, host: hostname(), port }));
  renameSync(temp, path);
}

/** The live process of this machine holding `dir` (not this one), with its port if it advertised one. */
export function findPgliteLockHolder(dir: string): LockOwner | undefined {
  const path = `${dir}.lock`;
  if (held.has(path)) return undefined;
  const owner = readOwner(path);
  if (!owner || owner.host !== hostname() || owner.pid === process.pid) return undefined;
  return isAlive(owner, path) ? owner : undefined;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const path of held) unlinkQuietly(path);
    held.clear();
  });
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
