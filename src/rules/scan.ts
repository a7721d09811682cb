// The reusable state of one article's pass: its tokens, each with its lexicon entry, and where the terms found occur, in typed arrays.
import type { Matcher } from './compiled.ts';
import { FUNCTION_WORD_LANGUAGES } from './function-words.ts';
import { Lexicon } from './lexicon.ts';
import { nextWord } from './normalise.ts';

// Generations are compared, never cleared: start again well before they overflow.
const MAX_GENERATION = 2 ** 30;

/**
 * The state of one article's pass, reused from one article to the next so that a pass allocates
 * almost nothing: tokens as parallel arrays, occurrences as (term, first token, last token) records
 * grouped by term at the end. A term was found in the current text when its stamp equals
 * `generation`, so nothing is cleared between texts. Not reentrant: one text at a time per matcher.
 */
export class Scan {
  generation = 0;
  tokenCount = 0;
  tokenStart = new Int32Array(1024);
  tokenEnd = new Int32Array(1024);
  tokenSegment = new Uint8Array(1024);
  /** Per token: its lexicon entry. */
  tokenEntry = new Int32Array(1024);
  /** Whether every term's positions are recorded in this text, or only those of `Matcher.positioned`. */
  allPositions = true;
  recordCount = 0;
  records = new Int32Array(3 * 1024);
  /** Terms found in the current text, in order of first finding: `found[0…foundCount)`. */
  foundCount = 0;
  readonly found: Int32Array;
  /**
   * Per term, the generation of the text it was last found in: read for every occurrence and every
   * condition, so it has a dense array of its own (the hottest data of a pass).
   */
  readonly termStamp: Int32Array;
  /**
   * Per term whose positions are recorded (see `allPositions`), its fields side by side (see the
   * TERM_ constants): a term found only for its presence never touches this table. `recorded[0…
   * recordedCount)` lists those terms.
   */
  readonly terms: Int32Array;
  readonly recorded: Int32Array;
  recordedCount = 0;
  /**
   * For a found term: its [first, last] token pairs are `pairs[2·firstPair…2·(firstPair + pairCount))`,
   * by start; none for a term found whose positions were not asked for.
   */
  pairs = new Int32Array(2 * 1024);
  pairsUsed = 0;
  /**
   * Rules worth evaluating, `candidates[0…candidateCount)`: those that need no term, and those whose
   * every required set (see evaluate.ts) has a term found, marked bit by bit in `ruleMet` as each
   * term is first found.
   */
  readonly ruleStamp: Int32Array;
  readonly ruleMet: Int32Array;
  readonly candidates: Int32Array;
  candidateCount = 0;
  readonly lexicon: Lexicon;
  readonly bounds = new Int32Array(3);
  readonly languageCounts = new Int32Array(FUNCTION_WORD_LANGUAGES.length);
  readonly nearPairs: number[] = [];

  constructor(
    readonly matcher: Matcher,
    terms: number,
    rules: number,
  ) {
    this.lexicon = new Lexicon(matcher);
    this.found = new Int32Array(terms);
    this.termStamp = new Int32Array(terms);
    this.terms = termTable(matcher, terms);
    this.recorded = new Int32Array(terms);
    this.ruleStamp = new Int32Array(rules);
    this.ruleMet = new Int32Array(rules);
    this.candidates = new Int32Array(rules);
  }

  /** Whether `term` occurs in the current text. */
  has(term: number): boolean {
    return this.termStamp[term] === this.generation;
  }

  firstPair(term: number): number {
    return this.terms[TERM_STRIDE * term + TERM_OFFSET] as number;
  }

  pairCount(term: number): number {
    const at = TERM_STRIDE * term;
    return this.terms[at + TERM_RECORDED] === this.generation
      ? (this.terms[at + TERM_COUNT] as number)
      : 0;
  }

  /** Where the term's regions are in `Matcher.regionsByTerm.ids`: [regionsFrom, regionsTo). */
  regionsFrom(term: number): number {
    return this.terms[TERM_STRIDE * term + TERM_REGIONS] as number;
  }

  regionsTo(term: number): number {
    return this.terms[TERM_STRIDE * term + TERM_REGIONS + 1] as number;
  }
}

export const TERM_STRIDE = 8; // five fields, padded to half a cache line
/** The generation of the text the term's positions were last recorded in. */
export const TERM_RECORDED = 0;
export const TERM_COUNT = 1;
export const TERM_OFFSET = 2;
const TERM_REGIONS = 3;

function termTable(matcher: Matcher, count: number): Int32Array {
  const table = new Int32Array(TERM_STRIDE * count);
  for (let term = 0; term < count; term++) {
    const at = TERM_STRIDE * term;
    table[at + TERM_REGIONS] = matcher.regionsByTerm.start[term] as number;
    table[at + TERM_REGIONS + 1] = matcher.regionsByTerm.start[term + 1] as number;
  }
  return table;
}

const scans = new WeakMap<Matcher, Scan>();

/** The matcher's reusable scan state: created on its first text, dropped with the matcher. */
export function scanOf(matcher: Matcher): Scan {
  let scan = scans.get(matcher);
  if (!scan) {
    scan = new Scan(matcher, matcher.terms.length, matcher.rules.length);
    scans.set(matcher, scan);
  }
  return scan;
}

/**
 * Function words per language (indexed as `FUNCTION_WORD_LANGUAGES`) among the words that start in
 * the first `sampleLength` characters of `${title}\n${text}`: what language detection counts, read
 * from the tokens already scanned.
 */
export function countFunctionWords(
  scan: Scan,
  titleLength: number,
  sampleLength: number,
): Int32Array {
  const counts = scan.languageCounts;
  counts.fill(0);
  const { entryLanguage } = scan.lexicon;
  for (let i = 0; i < scan.tokenCount; i++) {
    const start = scan.tokenStart[i] as number;
    if ((scan.tokenSegment[i] === 0 ? start : titleLength + 1 + start) >= sampleLength) break;
    const language = entryLanguage[scan.tokenEntry[i] as number] as number;
    if (language !== -1) counts[language] = (counts[language] as number) + 1;
  }
  return counts;
}

export function startText(scan: Scan): void {
  if (scan.generation >= MAX_GENERATION) {
    scan.generation = 0;
    scan.termStamp.fill(0);
    for (let at = TERM_RECORDED; at < scan.terms.length; at += TERM_STRIDE) scan.terms[at] = 0;
    scan.ruleStamp.fill(0);
  }
  scan.generation++;
  scan.lexicon.clearIfFull();
  scan.tokenCount = 0;
  scan.recordCount = 0;
  scan.foundCount = 0;
  scan.recordedCount = 0;
  scan.pairsUsed = 0;
  scan.candidateCount = 0;
  for (const rule of scan.matcher.alwaysEvaluated) scan.candidates[scan.candidateCount++] = rule;
}

/** Appends the words of `text` as tokens of `segment`, each with its lexicon entry. */
export function addWords(scan: Scan, text: string, segment: number): void {
  const bounds = scan.bounds;
  for (let i = nextWord(text, 0, bounds); i !== -1; i = nextWord(text, i, bounds)) {
    const start = bounds[0] as number;
    const end = bounds[1] as number;
    if (start >= end) continue;
    const entry = scan.lexicon.lookup(text, start, end, bounds[2] as number);
    const index = scan.tokenCount;
    if (index === scan.tokenStart.length) growTokens(scan);
    scan.tokenStart[index] = start;
    scan.tokenEnd[index] = end;
    scan.tokenSegment[index] = segment;
    scan.tokenEntry[index] = entry;
    scan.tokenCount = index + 1;
  }
}

function growTokens(scan: Scan): void {
  scan.tokenStart = grown(scan.tokenStart, scan.tokenStart.length * 2);
  scan.tokenEnd = grown(scan.tokenEnd, scan.tokenEnd.length * 2);
  scan.tokenEntry = grown(scan.tokenEntry, scan.tokenEntry.length * 2);
  const segments = new Uint8Array(scan.tokenSegment.length * 2);
  segments.set(scan.tokenSegment);
  scan.tokenSegment = segments;
}

export function grown(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}
