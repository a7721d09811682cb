import { describe, expect, it } from 'vitest';
import { indexConfigById } from '../../../src/config/by-id.ts';
import type { FeedSpec, RegionSpec, RuleSpec } from '../../../src/config/schema.ts';

describe('indexConfigById', () => {
  it('finds each feed, rule and region by its id, and nothing else', () => {
    const feeds = [
      { id: 'lemonde', url: 'https://e.org/a' },
      { id: 'afp', url: 'https://e.org/b' },
    ] as FeedSpec[];
    const rules = [{ id: 'attentats' }, { id: 'drones' }] as RuleSpec[];
    const regions = [{ id: 'iraq' }] as RegionSpec[];
    const byId = indexConfigById({ feeds, rules, regions });
    expect(byId.feeds.get('afp')).toBe(feeds[1]);
    expect(byId.rules.get('attentats')).toBe(rules[0]);
    expect(byId.regions.get('iraq')).toBe(regions[0]);
    expect(byId.rules.get('iraq')).toBeUndefined();
  });
});
