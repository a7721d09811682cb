// The rule-writing mistakes rules check catches: each term and language code, with the fix it suggests.
import { describe, expect, it } from 'vitest';
import { describeLanguageProblem, describeTermProblem } from '../../../src/config/term-checks.ts';

const REGEX = 'looks like a regular expression, but terms are plain words (punctuation is ignored)';

describe('describeTermProblem', () => {
  it.each([
    ['drone(s)?', `term "drone(s)?" ${REGEX}: write "drone*"`],
    ['drones?', `term "drones?" ${REGEX}: write "drone*"`],
    ['drone.*', `term "drone.*" ${REGEX}: write "drone*"`],
    ['\\bEI\\b', `term "\\bEI\\b" ${REGEX}: write "EI"`],
    ['[Dd]aech', `term "[Dd]aech" ${REGEX}: write "Daech"`],
    [
      'attaque|frappe',
      `term "attaque|frappe" ${REGEX}: list the alternatives, any: ["attaque", "frappe"]`,
    ],
    [
      '(attaque|frappe)s?',
      `term "(attaque|frappe)s?" ${REGEX}: write each form as its own term in an any list, and "word*" for a prefix`,
    ],
    [
      'État islamique (EI)',
      `term "État islamique (EI)" ${REGEX}: write each form as its own term in an any list, and "word*" for a prefix`,
    ],
    [
      'car *bomb',
      'term "car *bomb": a leading * matches nothing (terms match from the start of a word); write "car bomb" or "car bomb*" for a prefix, and list the longer words you need',
    ],
    [
      "d' l'",
      `term "d' l'" has no word left once elisions (l' d' qu'…) are cut: write the word that follows, e.g. "qu'ISIS" → "ISIS"`,
    ],
    [
      'jusqu',
      'term "jusqu" can never match: jusqu\' is only ever written elided, and elisions are cut before matching; write the word that follows',
    ],
  ])('%s', (term, message) => {
    expect(describeTermProblem(term)).toBe(message);
  });

  it.each([
    'attentat*',
    'voiture* piégée*',
    "s'évader",
    "Jama'at",
    'Al-Qaïda',
    'U.S.',
    "l'EI",
    'le',
    '***',
  ])('accepts %s', (term) => {
    expect(describeTermProblem(term)).toBeUndefined();
  });
});

describe('describeLanguageProblem', () => {
  it.each([
    ['french', 'fr'],
    ['Français', 'fr'],
    ['arabic', 'ar'],
    ['fra', 'fr'],
    ['eng', 'en'],
    ['fr-FR', 'fr'],
    ['iw', 'he'],
  ])('%s → %s', (code, meant) => {
    expect(describeLanguageProblem(code)).toBe(
      `"${code}" is not an ISO 639-1 language code (did you mean "${meant}"?)`,
    );
  });

  it('says what a code looks like when it cannot guess', () => {
    expect(describeLanguageProblem('xx')).toBe(
      '"xx" is not an ISO 639-1 language code (two letters, e.g. fr, en, ar)',
    );
  });

  it.each(['fr', 'en', 'ar', 'FR', 'ps', 'ha'])('accepts %s', (code) => {
    expect(describeLanguageProblem(code)).toBeUndefined();
  });
});
