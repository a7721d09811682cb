// Which regions an article is about: a large share of its place mentions, or its title or lead with a smaller one.
import { describe, expect, it } from 'vitest';
import { findFocusRegions, type PlacedMention } from '../../../src/rules/focus.ts';

// 0 iraq > 1 anbar; 2 syria; 3 israel; 4 iran > 5 tehran.
const PARENT = [-1, 0, -1, -1, -1, 4];
const rollUp = (region: number) => {
  const chain: number[] = [];
  for (let r = region; r !== -1; r = PARENT[r] ?? -1) chain.push(r);
  return chain;
};
const SETTINGS = { share: 0.2, leadChars: 150, leadShare: 0.1 };

/** `count` mentions of `region`, in the body past the lead unless placed otherwise. */
function named(region: number, count: number, segment = 1, start = 1000): PlacedMention[] {
  return Array.from({ length: count }, () => ({ region, segment, start }));
}

describe('findFocusRegions', () => {
  it('keeps the regions named often, rolled up, and leaves those named in passing', () => {
    const mentions = [...named(0, 5), ...named(1, 2), ...named(2, 2), ...named(3, 1)];
    // iraq 7/10 (anbar rolls up), anbar 2/10, syria 2/10; israel 1/10.
    expect([...findFocusRegions(mentions, rollUp, SETTINGS)].sort()).toEqual([0, 1, 2]);
  });

  it('keeps a region of the title or lead with a smaller share, not one named once in passing', () => {
    const mentions = [
      ...named(2, 8),
      ...named(5, 1, 0, 0), // Tehran in the title: iran 1/12
      ...named(0, 2, 1, 40), // Iraq in the lead: 2/12
      ...named(3, 1, 1, 10), // Israel in the lead, once: 1/12
    ];
    const focus = findFocusRegions(mentions, rollUp, { ...SETTINGS, leadShare: 0.09 });
    expect([...focus].sort()).toEqual([0, 2]);
    expect(
      [...findFocusRegions(mentions, rollUp, { ...SETTINGS, leadShare: 0.08 })].sort(),
    ).toEqual([0, 2, 3, 4, 5]);
  });

  it('takes the one region of a short dispatch, and nothing from no mention', () => {
    expect([...findFocusRegions(named(5, 1, 1, 500), rollUp, SETTINGS)].sort()).toEqual([4, 5]);
    expect(findFocusRegions([], rollUp, SETTINGS).size).toBe(0);
  });
});
