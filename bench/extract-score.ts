// Pure scoring of extracted articles against ground truth: body shingles, title, date, trafilatura-style snippets.

/** Precision, recall and F1 of one page's body, each between 0 and 1. */
export interface BodyScore {
  precision: number;
  recall: number;
  f1: number;
}

/** What article-extraction-benchmark compares: runs of 4 word tokens. */
export const SHINGLE_SIZE = 4;

/** Lower-case word tokens: runs of letters, digits, marks and underscores (Python's `\w`, roughly). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
}

/**
 * Each run of `size` consecutive tokens and how often it occurs. A text shorter than `size`
 * tokens is one shingle of all its tokens, so a three-word article still counts.
 */
export function shingles(tokens: string[], size = SHINGLE_SIZE): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - size + 1);
  if (tokens.length === 0) return counts;
  for (let start = 0; start < last; start += 1) {
    const key = tokens.slice(start, start + size).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Shingle precision and recall of `predicted` against `expected`, shared shingles counted as a
 * multiset. Both empty is a perfect score; one empty scores 0 on all three (an empty output is a
 * failure, not a cautious answer). With `size` 1 it is WCXB's word-level F1 (a bag of words).
 */
export function scoreBody(expected: string, predicted: string, size = SHINGLE_SIZE): BodyScore {
  const truth = shingles(tokenize(expected), size);
  const guess = shingles(tokenize(predicted), size);
  if (truth.size === 0 && guess.size === 0) return { precision: 1, recall: 1, f1: 1 };
  if (truth.size === 0 || guess.size === 0) return { precision: 0, recall: 0, f1: 0 };
  let shared = 0;
  for (const [key, count] of guess) shared += Math.min(count, truth.get(key) ?? 0);
  const precision = shared / total(guess);
  const recall = shared / total(truth);
  const f1 = shared === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The title without a trailing " - Le Monde", " | Site", " — Site", " :: Site" or " · Site". */
export function stripSiteSuffix(title: string): string {
  const match = /^(.+?)\s+(?:[-|–—·]|::)\s+[^-|–—·]+$/u.exec(collapse(title));
  return match?.[1] ?? collapse(title);
}

/**
 * Exact title match after collapsing whitespace. An extractor that strips a site suffix the
 * ground truth keeps is right too: the expected title is also compared without its suffix.
 */
export function titleMatches(expected: string, predicted: string): boolean {
  const guess = collapse(predicted);
  if (guess === '') return false;
  return guess === collapse(expected) || guess === stripSiteSuffix(expected);
}

/**
 * Whether `predicted` (ISO 8601, UTC) falls on the expected day: the day written in the ground
 * truth (its local day) or that instant's UTC day, since vigie stores UTC.
 */
export function sameDay(expected: string, predicted: string | null): boolean {
  if (predicted === null) return false;
  const day = predicted.slice(0, 10);
  if (expected.slice(0, 10) === day) return true;
  const instant = Date.parse(expected.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1'));
  return !Number.isNaN(instant) && new Date(instant).toISOString().slice(0, 10) === day;
}

/** trafilatura's confusion counts for one page: snippets that should and should not be in the text. */
export interface SnippetCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
}

/** As trafilatura's evaluation: whitespace-normalised substring tests of each snippet in the text. */
export function countSnippets(withs: string[], withouts: string[], text: string): SnippetCounts {
  const normalised = collapse(text);
  const found = (snippet: string) => normalised.includes(collapse(snippet));
  const truePositives = withs.filter(found).length;
  const falsePositives = withouts.filter(found).length;
  return {
    truePositives,
    falsePositives,
    falseNegatives: withs.length - truePositives,
    trueNegatives: withouts.length - falsePositives,
  };
}

/** Pooled precision, recall, accuracy and F1 over pages, as trafilatura reports them. */
export function snippetScores(counts: SnippetCounts[]): {
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
} {
  const sum = (pick: (c: SnippetCounts) => number) => counts.reduce((a, c) => a + pick(c), 0);
  const tp = sum((c) => c.truePositives);
  const fp = sum((c) => c.falsePositives);
  const fn = sum((c) => c.falseNegatives);
  const tn = sum((c) => c.trueNegatives);
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    accuracy: ratio(tp + tn, tp + tn + fp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

/** Per-page body scores averaged, the share of pages at F1 ≥ 0.9, and how many outputs were empty. */
export function summariseBodies(
  scores: BodyScore[],
  outputs: string[],
): { precision: number; recall: number; f1: number; atLeast90: number; empty: number } {
  const mean = (pick: (s: BodyScore) => number) =>
    scores.length === 0 ? 0 : scores.reduce((a, s) => a + pick(s), 0) / scores.length;
  return {
    precision: mean((s) => s.precision),
    recall: mean((s) => s.recall),
    f1: mean((s) => s.f1),
    atLeast90: scores.length === 0 ? 0 : scores.filter((s) => s.f1 >= 0.9).length / scores.length,
    empty: outputs.filter((text) => tokenize(text).length === 0).length,
  };
}
