// Disambiguation that reads context (issue 14 part 2) on a small gazetteer; the default one's table is in gazetteer.test.ts.
import { describe, expect, it } from 'vitest';
import { compileMatcher, type Matcher } from '../../../src/rules/compile.ts';
import { matchArticle } from '../../../src/rules/match.ts';
import type { RegionSpec } from '../../../src/rules/types.ts';

function regionsOf(m: Matcher, text: string, title?: string): string[] {
  return matchArticle(m, { title, text }).regions.map((region) => region.id);
}

describe('a small gazetteer', () => {
  const small: RegionSpec[] = [
    {
      id: 'france',
      names: ['France'],
      adjectives: ['French'],
      children: [{ id: 'paris', names: ['Paris'] }],
    },
    {
      id: 'united-states',
      names: ['United States'],
      children: [
        {
          id: 'texas',
          names: ['Texas'],
          children: [{ id: 'paris-tx', names: [{ term: 'Paris', requiresContext: true }] }],
        },
      ],
    },
  ];

  it('reads the qualifier for the homonym it names, and the famous one alone', () => {
    const m = compileMatcher({ rules: [], regions: small });
    expect(regionsOf(m, 'Paris, Texas')).toEqual(
      expect.arrayContaining(['paris-tx', 'texas', 'united-states']),
    );
    expect(regionsOf(m, 'Paris, Texas')).not.toContain('france');
    expect(regionsOf(m, 'Paris in spring')).toEqual(['france', 'paris']);
    expect(regionsOf(m, 'From Texas to Paris')).not.toContain('france');
  });

  it('reads the title as well as the text', () => {
    const m = compileMatcher({ rules: [], regions: small });
    expect(regionsOf(m, 'Mr Paris said so.', 'Storms in Texas')).not.toContain('france');
  });
});

describe('an abbreviation an analyst adds (case-sensitive, needing context, ending with a dot)', () => {
  const canada: RegionSpec[] = [
    {
      id: 'canada',
      names: ['Canada'],
      children: [
        {
          id: 'alberta',
          names: ['Alberta', { term: 'Alta.', caseSensitive: true, requiresContext: true }],
        },
      ],
    },
  ];

  it('counts after "Town, " with its dot, and not through other context', () => {
    const m = compileMatcher({ rules: [], regions: canada });
    expect(regionsOf(m, 'Flooding in Medicine Hat, Alta., on Monday.')).toContain('alberta');
    expect(regionsOf(m, 'Canada said Alta Vista was closed. Alta won.')).toEqual(['canada']);
  });

  it('is read so only with all three marks: a name that needs context alone counts with its country', () => {
    const weak: RegionSpec[] = [
      {
        id: 'canada',
        names: ['Canada'],
        children: [
          { id: 'alberta', names: [{ term: 'Alta', caseSensitive: true, requiresContext: true }] },
        ],
      },
    ];
    const m = compileMatcher({ rules: [], regions: weak });
    expect(regionsOf(m, 'Canada said Alta won.')).toContain('alberta');
  });
});

describe('an article and a lower-case word named like a place', () => {
  const regions: RegionSpec[] = [
    { id: 'reunion', names: ['La Réunion'], children: [{ id: 'le-port', names: ['Le Port'] }] },
    { id: 'ukraine', names: ['Ukraine'], children: [{ id: 'odesa', names: ['Odessa'] }] },
  ];

  it('are no name, and leave the place after them', () => {
    const m = compileMatcher({ rules: [], regions });
    expect(regionsOf(m, "Le port d'Odessa a été visé.")).toEqual(['odesa', 'ukraine']);
    expect(regionsOf(m, 'Le Port a été visé.')).toEqual(['le-port', 'reunion']);
  });
});
