import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hammingDistance,
  signatureBandPairs,
  signatureBands,
  simhash,
} from '../../../src/stories/simhash.ts';
import { titleContentWords } from '../../../src/stories/title-words.ts';
import { seededRandom as random } from '../../seeded-random.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function toSignature(high: number, low: number): string {
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

/** `signature` with `count` distinct bits flipped. */
function flipBits(signature: string, count: number, next: () => number): string {
  let high = Number.parseInt(signature.slice(0, 8), 16);
  let low = Number.parseInt(signature.slice(8), 16);
  const bits = new Set<number>();
  while (bits.size < count) bits.add(Math.floor(next() * 64));
  for (const bit of bits) {
    if (bit < 32) high ^= 1 << bit;
    else low ^= 1 << (bit - 32);
  }
  return toSignature(high, low);
}

function shared(keys: (signature: string) => number[], a: string, b: string): number {
  const left = new Set(keys(a));
  return keys(b).filter((key) => left.has(key)).length;
}

describe('simhash keeps its values', () => {
  // Signatures are stored: a faster simhash must give exactly these.
  it.each([
    ['fr-baghdadi-complot-2019-02.txt', '684bcdf399f43b67'],
    ['fr-ei-camps-syrie-2024-12.txt', 'eda8f02767c0bda8'],
    ['fr-isis-irak-renouveau-2024-01.txt', 'e054945c42949ff1'],
    ['fr-jihad-mondial-2016-11.txt', 'a0ecf724859bb1e0'],
    ['fr-raid-anbar-2024-09.txt', '881fb13a9ea8b436'],
  ])('%s is %s', (name, signature) => {
    expect(simhash(readFileSync(join(FIXTURES, name), 'utf8'))).toBe(signature);
  });

  it.each([
    ["L'État islamique revendique l'attentat.", '9158841158200843'],
    ['Straße œuvre ÆON Jama’at', '01c1c020a0000384'],
    ['a b', '2f59dcdb97ce0aec'],
    ['', '0000000000000000'],
  ])('%j is %s', (text, signature) => {
    expect(simhash(text)).toBe(signature);
  });
});

describe('signatureBands', () => {
  it('tags each byte, most significant first, with its place', () => {
    expect(signatureBands('0123456789abcdef')).toEqual([
      0x001, 0x123, 0x245, 0x367, 0x489, 0x5ab, 0x6cd, 0x7ef,
    ]);
    expect(signatureBands('ffffffff00000000')).toEqual([
      0x0ff, 0x1ff, 0x2ff, 0x3ff, 0x400, 0x500, 0x600, 0x700,
    ]);
  });

  it('does not mistake one byte for the same byte elsewhere', () => {
    expect(shared(signatureBands, 'ff00000000000000', '00ff000000000000')).toBe(6);
  });

  it('refuses a malformed signature', () => {
    expect(() => signatureBands('0123')).toThrow(/invalid signature/);
  });

  it('gives signatures up to 6 bits apart a shared pair, up to 7 bits a shared band', () => {
    const next = random(42);
    for (let i = 0; i < 2_000; i++) {
      const a = toSignature(next() * 2 ** 32, next() * 2 ** 32);
      const distance = 1 + (i % 7);
      const b = flipBits(a, distance, next);
      expect(hammingDistance(a, b)).toBe(distance);
      expect(shared(signatureBands, a, b)).toBeGreaterThanOrEqual(distance <= 6 ? 2 : 1);
      if (distance <= 6) expect(shared(signatureBandPairs, a, b)).toBeGreaterThanOrEqual(1);
    }
  });

  it('can miss signatures 7 bits apart with pairs (one bit in each of 7 bands)', () => {
    expect(shared(signatureBandPairs, '0000000000000000', '0101010101010100')).toBe(0);
  });
});

describe('signatureBandPairs', () => {
  it('tags the two bytes of each of the 28 pairs of bands with the pair', () => {
    const pairs = signatureBandPairs('0123456789abcdef');
    expect(pairs).toHaveLength(28);
    expect(pairs.slice(0, 3)).toEqual([0x00_0123, 0x01_0145, 0x02_0167]);
    expect(pairs.at(-1)).toBe((27 << 16) | 0xcdef);
  });
});

describe('titleContentWords', () => {
  it.each([
    [
      "Irak : la France et les États-Unis frappent l'EI à Mossoul",
      ['irak', 'france', 'etats', 'unis', 'frappent', 'ei', 'mossoul'],
    ],
    ['The attack of the year in Baghdad', ['attack', 'year', 'baghdad']],
    ['de la à les', []],
  ])('%j → %j', (title, words) => {
    expect(titleContentWords(title)).toEqual(words);
  });
});
