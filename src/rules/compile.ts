// Compiles rules and the gazetteer once into a single matcher: token patterns, one phrase trie, rule conditions.
import { UserError } from '../lib/errors.ts';
import type { CharTrie, CompiledRule, CompiledTerm, Matcher } from './compiled.ts';
import { compileCondition, type ScoredTerm } from './condition.ts';
import type { AdjectivePolicy } from './disambiguate.ts';
import { encodeNode, isExactlyRequired, requiredSets } from './evaluate.ts';
import { FOCUS_DEFAULTS, type FocusSettings } from './focus.ts';
import { tokenize } from './normalise.ts';
import { compileGazetteer, type Gazetteer } from './regions.ts';
import { flattenLists, flattenPhrases, type PhraseNode } from './tables.ts';
import type { NameSpec, RegionSpec, RuleSpec, TermSpec } from './types.ts';

export type {
  CharTrie,
  CompiledItem,
  CompiledNode,
  CompiledRegion,
  CompiledRule,
  CompiledTerm,
  Matcher,
} from './compiled.ts';

export interface MatcherInput {
  rules: RuleSpec[];
  regions: RegionSpec[];
  focus?: Partial<FocusSettings> | undefined;
  /** How the regions' adjectives count (default ADJECTIVES_DEFAULT, measured). */
  adjectives?: AdjectivePolicy | undefined;
  /**
   * Whether names are read in their context (disambiguate.ts, not-places.ts; default true): off,
   * every name of a region counts wherever it occurs, as the geoparsing bench's baseline does.
   */
  readContext?: boolean | undefined;
  /** More names that hold a place name but name no place, after not-places.ts's (regions.local.yaml). */
  notPlaces?: readonly string[] | undefined;
}

/** Measured with `npm run bench -- geoparse` (BENCHMARKS.md, "Geoparsing"). */
export const ADJECTIVES_DEFAULT: AdjectivePolicy = 'state';

/** The matcher as it is built: plain arrays and objects, laid out as typed arrays at the end. */
interface Builder {
  foldedWords: Map<string, number>;
  casedWords: Map<string, number>;
  foldedPrefixes: CharTrie;
  casedPrefixes: CharTrie;
  phraseRoots: (PhraseNode | undefined)[];
  terms: CompiledTerm[];
  nearTerms: number[];
  rules: CompiledRule[];
  program: number[];
  scored: ScoredTerm[][];
  rulesByTerm: number[][];
  ruleSetMasks: number[];
  alwaysEvaluated: number[];
  gazetteer: Gazetteer;
  patternIds: Map<string, number>;
  termIds: Map<string, number>;
}

export function compileMatcher(input: MatcherInput): Matcher {
  const b = createBuilder();
  b.gazetteer = compileGazetteer(
    input.regions,
    (name, where) => internName(b, name, where),
    input.notPlaces,
  );
  input.rules.forEach((rule, index) => {
    b.rules.push(compileRule(b, rule, index));
  });
  // Dense, so the roots stay in fast elements (a sparse array falls into dictionary mode).
  const roots = Array.from({ length: b.patternIds.size }, (_, i) => b.phraseRoots[i]);
  const scored = b.scored.flat();
  return {
    foldedWords: b.foldedWords,
    casedWords: b.casedWords,
    foldedPrefixes: b.foldedPrefixes,
    casedPrefixes: b.casedPrefixes,
    phrases: flattenPhrases(roots),
    terms: b.terms,
    nearTerms: b.nearTerms,
    positioned: positionedTerms(b),
    rules: b.rules,
    program: Int32Array.from(b.program),
    scored: flattenLists(b.scored.map((list) => list.map((s) => s.term))),
    scoredWeights: Float64Array.from(scored, (s) => s.weight),
    scoredDisplays: scored.map((s) => s.display),
    rulesByTerm: flattenLists(b.rulesByTerm),
    ruleSetMasks: Int32Array.from(b.ruleSetMasks),
    alwaysEvaluated: b.alwaysEvaluated,
    regions: b.gazetteer.regions,
    regionsByTerm: flattenLists(
      b.terms.map((_, term) => b.gazetteer.regionsOfTerm.get(term) ?? []),
    ),
    contextNames: b.gazetteer.contextNames,
    adjectiveNames: b.gazetteer.adjectiveNames,
    abbreviationNames: b.gazetteer.abbreviationNames,
    postalNames: b.gazetteer.postalNames,
    notPlaces: b.gazetteer.notPlaces,
    adjectives: input.adjectives ?? ADJECTIVES_DEFAULT,
    readContext: input.readContext !== false,
    regionIndex: b.gazetteer.regionIndex,
    topRegions: b.gazetteer.topRegions,
    focus: { ...FOCUS_DEFAULTS, ...input.focus },
  };
}

function positionedTerms(b: Builder): Uint8Array {
  const positioned = new Uint8Array(b.terms.length);
  for (const term of b.gazetteer.regionsOfTerm.keys()) positioned[term] = 1;
  for (const term of b.gazetteer.notPlaces) positioned[term] = 1;
  for (const term of b.terms) {
    if (term.kind !== 'near') continue;
    positioned[term.a] = 1;
    positioned[term.b] = 1;
  }
  return positioned;
}

function createBuilder(): Builder {
  return {
    foldedWords: new Map(),
    casedWords: new Map(),
    foldedPrefixes: { next: new Map(), patterns: [] },
    casedPrefixes: { next: new Map(), patterns: [] },
    phraseRoots: [],
    terms: [],
    nearTerms: [],
    rules: [],
    program: [],
    scored: [],
    rulesByTerm: [],
    ruleSetMasks: [],
    alwaysEvaluated: [],
    gazetteer: {
      regions: [],
      regionIndex: new Map(),
      topRegions: [],
      regionsOfTerm: new Map(),
      contextNames: new Set(),
      adjectiveNames: new Set(),
      abbreviationNames: new Set(),
      postalNames: new Set(),
      notPlaces: [],
    },
    patternIds: new Map(),
    termIds: new Map(),
  };
}

/** The id of a one-word pattern: an exact word or a prefix, case-folded or exact-case. */
function internPattern(b: Builder, word: string, prefix: boolean, caseSensitive: boolean): number {
  const key = `${caseSensitive ? 'c' : 'f'}${prefix ? '*' : '='}${word}`;
  const known = b.patternIds.get(key);
  if (known !== undefined) return known;
  const id = b.patternIds.size;
  b.patternIds.set(key, id);
  if (!prefix) (caseSensitive ? b.casedWords : b.foldedWords).set(word, id);
  else addPrefix(caseSensitive ? b.casedPrefixes : b.foldedPrefixes, word, id);
  return id;
}

function addPrefix(trie: CharTrie, word: string, id: number): void {
  let node = trie;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let next = node.next.get(code);
    if (!next) {
      next = { next: new Map(), patterns: [] };
      node.next.set(code, next);
    }
    node = next;
  }
  node.patterns.push(id);
}

/** The id of a word or phrase term; the same text and case mode always gives the same id. */
function internPhrase(b: Builder, text: string, caseSensitive: boolean, where: string): number {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new UserError(`rules: ${where}: term "${text}" has no word in it`);
  const patterns = tokens.map((token) => {
    const prefix = text.charCodeAt(token.end) === 0x2a; // '*'
    return internPattern(b, caseSensitive ? token.cased : token.folded, prefix, caseSensitive);
  });
  const key = `p${patterns.join(',')}`;
  const known = b.termIds.get(key);
  if (known !== undefined) return known;
  const id = addTerm(b, key, { kind: 'phrase' });
  const first = patterns[0] as number;
  let node: PhraseNode = b.phraseRoots[first] ?? { children: new Map(), terms: [] };
  b.phraseRoots[first] = node;
  for (const pattern of patterns.slice(1)) {
    let child: PhraseNode | undefined = node.children.get(pattern);
    if (!child) {
      child = { children: new Map(), terms: [] };
      node.children.set(pattern, child);
    }
    node = child;
  }
  node.terms.push(id);
  return id;
}

function addTerm(b: Builder, key: string, term: CompiledTerm): number {
  const id = b.terms.length;
  b.terms.push(term);
  b.termIds.set(key, id);
  b.rulesByTerm.push([]);
  return id;
}

/** Interns any term syntax; `near` operands first, so they are matched before the `near` itself. */
function internTerm(b: Builder, spec: TermSpec, where: string): number {
  if (typeof spec === 'string') return internPhrase(b, spec, false, where);
  if ('term' in spec) return internPhrase(b, spec.term, spec.caseSensitive === true, where);
  const a = internTerm(b, spec.near[0], where);
  const c = internTerm(b, spec.near[1], where);
  const key = `n${a},${c},${spec.within}`;
  const known = b.termIds.get(key);
  if (known !== undefined) return known;
  const id = addTerm(b, key, { kind: 'near', a, b: c, within: spec.within });
  b.nearTerms.push(id);
  return id;
}

function compileRule(b: Builder, rule: RuleSpec, index: number): CompiledRule {
  const intern = (spec: TermSpec, where: string) => internTerm(b, spec, where);
  const { node, scored } = compileCondition(rule.match, `rule ${rule.id}`, intern);
  // A rule's sets are bits of one mask; past 30 the rest are left to the evaluation of the rule.
  const allSets = requiredSets(node);
  const sets = allSets.slice(0, 30);
  if (sets.length === 0) b.alwaysEvaluated.push(index);
  b.ruleSetMasks.push((1 << sets.length) - 1);
  sets.forEach((set, bit) => {
    for (const term of set) (b.rulesByTerm[term] as number[]).push(index * 32 + bit);
  });
  b.scored.push(scored);
  return {
    id: rule.id,
    node: encodeNode(node, b.program),
    exact: sets.length === allSets.length && isExactlyRequired(node),
    languages: rule.languages?.length ? new Set(rule.languages.map((l) => l.toLowerCase())) : null,
    regions: rule.regions?.length ? rule.regions.map((id) => regionOf(b, id, rule.id)) : null,
    minScore: rule.minScore ?? 0,
  };
}

function regionOf(b: Builder, id: string, ruleId: string): number {
  const index = b.gazetteer.regionIndex.get(id);
  if (index === undefined) throw new UserError(`rules: rule ${ruleId}: unknown region "${id}"`);
  return index;
}

function internName(b: Builder, name: NameSpec, where: string): number {
  return typeof name === 'string'
    ? internPhrase(b, name, false, where)
    : internPhrase(b, name.term, name.caseSensitive === true, where);
}
