// FoldedSet.hasAt answers as `set.has(word.toLowerCase())` would, for every kind of word.
import { describe, expect, it } from 'vitest';
import { FoldedSet } from '../../../src/rules/folded-set.ts';

const words = ['cuisine', 'langue', 'littérature', 'cinéma', 'le', 'in', 'sous-titres', 'istanbul'];
const set = new FoldedSet(words);
const plain = new Set(words);

const tokens = [
  'cuisine',
  'Cuisine',
  'CUISINE',
  'cuisines',
  'cuisin',
  'kuisine',
  'Littérature',
  'LITTÉRATURE',
  'litterature',
  'Cinéma',
  'LE',
  'Le',
  'la',
  'l',
  'IN',
  'In',
  'Sous-Titres',
  'İstanbul', // lower-cases to two characters before "stanbul"
  'ISTANBUL',
  '',
  'x'.repeat(40),
  '[cuisine',
  '@',
];

describe('FoldedSet', () => {
  it.each(tokens)('%s: as Set.has of it lower-cased', (token) => {
    const text = `« ${token} »`;
    expect(set.hasAt(text, 2, 2 + token.length)).toBe(plain.has(token.toLowerCase()));
  });

  it('finds the words it holds, whatever their case', () => {
    expect(set.hasAt('La CUISINE', 3, 10)).toBe(true);
    expect(set.hasAt('La cuisine', 0, 2)).toBe(false);
  });
});
