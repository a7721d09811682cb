// Classification throughput: the classify command's per-file work at 10, 100 and 1,000 rules, next to two baselines.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { classifyDocument } from '../src/cli/classify-lines.ts';
import { compileMatcher, type Matcher } from '../src/rules/compile.ts';
import { matchArticle } from '../src/rules/match.ts';
import { formsOf, nextWord, tokenize } from '../src/rules/normalise.ts';
import type { RegionSpec, RuleSpec } from '../src/rules/types.ts';
import { random, sampleParagraphs } from './samples.ts';

const ARTICLES = 5_000;
const ARTICLE_BYTES = 5_000;

export interface ClassifyFigures {
  articles: number;
  megabytes: number;
  rows: { name: string; articlesPerSecond: number; megabytesPerSecond: number }[];
  /** Seconds per pass of the corpus through `vigie classify`, by rule count. */
  classifySeconds: Map<number, number>;
}

type Article = { title: string; text: string };

/** The samples' paragraphs reshuffled into articles of about 5 KB, first paragraph as title. */
export function buildCorpus(count = ARTICLES): { title: string; text: string }[] {
  const paragraphs = sampleParagraphs();
  const next = random(42);
  const pick = () => paragraphs[Math.floor(next() * paragraphs.length)] as string;
  return Array.from({ length: count }, () => {
    const title = pick().slice(0, 120);
    const body: string[] = [];
    let size = 0;
    while (size < ARTICLE_BYTES) {
      const paragraph = pick().slice(0, ARTICLE_BYTES - size);
      body.push(paragraph);
      size += Buffer.byteLength(paragraph) + 2;
    }
    return { title, text: body.join('\n\n') };
  });
}

/** Rules of words, prefixes and phrases drawn from the samples' vocabulary (so some match) and made-up words. */
export function generateRules(count: number): RuleSpec[] {
  const words = [
    ...new Set(
      sampleParagraphs().flatMap((p) => p.split(/[^\p{L}]+/u).filter((w) => w.length > 4)),
    ),
  ];
  const next = random(count);
  const word = () =>
    next() < 0.5
      ? (words[Math.floor(next() * words.length)] as string)
      : `mot${Math.floor(next() * 1e6)}`;
  const term = () => {
    const kind = next();
    if (kind < 0.4) return word();
    if (kind < 0.7) return `${word().slice(0, 6)}*`;
    return `${word()} ${word()}`;
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    severity: 'medium' as const,
    match: {
      all: [{ any: [term(), term(), term()] }, { any: [term(), term(), term()] }],
      none: [term()],
    },
  }));
}

function loadGazetteer(): RegionSpec[] {
  return (parse(readFileSync('config/regions.yaml', 'utf8')) as { regions: RegionSpec[] }).regions;
}

function termsOf(rules: RuleSpec[]): string[] {
  return rules.flatMap((rule) =>
    [...(rule.match.all ?? []), ...(rule.match.none ?? [])].flatMap((item) =>
      typeof item === 'string' ? [item] : ((item as { any?: string[] }).any ?? []),
    ),
  );
}

/** The naive alternative: one RegExp per term, run one after another over the folded text. */
function regexBaseline(rules: RuleSpec[]): (text: string) => number {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const patterns = termsOf(rules).map((t) => {
    const body = fold(t).replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '*' ? '\\p{L}*' : `\\${c}`));
    return new RegExp(`(?<![\\p{L}\\p{N}])${body.replace(/ /g, '[\\s-]+')}(?![\\p{L}\\p{N}])`, 'u');
  });
  return (text) => {
    const folded = fold(text);
    let hits = 0;
    for (const pattern of patterns) if (pattern.test(folded)) hits++;
    return hits;
  };
}

/**
 * Best time of each run over `repeats` rounds, the runs taking turns within a round: drift on a
 * shared machine then weighs on all of them alike, which matters for their ratios.
 */
function timeInterleaved(runs: (() => void)[], repeats: number): number[] {
  for (const run of runs) run(); // warm-up: JIT and caches
  const best = runs.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < repeats; round++) {
    runs.forEach((run, i) => {
      const start = performance.now();
      run();
      best[i] = Math.min(best[i] as number, (performance.now() - start) / 1000);
    });
  }
  return best;
}

/** The practical limit: every word found and folded, as the matcher's normaliser does, and nothing else. */
function normaliseOnly(corpus: Article[]): void {
  const bounds = new Int32Array(3);
  for (const a of corpus) {
    for (const text of [a.title, a.text]) {
      for (let i = nextWord(text, 0, bounds); i !== -1; i = nextWord(text, i, bounds)) {
        formsOf(text.slice(bounds[0] as number, bounds[1] as number));
      }
    }
  }
}

function tokenizeAll(corpus: Article[]): void {
  for (const a of corpus) tokenize(a.text, 1, tokenize(a.title, 0));
}

function classifyAll(matcher: Matcher, corpus: Article[]): void {
  for (const a of corpus) classifyDocument(matcher, 'bench', { ...a, lang: null });
}

/** The worker's path: the language known, positions (hits) listed for every match. */
function matchAllWithHits(matcher: Matcher, corpus: Article[]): void {
  for (const a of corpus) matchArticle(matcher, { ...a, lang: 'fr' });
}

export function benchClassify(repeats = 5): ClassifyFigures {
  const corpus = buildCorpus();
  const megabytes =
    corpus.reduce((sum, a) => sum + Buffer.byteLength(a.title) + Buffer.byteLength(a.text), 0) /
    1e6;
  const regions = loadGazetteer();
  const rows: ClassifyFigures['rows'] = [];
  const add = (name: string, seconds: number) =>
    rows.push({
      name,
      articlesPerSecond: corpus.length / seconds,
      megabytesPerSecond: megabytes / seconds,
    });
  const [limit, tokens] = timeInterleaved(
    [() => normaliseOnly(corpus), () => tokenizeAll(corpus)],
    repeats,
  );
  add('normalise only (find and fold every word: the practical limit)', limit as number);
  add('normalise into `Token` objects (`tokenize`, the previous baseline)', tokens as number);
  const counts = [10, 100, 1_000];
  const rules = counts.map((count) => generateRules(count));
  const matchers = rules.map((r) => compileMatcher({ rules: r, regions }));
  const classifySeconds = timeInterleaved(
    matchers.map((matcher) => () => classifyAll(matcher, corpus)),
    repeats,
  );
  const [withHits] = timeInterleaved([() => matchAllWithHits(matchers[2] as Matcher, corpus)], 2);
  counts.forEach((count, i) => {
    add(`vigie classify, ${count} rules + gazetteer`, classifySeconds[i] as number);
    // The baseline is slow at 100 and 1,000 rules: it runs on a slice and is reported per article.
    const baseline = regexBaseline(rules[i] as RuleSpec[]);
    const slice = corpus.slice(0, count === 10 ? corpus.length : 250);
    const [seconds] = timeInterleaved(
      [() => slice.map((a) => baseline(`${a.title}\n${a.text}`))],
      1,
    );
    add(
      `one RegExp per term, ${count} rules`,
      ((seconds as number) * corpus.length) / slice.length,
    );
  });
  add("matchArticle with hits, 1000 rules + gazetteer (the worker's path)", withHits as number);
  return {
    articles: corpus.length,
    megabytes,
    rows,
    classifySeconds: new Map(counts.map((count, i) => [count, classifySeconds[i] as number])),
  };
}
