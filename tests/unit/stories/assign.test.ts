import { describe, expect, it } from 'vitest';
import type { StoredStory } from '../../../src/store/stories.ts';
import type { Db } from '../../../src/store/types.ts';
import { chooseStory, planStoryLookup } from '../../../src/stories/assign.ts';
import { storyIndexKeys } from '../../../src/stories/index-keys.ts';
import { signatureBands } from '../../../src/stories/simhash.ts';

const SEEN = new Date('2024-09-01T10:00:00Z');
const HOUR = 3_600_000;
const INPUT = {
  articleId: 5,
  signature: '0123456789abcdef',
  title: 'Raid de la coalition dans la province d’Anbar',
  seenAt: SEEN,
};
const WINDOW = { windowMs: 48 * HOUR };

describe('planStoryLookup', () => {
  it('looks up the days of the window and locks each band and content title word', () => {
    const lookup = planStoryLookup(INPUT, WINDOW);
    expect(lookup.indexed).toBe(true);
    expect(lookup.since).toEqual(new Date(SEEN.getTime() - 48 * HOUR));
    expect(lookup.lockBands).toEqual(signatureBands(INPUT.signature));
    // raid, coalition, province, anbar: "de", "la", "dans" are function words.
    expect(lookup.lockWords).toHaveLength(4);
    // Five days (the window reaches two days either side), as many keys per day.
    const today = storyIndexKeys(INPUT, SEEN);
    expect(lookup.bandKeys).toHaveLength(5 * today.bandPairs.length);
    expect(lookup.wordKeys).toEqual(expect.arrayContaining(today.titleWords));
  });

  it('scans the whole window, with no band or word lock, when the index could miss', () => {
    for (const options of [{ maxDistance: 7 }, { titleJaccard: 0 }]) {
      const lookup = planStoryLookup(INPUT, { ...WINDOW, ...options });
      expect(lookup).toMatchObject({ indexed: false, lockBands: [], lockWords: [] });
    }
  });
});

describe('chooseStory', () => {
  const story = (id: number, fields: Partial<StoredStory>): StoredStory => ({
    id,
    signature: 'ffffffffffffffff',
    title: 'Autre chose',
    lastSeenAt: SEEN,
    ...fields,
  });
  // The cache of title words is per database handle; any object stands for one here.
  const db = {} as Db;

  it('takes the first (most recently active) candidate that is the same story', () => {
    const candidates = [
      story(3, {}),
      story(2, { signature: '0123456789abcdee' }),
      story(1, { signature: INPUT.signature }),
    ];
    expect(chooseStory(db, INPUT, candidates, WINDOW)?.id).toBe(2);
  });

  it('joins on a near-identical title, not out of the window', () => {
    const title = 'Raid de la coalition dans la province d’Anbar, au moins dix morts';
    expect(chooseStory(db, INPUT, [story(4, { title })], WINDOW)?.id).toBe(4);
    const old = story(6, { signature: INPUT.signature, lastSeenAt: new Date(0) });
    expect(chooseStory(db, INPUT, [old], WINDOW)).toBeUndefined();
  });
});
