// A rule's condition compiled: its boolean node over term ids, and the terms it scores, as the rule writes them.
import type { CompiledItem, CompiledNode } from './compiled.ts';
import type { MatchItem, MatchNode, TermSpec } from './types.ts';

/** A term outside `none`: counted once in the score, with the weight and text the rule gives it. */
export interface ScoredTerm {
  term: number;
  weight: number;
  display: string;
}

/** `intern` gives the id of a term (any syntax), shared with the gazetteer and the other rules. */
export function compileCondition(
  match: MatchNode,
  where: string,
  intern: (spec: TermSpec, where: string) => number,
): { node: CompiledNode; scored: ScoredTerm[] } {
  const scored = new Map<number, ScoredTerm>();
  const node = compileNode(match, { where, intern, scored }, false);
  return { node, scored: [...scored.values()] };
}

interface Context {
  where: string;
  intern: (spec: TermSpec, where: string) => number;
  scored: Map<number, ScoredTerm>;
}

function compileNode(node: MatchNode, context: Context, negated: boolean): CompiledNode {
  return {
    all: compileItems(node.all, context, negated),
    any: compileItems(node.any, context, negated),
    none: compileItems(node.none, context, true),
  };
}

function compileItems(
  items: MatchItem[] | undefined,
  context: Context,
  inNone: boolean,
): CompiledItem[] {
  return (items ?? []).map((item) => {
    if (!isTerm(item)) return compileNode(item, context, inNone);
    const term = context.intern(item, context.where);
    if (!inNone) addScored(context.scored, term, item);
    return term;
  });
}

function addScored(scored: Map<number, ScoredTerm>, term: number, spec: TermSpec): void {
  const weight = typeof spec === 'string' ? 1 : (spec.weight ?? 1);
  const known = scored.get(term);
  if (!known || known.weight < weight)
    scored.set(term, { term, weight, display: displayTerm(spec) });
}

function isTerm(item: MatchItem): item is TermSpec {
  return typeof item === 'string' || 'term' in item || 'near' in item;
}

/** A term as the rule writes it: how matched terms are shown and stored. */
export function displayTerm(spec: TermSpec): string {
  if (typeof spec === 'string') return spec;
  if ('term' in spec) return spec.term;
  return `near(${displayTerm(spec.near[0])}, ${displayTerm(spec.near[1])}, ${spec.within})`;
}
