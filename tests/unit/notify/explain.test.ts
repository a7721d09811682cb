// The words an alert uses instead of ids: the rule's clauses, region names, source names, places.
import { describe, expect, it } from 'vitest';
import { listClauses, nameRegions, nameSource, placesOf } from '../../../src/notify/explain.ts';

describe('listClauses', () => {
  it('gives each all item as the terms it holds, nested nodes flattened, none left out', () => {
    expect(
      listClauses({
        all: [
          { any: ['État islamique', { term: 'EI', caseSensitive: true }] },
          { any: ['attentat*', { near: ['attaque*', 'drone*'], within: 5 }], none: ['exercice'] },
        ],
        none: ['jeu vidéo'],
      }),
    ).toEqual([
      ['État islamique', 'EI'],
      ['attentat*', 'near(attaque*, drone*, 5)'],
    ]);
  });

  it('makes one clause of a top-level any list', () => {
    expect(listClauses({ any: ['otage*', 'rançon*'] })).toEqual([['otage*', 'rançon*']]);
  });
});

describe('nameRegions, nameSource, placesOf', () => {
  it('names a region by its first name, at any depth', () => {
    const names = nameRegions([
      {
        id: 'iraq',
        names: ['Irak', 'Iraq'],
        children: [{ id: 'hit', names: [{ term: 'Hit', caseSensitive: true }] }],
      },
    ]);
    expect([...names]).toEqual([
      ['iraq', 'Irak'],
      ['hit', 'Hit'],
    ]);
  });

  it("names a source by its feed's name, else the article's site", () => {
    const feeds = [{ id: 'opex360', name: 'Zone militaire' }, { id: 'file-samples-feed-341f7bee' }];
    expect(nameSource(feeds, 'opex360', 'https://www.opex360.com/a')).toBe('Zone militaire');
    expect(nameSource(feeds, 'file-samples-feed-341f7bee', 'https://www.example.org/s/1')).toBe(
      'example.org',
    );
    expect(nameSource(feeds, null, 'not a url')).toBe('not a url');
  });

  it('keeps the places that name the region or one inside it', () => {
    const places = [
      { regions: ['anbar', 'iraq'], segment: 0, start: 3, end: 11 },
      { regions: ['israel'], segment: 1, start: 40, end: 46 },
    ];
    expect(placesOf(places, 'iraq', 'Irak')).toEqual([
      { term: 'Irak', segment: 0, start: 3, end: 11 },
    ]);
  });
});
