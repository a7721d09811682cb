// The gazetteer build's data files: gazetteer/aliases.yaml gives names to generated places by id.
import { describe, expect, it } from 'vitest';
import { addAliases, moreGivenNames } from '../../../scripts/build-gazetteer.ts';

function place(id: string, candidates: string[]) {
  return {
    draft: { region: { id, names: [] }, country: 'IN', drop: new Set<string>(), children: [] },
    candidates,
  };
}

describe('addAliases', () => {
  it("adds an alias to its place's spellings", () => {
    const bengaluru = place('bengaluru', ['Bengaluru']);
    addAliases([bengaluru, place('pune', ['Pune'])], { bengaluru: ['Bangalore'] });
    expect(bengaluru.candidates).toEqual(['Bengaluru', 'Bangalore']);
  });

  it('fails the build on an id it does not generate, naming the file and the id', () => {
    expect(() => addAliases([place('pune', ['Pune'])], { bangalore: ['Bangalore'] })).toThrow(
      'gazetteer/aliases.yaml: "bangalore" is no generated place',
    );
  });
});

describe('moreGivenNames', () => {
  const { surnameCues, townFirstNames, placeFirstNames } = moreGivenNames(
    [{ id: 'jamaica', names: ['Jamaica', { term: 'Kingston' }] }],
    [
      { draft: { region: { id: 'alicia', names: ['Alicia'] } } as never, town: true },
      { draft: { region: { id: 'salvador', names: ['Salvador'] } } as never },
    ],
  );

  it('keeps given names that are no word and no place', () => {
    expect(surnameCues).toEqual(
      expect.arrayContaining(['simon', 'sonny', 'justina', 'zoe', 'yasmine', 'adebola', 'joao']),
    );
  });

  it('leaves out everyday words, months, places, short abbreviations and the hand-made list', () => {
    for (const name of ['will', 'may', 'grace', 'april', 'kingston', 'jamaica', 'cal', 'michael']) {
      expect(surnameCues).not.toContain(name);
    }
  });

  it('sets apart the names of towns only, and leaves out those of other places', () => {
    expect(townFirstNames).toEqual(['alicia']);
    expect(placeFirstNames).toEqual(expect.arrayContaining(['alicia', 'salvador']));
    expect(surnameCues).not.toContain('alicia');
    expect(surnameCues).not.toContain('salvador');
  });

  it('is sorted and folded', () => {
    expect([...surnameCues].sort()).toEqual(surnameCues);
    expect(surnameCues.every((name) => /^[a-z]+$/.test(name))).toBe(true);
  });
});
