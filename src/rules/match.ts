// Reads one article in one pass over its tokens and tells which rules and regions it matches, with positions.
import { type CharTrie, holds, type Matcher, type PhraseNode } from './compile.ts';
import { type Token, tokenize } from './normalise.ts';
import { countRegions, type RegionCount } from './regions.ts';

export interface ArticleText {
  title?: string | null | undefined;
  text: string;
  /** ISO 639-1 code when known; a rule with `languages` skips a text of another language. */
  lang?: string | null | undefined;
}

/** Where a term matched: segment 0 is the title, 1 the body; offsets in that string. */
export interface TermHit {
  term: string;
  segment: number;
  start: number;
  end: number;
}

export interface RuleMatch {
  id: string;
  score: number;
  terms: string[];
  regions: string[];
  hits: TermHit[];
}

export interface MatchResult {
  regions: RegionCount[];
  rules: RuleMatch[];
}

export type { RegionCount };

/**
 * Occurrences of each term: flat [startToken, endToken] pairs, in order of start, indexed by term id
 * (a dense array: a sparse one falls into V8's slow dictionary mode), and the ids found, so later
 * steps visit only those.
 */
export interface Occurrences {
  byTerm: (number[] | undefined)[];
  found: number[];
}

const MAX_HITS_PER_TERM = 10;

export function matchArticle(matcher: Matcher, article: ArticleText): MatchResult {
  const tokens: Token[] = [];
  if (article.title) tokenize(article.title, 0, tokens);
  tokenize(article.text, 1, tokens);
  const occurrences = findTerms(matcher, tokens);
  const regionCounts = countRegions(matcher, occurrences);
  return {
    regions: [...regionCounts.entries()]
      .map(([index, count]) => ({ id: matcher.regions[index]?.id as string, count }))
      .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1)),
    rules: matchRules(matcher, occurrences, tokens, regionCounts, article.lang ?? null),
  };
}

/** Every term's occurrences: word patterns per token, then the phrase trie, then `near`. */
export function findTerms(matcher: Matcher, tokens: Token[]): Occurrences {
  const byTerm: (number[] | undefined)[] = new Array(matcher.terms.length).fill(undefined);
  const found: number[] = [];
  const offsets = new Int32Array(tokens.length + 1);
  const patterns: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    offsets[i] = patterns.length;
    collectPatterns(matcher, tokens[i] as Token, patterns);
  }
  offsets[tokens.length] = patterns.length;
  const record = (term: number, first: number, last: number) => {
    const list = byTerm[term];
    if (list) list.push(first, last);
    else {
      byTerm[term] = [first, last];
      found.push(term);
    }
  };
  const extend = (node: PhraseNode, first: number, next: number) => {
    if (next >= tokens.length || tokens[next]?.segment !== tokens[first]?.segment) return;
    for (let k = offsets[next] as number; k < (offsets[next + 1] as number); k++) {
      const child = node.children.get(patterns[k] as number);
      if (!child) continue;
      for (const term of child.terms) record(term, first, next);
      if (child.children.size > 0) extend(child, first, next + 1);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      const root = matcher.phraseRoots[patterns[k] as number];
      if (!root) continue;
      for (const term of root.terms) record(term, i, i);
      if (root.children.size > 0) extend(root, i, i + 1);
    }
  }
  const occurrences = { byTerm, found };
  for (const term of matcher.nearTerms) findNear(matcher, term, occurrences, tokens);
  return occurrences;
}

function collectPatterns(matcher: Matcher, token: Token, out: number[]): void {
  const folded = matcher.foldedWords.get(token.folded);
  if (folded !== undefined) out.push(folded);
  const cased = matcher.casedWords.get(token.cased);
  if (cased !== undefined) out.push(cased);
  walkPrefixes(matcher.foldedPrefixes, token.folded, out);
  walkPrefixes(matcher.casedPrefixes, token.cased, out);
}

function walkPrefixes(trie: CharTrie, word: string, out: number[]): void {
  let node: CharTrie | undefined = trie;
  for (let i = 0; i < word.length; i++) {
    node = node.next.get(word.charCodeAt(i));
    if (!node) return;
    for (const pattern of node.patterns) out.push(pattern);
  }
}

/** `near`: an occurrence of each operand in the same segment, at most `within` words between them. */
function findNear(matcher: Matcher, term: number, occurrences: Occurrences, tokens: Token[]): void {
  const spec = matcher.terms[term];
  if (spec?.kind !== 'near') return;
  const left = occurrences.byTerm[spec.a];
  const right = occurrences.byTerm[spec.b];
  if (!left || !right) return;
  const found: number[] = [];
  const reach = spec.within + 1;
  let low = 0;
  for (let i = 0; i < left.length; i += 2) {
    const start = left[i] as number;
    const end = left[i + 1] as number;
    while (low < right.length && (right[low + 1] as number) + reach < start) low += 2;
    for (let j = low; j < right.length; j += 2) {
      const otherStart = right[j] as number;
      const otherEnd = right[j + 1] as number;
      if (otherStart > end + reach) break;
      const apart = otherStart > end || otherEnd < start;
      if (!apart || tokens[start]?.segment !== tokens[otherStart]?.segment) continue;
      found.push(Math.min(start, otherStart), Math.max(end, otherEnd));
    }
  }
  if (found.length === 0) return;
  occurrences.byTerm[term] = sortPairs(found);
  occurrences.found.push(term);
}

function sortPairs(flat: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i] as number, flat[i + 1] as number]);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return pairs.flat();
}

function matchRules(
  matcher: Matcher,
  occurrences: Occurrences,
  tokens: Token[],
  regionCounts: Map<number, number>,
  lang: string | null,
): RuleMatch[] {
  const countries = matcher.topRegions.filter((r) => regionCounts.has(r));
  const matches: RuleMatch[] = [];
  for (const index of candidateRules(matcher, occurrences)) {
    const rule = matcher.rules[index];
    if (!rule || !holds(rule.node, occurrences.byTerm)) continue;
    if (lang && rule.languages && !rule.languages.has(lang)) continue;
    const regions = rule.regions ? rule.regions.filter((r) => regionCounts.has(r)) : countries;
    if (rule.regions && regions.length === 0) continue;
    const scored = rule.scored.filter((s) => occurrences.byTerm[s.term] !== undefined);
    const score = scored.reduce((sum, s) => sum + s.weight, 0);
    if (score < rule.minScore) continue;
    matches.push({
      id: rule.id,
      score,
      terms: scored.map((s) => s.display),
      regions: regions.map((r) => matcher.regions[r]?.id as string),
      hits: scored.flatMap((s) => hitsOf(s.display, occurrences.byTerm[s.term] ?? [], tokens)),
    });
  }
  return matches;
}

/** Rules worth evaluating: those indexed under a matched term, and those that need no term; in config order. */
function candidateRules(matcher: Matcher, occurrences: Occurrences): number[] {
  const seen = new Uint8Array(matcher.rules.length);
  const candidates: number[] = [];
  const add = (rule: number) => {
    if (seen[rule]) return;
    seen[rule] = 1;
    candidates.push(rule);
  };
  for (const rule of matcher.alwaysEvaluated) add(rule);
  for (const term of occurrences.found) {
    for (const rule of matcher.rulesByTerm[term] ?? []) add(rule);
  }
  return candidates.sort((x, y) => x - y);
}

function hitsOf(term: string, pairs: number[], tokens: Token[]): TermHit[] {
  const hits: TermHit[] = [];
  for (let i = 0; i < pairs.length && hits.length < MAX_HITS_PER_TERM; i += 2) {
    const first = tokens[pairs[i] as number] as Token;
    const last = tokens[pairs[i + 1] as number] as Token;
    hits.push({ term, segment: first.segment, start: first.start, end: last.end });
  }
  return hits;
}
