// Boolean nodes over the terms found: what a rule requires before it is worth evaluating (its index), and whether it holds.
import type { CompiledItem, CompiledNode } from './compile.ts';

/**
 * Sets of terms such that `node` can hold only if every set has a term found in the text: one per
 * term under `all`, the sets of nested `all` nodes, and for `any` the union of what each of its
 * items requires. Empty when the node can hold with no term found (only `none`, or an `any` with
 * such an item). A rule is evaluated once all of its sets are met, so at 1,000 rules a text
 * evaluates little more than the rules that hold.
 */
export function requiredSets(node: CompiledNode): number[][] {
  const sets: number[][] = [];
  for (const item of node.all) {
    if (typeof item === 'number') sets.push([item]);
    else sets.push(...requiredSets(item));
  }
  if (node.any.length > 0) {
    const union = anyRequired(node);
    if (union) sets.push(union);
  }
  return sets.map((set) => [...new Set(set)]);
}

/** Terms one of which must be found for the `any` of `node` to hold, or null when it needs none. */
function anyRequired(node: CompiledNode): number[] | null {
  const union: number[] = [];
  for (const item of node.any) {
    if (typeof item === 'number') {
      union.push(item);
      continue;
    }
    const sets = requiredSets(item);
    if (sets.length === 0) return null;
    // Any one of the item's sets is necessary for it; the smallest indexes the fewest rules.
    union.push(...sets.reduce((x, y) => (y.length < x.length ? y : x)));
  }
  return union;
}

/** The terms found in a text, as the evaluation of boolean nodes sees them. */
export interface FoundTerms {
  has(term: number): boolean;
}

/** Whether a boolean node holds, given which terms matched (no closures: this runs per rule per text). */
export function holds(node: CompiledNode, found: FoundTerms): boolean {
  for (const item of node.all) if (!itemHolds(item, found)) return false;
  if (node.any.length > 0 && !anyHolds(node.any, found)) return false;
  for (const item of node.none) if (itemHolds(item, found)) return false;
  return true;
}

function anyHolds(items: CompiledItem[], found: FoundTerms): boolean {
  for (const item of items) if (itemHolds(item, found)) return true;
  return false;
}

function itemHolds(item: CompiledItem, found: FoundTerms): boolean {
  return typeof item === 'number' ? found.has(item) : holds(item, found);
}
