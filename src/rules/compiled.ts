// The compiled form of rules and gazetteer (the matcher's tables): types only, so the modules that
// build and read them import it without importing one another.
import type { FocusSettings } from './focus.ts';
import type { Lists, PhraseTables } from './tables.ts';

/** A trie over characters: each node lists the prefix patterns (`attentat*`) that end there. */
export interface CharTrie {
  next: Map<number, CharTrie>;
  patterns: number[];
}

export type CompiledTerm =
  | { kind: 'phrase' }
  | { kind: 'near'; a: number; b: number; within: number };

/** A rule's boolean node as compiled, before it is encoded into `Matcher.program`. */
export interface CompiledNode {
  all: CompiledItem[];
  any: CompiledItem[];
  none: CompiledItem[];
}
/** A term id, or a nested boolean node. */
export type CompiledItem = number | CompiledNode;

export interface CompiledRule {
  id: string;
  /** Where its condition starts in `Matcher.program` (see evaluate.ts). */
  node: number;
  /** Whether its required sets are its whole positive condition (see `isExactlyRequired`). */
  exact: boolean;
  languages: Set<string> | null;
  regions: number[] | null;
  minScore: number;
}

export interface CompiledRegion {
  id: string;
  parent: number;
  children: number[];
  requiresContext: boolean;
  /**
   * What a mention of the region counts for: itself, its ancestors and every group any of them
   * belongs to (transitively), each once.
   */
  rollUp: number[];
  /** Whether it is a group (has members): not a country, whatever its place in the tree. */
  group: boolean;
}

/**
 * Words to pattern ids: a Map once compiled; read back from the cache, a sorted table searched by
 * halves (config/matcher-cache.ts), which costs nothing to rebuild.
 */
export interface WordIds {
  get(word: string): number | undefined;
  entries(): IterableIterator<[string, number]>;
}

export interface Matcher {
  foldedWords: WordIds;
  casedWords: Map<string, number>;
  foldedPrefixes: CharTrie;
  casedPrefixes: CharTrie;
  phrases: PhraseTables;
  terms: CompiledTerm[];
  /** Near terms, operands before the terms that use them. */
  nearTerms: number[];
  /**
   * Per term: 1 when where it occurs always matters (gazetteer names, `near` operands); the other
   * terms' positions are kept only for the hits of the matches, when the caller asks for them.
   */
  positioned: Uint8Array;
  rules: CompiledRule[];
  /** Every rule's condition, encoded as integers in one block (see evaluate.ts). */
  program: Int32Array;
  /**
   * Per rule: its distinct terms outside `none`, each counted once in the score, with their weights
   * and their text as the rule writes it (for output and digests), parallel to `scored.ids`.
   */
  scored: Lists;
  scoredWeights: Float64Array;
  scoredDisplays: string[];
  /**
   * Per term: the rules with a required set (see evaluate.ts) that contains it, as
   * `rule · 32 + the set's index in the rule`; a rule is evaluated once each of its sets has a term
   * found, that is once the bits seen make `ruleSetMasks[rule]`.
   */
  rulesByTerm: Lists;
  ruleSetMasks: Int32Array;
  /** Rules that can hold with no term matched (only `none`): evaluated on every text. */
  alwaysEvaluated: number[];
  regions: CompiledRegion[];
  regionsByTerm: Lists;
  /** `term · 2^20 + region` of the names that count for their region only with context. */
  contextNames: Set<number>;
  /** `term · 2^20 + region` of the regions' adjectives. */
  adjectiveNames: Set<number>;
  /** `term · 2^20 + region` of the names that are abbreviations ("Mo.": see regions.ts). */
  abbreviationNames: Set<number>;
  /** Those of them that are postal codes ("NH"): see regions.ts. */
  postalNames: Set<number>;
  /** Terms that name no place but hold a place name (not-places.ts). */
  notPlaces: number[];
  /** How adjectives count (see disambiguate.ts). */
  adjectives: AdjectivePolicy;
  /** Whether names are read in their context (see `MatcherInput.readContext`). */
  readContext: boolean;
  regionIndex: Map<string, number>;
  topRegions: number[];
  /** How an article's focus regions are chosen (see focus.ts). */
  focus: FocusSettings;
}

/**
 * How adjectives count (measured in BENCHMARKS.md, "Geoparsing"): `always` as a name does;
 * `state` unless a word around says language, cuisine or culture ("French cuisine", "parle
 * l'anglais"); `context` only when the country or a place in it is also named.
 */
export type AdjectivePolicy = 'always' | 'state' | 'context';
