// Rule selection and evaluation (required sets, exact rules, the encoded program) against a plain reading of the boolean nodes.
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/rules/compile.ts';
import { isExactlyRequired, requiredSets } from '../../../src/rules/evaluate.ts';
import { matchArticle } from '../../../src/rules/match.ts';
import type { MatchItem, MatchNode, RuleSpec } from '../../../src/rules/types.ts';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];

/** A deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomNode(next: () => number, depth: number): MatchNode {
  const items = (): MatchItem[] =>
    Array.from({ length: Math.floor(next() * 3) }, () =>
      depth > 0 && next() < 0.3
        ? randomNode(next, depth - 1)
        : (WORDS[Math.floor(next() * WORDS.length)] as string),
    );
  return { all: items(), any: items(), none: next() < 0.5 ? items() : [] };
}

/** SPEC §2, read literally: each key present must hold. */
function holdsPlainly(node: MatchNode, words: Set<string>): boolean {
  const item = (i: MatchItem) =>
    typeof i === 'string' ? words.has(i) : holdsPlainly(i as MatchNode, words);
  const any = node.any ?? [];
  return (
    (node.all ?? []).every(item) &&
    (any.length === 0 || any.some(item)) &&
    !(node.none ?? []).some(item)
  );
}

describe('rule selection and evaluation', () => {
  it('matches exactly the rules a plain reading of their nodes holds, over random rules and texts', () => {
    const next = random(7);
    const rules: RuleSpec[] = Array.from({ length: 300 }, (_, i) => ({
      id: `r${i}`,
      severity: 'low',
      match: randomNode(next, 2),
    }));
    const matcher = compileMatcher({ rules, regions: [] });
    for (let t = 0; t < 200; t++) {
      const words = WORDS.filter(() => next() < 0.4);
      const text = words.join(' ');
      const expected = rules.filter((r) => holdsPlainly(r.match, new Set(words))).map((r) => r.id);
      for (const hits of [true, false]) {
        const found = matchArticle(matcher, { text }, { hits }).rules.map((r) => r.id);
        expect(found, `${text} (hits: ${hits})`).toEqual(expected);
      }
    }
  });
});

describe('requiredSets and isExactlyRequired', () => {
  const node = (all: unknown[], any: unknown[] = [], none: unknown[] = []) =>
    ({ all, any, none }) as Parameters<typeof requiredSets>[0];
  it.each([
    ['terms under all', node([1, 2]), [[1], [2]], true],
    ['any of terms', node([], [1, 2, 2]), [[1, 2]], true],
    [
      'all of any nodes, none',
      node([node([], [1, 2]), node([], [3])], [], [4]),
      [[1, 2], [3]],
      true,
    ],
    ['a nested none is not exact', node([node([1], [], [2])]), [[1]], false],
    ['an any of nodes is only necessary', node([], [node([1, 2]), 3]), [[1, 3]], false],
    ['only none needs no term', node([], [], [1]), [], true],
  ])('%s', (_label, compiled, sets, exact) => {
    expect(requiredSets(compiled)).toEqual(sets);
    expect(isExactlyRequired(compiled)).toBe(exact);
  });
});
