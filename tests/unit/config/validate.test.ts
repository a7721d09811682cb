// validateConfig over broken fixture files: one case per kind of mistake, each exact `file:line:col: path: message`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfigFileText, validateConfig } from '../../../src/config/validate.ts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/config');
const FILE_NAMES = ['feeds.yaml', 'regions.yaml', 'rules.yaml', 'notify.yaml'];

function readFixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

/** The valid fixture directory as `config/<file>`, with `replaced` files swapped in. */
function buildFiles(replaced: Record<string, string | undefined>): ConfigFileText[] {
  return FILE_NAMES.map((name) => ({
    name: `config/${name}`,
    text: name in replaced ? replaced[name] : readFixture(`valid/${name}`),
  }));
}

/** The problems found when `cases/<fixture>` stands in for the file of its kind. */
function validateCase(fixture: string): string[] {
  const kind = fixture.slice(fixture.indexOf('.') + 1);
  const result = validateConfig(buildFiles({ [kind]: readFixture(`cases/${fixture}`) }));
  return result.ok ? [] : result.problems;
}

const DURATION_HINT = 'expected a positive whole number and a unit s, m, h or d (e.g. 10m)';
const LOOKS_LIKE_REGEX =
  'looks like a regular expression, but terms are plain words (punctuation is ignored)';
const NODE_NEEDS_KEYS = 'a boolean node needs at least one of all, any, none';

const CASES: { name: string; fixture: string; problems: string[] }[] = [
  {
    name: 'unknown key',
    fixture: 'unknown-key.rules.yaml',
    problems: [
      'config/rules.yaml:3:5: rules[0].severty: unknown key "severty" (did you mean "severity"?)',
    ],
  },
  {
    name: 'unknown region id',
    fixture: 'unknown-region.rules.yaml',
    problems: [
      'config/rules.yaml:5:21: rules[0].regions[1]: unknown region "irak" (did you mean "iraq"?)',
      'config/rules.yaml:5:27: rules[0].regions[2]: unknown region "yemen"',
    ],
  },
  {
    name: 'duplicate rule id',
    fixture: 'duplicate-id.rules.yaml',
    problems: [
      'config/rules.yaml:6:9: rules[2].id: duplicate rule id "ei-attentats" (first defined at line 2)',
    ],
  },
  {
    name: 'duplicate region id anywhere in the tree',
    fixture: 'duplicate-id.regions.yaml',
    problems: [
      'config/regions.yaml:10:13: regions[1].children[0].id: duplicate region id "mosul" (first defined at line 5)',
    ],
  },
  {
    name: 'duplicate feed id',
    fixture: 'duplicate-id.feeds.yaml',
    problems: [
      'config/feeds.yaml:3:10: feeds[1].id: duplicate feed id "opex360" (first defined at line 2)',
    ],
  },
  {
    name: 'bad duration in a feed',
    fixture: 'bad-duration.feeds.yaml',
    problems: [`config/feeds.yaml:4:12: feeds[0].every: invalid duration "10x": ${DURATION_HINT}`],
  },
  {
    name: 'bad durations in an alert',
    fixture: 'bad-duration.rules.yaml',
    problems: [
      `config/rules.yaml:5:37: rules[0].alert.threshold.window: invalid duration "6 hours": ${DURATION_HINT}`,
      `config/rules.yaml:6:17: rules[0].alert.cooldown: invalid duration "0h": ${DURATION_HINT}`,
    ],
  },
  {
    name: 'a spike and a threshold in one alert, a bad spike',
    fixture: 'spike.rules.yaml',
    problems: [
      'config/rules.yaml:5:7: rules[0].alert: an alert has a threshold or a spike, not both',
      'config/rules.yaml:11:23: rules[1].alert.spike.factor: factor must be > 0',
      `config/rules.yaml:11:49: rules[1].alert.spike.baseline: invalid duration "2 weeks": ${DURATION_HINT}`,
      'config/rules.yaml:11:63: rules[1].alert.spike.min: expected a whole number, got a number',
    ],
  },
  {
    name: 'bad cron',
    fixture: 'bad-cron.notify.yaml',
    problems: [
      'config/notify.yaml:6:11: digests.daily-fr.cron: invalid cron "0 25 * * *": Constraint error, got value 25 expected range 0-23',
      'config/notify.yaml:10:11: digests.weekly.cron: invalid cron "0 8 * *": expected 5 fields (minute hour day month weekday)',
    ],
  },
  {
    name: 'bad timezone',
    fixture: 'bad-timezone.notify.yaml',
    problems: [
      'config/notify.yaml:5:43: digests.daily-fr.timezone: unknown time zone "Europe/Pariss" (e.g. Europe/Paris, UTC)',
    ],
  },
  {
    name: 'bad channel timezone',
    fixture: 'bad-channel-timezone.notify.yaml',
    problems: [
      'config/notify.yaml:2:65: channels.ops-email.timezone: unknown time zone "Europe/Pariss" (e.g. Europe/Paris, UTC)',
    ],
  },
  {
    name: 'empty boolean node, at the top and nested',
    fixture: 'empty-node.rules.yaml',
    problems: [
      `config/rules.yaml:3:12: rules[0].match: ${NODE_NEEDS_KEYS}`,
      `config/rules.yaml:8:11: rules[1].match.all[1]: ${NODE_NEEDS_KEYS}`,
    ],
  },
  {
    name: 'empty list',
    fixture: 'empty-list.rules.yaml',
    problems: ['config/rules.yaml:5:16: rules[0].match.all[0].any: must not be empty'],
  },
  {
    name: 'unreadable YAML',
    fixture: 'unreadable.rules.yaml',
    problems: [
      'config/rules.yaml:5:3: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  },
  {
    name: 'unknown channel and digest in a rule',
    fixture: 'unknown-channel.rules.yaml',
    problems: [
      'config/rules.yaml:5:29: rules[0].alert.channels[1]: unknown channel "ops-mail" (did you mean "ops-email"?)',
      'config/rules.yaml:6:15: rules[0].digests[0]: unknown digest "weekly"',
    ],
  },
  {
    name: 'unknown channel and rule in a digest',
    fixture: 'unknown-channel.notify.yaml',
    problems: [
      'config/notify.yaml:8:27: digests.daily-fr.channels[1]: unknown channel "sms"',
      'config/notify.yaml:9:27: digests.daily-fr.rules[1]: unknown rule "mossul" (did you mean "mossoul"?)',
    ],
  },
  {
    name: 'wrong types in rules',
    fixture: 'wrong-type.rules.yaml',
    problems: [
      'config/rules.yaml:3:15: rules[0].severity: expected one of: info, low, medium, high, critical',
      'config/rules.yaml:5:12: rules[0].match.any: expected a list, got a string',
      'config/rules.yaml:6:15: rules[0].minScore: expected a number, got a string',
      'config/rules.yaml:8:15: rules[1].severity: expected one of: info, low, medium, high, critical',
      'config/rules.yaml:10:23: rules[1].alert.channels: expected a list, got a string',
    ],
  },
  {
    name: 'wrong channel type, URL scheme and channel name',
    fixture: 'wrong-type.notify.yaml',
    problems: [
      'config/notify.yaml:2:21: channels.ops-email.type: expected type: email or webhook',
      'config/notify.yaml:3:34: channels.soc-hook.url: invalid URL "ftp://hooks.example.org/x": expected an http or https URL',
      'config/notify.yaml:4:3: channels.SOC: invalid id "SOC": use a-z, 0-9 and -',
    ],
  },
  {
    name: 'missing required keys, at the position of their mapping',
    fixture: 'missing-key.rules.yaml',
    problems: [
      'config/rules.yaml:2:5: rules[0].match: required',
      'config/rules.yaml:4:5: rules[1].id: required',
    ],
  },
  {
    name: 'bad terms: no word, misspelt key, near arity, within, weight, not a term, near misspelt',
    fixture: 'bad-terms.rules.yaml',
    problems: [
      'config/rules.yaml:5:11: rules[0].match.any[0]: term "***" has no letter or digit',
      'config/rules.yaml:6:22: rules[0].match.any[1].caseSensitve: unknown key "caseSensitve" (did you mean "caseSensitive"?)',
      'config/rules.yaml:7:18: rules[0].match.any[2].near: near takes exactly two terms: [a, b]',
      'config/rules.yaml:8:44: rules[0].match.any[3].within: within must be a whole number >= 0',
      'config/rules.yaml:9:33: rules[0].match.any[4].weight: weight must be a positive number',
      'config/rules.yaml:10:11: rules[0].match.any[5]: expected a term: a string, {term: ...} or {near: [a, b], within: N}, or a boolean node {all, any, none}',
      'config/rules.yaml:11:11: rules[0].match.any[6].within: required',
      'config/rules.yaml:11:36: rules[0].match.any[6].wthin: unknown key "wthin" (did you mean "within"?)',
    ],
  },
  {
    name: 'mistakes that would never match: language name, regex, leading *, elisions',
    fixture: 'silent-mistakes.rules.yaml',
    problems: [
      'config/rules.yaml:3:17: rules[0].languages[0]: "french" is not an ISO 639-1 language code (did you mean "fr"?)',
      `config/rules.yaml:6:17: rules[0].match.all[0].any[0]: term "drone(s)?" ${LOOKS_LIKE_REGEX}: write "drone*"`,
      `config/rules.yaml:6:30: rules[0].match.all[0].any[1]: term "attaque|frappe" ${LOOKS_LIKE_REGEX}: list the alternatives, any: ["attaque", "frappe"]`,
      'config/rules.yaml:6:48: rules[0].match.all[0].any[2]: term "*bombing": a leading * matches nothing (terms match from the start of a word); write "bombing" or "bombing*" for a prefix, and list the longer words you need',
      `config/rules.yaml:7:24: rules[0].match.all[1].any[0].term: term "qu'" has no word left once elisions (l' d' qu'…) are cut: write the word that follows, e.g. "qu'ISIS" → "ISIS"`,
      `config/rules.yaml:7:61: rules[0].match.all[1].any[1].near[0]: term "l" can never match: l' is only ever written elided, and elisions are cut before matching; write the word that follows`,
    ],
  },
  {
    name: 'three problems give three lines',
    fixture: 'three-problems.rules.yaml',
    problems: [
      'config/rules.yaml:4:15: rules[0].regions[0]: unknown region "irak" (did you mean "iraq"?)',
      'config/rules.yaml:5:9: rules[1].id: invalid id "Mossoul": use a-z, 0-9 and -',
      `config/rules.yaml:7:43: rules[1].alert.threshold.window: invalid duration "1w": ${DURATION_HINT}`,
    ],
  },
];

describe('validateConfig: broken files', () => {
  it.each(CASES)('$name', ({ fixture, problems }) => {
    expect(validateCase(fixture)).toEqual(problems);
  });
});

describe('validateConfig: every problem at once', () => {
  it('reports all problems of all files, sorted by file then line', () => {
    const result = validateConfig(
      buildFiles({
        'rules.yaml': readFixture('cases/three-problems.rules.yaml'),
        'feeds.yaml': readFixture('cases/bad-duration.feeds.yaml'),
        'notify.yaml': readFixture('cases/bad-timezone.notify.yaml'),
      }),
    );
    expect(result.ok ? [] : result.problems).toEqual([
      `config/feeds.yaml:4:12: feeds[0].every: invalid duration "10x": ${DURATION_HINT}`,
      'config/notify.yaml:5:43: digests.daily-fr.timezone: unknown time zone "Europe/Pariss" (e.g. Europe/Paris, UTC)',
      'config/rules.yaml:4:15: rules[0].regions[0]: unknown region "irak" (did you mean "iraq"?)',
      'config/rules.yaml:5:9: rules[1].id: invalid id "Mossoul": use a-z, 0-9 and -',
      `config/rules.yaml:7:43: rules[1].alert.threshold.window: invalid duration "1w": ${DURATION_HINT}`,
    ]);
  });

  it('still checks the other files when one cannot be read', () => {
    const result = validateConfig(
      buildFiles({
        'regions.yaml': 'regions: [\n',
        'rules.yaml': readFixture('cases/unknown-key.rules.yaml'),
      }),
    );
    expect(result.ok ? [] : result.problems).toEqual([
      'config/regions.yaml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'config/rules.yaml:3:5: rules[0].severty: unknown key "severty" (did you mean "severity"?)',
    ]);
  });
});

describe('validateConfig: absent and empty files', () => {
  it('reports a missing required file', () => {
    const result = validateConfig(buildFiles({ 'regions.yaml': undefined }));
    expect(result.ok ? [] : result.problems).toEqual(['config/regions.yaml: file not found']);
  });

  it('reads absent feeds.yaml as no feeds; absent notify.yaml leaves alert channels unknown', () => {
    const result = validateConfig(
      buildFiles({ 'feeds.yaml': undefined, 'notify.yaml': undefined }),
    );
    expect(result.ok ? [] : result.problems).toEqual([
      'config/rules.yaml:16:18: rules[0].alert.channels[0]: unknown channel "ops-email"',
      'config/rules.yaml:17:15: rules[0].digests[0]: unknown digest "daily-fr"',
      'config/rules.yaml:22:18: rules[1].alert.channels[0]: unknown channel "soc-hook"',
    ]);
  });

  it("checks the operators' channels and the health and retention settings of feeds.yaml", () => {
    const notify = `${readFixture('valid/notify.yaml')}operators:\n  channels: [ops-mail]\n`;
    const feeds =
      'feeds: []\nhealth:\n  failingAfter: soon\n  disableAfter: {failures: 0, within: 24h}\nretention:\n  events: 1y\n';
    const result = validateConfig(buildFiles({ 'notify.yaml': notify, 'feeds.yaml': feeds }));
    expect(result.ok ? [] : result.problems).toEqual([
      `config/feeds.yaml:3:17: health.failingAfter: invalid duration "soon": ${DURATION_HINT}`,
      'config/feeds.yaml:4:28: health.disableAfter.failures: failures must be a whole number > 0',
      `config/feeds.yaml:6:11: retention.events: invalid duration "1y": ${DURATION_HINT}`,
      'config/notify.yaml:10:14: operators.channels[0]: unknown channel "ops-mail" (did you mean "ops-email"?)',
    ]);
  });

  it('reads the health and retention settings of feeds.yaml into the config', () => {
    const feeds = 'feeds: []\nhealth: {silentFactor: 4}\nretention: {articleText: 30d}\n';
    const result = validateConfig(buildFiles({ 'feeds.yaml': feeds }));
    expect(result.ok && result.config.health).toEqual({ silentFactor: 4 });
    expect(result.ok && result.config.retention).toEqual({ articleText: '30d' });
  });

  it('asks for the top-level key of an empty file', () => {
    const result = validateConfig(buildFiles({ 'rules.yaml': '# nothing yet\n' }));
    expect(result.ok ? [] : result.problems).toEqual(['config/rules.yaml:1:1: rules: required']);
  });
});
