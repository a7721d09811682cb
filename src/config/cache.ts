// A cache of what reading the config costs most, as JSON files keyed by a hash of what they derive
// from: the parsed YAML of a file (the 155 kB regions.yaml takes `yaml` 0.25–0.8 s to parse,
// JSON.parse a few milliseconds), and, in a build of dist/, the validated config of a directory
// whose texts (the config files) and whose code are the same as when it was validated. Any failure to read or
// write the cache is ignored (a read-only home, a full disk): the config is then read as usual.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/** Bumped when what is cached changes meaning. */
const FORMAT = 'vigie-config-cache-1';
/** Entries kept: enough for a few config directories and their recent edits. */
const MAX_ENTRIES = 64;
/** Binary entries (compiled matchers, 2–4 MB each with the gazetteer's depth) kept. */
const MAX_BINARY_ENTRIES = 8;

/**
 * VIGIE_CACHE_DIR, else $XDG_CACHE_HOME/vigie, else ~/.cache/vigie; VIGIE_CACHE_DIR=off disables
 * the cache. Read here rather than in env.ts so that `vigie classify` stays free of what env.ts
 * loads (undici).
 */
function cacheDir(): string | undefined {
  const explicit = process.env.VIGIE_CACHE_DIR?.trim();
  if (explicit === 'off') return undefined;
  if (explicit) return path.join(explicit, 'config');
  const base = process.env.XDG_CACHE_HOME?.trim() || path.join(homedir(), '.cache');
  return path.join(base, 'vigie', 'config');
}

/** A key for the texts (and any other strings) a value was derived from. */
export function cacheKey(parts: readonly (string | undefined)[]): string {
  const hash = createHash('sha256').update(FORMAT);
  for (const part of parts) hash.update(part === undefined ? '\u0001' : `\u0002${part}\u0000`);
  return hash.digest('hex');
}

/** The value kept under `key`, or undefined. */
export function readCached(key: string): { value: unknown } | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    return { value: JSON.parse(readFileSync(path.join(dir, `${key}.json`), 'utf8')) };
  } catch {
    return undefined;
  }
}

/** Keeps `value` under `key` when JSON holds it exactly. */
export function writeCached(key: string, value: unknown): void {
  const dir = cacheDir();
  if (!dir || !isExactJson(value)) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const target = path.join(dir, `${key}.json`);
    const staging = stagingName(target);
    writeFileSync(staging, JSON.stringify(value), { mode: 0o600 });
    renameSync(staging, target);
    pruneOldest(dir, '.json', MAX_ENTRIES);
  } catch {
    // The cache only saves time.
  }
}

/** The bytes kept under `key` by writeCachedBytes, or undefined. */
export function readCachedBytes(key: string): Buffer | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    return readFileSync(path.join(dir, `${key}.bin`));
  } catch {
    return undefined;
  }
}

/** Keeps `bytes` under `key`. */
export function writeCachedBytes(key: string, bytes: Uint8Array): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const target = path.join(dir, `${key}.bin`);
    const staging = stagingName(target);
    writeFileSync(staging, bytes, { mode: 0o600 });
    renameSync(staging, target);
    pruneOldest(dir, '.bin', MAX_BINARY_ENTRIES);
  } catch {
    // The cache only saves time.
  }
}

/**
 * A name of this process's and thread's own: `vigie classify --jobs N`'s threads may write the same
 * entry at once, each then renaming a whole file of its own over it.
 */
function stagingName(target: string): string {
  return `${target}.${process.pid}.${threadId}.tmp`;
}

function pruneOldest(dir: string, extension: string, limit: number): void {
  const names = readdirSync(dir).filter((name) => name.endsWith(extension));
  if (names.length <= limit) return;
  const dated = names.map((name) => ({ name, at: statSync(path.join(dir, name)).mtimeMs }));
  dated.sort((a, b) => a.at - b.at);
  for (const { name } of dated.slice(0, names.length - limit)) {
    unlinkSync(path.join(dir, name));
  }
}

/**
 * Whether JSON.parse(JSON.stringify(value)) gives `value` back: no NaN, ±Infinity, -0, Date, Map…
 * An object's undefined property comes back absent, which reads the same.
 */
export function isExactJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isExactJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((item) => item === undefined || isExactJson(item));
}
