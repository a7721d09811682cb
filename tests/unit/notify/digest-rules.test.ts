// Which rules a digest covers: named by the rule, listed by the digest, or every rule when neither.
import { describe, expect, it } from 'vitest';
import { digestRules } from '../../../src/notify/digest-rules.ts';

const RULES = [
  { id: 'a', digests: ['daily-fr'] },
  { id: 'b', digests: ['weekly'] },
  { id: 'c' },
  { id: 'd', digests: ['daily-fr', 'weekly'] },
];
const ids = (rules: { id: string }[]) => rules.map((rule) => rule.id);

describe('digestRules', () => {
  it.each([
    { name: 'rules naming the digest', digest: 'daily-fr', listed: undefined, want: ['a', 'd'] },
    {
      name: 'plus the rules the digest lists',
      digest: 'weekly',
      listed: ['c'],
      want: ['b', 'c', 'd'],
    },
    {
      name: 'only the listed ones when no rule names it',
      digest: 'other',
      listed: ['c'],
      want: ['c'],
    },
    { name: 'none for an empty list and no rule naming it', digest: 'other', listed: [], want: [] },
    {
      name: 'every rule when nothing ties rules to it',
      digest: 'other',
      listed: undefined,
      want: ['a', 'b', 'c', 'd'],
    },
  ])('$name', ({ digest, listed, want }) => {
    expect(ids(digestRules(RULES, digest, listed))).toEqual(want);
  });

  it('keeps config order and does not repeat a rule both named and listed', () => {
    expect(ids(digestRules(RULES, 'daily-fr', ['d', 'a']))).toEqual(['a', 'd']);
  });
});
