import { describe, expect, it } from 'vitest';
import { readConfigFiles } from '../../../src/config/load.ts';
import { compileMatcher } from '../../../src/rules/compile.ts';
import {
  checkDraftRules,
  explainArticle,
  formatBytes,
  periodMs,
  readTryForm,
} from '../../../src/server/try-article.ts';

describe('readTryForm', () => {
  it.each([
    ['text', { text: 'Un texte.' }, undefined],
    ['a title alone', { title: 'Un titre' }, undefined],
    ['nothing', {}, 'text: paste an article’s text or give its URL'],
    ['text over 1 MB', { text: 'é'.repeat(600_000) }, 'text: 1.2 MB is over the limit of 1 MB'],
    [
      'rules over 100 KB',
      { text: 'x', rules: 'r'.repeat(100_001) },
      'rules: 100 KB is over the limit of 100 KB',
    ],
    [
      'an ftp URL',
      { url: 'ftp://example.org/a' },
      'url: "ftp://example.org/a" is not an http:// or https:// address',
    ],
    ['an unknown period', { text: 'x', since: '1y' }, 'since: expected one of 24h, 7d, 30d'],
    ['a repeated field', { text: 'x', since: ['7d'] }, undefined],
  ])('%s', (_name, body, error) => {
    const reading = readTryForm(body);
    expect(reading.ok ? undefined : reading.error).toBe(error);
  });

  it('reads a missing or repeated field as empty, and trims the title and URL', () => {
    const reading = readTryForm({ title: '  T ', url: ' https://a.example/x ', rules: ['a', 'b'] });
    expect(reading.form).toEqual({
      title: 'T',
      text: '',
      url: 'https://a.example/x',
      rules: '',
      since: '',
    });
  });
});

describe('periodMs and formatBytes', () => {
  it('reads the periods and writes sizes', () => {
    expect(periodMs('')).toBeUndefined();
    expect(periodMs('7d')).toBe(7 * 86_400_000);
    expect([999, 1_500, 100_000, 1_000_000, 1_250_000].map(formatBytes)).toEqual([
      '999 bytes',
      '2 KB',
      '100 KB',
      '1 MB',
      '1.3 MB',
    ]);
  });
});

describe('checkDraftRules', () => {
  it('checks a draft against the other files: problems at rules.yaml:line:col', async () => {
    const files = await readConfigFiles('tests/fixtures/config/valid');
    const draft = 'rules:\n  - id: a\n    match: {any: [x]}\n    alert: {channels: [nowhere]}\n';
    const checked = await checkDraftRules(files, draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0]).toMatch(
      /^rules\.yaml:4:\d+: rules\[0\]\.alert\.channels\[0\]: .*nowhere/,
    );
  });

  it('compiles a valid draft alone, with the config’s regions', async () => {
    const files = await readConfigFiles('tests/fixtures/config/valid');
    const checked = await checkDraftRules(
      files,
      'rules:\n  - id: a\n    match: {any: [Mossoul]}\n',
    );
    expect(checked.ok && checked.rules.map((rule) => rule.id)).toEqual(['a']);
    expect(checked.ok && checked.regions.map((region) => region.id)).toEqual(['iraq', 'syria']);
  });

  it('says YAML that does not parse at its line', async () => {
    const checked = await checkDraftRules([], 'rules:\n  - id: [a\n');
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems.join('\n')).toMatch(
      /rules\.yaml:\d+:\d+: invalid YAML/,
    );
  });
});

describe('explainArticle', () => {
  const regions = [
    { id: 'iraq', names: ['Irak'], children: [{ id: 'mosul', names: ['Mossoul'] }] },
    { id: 'syria', names: ['Syrie'] },
  ];
  const rules = [
    {
      id: 'blasts',
      name: 'Explosions',
      severity: 'high' as const,
      match: { all: [{ any: ['explosion*'] }, { any: ['Mossoul', 'Bagdad'] }] },
      minScore: 1,
    },
    { id: 'syria', severity: 'low' as const, match: { any: ['Syrie'] } },
  ];
  const matcher = compileMatcher({ rules, regions });

  it('gives the language, the regions most named first with focus, and each rule explained', () => {
    const tried = explainArticle(
      matcher,
      { rules, regions },
      {
        title: 'Explosion à Mossoul',
        text: 'Une explosion a frappé Mossoul, en Irak. Les enquêteurs sont sur place depuis ce matin.',
      },
    );
    expect(tried.lang).toBe('fr');
    expect(tried.regions.map(({ id, count }) => [id, count])).toEqual([
      ['iraq', 3],
      ['mosul', 2],
    ]);
    expect(tried.regions.every((region) => region.focus)).toBe(true);
    expect(tried.rules).toHaveLength(1);
    expect(tried.rules[0]).toMatchObject({
      id: 'blasts',
      name: 'Explosions',
      severity: 'high',
      minScore: 1,
      terms: ['explosion*', 'Mossoul'],
      clauses: [['explosion*'], ['Mossoul', 'Bagdad']],
    });
    // A rule's regions are the top-level ones named (its alert counts per country).
    expect(tried.rules[0]?.regions).toEqual([{ id: 'iraq', name: 'Irak', focus: true }]);
    // One excerpt per clause, each from a sentence of its own; Iraq's first place (Mossoul, in
    // the title) is already shown.
    expect(tried.rules[0]?.excerpts.map(({ term, match }) => [term, match])).toEqual([
      ['explosion*', 'Explosion'],
      ['Mossoul', 'Mossoul'],
    ]);
    expect(tried.regions[1]?.place).toMatchObject({ match: 'Mossoul', after: '' });
  });

  it('matches nothing in an unrelated text', () => {
    const tried = explainArticle(matcher, { rules, regions }, { title: '', text: 'Il pleut.' });
    expect(tried).toMatchObject({ regions: [], rules: [] });
  });
});
