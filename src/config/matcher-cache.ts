// The compiled matcher kept in the config cache: compiling the gazetteer with its depth (tens of
// thousands of names tokenised and interned) took most of `vigie classify`'s start; reading it back
// takes a tenth of that.
import v8 from 'node:v8';
import { compileMatcher, type MatcherInput } from '../rules/compile.ts';
import type { CharTrie, CompiledRegion, CompiledTerm, Matcher } from '../rules/compiled.ts';
import { cacheKey, readCachedBytes, writeCachedBytes } from './cache.ts';
import { configCacheKey, type VigieConfig } from './load.ts';

/** Bumped when the encoding below changes; the build's hash (in the config's key) covers the rest. */
const FORMAT = 'matcher-1';

/**
 * `compileMatcher(input)`, read from the cache when `configKey` (the cache key of the config
 * `input` comes from: see `configCacheKey`) has been compiled before; undefined compiles.
 */
export function compileMatcherCached(input: MatcherInput, configKey: string | undefined): Matcher {
  if (!configKey) return compileMatcher(input);
  const key = cacheKey([FORMAT, configKey, process.versions.v8]);
  const bytes = readCachedBytes(key);
  if (bytes) {
    try {
      return decodeMatcher(bytes);
    } catch {
      // A damaged or foreign entry: compiled again and replaced below.
    }
  }
  const matcher = compileMatcher(input);
  writeCachedBytes(key, encodeMatcher(matcher));
  return matcher;
}

/**
 * The matcher as bytes: v8's structured serialisation, after the parts that serialise slowly as
 * objects (tens of thousands of small objects and map entries) are laid out as flat arrays.
 */
export function encodeMatcher(matcher: Matcher): Buffer {
  const packed: Record<string, unknown> = { ...matcher };
  packed.foldedWords = packMap(matcher.foldedWords);
  packed.casedWords = packMap(matcher.casedWords);
  packed.foldedPrefixes = packTrie(matcher.foldedPrefixes);
  packed.casedPrefixes = packTrie(matcher.casedPrefixes);
  packed.terms = packTerms(matcher.terms);
  packed.regions = packColumns(matcher.regions as unknown as Record<string, unknown>[]);
  // Rebuilt from the regions' ids, which it numbers in order.
  packed.regionIndex = undefined;
  return v8.serialize(packed);
}

/** The matcher `encodeMatcher` encoded; throws on bytes of another format. */
export function decodeMatcher(bytes: Buffer): Matcher {
  const packed = v8.deserialize(bytes) as Record<string, unknown>;
  const regions = unpackColumns(packed.regions as Columns) as unknown as CompiledRegion[];
  return {
    ...(packed as unknown as Matcher),
    foldedWords: unpackMap(packed.foldedWords as PackedMap),
    casedWords: unpackMap(packed.casedWords as PackedMap),
    foldedPrefixes: unpackTrie(packed.foldedPrefixes as PackedTrie),
    casedPrefixes: unpackTrie(packed.casedPrefixes as PackedTrie),
    terms: unpackTerms(packed.terms as PackedTerms),
    regions,
    regionIndex: new Map(regions.map((region, index) => [region.id, index])),
  };
}

interface PackedMap {
  keys: string[];
  values: Int32Array;
}

function packMap(map: Map<string, number>): PackedMap {
  return { keys: [...map.keys()], values: Int32Array.from(map.values()) };
}

function unpackMap(packed: PackedMap): Map<string, number> {
  const map = new Map<string, number>();
  packed.keys.forEach((key, i) => {
    map.set(key, packed.values[i] as number);
  });
  return map;
}

/** A trie in pre-order: per node its patterns, its number of children, then each child's code and node. */
type PackedTrie = number[];

function packTrie(trie: CharTrie): PackedTrie {
  const out: number[] = [];
  const visit = (node: CharTrie) => {
    out.push(node.patterns.length, ...node.patterns, node.next.size);
    for (const [code, child] of node.next) {
      out.push(code);
      visit(child);
    }
  };
  visit(trie);
  return out;
}

function unpackTrie(packed: PackedTrie): CharTrie {
  let at = 0;
  const read = (): CharTrie => {
    const count = packed[at++] as number;
    const node: CharTrie = { next: new Map(), patterns: packed.slice(at, at + count) };
    at += count;
    const children = packed[at++] as number;
    for (let i = 0; i < children; i++) {
      const code = packed[at++] as number;
      node.next.set(code, read());
    }
    return node;
  };
  return read();
}

/** Nearly every term is a phrase: only the others are listed, by index. */
interface PackedTerms {
  length: number;
  others: [number, CompiledTerm][];
}

function packTerms(terms: CompiledTerm[]): PackedTerms {
  const others: [number, CompiledTerm][] = [];
  terms.forEach((term, i) => {
    if (term.kind !== 'phrase' || Object.keys(term).length !== 1) others.push([i, term]);
  });
  return { length: terms.length, others };
}

function unpackTerms(packed: PackedTerms): CompiledTerm[] {
  const terms = Array.from({ length: packed.length }, (): CompiledTerm => ({ kind: 'phrase' }));
  for (const [i, term] of packed.others) terms[i] = term;
  return terms;
}

/** Objects of one shape as one array per key: a key whose values are all lists of numbers as one block. */
interface Columns {
  length: number;
  keys: string[];
  values: unknown[][];
  lists: Record<string, { start: Int32Array; ids: Int32Array }>;
}

function packColumns(objects: Record<string, unknown>[]): Columns {
  const keys = [...new Set(objects.flatMap((object) => Object.keys(object)))];
  const columns: Columns = { length: objects.length, keys, values: [], lists: {} };
  for (const key of keys) {
    const values = objects.map((object) => object[key]);
    if (values.every(isNumberList)) {
      const lists = values as number[][];
      const start = new Int32Array(lists.length + 1);
      lists.forEach((list, i) => {
        start[i + 1] = (start[i] as number) + list.length;
      });
      columns.lists[key] = { start, ids: Int32Array.from(lists.flat()) };
      columns.values.push([]);
    } else {
      columns.values.push(values);
    }
  }
  return columns;
}

function isNumberList(value: unknown): boolean {
  return (
    Array.isArray(value) && value.every((item) => typeof item === 'number' && item === (item | 0))
  );
}

function unpackColumns(columns: Columns): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (let i = 0; i < columns.length; i++) {
    const object: Record<string, unknown> = {};
    columns.keys.forEach((key, k) => {
      const list = columns.lists[key];
      const value = list
        ? Array.from(list.ids.subarray(list.start[i] as number, list.start[i + 1] as number))
        : (columns.values[k] as unknown[])[i];
      if (value !== undefined || list) object[key] = value;
    });
    objects.push(object);
  }
  return objects;
}

/**
 * The matcher of a loaded config: its rules, regions, focus and adjectives, from the cache when
 * the config came from it. Every process compiles through here, so a reload, a command and a
 * worker read the same config the same way.
 */
export function matcherOf(config: VigieConfig): Matcher {
  return compileMatcherCached(
    {
      rules: config.rules,
      regions: config.regions,
      focus: config.focus,
      adjectives: config.adjectives,
    },
    configCacheKey(config),
  );
}
