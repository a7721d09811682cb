// The compiled matcher kept in the config cache: compiling the gazetteer with its depth (tens of
// thousands of names tokenised and interned) took most of `vigie classify`'s start; reading it back
// takes a tenth to a fifth of that.

import v8 from 'node:v8';
import { collectGarbage } from '../lib/collect-garbage.ts';
import { compileMatcher, type MatcherInput } from '../rules/compile.ts';
import type { CompiledRegion, CompiledTerm, Matcher, WordIds } from '../rules/compiled.ts';
import { flattenLists, type Lists } from '../rules/tables.ts';
import { cacheKey, readCachedBytes, writeCachedBytes } from './cache.ts';
import {
  configCacheKey,
  configFilesKey,
  loadConfigFiles,
  readConfigFiles,
  type VigieConfig,
} from './load.ts';
import type { ConfigValues } from './validate.ts';

/** Bumped when the encoding below changes; the build's hash (in the config's key) covers the rest. */
const FORMAT = 'matcher-5';

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
  collectGarbage();
  return matcher;
}

function matcherKey(configKey: string): string {
  return cacheKey([FORMAT, configKey, process.versions.v8]);
}

/**
 * The matcher as bytes: v8's structured serialisation, which keeps its Maps, Sets and typed arrays
 * (and any field added to it later), with its three object-heavy parts laid out flat first: the
 * folded word map (28,000 names with the depth), the terms (29,000 objects, nearly all
 * `{kind: 'phrase'}`) and the regions (9,000 objects of two arrays each). Read back, those took
 * 25, 22 and 33 ms of v8.deserialize, and their young objects most of the start's garbage
 * collection; as strings, typed arrays and lists they are rebuilt in a few ms (BENCHMARKS.md).
 */
export function encodeMatcher(matcher: Matcher): Buffer {
  const { foldedWords, terms, regions, regionIndex, ...rest } = matcher;
  // In code-unit order, as SortedWordIds searches them.
  const entries = [...foldedWords.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const words = entries.map(([word]) => word);
  // One string of words joined by newlines, unless a word is empty or holds one (none does).
  const joinable = words.every((word) => word !== '' && !word.includes('\n'));
  const near = terms.flatMap((term, id) =>
    term.kind === 'near' ? [id, term.a, term.b, term.within] : [],
  );
  return v8.serialize({
    format: FORMAT,
    rest,
    words: joinable ? words.join('\n') : words,
    wordIds: Int32Array.from(entries, ([, id]) => id),
    termCount: terms.length,
    near: Int32Array.from(near),
    regions: {
      ids: regions.map((region) => region.id),
      parents: Int32Array.from(regions, (region) => region.parent),
      flags: Uint8Array.from(regions, (r) => (r.requiresContext ? 1 : 0) | (r.group ? 2 : 0)),
      children: flattenLists(regions.map((region) => region.children)),
      rollUps: flattenLists(regions.map((region) => region.rollUp)),
    },
  });
}

interface EncodedMatcher {
  format?: unknown;
  rest: Omit<Matcher, 'foldedWords' | 'terms' | 'regions' | 'regionIndex'>;
  words: string | string[];
  wordIds: Int32Array;
  termCount: number;
  near: Int32Array;
  regions: {
    ids: string[];
    parents: Int32Array;
    flags: Uint8Array;
    children: Lists;
    rollUps: Lists;
  };
}

/** The matcher `encodeMatcher` encoded; throws on bytes of another format. */
export function decodeMatcher(bytes: Buffer): Matcher {
  const value = v8.deserialize(bytes) as EncodedMatcher;
  if (value?.format !== FORMAT || !(value.wordIds instanceof Int32Array)) {
    throw new Error('matcher cache: not a compiled matcher of this format');
  }
  const words =
    typeof value.words !== 'string' ? value.words : value.words ? value.words.split('\n') : [];
  const regions = decodeRegions(value.regions);
  return {
    ...value.rest,
    foldedWords: new SortedWordIds(words, value.wordIds),
    terms: decodeTerms(value.termCount, value.near),
    regions,
    regionIndex: new Map(regions.map((region, index) => [region.id, index])),
  } as Matcher;
}

// Every phrase term is the same value: one object shared, never changed.
const PHRASE: CompiledTerm = Object.freeze({ kind: 'phrase' });

function decodeTerms(count: number, near: Int32Array): CompiledTerm[] {
  const terms = new Array<CompiledTerm>(count).fill(PHRASE);
  for (let k = 0; k < near.length; k += 4) {
    terms[near[k] as number] = {
      kind: 'near',
      a: near[k + 1] as number,
      b: near[k + 2] as number,
      within: near[k + 3] as number,
    };
  }
  return terms;
}

function decodeRegions(encoded: EncodedMatcher['regions']): CompiledRegion[] {
  const { ids, parents, flags, children, rollUps } = encoded;
  return ids.map((id, i) => ({
    id,
    parent: parents[i] as number,
    children: listAt(children, i),
    requiresContext: ((flags[i] as number) & 1) !== 0,
    rollUp: listAt(rollUps, i),
    group: ((flags[i] as number) & 2) !== 0,
  }));
}

/** A loop, not Array.from of a subarray: 24,000 of them at the start, before the JIT has warmed up. */
function listAt(lists: Lists, i: number): number[] {
  const from = lists.start[i] as number;
  const list = new Array<number>((lists.start[i + 1] as number) - from);
  for (let k = 0; k < list.length; k++) list[k] = lists.ids[from + k] as number;
  return list;
}

/**
 * The folded words of a matcher read back, searched by halves in code-unit order: filling a Map
 * with its 35,000 words took 30 ms of every start; a word is looked up only when a text first
 * holds it (lexicon.ts), about 16 comparisons.
 */
class SortedWordIds implements WordIds {
  constructor(
    private readonly words: readonly string[],
    private readonly ids: Int32Array,
  ) {}

  get(word: string): number | undefined {
    let low = 0;
    let high = this.words.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.words[middle] as string;
      if (found === word) return this.ids[middle];
      if (found < word) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  *entries(): IterableIterator<[string, number]> {
    for (let i = 0; i < this.words.length; i++) {
      yield [this.words[i] as string, this.ids[i] as number];
    }
  }
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

/**
 * The matcher of config directory `dir`, for a command that needs nothing else of the config
 * (`vigie classify`): when these texts' matcher is in the cache, it was compiled from the config
 * they validate into, so the validated config (0.2–0.9 MB of JSON) is not read at all; otherwise
 * as `matcherOf(await loadConfig(dir))`, validation errors included.
 */
export async function loadMatcher(dir: string): Promise<Matcher> {
  const files = await readConfigFiles(dir);
  const configKey = configFilesKey(files);
  const bytes = configKey ? readCachedBytes(matcherKey(configKey)) : undefined;
  if (bytes) {
    try {
      return decodeMatcher(bytes);
    } catch {
      // Compiled again below.
    }
  }
  return matcherOf(await loadConfigFiles(dir, files));
}
