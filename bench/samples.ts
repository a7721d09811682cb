// What the benchmarks build their texts from: the sample articles' paragraphs, and a seeded generator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLES = 'tests/fixtures';

/** A deterministic generator, so every run measures the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The samples' paragraphs of more than 40 characters; `oneLine` folds their inner white space. */
export function sampleParagraphs(options: { oneLine?: boolean } = {}): string[] {
  return readdirSync(SAMPLES)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(join(SAMPLES, name), 'utf8').split(/\n\s*\n/))
    .map((p) => (options.oneLine ? p.trim().replace(/\s+/g, ' ') : p.trim()))
    .filter((p) => p.length > 40);
}
