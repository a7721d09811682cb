// Classification throughput: the classify command's per-file work at 10, 100 and 1,000 rules, next to two baselines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { classifyDocument } from '../src/cli/classify.ts';
import { compileMatcher } from '../src/rules/compile.ts';
import { tokenize } from '../src/rules/normalise.ts';
import type { RegionSpec, RuleSpec } from '../src/rules/types.ts';

const SAMPLES = 'tests/fixtures';
const ARTICLES = 5_000;
const ARTICLE_BYTES = 5_000;

export interface ClassifyFigures {
  articles: number;
  megabytes: number;
  rows: { name: string; articlesPerSecond: number; megabytesPerSecond: number }[];
}

/** A deterministic generator, so every run measures the same corpus and rules. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function sampleParagraphs(): string[] {
  return readdirSync(SAMPLES)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(join(SAMPLES, name), 'utf8').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 40);
}

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

function timeRuns(run: () => void, repeats: number): number {
  run(); // warm-up: JIT and caches
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best / 1000;
}

export function benchClassify(repeats = 3): ClassifyFigures {
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
  add(
    'normalise only (tokenize, the practical limit)',
    timeRuns(() => {
      for (const a of corpus) tokenize(a.text, 1, tokenize(a.title, 0));
    }, repeats),
  );
  for (const count of [10, 100, 1_000]) {
    const rules = generateRules(count);
    const matcher = compileMatcher({ rules, regions });
    const document = (a: { title: string; text: string }) => ({ ...a, lang: null });
    add(
      `vigie classify, ${count} rules + gazetteer`,
      timeRuns(() => {
        for (const a of corpus) classifyDocument(matcher, 'bench', document(a));
      }, repeats),
    );
    // The baseline is slow at 1,000 rules: it runs on a slice and is reported per article.
    const baseline = regexBaseline(rules);
    const slice = corpus.slice(0, count === 10 ? corpus.length : 250);
    const seconds = timeRuns(() => {
      for (const a of slice) baseline(`${a.title}\n${a.text}`);
    }, 1);
    add(`one RegExp per term, ${count} rules`, (seconds * corpus.length) / slice.length);
  }
  return { articles: corpus.length, megabytes, rows };
}
