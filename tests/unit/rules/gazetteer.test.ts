// The default gazetteer (config/) read on tricky sentences: abbreviations, groups, homonyms, scripts.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.ts';
import { compileMatcher, type Matcher } from '../../../src/rules/compile.ts';
import { matchArticle } from '../../../src/rules/match.ts';
import { tokenize } from '../../../src/rules/normalise.ts';
import type { RegionSpec } from '../../../src/rules/types.ts';

let matcher: Matcher;
let matcherRegions: RegionSpec[];

beforeAll(async () => {
  const config = await loadConfig('config');
  matcherRegions = config.regions;
  matcher = compileMatcher({ rules: [], regions: config.regions });
});

/** The regions a text names, roll-up included, as ids. */
function regionsOf(text: string): string[] {
  return matchArticle(matcher, { text }).regions.map((region) => region.id);
}

describe('abbreviations', () => {
  it('reads a dotted abbreviation as one word without its dots', () => {
    const words = (text: string) => tokenize(text).map((token) => token.cased);
    expect(words('U.S. forces')).toEqual(['US', 'forces']);
    expect(words('the U.A.E., Ky.')).toEqual(['the', 'UAE', 'Ky']);
    expect(words('U.S.A')).toEqual(['USA']);
    expect(words('A. Smith, 1.5 km, e.g. x A.B.com')).toEqual([
      'A',
      'Smith',
      '1',
      '5',
      'km',
      'e',
      'g',
      'x',
      'A',
      'B',
      'com',
    ]);
    expect(tokenize('in the U.S.')[2]).toMatchObject({ folded: 'us', start: 7, end: 11 });
  });

  it.each([
    ['U.S. forces struck a base.', 'united-states'],
    ['Talks between the US and Iran.', 'united-states'],
    ['Made in the U.S.A. last year.', 'united-states'],
    ['The U.K. government said.', 'united-kingdom'],
    ['The UK government said.', 'united-kingdom'],
    ['The U.A.E. said on Monday.', 'united-arab-emirates'],
    ['A court in Louisville, Ky., ruled.', 'kentucky'],
    ['Fires near Los Angeles, Calif., spread.', 'california'],
  ])('%s → %s', (text, region) => {
    expect(regionsOf(text)).toContain(region);
  });

  it.each([
    ['Tell us what you think.'],
    ['Join us in the u.s.a. of the mind.'],
    ['In lower case ky and calif are no abbreviations.'],
  ])('%s names no place', (text) => {
    expect(regionsOf(text)).toEqual([]);
  });
});

describe('groups', () => {
  it.each([
    ['Une frappe de drone à Djibo a fait dix morts.', ['burkina-faso', 'sahel', 'africa']],
    ['Attaque à Ménaka', ['mali', 'sahel', 'africa']],
    ['Boko Haram frappe dans le Borno', ['nigeria', 'lake-chad-basin', 'africa']],
    ['Strikes near Aleppo', ['syria', 'levant', 'middle-east', 'asia']],
    ['Tensions au Maghreb', ['maghreb']],
    ['Un attentat en Tchétchénie', ['russia', 'north-caucasus', 'caucasus']],
  ])('%s → %j', (text, expected) => {
    expect(regionsOf(text)).toEqual(expect.arrayContaining(expected));
  });

  it('matches a rule on a group through any member, and keeps groups out of countries', () => {
    const config = compileMatcher({
      rules: [
        { id: 'sahel', severity: 'high', match: { any: ['drone'] }, regions: ['sahel'] },
        { id: 'any', severity: 'high', match: { any: ['drone'] } },
      ],
      regions: matcherRegions,
    });
    const rules = matchArticle(config, { text: 'Une frappe de drone à Djibo.' }).rules;
    expect(rules.map((rule) => [rule.id, rule.regions])).toEqual([
      ['sahel', ['sahel']],
      ['any', ['burkina-faso']],
    ]);
    const elsewhere = matchArticle(config, { text: 'Une frappe de drone à Mossoul.' }).rules;
    expect(elsewhere.map((rule) => rule.id)).toEqual(['any']);
  });
});

describe('depth', () => {
  it.each([
    ['Переворот в Мали', 'mali'],
    ['Floods in Texas and Ohio', 'texas'],
    ['Floods in Texas and Ohio', 'ohio'],
    ['A fire in Ontario', 'ontario'],
    ['Manifestation à Toulouse', 'france'],
    ['Explosion in Kano', 'nigeria'],
    ['Взрыв в Новосибирске? Новосибирск.', 'russia'],
  ])('%s → %s', (text, region) => {
    expect(regionsOf(text)).toContain(region);
  });
});
