// The pass's machinery: nextWord and its hash, the lexicon as it grows and clears, the phrase tables, positions on demand.
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/rules/compile.ts';
import { Lexicon, NO_MATCH } from '../../../src/rules/lexicon.ts';
import { type ArticleText, matchArticle } from '../../../src/rules/match.ts';
import { hashWord, nextWord, tokenize } from '../../../src/rules/normalise.ts';
import { scanOf } from '../../../src/rules/scan.ts';
import { childOf, flattenPhrases, type PhraseNode } from '../../../src/rules/tables.ts';
import type { RegionSpec, RuleSpec } from '../../../src/rules/types.ts';

/** Every word nextWord finds: its text and hash. */
function words(text: string): { word: string; hash: number }[] {
  const bounds = new Int32Array(3);
  const found: { word: string; hash: number }[] = [];
  for (let i = nextWord(text, 0, bounds); i !== -1; i = nextWord(text, i, bounds)) {
    const [start, end, hash] = bounds as unknown as [number, number, number];
    if (start < end) found.push({ word: text.slice(start, end), hash });
  }
  return found;
}

describe('nextWord', () => {
  it.each([
    "l'EI a frappé Mossoul",
    "qu'ISIS l' EI Jama'at the Islamic State's leader x's'",
    'voiture-piégée, 12 morts; العراق الموصل',
    'Ｆｕｌｌ ﬁn straße œuvre',
    '',
    '   ',
  ])('finds the words tokenize finds, each with its hashWord: %j', (text) => {
    const found = words(text);
    expect(found.map((w) => w.word)).toEqual(tokenize(text).map((t) => text.slice(t.start, t.end)));
    for (const { word, hash } of found) expect(hash).toBe(hashWord(word, 0, word.length));
  });
});

const regions: RegionSpec[] = [
  {
    id: 'iraq',
    names: ['Irak', 'Iraq'],
    children: [{ id: 'anbar', names: ['Anbar', 'Al-Anbar'] }],
  },
];
const rules: RuleSpec[] = [
  { id: 'words', severity: 'low', match: { all: ['attentat*', { any: ['Irak', 'Syrie'] }] } },
  { id: 'phrase', severity: 'low', match: { any: ['voiture piégée', 'attaque suicide'] } },
  {
    id: 'near',
    severity: 'low',
    match: { any: [{ near: ['frappe', { near: ['drone', 'EI'], within: 2 }], within: 4 }] },
  },
  { id: 'regions', severity: 'low', match: { any: ['attentat*'] }, regions: ['anbar'] },
];

describe('positions on demand', () => {
  const matcher = compileMatcher({ rules, regions });
  const articles: ArticleText[] = [
    {
      title: 'Attentats en Irak',
      text: "Une voiture piégée à Al-Anbar. Frappe d'un drone de l'EI.",
    },
    { text: 'Frappe : un drone de l’EI, puis un attentat dans la province d’Anbar, en Irak.' },
    { text: 'Rien à signaler.' },
  ];

  it.each(articles)('gives the same matches without hits as with them (%#)', (article) => {
    const withHits = matchArticle(matcher, article);
    const without = matchArticle(matcher, article, { hits: false });
    expect(without.regions).toEqual(withHits.regions);
    expect(without.rules).toEqual(withHits.rules.map((rule) => ({ ...rule, hits: [] })));
    expect(withHits.rules.every((rule) => rule.hits.length > 0)).toBe(true);
  });

  it('finds every rule of the first article', () => {
    const found = matchArticle(matcher, articles[0] as ArticleText, { hits: false });
    expect(found.rules.map((rule) => rule.id)).toEqual(['words', 'phrase', 'near', 'regions']);
  });
});

describe('Lexicon', () => {
  const matcher = compileMatcher({ rules, regions });
  const entryOf = (lexicon: Lexicon, word: string) =>
    lexicon.lookup(word, 0, word.length, hashWord(word, 0, word.length));

  it('gives each word the same entry every time, and one entry to all words that match nothing', () => {
    const lexicon = new Lexicon(matcher);
    const irak = entryOf(lexicon, 'Irak');
    expect(irak).not.toBe(NO_MATCH);
    expect(entryOf(lexicon, 'plafond')).toBe(NO_MATCH);
    expect(entryOf(lexicon, 'Irak')).toBe(irak);
    expect(entryOf(lexicon, 'IRAK')).not.toBe(NO_MATCH);
  });

  it('keeps matching right as it grows past its table and clears itself when full', () => {
    const lexicon = new Lexicon(matcher);
    const irak = entryOf(lexicon, 'Irak');
    for (let i = 0; i < 140_000; i++) {
      entryOf(lexicon, `mot${i}`);
      lexicon.clearIfFull(); // as at the start of every article
    }
    expect(lexicon.size).toBeLessThan(140_000); // cleared once, at 131,072 words
    const again = entryOf(lexicon, 'Irak');
    expect(again).not.toBe(NO_MATCH);
    expect(lexicon.entryData[lexicon.entryStart[again] as number]).toBe(
      lexicon.entryData[lexicon.entryStart[irak] as number],
    );
    const text = 'Un attentat en Irak';
    expect(matchArticle(matcher, { text }).rules.map((r) => r.id)).toEqual(['words']);
  });

  it('matches an article whose words fill the lexicon right in its middle', () => {
    const lexicon = scanOf(matcher).lexicon;
    for (let n = 0; lexicon.size < (1 << 17) - 5; ) {
      const words = Array.from({ length: 5000 }, () => `w${(n++).toString(36)}`);
      matchArticle(matcher, { text: words.join(' ') });
    }
    const filler = Array.from({ length: 50 }, (_, i) => `zz${i}`).join(' ');
    const text = `Un attentat en Irak ${filler}`;
    const crossing = matchArticle(matcher, { text });
    expect(crossing.rules.map((r) => r.id)).toEqual(['words']);
    expect(crossing.regions.map((r) => r.id)).toContain('iraq');
    expect(matchArticle(matcher, { text })).toEqual(crossing);
  });
});

describe('flattenPhrases and childOf', () => {
  const node = (terms: number[], children: [number, PhraseNode][] = []): PhraseNode => ({
    terms,
    children: new Map(children),
  });
  // pattern 0 starts term 0 ("a"), 0 1 is term 1 ("a b"), 0 1 2 is term 2; pattern 3 starts term 3.
  const roots = [node([0], [[1, node([1], [[2, node([2])]])]]), undefined, undefined, node([3])];
  const tables = flattenPhrases(roots);

  it('numbers the nodes, roots by pattern, with their terms', () => {
    const root = tables.rootOf[0] as number;
    const terms = (n: number) => [
      ...tables.terms.ids.slice(tables.terms.start[n], tables.terms.start[n + 1]),
    ];
    expect(terms(root)).toEqual([0]);
    const b = childOf(tables, root, 1);
    expect(terms(b)).toEqual([1]);
    expect(terms(childOf(tables, b, 2))).toEqual([2]);
    expect([...tables.rootOf]).toEqual([root, -1, -1, tables.rootOf[3]]);
  });

  it('has no child for other patterns, and masks that rule them out', () => {
    const root = tables.rootOf[0] as number;
    expect(childOf(tables, root, 2)).toBe(-1);
    expect(childOf(tables, tables.rootOf[3] as number, 1)).toBe(-1);
    expect(tables.childMask[root]).toBe(1 << 1);
    expect(tables.childMask[tables.rootOf[3] as number]).toBe(0);
  });
});
