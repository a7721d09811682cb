// One article's pass over its words: each word looked up once in a per-matcher lexicon, occurrences kept in reusable typed arrays.
import type { Matcher } from './compile.ts';
import { FUNCTION_WORD_LANGUAGES } from './function-words.ts';
import { Lexicon, NO_MATCH } from './lexicon.ts';
import { nextWord } from './normalise.ts';
import { childOf } from './tables.ts';

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

const TERM_STRIDE = 8; // five fields, padded to half a cache line
/** The generation of the text the term's positions were last recorded in. */
const TERM_RECORDED = 0;
const TERM_COUNT = 1;
const TERM_OFFSET = 2;
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
 * Reads a title (segment 0) and a body (segment 1) and finds the terms in them, with where they
 * occur when `allPositions` (else only for the terms of `Matcher.positioned`).
 */
export function scanArticle(
  scan: Scan,
  title: string | null | undefined,
  text: string,
  allPositions: boolean,
): void {
  startText(scan);
  scan.allPositions = allPositions;
  if (title) addWords(scan, title, 0);
  addWords(scan, text, 1);
  findWordsAndPhrases(scan);
  groupByTerm(scan);
  for (const term of scan.matcher.nearTerms) findNear(scan, term);
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

function startText(scan: Scan): void {
  if (scan.generation >= MAX_GENERATION) {
    scan.generation = 0;
    scan.termStamp.fill(0);
    for (let at = TERM_RECORDED; at < scan.terms.length; at += TERM_STRIDE) scan.terms[at] = 0;
    scan.ruleStamp.fill(0);
  }
  scan.generation++;
  scan.tokenCount = 0;
  scan.recordCount = 0;
  scan.foundCount = 0;
  scan.recordedCount = 0;
  scan.pairsUsed = 0;
  scan.candidateCount = 0;
  for (const rule of scan.matcher.alwaysEvaluated) scan.candidates[scan.candidateCount++] = rule;
}

function addWords(scan: Scan, text: string, segment: number): void {
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

function grown(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}

/** Words and phrases: each token's terms of one word, then the phrases it starts, through the trie. */
function findWordsAndPhrases(scan: Scan): void {
  const { entryStart, entryData } = scan.lexicon;
  for (let i = 0; i < scan.tokenCount; i++) {
    const entry = scan.tokenEntry[i] as number;
    if (entry === NO_MATCH) continue;
    let at = entryStart[entry] as number;
    at += 1 + (entryData[at] as number); // the patterns, read when a phrase goes on
    const singles = at + 1 + (entryData[at] as number);
    for (at++; at < singles; at++) record(scan, entryData[at] as number, i, i);
    const starts = at + 1 + (entryData[at] as number);
    for (at++; at < starts; at++) extendPhrase(scan, entryData[at] as number, i, i + 1);
  }
}

function extendPhrase(scan: Scan, node: number, first: number, next: number): void {
  if (next >= scan.tokenCount || scan.tokenSegment[next] !== scan.tokenSegment[first]) return;
  const phrases = scan.matcher.phrases;
  const entry = scan.tokenEntry[next] as number;
  const { entryStart, entryMask, entryData } = scan.lexicon;
  if (((entryMask[entry] as number) & (phrases.childMask[node] as number)) === 0) return;
  const start = entryStart[entry] as number;
  const end = start + 1 + (entryData[start] as number);
  for (let at = start + 1; at < end; at++) {
    const child = childOf(phrases, node, entryData[at] as number);
    if (child === -1) continue;
    const { start: termStart, ids } = phrases.terms;
    for (let k = termStart[child] as number; k < (termStart[child + 1] as number); k++) {
      record(scan, ids[k] as number, first, next);
    }
    if (phrases.childMask[child] !== 0) extendPhrase(scan, child, first, next + 1);
  }
}

function record(scan: Scan, term: number, first: number, last: number): void {
  if (scan.termStamp[term] !== scan.generation) noteFound(scan, term);
  if (!scan.allPositions && scan.matcher.positioned[term] === 0) return;
  const at = TERM_STRIDE * term;
  if (scan.terms[at + TERM_RECORDED] !== scan.generation) {
    scan.terms[at + TERM_RECORDED] = scan.generation;
    scan.terms[at + TERM_COUNT] = 0;
    scan.recorded[scan.recordedCount++] = term;
  }
  scan.terms[at + TERM_COUNT] = (scan.terms[at + TERM_COUNT] as number) + 1;
  const r = 3 * scan.recordCount++;
  if (r + 3 > scan.records.length) scan.records = grown(scan.records, scan.records.length * 2);
  scan.records[r] = term;
  scan.records[r + 1] = first;
  scan.records[r + 2] = last;
}

function noteFound(scan: Scan, term: number): void {
  scan.termStamp[term] = scan.generation;
  scan.found[scan.foundCount++] = term;
  markRules(scan, term);
}

/** A term first found meets one required set of each rule listed under it (`Matcher.rulesByTerm`). */
function markRules(scan: Scan, term: number): void {
  const { rulesByTerm, ruleSetMasks } = scan.matcher;
  const end = rulesByTerm.start[term + 1] as number;
  for (let k = rulesByTerm.start[term] as number; k < end; k++) {
    const id = rulesByTerm.ids[k] as number;
    const rule = id >>> 5;
    const bit = 1 << (id & 31);
    let met = scan.ruleStamp[rule] === scan.generation ? (scan.ruleMet[rule] as number) : 0;
    scan.ruleStamp[rule] = scan.generation;
    if (met & bit) continue;
    met |= bit;
    scan.ruleMet[rule] = met;
    if (met === ruleSetMasks[rule]) scan.candidates[scan.candidateCount++] = rule;
  }
}

/**
 * A counting sort of the records by term: each term's pairs end up contiguous, still in order of
 * start since the records were made token by token.
 */
function groupByTerm(scan: Scan): void {
  const terms = scan.terms;
  let offset = 0;
  for (let f = 0; f < scan.recordedCount; f++) {
    const at = TERM_STRIDE * (scan.recorded[f] as number);
    terms[at + TERM_OFFSET] = offset;
    offset += terms[at + TERM_COUNT] as number;
    // The count is the write cursor below, and counts again by the end.
    terms[at + TERM_COUNT] = 0;
  }
  if (2 * offset > scan.pairs.length) scan.pairs = new Int32Array(4 * offset);
  for (let r = 0; r < scan.recordCount; r++) {
    const at = TERM_STRIDE * (scan.records[3 * r] as number);
    const written = terms[at + TERM_COUNT] as number;
    const k = 2 * ((terms[at + TERM_OFFSET] as number) + written);
    terms[at + TERM_COUNT] = written + 1;
    scan.pairs[k] = scan.records[3 * r + 1] as number;
    scan.pairs[k + 1] = scan.records[3 * r + 2] as number;
  }
  scan.pairsUsed = offset;
}

/** `near`: an occurrence of each operand in the same segment, at most `within` words between them. */
function findNear(scan: Scan, term: number): void {
  const spec = scan.matcher.terms[term];
  if (spec?.kind !== 'near' || !scan.has(spec.a) || !scan.has(spec.b)) return;
  const found = scan.nearPairs;
  found.length = 0;
  const reach = spec.within + 1;
  const rightStart = scan.firstPair(spec.b);
  const rightEnd = rightStart + scan.pairCount(spec.b);
  const leftStart = scan.firstPair(spec.a);
  const leftEnd = leftStart + scan.pairCount(spec.a);
  const pairs = scan.pairs;
  let low = rightStart;
  for (let i = leftStart; i < leftEnd; i++) {
    const start = pairs[2 * i] as number;
    const end = pairs[2 * i + 1] as number;
    while (low < rightEnd && (pairs[2 * low + 1] as number) + reach < start) low++;
    for (let j = low; j < rightEnd; j++) {
      const otherStart = pairs[2 * j] as number;
      const otherEnd = pairs[2 * j + 1] as number;
      if (otherStart > end + reach) break;
      const apart = otherStart > end || otherEnd < start;
      if (!apart || scan.tokenSegment[start] !== scan.tokenSegment[otherStart]) continue;
      found.push(Math.min(start, otherStart), Math.max(end, otherEnd));
    }
  }
  if (found.length > 0) appendPairs(scan, term, sortPairs(found));
}

function sortPairs(flat: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i] as number, flat[i + 1] as number]);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return pairs.flat();
}

/** Adds a term found after grouping (`near`) with its pairs, after the grouped ones. */
function appendPairs(scan: Scan, term: number, flat: number[]): void {
  const need = 2 * scan.pairsUsed + flat.length;
  if (need > scan.pairs.length) scan.pairs = grown(scan.pairs, 2 * need);
  scan.pairs.set(flat, 2 * scan.pairsUsed);
  noteFound(scan, term);
  const at = TERM_STRIDE * term;
  scan.terms[at + TERM_RECORDED] = scan.generation;
  scan.terms[at + TERM_OFFSET] = scan.pairsUsed;
  scan.terms[at + TERM_COUNT] = flat.length / 2;
  scan.pairsUsed += flat.length / 2;
}
