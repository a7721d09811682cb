// byMentions: which of an event's regions the article is mainly about.
import { describe, expect, it } from 'vitest';
import { byMentions } from '../../../src/rules/regions.ts';

describe('byMentions', () => {
  it.each([
    [
      'most named first',
      ['iraq', 'syria', 'france'],
      [
        { id: 'syria', count: 5 },
        { id: 'iraq', count: 2 },
        { id: 'france', count: 9 },
      ],
      ['france', 'syria', 'iraq'],
    ],
    [
      'ties by id',
      ['syria', 'iraq'],
      [
        { id: 'syria', count: 2 },
        { id: 'iraq', count: 2 },
      ],
      ['iraq', 'syria'],
    ],
    [
      'regions without a count last',
      ['mali', 'iraq'],
      [{ id: 'iraq', count: 1 }],
      ['iraq', 'mali'],
    ],
    ['nothing to order', [], [{ id: 'iraq', count: 1 }], []],
  ])('%s', (_name, ids, counts, expected) => {
    expect(byMentions(ids, counts)).toEqual(expected);
  });

  it('leaves its input alone', () => {
    const ids = ['syria', 'iraq'];
    byMentions(ids, [{ id: 'iraq', count: 3 }]);
    expect(ids).toEqual(['syria', 'iraq']);
  });
});
