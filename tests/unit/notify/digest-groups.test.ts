import { describe, expect, it } from 'vitest';
import { groupDigestRows } from '../../../src/notify/digest-groups.ts';
import type { DigestRow } from '../../../src/store/digest-query.ts';
import { storyKeyOf } from '../../../src/store/story-key.ts';

const at = (day: number) => new Date(Date.UTC(2026, 2, day));

function row(fields: Partial<DigestRow> & Pick<DigestRow, 'eventId' | 'articleId'>): DigestRow {
  return {
    ruleId: 'attentats',
    regions: [],
    terms: [],
    storyId: null,
    title: `article ${fields.articleId}`,
    url: `https://e.org/${fields.articleId}`,
    feedId: 'lemonde',
    publishedAt: at(1),
    ...fields,
  };
}

const term = (text: string) => ({ term: text, segment: 0, start: 0, end: text.length });

describe('storyKeyOf', () => {
  it('is the story, or the negated article for an article not grouped yet', () => {
    expect(storyKeyOf(7, 3)).toBe(7);
    expect(storyKeyOf(null, 3)).toBe(-3);
    expect(storyKeyOf(undefined, 3)).toBe(-3);
  });
});

describe('groupDigestRows', () => {
  const rules = [
    { id: 'attentats', name: 'Attentats' },
    { id: 'irak', regions: ['iraq', 'syria'] },
  ];

  it('lists a story once per group, with every source, term, its latest date and its copies', () => {
    const groups = groupDigestRows(
      rules,
      [
        row({ eventId: 1, articleId: 1, storyId: 9, terms: [term('EI')], publishedAt: at(1) }),
        row({ eventId: 2, articleId: 2, storyId: 9, terms: [term('attentat')], feedId: 'afp' }),
        row({ eventId: 3, articleId: 3, publishedAt: at(4) }),
        row({ eventId: 4, articleId: 4, storyId: 9, publishedAt: at(3), feedId: null }),
      ],
      new Map([[4, ['rfi', 'lemonde']]]),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.ruleName).toBe('Attentats');
    expect(groups[0]?.stories).toEqual([
      {
        key: '9',
        title: 'article 1',
        url: 'https://e.org/1',
        sources: ['afp', 'lemonde', 'rfi'],
        publishedAt: at(3),
        terms: ['EI', 'attentat'],
        // The story's other articles, each with the feeds that carried it.
        copies: [
          { title: 'article 2', url: 'https://e.org/2', sources: ['afp'] },
          { title: 'article 4', url: 'https://e.org/4', sources: ['lemonde', 'rfi'] },
        ],
      },
      expect.objectContaining({ key: '-3', title: 'article 3', publishedAt: at(4) }),
    ]);
  });

  it("files an event under the first of the rule's regions it names, or its first region", () => {
    const groups = groupDigestRows(
      rules,
      [
        row({ eventId: 1, articleId: 1, ruleId: 'irak', regions: ['france', 'syria', 'iraq'] }),
        row({ eventId: 2, articleId: 2, regions: ['iran', 'iraq'] }),
        row({ eventId: 3, articleId: 3, ruleId: 'irak', regions: ['france'] }),
        row({ eventId: 4, articleId: 4, ruleId: 'unknown' }),
      ],
      new Map(),
    );
    expect(groups.map((group) => [group.ruleId, group.regionId, group.stories.length])).toEqual([
      ['irak', 'syria', 1],
      ['attentats', 'iran', 1],
      ['irak', '', 1],
    ]);
  });
});
