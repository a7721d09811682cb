// The matcher's hot tables as typed arrays: lists per term, the phrase trie as numbered nodes and one transition table.

/**
 * Lists of ids, flattened into one block: list i is `ids[start[i]…start[i + 1])`. The hot loops read
 * one per term found; an array of arrays would cost a cache miss per list.
 */
export interface Lists {
  start: Int32Array;
  ids: Int32Array;
}

export function flattenLists(lists: readonly (readonly number[])[]): Lists {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => {
    start[i + 1] = (start[i] as number) + list.length;
  });
  return { start, ids: Int32Array.from(lists.flat()) };
}

/** A trie over token patterns, as the compiler builds it: each node lists the terms that end there. */
export interface PhraseNode {
  children: Map<number, PhraseNode>;
  terms: number[];
}

/**
 * The phrase trie, numbered. A text's word starts the phrases of `rootOf[pattern]` for each of its
 * patterns; the next word continues from node n through `childOf(tables, n, pattern)`.
 */
export interface PhraseTables {
  /** Per pattern: the node of terms starting with it, or -1. */
  rootOf: Int32Array;
  /** Per node: the terms (words, phrases) that end there. */
  terms: Lists;
  /**
   * Per node: bit (pattern mod 32) of each child's pattern, 0 for a leaf. A word whose patterns
   * have none of these bits cannot continue the phrase: most words are ruled out without a look-up.
   */
  childMask: Int32Array;
  /** Transitions, open addressing: slot s leads from `slotNode[s]` by `slotPattern[s]` to `slotChild[s]` (-1: empty). */
  slotNode: Int32Array;
  slotPattern: Int32Array;
  slotChild: Int32Array;
}

function slotOf(node: number, pattern: number, mask: number): number {
  const hash = Math.imul(node, 0x9e3779b1) ^ Math.imul(pattern, 0x85ebca6b);
  return (hash ^ (hash >>> 15)) & mask;
}

/** The child of `node` by `pattern`, or -1. */
export function childOf(tables: PhraseTables, node: number, pattern: number): number {
  const mask = tables.slotChild.length - 1;
  for (let slot = slotOf(node, pattern, mask); ; slot = (slot + 1) & mask) {
    const child = tables.slotChild[slot] as number;
    if (child === -1) return -1;
    if (tables.slotNode[slot] === node && tables.slotPattern[slot] === pattern) return child;
  }
}

/** Numbers the trie's nodes (roots by pattern) and lays its transitions out in one table. */
export function flattenPhrases(roots: readonly (PhraseNode | undefined)[]): PhraseTables {
  const nodes: PhraseNode[] = [];
  const number = new Map<PhraseNode, number>();
  const visit = (node: PhraseNode): number => {
    const id = nodes.length;
    nodes.push(node);
    number.set(node, id);
    for (const child of node.children.values()) visit(child);
    return id;
  };
  const rootOf = Int32Array.from(roots, (root) => (root ? visit(root) : -1));
  const edges = nodes.reduce((sum, node) => sum + node.children.size, 0);
  const size = 2 ** Math.ceil(Math.log2(2 * edges + 2));
  const tables: PhraseTables = {
    rootOf,
    terms: flattenLists(nodes.map((node) => node.terms)),
    childMask: new Int32Array(nodes.length),
    slotNode: new Int32Array(size),
    slotPattern: new Int32Array(size),
    slotChild: new Int32Array(size).fill(-1),
  };
  nodes.forEach((node, id) => {
    for (const [pattern, child] of node.children)
      addTransition(tables, id, pattern, number.get(child) as number);
  });
  return tables;
}

function addTransition(tables: PhraseTables, node: number, pattern: number, child: number): void {
  tables.childMask[node] = (tables.childMask[node] as number) | (1 << (pattern & 31));
  const mask = tables.slotChild.length - 1;
  let slot = slotOf(node, pattern, mask);
  while (tables.slotChild[slot] !== -1) slot = (slot + 1) & mask;
  tables.slotNode[slot] = node;
  tables.slotPattern[slot] = pattern;
  tables.slotChild[slot] = child;
}
