// The compiled matcher kept in the config cache: compiling the gazetteer with its depth (tens of
// thousands of names tokenised and interned) took most of `vigie classify`'s start; reading it back
// takes a tenth to a fifth of that.
import v8 from 'node:v8';
import { compileMatcher, type MatcherInput } from '../rules/compile.ts';
import type { Matcher } from '../rules/compiled.ts';
import { cacheKey, readCachedBytes, writeCachedBytes } from './cache.ts';
import { configCacheKey, type VigieConfig } from './load.ts';
import type { ConfigValues } from './validate.ts';

/** Bumped when the encoding below changes; the build's hash (in the config's key) covers the rest. */
const FORMAT = 'matcher-2';

/**
 * `compileMatcher(input)`, read from the cache when `configKey` (the cache key of the config
 * `input` comes from: see `configCacheKey`) has been compiled before; undefined compiles.
 */
export function compileMatcherCached(input: MatcherInput, configKey: string | undefined): Matcher {
  if (!configKey) return compileMatcher(input);
  const key = matcherKey(configKey);
  const bytes = readCachedBytes(key);
  if (bytes) {
    try {
      return decodeMatcher(bytes);
    } catch {
      // A damaged or foreign entry: compiled again and replaced below.
    }
  }
  const matcher = compileMatcher(input);
  try {
    writeCachedBytes(key, encodeMatcher(matcher));
  } catch {
    // A matcher v8 cannot serialise (a function in it): compiled at every start, as before.
  }
  return matcher;
}

function matcherKey(configKey: string): string {
  return cacheKey([FORMAT, configKey, process.versions.v8]);
}

/**
 * The matcher as bytes: v8's structured serialisation, which keeps its Maps, Sets and typed arrays
 * (and any field added to it later). Laying its object-heavy parts out flat first (word maps as
 * arrays, terms and regions by column) read back no faster in a fresh process (40–50 ms either way
 * with the depth), only smaller: not worth the code.
 */
export function encodeMatcher(matcher: Matcher): Buffer {
  return v8.serialize({ format: FORMAT, matcher });
}

/** The matcher `encodeMatcher` encoded; throws on bytes of another format. */
export function decodeMatcher(bytes: Buffer): Matcher {
  const value = v8.deserialize(bytes) as { format?: unknown; matcher?: Matcher };
  if (value?.format !== FORMAT || !(value.matcher?.foldedWords instanceof Map)) {
    throw new Error('matcher cache: not a compiled matcher of this format');
  }
  return value.matcher;
}

/**
 * What a config compiles into: its rules, regions, focus, adjectives and the analysts' notPlaces.
 * The running matcher and a draft tried on /try are compiled from the same input.
 */
export function matcherInputOf(config: ConfigValues): MatcherInput {
  return {
    rules: config.rules,
    regions: config.regions,
    focus: config.focus,
    adjectives: config.adjectives,
    notPlaces: config.notPlaces,
  };
}

/**
 * The matcher of a loaded config, from the cache when the config came from it. Every process
 * compiles through here, so a reload, a command and a worker read the same config the same way.
 */
export function matcherOf(config: VigieConfig): Matcher {
  return compileMatcherCached(matcherInputOf(config), configCacheKey(config));
}
