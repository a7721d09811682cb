// Boolean nodes over the terms found: what a rule requires before it is worth evaluating (its index), and whether it holds.
import type { CompiledNode } from './compiled.ts';

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

/**
 * Whether `node` holds as soon as each of its `requiredSets` has a term found, leaving only its
 * `none` to check: its `all` items are terms or such nodes without `none`, its `any` items terms.
 * The usual rule (`all: [{any: [...]}, {any: [...]}], none: [...]`) is.
 */
export function isExactlyRequired(node: CompiledNode): boolean {
  for (const item of node.all) {
    if (typeof item !== 'number' && (item.none.length > 0 || !isExactlyRequired(item)))
      return false;
  }
  return node.any.every((item) => typeof item === 'number');
}

/** The terms found in a text, as the evaluation of boolean nodes sees them. */
export interface FoundTerms {
  has(term: number): boolean;
}

/**
 * Appends `node` to `program` and returns where it starts: `[all count, any count, none count,
 * items…]`, an item being a term id, or the bitwise complement of a nested node's start. One block
 * of integers per matcher: a text evaluates dozens of rules, each read from contiguous memory.
 */
export function encodeNode(node: CompiledNode, program: number[]): number {
  const start = program.length;
  const items = [...node.all, ...node.any, ...node.none];
  program.push(node.all.length, node.any.length, node.none.length, ...items.map(() => 0));
  items.forEach((item, i) => {
    program[start + 3 + i] = typeof item === 'number' ? item : ~encodeNode(item, program);
  });
  return start;
}

/** Whether the node at `start` of `program` holds, given which terms matched. */
export function holdsAt(program: Int32Array, start: number, found: FoundTerms): boolean {
  const all = program[start] as number;
  const any = program[start + 1] as number;
  const none = program[start + 2] as number;
  const anyStart = start + 3 + all;
  const noneStart = anyStart + any;
  for (let i = start + 3; i < anyStart; i++) {
    if (!itemHolds(program, program[i] as number, found)) return false;
  }
  if (any > 0 && !someHolds(program, anyStart, noneStart, found)) return false;
  return !someHolds(program, noneStart, noneStart + none, found);
}

/** Whether no `none` item of the node at `start` holds: all that is left of an exact rule (see `isExactlyRequired`). */
export function noneHoldsAt(program: Int32Array, start: number, found: FoundTerms): boolean {
  const noneStart = start + 3 + (program[start] as number) + (program[start + 1] as number);
  return !someHolds(program, noneStart, noneStart + (program[start + 2] as number), found);
}

function someHolds(program: Int32Array, from: number, to: number, found: FoundTerms): boolean {
  for (let i = from; i < to; i++) if (itemHolds(program, program[i] as number, found)) return true;
  return false;
}

function itemHolds(program: Int32Array, item: number, found: FoundTerms): boolean {
  return item >= 0 ? found.has(item) : holdsAt(program, ~item, found);
}
