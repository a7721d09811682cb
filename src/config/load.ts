// Reads the config directory: the validated values of its files (four, and the optional regions.local.yaml), or every problem of each.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { collectGarbage } from '../lib/collect-garbage.ts';
import { ConfigError } from '../lib/errors.ts';
import { cacheKey, readCached, writeCached } from './cache.ts';
import type { ConfigFileName } from './schema.ts';
import type { ConfigFileText, ConfigValues } from './validate.ts';

export type { ConfigFileText, ConfigValidation, ConfigValues } from './validate.ts';

/** The validated configuration the worker and the commands run with. */
export interface VigieConfig extends ConfigValues {
  dir: string;
}

const FILE_NAMES: readonly ConfigFileName[] = [
  'feeds.yaml',
  'regions.yaml',
  'regions.local.yaml',
  'rules.yaml',
  'notify.yaml',
];

/** The generated places below the curated gazetteer (JSON: parsed fast); optional. */
const DEPTH_FILE = 'regions.depth.json';

/**
 * Set by the build of dist/ (scripts/build.ts) to a hash of the sources: the validated config of
 * unchanged files is then reused, since the same code would validate them the same way. Under tsx
 * (development, tests) it is unset and every load validates.
 */
const BUILD_ID = process.env.VIGIE_BUILD_ID;

/**
 * The cache key of each config loadConfig returned in a build of dist/: what derives from the
 * config alone (the compiled matcher) is cached under it too.
 */
const CONFIG_KEYS = new WeakMap<VigieConfig, string>();

/** The cache key of a config loadConfig returned, or undefined when it is not cached (tsx, tests). */
export function configCacheKey(config: VigieConfig): string | undefined {
  return CONFIG_KEYS.get(config);
}

/** Loads and validates `dir`; throws ConfigError listing every problem. */
export async function loadConfig(dir: string): Promise<VigieConfig> {
  return loadConfigFiles(dir, await readConfigFiles(dir));
}

/**
 * The cache key of the config these texts validate into in a build of dist/ (what
 * `configCacheKey` gives for it), or undefined outside one.
 */
export function configFilesKey(files: readonly ConfigFileText[]): string | undefined {
  return BUILD_ID ? cacheKey(['config', BUILD_ID, ...files.map((file) => file.text)]) : undefined;
}

/** loadConfig of texts `readConfigFiles(dir)` read. */
export async function loadConfigFiles(dir: string, files: ConfigFileText[]): Promise<VigieConfig> {
  const key = configFilesKey(files) ?? '';
  const cached = BUILD_ID ? readCached(key) : undefined;
  if (cached) return keyed({ dir, ...(cached.value as ConfigValues) }, key);
  // Loaded only on a miss: validation brings in yaml, zod and the schemas.
  const { validateConfig } = await import('./validate.ts');
  const result = validateConfig(files);
  if (!result.ok) throw new ConfigError(result.problems);
  if (BUILD_ID) writeCached(key, result.config);
  collectGarbage();
  return keyed({ dir, ...result.config }, key);
}

function keyed(config: VigieConfig, key: string): VigieConfig {
  if (key) CONFIG_KEYS.set(config, key);
  return config;
}

/** The texts of the config files of `dir` (undefined for an absent one), as validateConfig takes them. */
export async function readConfigFiles(dir: string): Promise<ConfigFileText[]> {
  await assertDirectory(dir);
  return Promise.all(
    [...FILE_NAMES, DEPTH_FILE].map((name) => readConfigFile(path.join(dir, name))),
  );
}

async function assertDirectory(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (!found?.isDirectory()) throw new ConfigError([`${dir}: config directory not found`]);
}

async function readConfigFile(name: string): Promise<ConfigFileText> {
  try {
    return { name, text: await readFile(name, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { name, text: undefined };
    throw new ConfigError([`${name}: cannot read file (${(error as Error).message})`]);
  }
}
