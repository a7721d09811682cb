import { describe, expect, it } from 'vitest';
import {
  bandPairKeys,
  indexDay,
  indexDaysAround,
  titleWordKeys,
} from '../../../src/stories/index-keys.ts';
import { signatureBandPairs } from '../../../src/stories/simhash.ts';

const T0 = new Date('2024-09-01T10:00:00Z');

describe('index keys', () => {
  it('counts UTC days since the epoch', () => {
    expect(indexDay(new Date('1970-01-02T00:00:00Z'))).toBe(1);
    expect(indexDay(new Date('2024-09-01T23:59:59Z'))).toBe(indexDay(T0));
  });

  it.each([
    [48 * 3_600_000, [-2, -1, 0, 1, 2]],
    [3_600_000, [0]],
    [11 * 3_600_000, [-1, 0]],
  ])('a window of %i ms reaches the days %j around the article', (windowMs, offsets) => {
    const day = indexDay(T0);
    expect(indexDaysAround(T0, windowMs)).toEqual(offsets.map((offset) => day + offset));
  });

  it('tags each band pair with each day, and no two days alike', () => {
    const day = indexDay(T0);
    const keys = bandPairKeys('0123456789abcdef', [day, day + 1]);
    expect(keys).toHaveLength(56);
    expect(keys.slice(0, 28).map((key) => key & 0x1f_ffff)).toEqual(
      signatureBandPairs('0123456789abcdef'),
    );
    expect(new Set(keys).size).toBe(56);
    expect(keys.every((key) => Number.isInteger(key) && key === (key | 0))).toBe(true);
  });

  it('keys content title words by day', () => {
    expect(titleWordKeys("Raid de l'armée à Mossoul", [19967, 19968])).toEqual([
      '19967:raid',
      '19967:armee',
      '19967:mossoul',
      '19968:raid',
      '19968:armee',
      '19968:mossoul',
    ]);
  });
});
