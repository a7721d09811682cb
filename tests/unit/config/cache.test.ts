// The config cache: what JSON keeps exactly, entries written and read back, a broken or disabled cache ignored.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheKey, isExactJson, readCached, writeCached } from '../../../src/config/cache.ts';
import { loadConfig } from '../../../src/config/load.ts';

describe('isExactJson', () => {
  it.each([
    [{ a: [1, 'x', true, null, { b: -2.5 }] }, true],
    [{ a: undefined, b: 1 }, true],
    [[undefined], false],
    [{ a: Number.NaN }, false],
    [{ a: Number.POSITIVE_INFINITY }, false],
    [-0, false],
    [{ at: new Date(0) }, false],
    [new Map(), false],
    [{ bytes: new Uint8Array(2) }, false],
    [Object.create(null), false],
  ])('%o: %s', (value, exact) => {
    expect(isExactJson(value)).toBe(exact);
  });
});

describe('readCached and writeCached', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigie-cache-test-'));
    vi.stubEnv('VIGIE_CACHE_DIR', dir);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives back what was written under the same key, nothing under another', () => {
    writeCached(cacheKey(['yaml', 'a: 1']), { a: 1 });
    expect(readCached(cacheKey(['yaml', 'a: 1']))).toEqual({ value: { a: 1 } });
    expect(readCached(cacheKey(['yaml', 'a: 2']))).toBeUndefined();
    // Parts are delimited: ['ab', 'c'] is not ['a', 'bc'], and an absent text is not an empty one.
    expect(cacheKey(['ab', 'c'])).not.toBe(cacheKey(['a', 'bc']));
    expect(cacheKey([undefined])).not.toBe(cacheKey(['']));
  });

  it('keeps nothing that JSON would change', () => {
    writeCached(cacheKey(['nan']), { a: Number.NaN });
    expect(readCached(cacheKey(['nan']))).toBeUndefined();
  });

  it('ignores an entry that is not JSON', () => {
    const key = cacheKey(['broken']);
    writeCached(key, { a: 1 });
    writeFileSync(path.join(dir, 'config', `${key}.json`), '{"a":');
    expect(readCached(key)).toBeUndefined();
  });

  it('is off with VIGIE_CACHE_DIR=off', () => {
    vi.stubEnv('VIGIE_CACHE_DIR', 'off');
    writeCached(cacheKey(['off']), { a: 1 });
    expect(readCached(cacheKey(['off']))).toBeUndefined();
  });

  it('keeps the newest 64 entries', () => {
    for (let i = 0; i < 70; i++) writeCached(cacheKey([String(i)]), i);
    expect(readdirSync(path.join(dir, 'config'))).toHaveLength(64);
  });

  it('loads the same config from parsed YAML kept in the cache as from the files', async () => {
    const config = path.join(import.meta.dirname, '../../fixtures/config/valid');
    const first = await loadConfig(config);
    expect(readdirSync(path.join(dir, 'config')).length).toBeGreaterThan(0);
    expect(await loadConfig(config)).toEqual(first);
  });
});
