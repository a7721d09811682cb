// The compiled matcher through the cache: encoded and decoded it is the same matcher and matches the
// same; a cached entry is read back, a damaged one compiled again, no key no cache.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  compileMatcherCached,
  decodeMatcher,
  encodeMatcher,
} from '../../../src/config/matcher-cache.ts';
import { compileMatcher, type MatcherInput } from '../../../src/rules/compile.ts';
import type { Matcher } from '../../../src/rules/compiled.ts';
import { matchArticle } from '../../../src/rules/match.ts';

const INPUT: MatcherInput = {
  regions: [
    {
      id: 'africa',
      names: ['Afrique', 'Africa'],
      children: [
        {
          id: 'mali',
          names: ['Mali', 'Мали'],
          adjectives: ['malien*'],
          children: [{ id: 'menaka', names: ['Ménaka'] }],
        },
        {
          id: 'niger',
          names: [{ term: 'Niger', caseSensitive: true }],
          children: [{ id: 'say', names: [{ term: 'Say', requiresContext: true }] }],
        },
        { id: 'chad', names: ['Tchad', 'Chad'], requiresContext: true },
      ],
    },
    { id: 'sahel', names: ['Sahel'], members: ['mali', 'niger', 'chad'] },
  ],
  rules: [
    {
      id: 'drones',
      severity: 'high',
      languages: ['fr'],
      match: {
        all: [{ any: ['drone*', { term: 'UAV', caseSensitive: true, weight: 2 }] }],
        none: ['exercice'],
      },
      regions: ['sahel'],
    },
    {
      id: 'near',
      severity: 'medium',
      match: { any: [{ near: ['frappe*', 'drone*'], within: 3 }, 'attaque suicide'] },
      minScore: 1,
    },
    { id: 'none-only', severity: 'low', match: { none: ['football'] } },
  ],
  focus: { share: 0.3 },
};

const TEXTS = [
  {
    title: 'Frappe de drone à Ménaka',
    text: 'Le Mali et le Niger. Un drone malien, UAV.',
    lang: 'fr',
  },
  { title: 'Attaque suicide au Tchad', text: 'Say, au Niger. Мали.', lang: null },
  { title: '', text: 'Football in Chad and Sahel, exercice de drone.', lang: 'en' },
];

describe('encodeMatcher and decodeMatcher', () => {
  it('give back the same matcher, which matches the same', () => {
    const matcher = compileMatcher(INPUT);
    const decoded = decodeMatcher(encodeMatcher(matcher));
    expect(withoutWords(decoded)).toEqual(withoutWords(matcher));
    expect(decoded.regionIndex).toEqual(matcher.regionIndex);
    // The folded words come back as a sorted table: the same words, each with its id.
    expect(new Map(decoded.foldedWords.entries())).toEqual(matcher.foldedWords);
    for (const [word, id] of matcher.foldedWords.entries()) {
      expect(decoded.foldedWords.get(word)).toBe(id);
    }
    for (const word of ['', 'a', 'zzzz', 'drone', 'drones ', '\uffff']) {
      expect(decoded.foldedWords.get(word)).toBe(matcher.foldedWords.get(word));
    }
    for (const text of TEXTS) {
      expect(matchArticle(decoded, text)).toEqual(matchArticle(matcher, text));
    }
    expect(matchArticle(decoded, TEXTS[0] as (typeof TEXTS)[0]).rules.map((r) => r.id)).toEqual([
      'drones',
      'near',
      'none-only',
    ]);
  });

  it('give back a matcher of no words, no terms and no regions', () => {
    const matcher = compileMatcher({ rules: [], regions: [] });
    const decoded = decodeMatcher(encodeMatcher(matcher));
    expect(withoutWords(decoded)).toEqual(withoutWords(matcher));
    expect(new Map(decoded.foldedWords.entries())).toEqual(matcher.foldedWords);
    expect(decoded.foldedWords.get('drone')).toBeUndefined();
    expect(decoded.regions).toEqual([]);
  });

  it('rejects bytes that are no matcher', () => {
    expect(() => decodeMatcher(Buffer.from('not a matcher'))).toThrow();
  });
});

function withoutWords(matcher: Matcher): Omit<Matcher, 'foldedWords'> {
  const { foldedWords: _, ...rest } = matcher;
  return rest;
}

describe('compileMatcherCached', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigie-matcher-cache-'));
    vi.stubEnv('VIGIE_CACHE_DIR', dir);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });
  const entries = () => readdirSync(path.join(dir, 'config')).filter((n) => n.endsWith('.bin'));

  it('compiles once per key, then reads the entry back', () => {
    const compiled = compileMatcherCached(INPUT, 'key-a');
    expect(entries()).toHaveLength(1);
    // Another input under the same key is not compiled: the entry is what comes back.
    const read = compileMatcherCached({ ...INPUT, rules: [] }, 'key-a');
    expect(read.rules.map((rule) => rule.id)).toEqual(['drones', 'near', 'none-only']);
    expect(withoutWords(read)).toEqual(withoutWords(compiled));
    expect(new Map(read.foldedWords.entries())).toEqual(compiled.foldedWords);
    compileMatcherCached(INPUT, 'key-b');
    expect(entries()).toHaveLength(2);
  });

  it('compiles again over a damaged entry, and caches nothing without a key', () => {
    compileMatcherCached(INPUT, 'key-a');
    const [entry] = entries();
    writeFileSync(path.join(dir, 'config', entry as string), 'damaged');
    expect(compileMatcherCached(INPUT, 'key-a')).toEqual(compileMatcher(INPUT));
    rmSync(path.join(dir, 'config'), { recursive: true });
    expect(compileMatcherCached(INPUT, undefined).rules).toHaveLength(3);
    expect(() => readdirSync(path.join(dir, 'config'))).toThrow();
  });
});
