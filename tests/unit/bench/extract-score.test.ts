// The extraction bench's scoring: tokens, shingles, body F1 edge cases, titles, dates and snippets.
import { describe, expect, it } from 'vitest';
import {
  countSnippets,
  sameDay,
  scoreBody,
  shingles,
  snippetScores,
  stripSiteSuffix,
  summariseBodies,
  titleMatches,
  tokenize,
} from '../../../bench/extract-score.ts';

describe('tokenize', () => {
  it.each([
    ['The Cat, the HAT!', ['the', 'cat', 'the', 'hat']],
    ["L'État à Mossoul", ['l', 'état', 'à', 'mossoul']],
    ['snake_case 2024-12-04', ['snake_case', '2024', '12', '04']],
    ['  \n ', []],
  ])('%j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('shingles', () => {
  it('counts each run of four tokens, repeats included', () => {
    const counts = shingles(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd']);
    expect(counts.get('a b c d')).toBe(2);
    expect(counts.get('b c d a')).toBe(1);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('makes one shingle of a text shorter than four tokens, none of an empty one', () => {
    expect([...shingles(['a', 'b'])]).toEqual([['a b', 1]]);
    expect(shingles([]).size).toBe(0);
  });
});

describe('scoreBody', () => {
  const article = 'one two three four five six seven eight';

  it.each([
    ['both empty', '', '', { precision: 1, recall: 1, f1: 1 }],
    ['prediction empty', article, '', { precision: 0, recall: 0, f1: 0 }],
    ['truth empty', '', article, { precision: 0, recall: 0, f1: 0 }],
    [
      'identical up to case and punctuation',
      article,
      article.toUpperCase().replace(/ /g, ', '),
      { precision: 1, recall: 1, f1: 1 },
    ],
    [
      'nothing shared',
      article,
      'nine ten eleven twelve thirteen',
      { precision: 0, recall: 0, f1: 0 },
    ],
  ])('%s', (_name, expected, predicted, score) => {
    expect(scoreBody(expected, predicted)).toEqual(score);
  });

  it('gives precision for extra text and recall for missing text', () => {
    // 5 shingles in the truth; the prediction has them plus 4 of its own.
    const extra = scoreBody(article, `${article} x y z w`);
    expect(extra.recall).toBe(1);
    expect(extra.precision).toBeCloseTo(5 / 9);
    const half = scoreBody(article, 'one two three four five');
    expect(half.precision).toBe(1);
    expect(half.recall).toBeCloseTo(2 / 5);
    expect(half.f1).toBeCloseTo((2 * 1 * 0.4) / 1.4);
  });

  it('scores a bag of words with size 1, as WCXB does: word order no longer counts', () => {
    const reversed = article.split(' ').reverse().join(' ');
    expect(scoreBody(article, reversed, 1)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(scoreBody(article, reversed).f1).toBe(0);
  });

  it('counts a repeated shingle only as often as the truth has it', () => {
    const score = scoreBody('a b c d', 'a b c d. a b c d');
    expect(score.recall).toBe(1);
    expect(score.precision).toBeCloseTo(1 / 5);
  });
});

describe('titles', () => {
  it.each([
    ['Le projet de loi - Le Monde', 'Le projet de loi'],
    ['Breaking | Site Name', 'Breaking'],
    ['A - B - Outlet', 'A - B'],
    ['No suffix here', 'No suffix here'],
  ])('stripSiteSuffix(%j)', (title, stripped) => {
    expect(stripSiteSuffix(title)).toBe(stripped);
  });

  it('matches exactly after collapsing whitespace, with or without the site suffix', () => {
    expect(titleMatches('Le projet  de loi', ' Le projet de loi ')).toBe(true);
    expect(titleMatches('Le projet de loi - Le Monde', 'Le projet de loi')).toBe(true);
    expect(titleMatches('Le projet de loi', 'Le projet de loi - Le Monde')).toBe(false);
    expect(titleMatches('Le projet de loi', 'le projet de loi')).toBe(false);
    expect(titleMatches('', '')).toBe(false);
  });
});

describe('sameDay', () => {
  it.each([
    ['2015-07-10T09:53:00-04:00', '2015-07-10T13:53:00.000Z', true],
    ['2015-07-10T23:30:00-04:00', '2015-07-11T03:30:00.000Z', true],
    ['2017-11-03 03:01:00.000000', '2017-11-03T03:01:00.000Z', true],
    ['2015-07-10', '2015-07-12T00:00:00.000Z', false],
    ['2015-07-10', null, false],
  ])('%s vs %s', (expected, predicted, same) => {
    expect(sameDay(expected, predicted)).toBe(same);
  });
});

describe('snippets', () => {
  it('counts kept and left-out snippets after collapsing whitespace', () => {
    const counts = countSnippets(
      ['Die GEMA  dreht', 'absent'],
      ['Impressum', 'Twitter'],
      'Die GEMA\ndreht am Zeiger. Impressum',
    );
    expect(counts).toEqual({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 1,
    });
  });

  it('pools the counts over pages, and reads 0 for an empty denominator', () => {
    const scores = snippetScores([
      { truePositives: 3, falsePositives: 1, falseNegatives: 1, trueNegatives: 3 },
      { truePositives: 1, falsePositives: 0, falseNegatives: 3, trueNegatives: 4 },
    ]);
    expect(scores).toEqual({ precision: 0.8, recall: 0.5, accuracy: 11 / 16, f1: 8 / 13 });
    expect(snippetScores([])).toEqual({ precision: 0, recall: 0, accuracy: 0, f1: 0 });
  });
});

describe('summariseBodies', () => {
  it('averages per page and counts empty outputs and pages at 0.9 or more', () => {
    const summary = summariseBodies(
      [
        { precision: 1, recall: 0.8, f1: 0.9 },
        { precision: 0, recall: 0, f1: 0 },
      ],
      ['text', ' ... '],
    );
    expect(summary).toEqual({ precision: 0.5, recall: 0.4, f1: 0.45, atLeast90: 0.5, empty: 1 });
  });
});
