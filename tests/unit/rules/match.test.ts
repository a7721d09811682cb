import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/rules/compile.ts';
import { type ArticleText, matchArticle } from '../../../src/rules/match.ts';
import type { MatchNode, RegionSpec, RuleSpec, TermSpec } from '../../../src/rules/types.ts';

const iraq: RegionSpec = {
  id: 'iraq',
  names: ['Irak', 'Iraq', 'العراق'],
  adjectives: ['irakien', 'irakienne', 'irakiens', 'irakiennes', 'Iraqi'],
  children: [
    {
      id: 'nineveh',
      names: ['Ninive', 'Nineveh', 'Ninawa'],
      children: [{ id: 'mosul', names: ['Mossoul', 'Mosul', 'Al-Mawsil', 'الموصل'] }],
    },
    {
      id: 'anbar',
      names: ['Anbar', 'Al-Anbar'],
      children: [
        { id: 'ramadi', names: ['Ramadi'] },
        {
          id: 'hit',
          names: [{ term: 'Hit', caseSensitive: true }, 'Heet'],
          requiresContext: true,
        },
      ],
    },
  ],
};
const syria: RegionSpec = {
  id: 'syria',
  names: ['Syrie', 'Syria'],
  adjectives: ['syrien', 'syrienne'],
  children: [{ id: 'aleppo', names: ['Alep', 'Aleppo', 'حلب'] }],
};
const guinea: RegionSpec = { id: 'guinea', names: ['Guinée', 'Guinea'] };
const guineaBissau: RegionSpec = { id: 'guinea-bissau', names: ['Guinée-Bissau'] };
const regions = [iraq, syria, guinea, guineaBissau];

function rule(match: MatchNode, extra: Partial<RuleSpec> = {}): RuleSpec {
  return { id: 'r', severity: 'medium', match, ...extra };
}

/** Whether a one-term rule matches `text`. */
function termMatches(term: TermSpec, text: string): boolean {
  const matcher = compileMatcher({ rules: [rule({ any: [term] })], regions: [] });
  return matchArticle(matcher, { text }).rules.length === 1;
}

describe('term syntax', () => {
  const cases: [string, TermSpec, string, boolean][] = [
    ['word, accents folded', 'Etat', "l'État islamique", true],
    ['word, case folded', 'état', 'ETAT ISLAMIQUE', true],
    ['word, whole word only', 'EI', 'seize personnes', false],
    ['word, not inside a word', 'EI', 'à Leipzig', false],
    ['word, elision l’ cut', 'EI', 'l’EI a revendiqué', true],
    ["word, elision d' cut", 'Alep', "la région d'Alep", true],
    ["word, elision qu' cut", 'ISIS', "qu'ISIS revendique", true],
    ['word, elision jusqu’ cut', 'Raqqa', 'jusqu’Raqqa', true],
    ['word, modifier ʼ as apostrophe', 'EI', 'lʼEI', true],
    ['word, other apostrophes stay inside', 'Jama', "Jama'at Nusrat al-Islam", false],
    ['word with apostrophe', "Jama'at", 'Jama’at Nusrat', true],
    ["possessive 's cut", 'Islamic State', "the Islamic State's leader", true],
    ['hyphen as space', 'voiture piégée', 'une voiture-piégée a explosé', true],
    ['hyphen in term', 'voiture-piégée', 'une voiture piégée a explosé', true],
    ['prefix', 'attentat*', 'deux attentats', true],
    ['prefix, word itself', 'attentat*', 'un attentat', true],
    ['prefix after a hyphen', 'attentat*', 'les contre-attentats', true],
    ['prefix, not a suffix', 'tentat*', 'attentats', false],
    ['prefix inside phrase', 'voiture* piégée*', 'des voitures piégées', true],
    ['phrase, consecutive words', 'attaque suicide', 'une attaque suicide', true],
    ['phrase, words apart', 'attaque suicide', 'une attaque et un suicide', false],
    ['phrase, elided article is not a word', 'chef EI', "le chef de l'EI", false],
    ['case sensitive, exact', { term: 'EI', caseSensitive: true }, "l'EI frappe", true],
    ['case sensitive, other case', { term: 'IS', caseSensitive: true }, 'this is it', false],
    ['case sensitive, upper', { term: 'IS', caseSensitive: true }, 'IS fighters', true],
    ['case sensitive keeps accent folding', { term: 'ETAT', caseSensitive: true }, 'ÉTAT', true],
    ['Arabic script', 'الموصل', 'معركة الموصل', true],
    ['Arabic with diacritics', 'الموصل', 'المَوْصِل', true],
    ['NFKC ligature', 'fief', 'un ﬁef', true],
    ['ligature œ', 'coeur', 'au cœur de', true],
    ['near, in order', { near: ['attaque', 'drone'], within: 2 }, 'attaque par un drone', true],
    [
      'near, reversed',
      { near: ['attaque', 'drone'], within: 2 },
      'un drone mène une attaque',
      true,
    ],
    ['near, too far', { near: ['attaque', 'drone'], within: 1 }, 'attaque par un drone', false],
    [
      'near, elided articles not counted',
      { near: ['frappe', 'EI'], within: 1 },
      "frappe contre l'EI",
      true,
    ],
    ['near, numbers counted', { near: ['frappe', 'morts'], within: 1 }, 'frappe 12 morts', true],
    [
      'near, numbers counted (too far)',
      { near: ['frappe', 'morts'], within: 0 },
      'frappe 12 morts',
      false,
    ],
    [
      'near with phrase operand',
      { near: ['voiture piégée', 'Mossoul'], within: 3 },
      'une voiture piégée a explosé à Mossoul',
      true,
    ],
  ];
  it.each(cases)('%s: %j in %j → %s', (_label, term, text, expected) => {
    expect(termMatches(term, text)).toBe(expected);
  });
});

describe('title and body', () => {
  const matcher = compileMatcher({
    rules: [rule({ any: ['attaque suicide', { near: ['frappe', 'drone'], within: 3 }] })],
    regions: [],
  });
  it('a phrase never spans title and body', () => {
    expect(matchArticle(matcher, { title: 'Une attaque', text: 'Suicide.' }).rules).toEqual([]);
  });
  it('near never spans title and body', () => {
    expect(matchArticle(matcher, { title: 'frappe', text: 'drone' }).rules).toEqual([]);
  });
  it('title and body are classified together', () => {
    const result = matchArticle(matcher, { title: 'Attaque suicide', text: 'Rien.' });
    expect(result.rules[0]?.hits).toEqual([
      { term: 'attaque suicide', segment: 0, start: 0, end: 15 },
    ]);
  });
});

describe('boolean nodes, score, languages, regions', () => {
  const match = (spec: RuleSpec, article: ArticleText) =>
    matchArticle(compileMatcher({ rules: [spec], regions }), article).rules[0];
  const eiAttack: MatchNode = {
    all: [{ any: ['Daech', { term: 'EI', caseSensitive: true }] }, { any: ['attentat*'] }],
    none: ['exercice'],
  };
  const cases: [string, RuleSpec, ArticleText, boolean][] = [
    ['all + any hold', rule(eiAttack), { text: "Attentat de l'EI" }, true],
    ['all misses one', rule(eiAttack), { text: "Frappe de l'EI" }, false],
    ['none vetoes', rule(eiAttack), { text: 'Attentat de Daech : un exercice' }, false],
    ['nested none', rule({ any: [{ all: ['Daech'], none: ['jeu'] }] }), { text: 'Daech' }, true],
    ['only none holds on any text', rule({ none: ['exercice'] }), { text: 'rien' }, true],
    ['minScore met', rule({ any: ['a1', 'a2'] }, { minScore: 2 }), { text: 'a1 a2' }, true],
    ['minScore missed', rule({ any: ['a1', 'a2'] }, { minScore: 2 }), { text: 'a1 a1' }, false],
    [
      'weight counts',
      rule({ any: [{ term: 'a1', weight: 3 }] }, { minScore: 3 }),
      { text: 'a1' },
      true,
    ],
    [
      'language kept',
      rule({ any: ['Daech'] }, { languages: ['fr'] }),
      { text: 'Daech', lang: 'fr' },
      true,
    ],
    [
      'language skipped',
      rule({ any: ['Daech'] }, { languages: ['fr'] }),
      { text: 'Daech', lang: 'en' },
      false,
    ],
    [
      'region met by a child',
      rule({ any: ['Daech'] }, { regions: ['iraq'] }),
      { text: 'Daech à Mossoul' },
      true,
    ],
    [
      'region by adjective',
      rule({ any: ['Daech'] }, { regions: ['iraq'] }),
      { text: "Daech et l'armée irakienne" },
      true,
    ],
    [
      'region missing',
      rule({ any: ['Daech'] }, { regions: ['iraq'] }),
      { text: 'Daech à Alep' },
      false,
    ],
  ];
  it.each(cases)('%s', (_label, spec, article, expected) => {
    expect(match(spec, article) !== undefined).toBe(expected);
  });

  it('scores distinct terms once, as written, and lists them', () => {
    const spec = rule({
      any: ['attentat*', 'Daech', { term: 'EI', caseSensitive: true, weight: 2 }],
    });
    const found = match(spec, { text: "Attentats, attentat : Daech, l'EI, l'EI" });
    expect(found).toMatchObject({ score: 4, terms: ['attentat*', 'Daech', 'EI'] });
  });

  it('lists the rule regions found, or the countries found for a rule without regions', () => {
    expect(
      match(rule({ any: ['Daech'] }, { regions: ['iraq', 'syria'] }), { text: 'Daech à Alep' })
        ?.regions,
    ).toEqual(['syria']);
    expect(match(rule({ any: ['Daech'] }), { text: 'Daech à Alep et Mossoul' })?.regions).toEqual([
      'iraq',
      'syria',
    ]);
  });
});

describe('regions', () => {
  const matcher = compileMatcher({ rules: [], regions });
  const regionsOf = (text: string) => matchArticle(matcher, { text }).regions;
  const cases: [string, string, { id: string; count: number }[]][] = [
    [
      'roll-up to every ancestor',
      'à Mossoul',
      [
        { id: 'iraq', count: 1 },
        { id: 'mosul', count: 1 },
        { id: 'nineveh', count: 1 },
      ],
    ],
    ['counts mentions', 'Irak, Iraq et l’armée irakienne', [{ id: 'iraq', count: 3 }]],
    [
      'longest name wins',
      'dans le désert d’Al-Anbar',
      [
        { id: 'anbar', count: 1 },
        { id: 'iraq', count: 1 },
      ],
    ],
    ['longer name of another region wins', 'en Guinée-Bissau', [{ id: 'guinea-bissau', count: 1 }]],
    ['requiresContext without context', 'Hit the road', []],
    [
      'requiresContext with an ancestor',
      'Hit, en Irak',
      [
        { id: 'iraq', count: 2 },
        { id: 'anbar', count: 1 },
        { id: 'hit', count: 1 },
      ],
    ],
    [
      'requiresContext with a sibling',
      'Hit et Ramadi',
      [
        { id: 'anbar', count: 2 },
        { id: 'iraq', count: 2 },
        { id: 'hit', count: 1 },
        { id: 'ramadi', count: 1 },
      ],
    ],
    [
      'requiresContext, other country is no context',
      'Hit et Alep',
      [
        { id: 'aleppo', count: 1 },
        { id: 'syria', count: 1 },
      ],
    ],
    [
      'Arabic names',
      'الموصل و حلب',
      [
        { id: 'aleppo', count: 1 },
        { id: 'iraq', count: 1 },
        { id: 'mosul', count: 1 },
        { id: 'nineveh', count: 1 },
        { id: 'syria', count: 1 },
      ],
    ],
  ];
  it.each(cases)('%s', (_label, text, expected) => {
    expect(regionsOf(text)).toEqual(expected);
  });
});

describe('compile errors', () => {
  it('names the rule of a term with no word', () => {
    expect(() =>
      compileMatcher({ rules: [{ ...rule({ any: ['***'] }), id: 'bad' }], regions: [] }),
    ).toThrow('rules: rule bad: term "***" has no word in it');
  });
  it('names an unknown region', () => {
    expect(() =>
      compileMatcher({ rules: [rule({ any: ['a'] }, { regions: ['atlantis'] })], regions: [] }),
    ).toThrow('rules: rule r: unknown region "atlantis"');
  });
});
