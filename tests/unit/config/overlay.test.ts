// regions.local.yaml over the generated gazetteer: what it adds and removes, and its mistakes located by file:line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matcherInputOf } from '../../../src/config/matcher-cache.ts';
import { type ConfigFileText, validateConfig } from '../../../src/config/validate.ts';
import { compileMatcher } from '../../../src/rules/compile.ts';
import { matchArticle } from '../../../src/rules/match.ts';
import type { RegionSpec } from '../../../src/rules/types.ts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/config/valid');
const FILE_NAMES = ['feeds.yaml', 'regions.yaml', 'rules.yaml', 'notify.yaml'];

function filesWith(local: string): ConfigFileText[] {
  return [
    ...FILE_NAMES.map((name) => ({
      name: `config/${name}`,
      text: readFileSync(path.join(FIXTURES, name), 'utf8'),
    })),
    { name: 'config/regions.local.yaml', text: local },
  ];
}

function overlaid(local: string): RegionSpec[] {
  const result = validateConfig(filesWith(local));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config.regions;
}

function problemsOf(local: string): string[] {
  const result = validateConfig(filesWith(local));
  return result.ok ? [] : result.problems;
}

function regionsOf(regions: RegionSpec[], text: string): string[] {
  const matcher = compileMatcher({ rules: [], regions });
  return matchArticle(matcher, { text }).regions.map((region) => region.id);
}

describe('regions.local.yaml', () => {
  it('adds places under a parent, names, groups and context marks', () => {
    const regions = overlaid(
      [
        'places:',
        '  - id: sinjar',
        '    parent: nineveh',
        '    names: [Sinjar, Shingal]',
        '  - id: levant',
        '    names: [Levant]',
        '    members: [syria]',
        'names:',
        '  syria: [Сирия]',
        'groups:',
        '  middle-east: [iraq, levant]',
        'requiresContext: [anbar]',
        '',
      ].join('\n'),
    );
    expect(regionsOf(regions, 'Attaque à Shingal.')).toEqual([
      'iraq',
      'middle-east',
      'nineveh',
      'sinjar',
    ]);
    expect(regionsOf(regions, 'В Сирии? Сирия.')).toEqual(['levant', 'middle-east', 'syria']);
    expect(regionsOf(regions, 'Combats dans l’Anbar.')).toEqual([]);
    expect(regionsOf(regions, 'Combats dans l’Anbar, en Irak.')).toContain('anbar');
  });

  it('removes regions and names', () => {
    const regions = overlaid('remove:\n  regions: [mosul]\n  names:\n    syria: [Syrie]\n');
    expect(regionsOf(regions, 'Mossoul et la Syrie')).toEqual([]);
    expect(regionsOf(regions, 'Syria')).toEqual(['syria']);
  });

  it('marks one name as needing context', () => {
    const regions = overlaid(
      'remove:\n  names:\n    syria: [Syria]\nnames:\n  syria: [{term: Syria, requiresContext: true}]\n',
    );
    expect(regionsOf(regions, 'Syria')).toEqual([]);
    expect(regionsOf(regions, 'Syria and Iraq')).toEqual(['iraq', 'syria']);
  });

  it('reports mistakes with file:line:col', () => {
    expect(
      problemsOf(
        [
          'places:',
          '  - id: mossul-city',
          '    parent: nineve',
          '    names: [Mossoul]',
          '  - id: mosul',
          '    names: [Mosul]',
          'names:',
          '  syrie: [Sham]',
          '  iraq: [Syrie]',
          'remove:',
          '  names:',
          '    syria: [Damas]',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      'config/regions.local.yaml:3:13: places[0].parent: unknown region "nineve" (did you mean "nineveh"?)',
      'config/regions.local.yaml:5:9: places[1].id: duplicate region id "mosul"',
      'config/regions.local.yaml:8:10: names.syrie: unknown region "syrie" (did you mean "syria"?)',
      'config/regions.local.yaml:9:10: names.iraq[0]: "Syrie" now names two places: "iraq" and "syria"; remove one, or write {term: Syrie, requiresContext: true}',
      'config/regions.local.yaml:12:13: remove.names.syria[0]: region "syria" has no name or adjective "Damas"',
    ]);
  });

  it('lets rules name the places and groups it adds', () => {
    const files = filesWith('groups:\n  levant: [syria]\n').map((file) =>
      file.name.endsWith('rules.yaml')
        ? {
            ...file,
            text: (file.text ?? '').replace('regions: [iraq, syria]', 'regions: [levant]'),
          }
        : file,
    );
    expect(validateConfig(files).ok).toBe(true);
  });

  it('adds names that name no place, and locates one without a word', () => {
    const local = 'notPlaces: [Irak Airways]\n';
    const result = validateConfig(filesWith(local));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    // Through the input every process compiles (matcherOf, /try's drafts).
    const matcher = compileMatcher(matcherInputOf(result.config));
    const found = (text: string) => matchArticle(matcher, { text }).regions.map((r) => r.id);
    expect(found('Un vol Irak Airways annulé')).not.toContain('iraq');
    expect(found("L'Irak a fermé son espace aérien")).toContain('iraq');
    expect(problemsOf('notPlaces: ["--"]\n')).toEqual([
      expect.stringMatching(/regions\.local\.yaml:1:\d+: .*a name must hold a word/),
    ]);
  });
});
