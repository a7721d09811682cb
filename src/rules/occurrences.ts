// Where the terms occur in one article: words and phrases through the trie, then `near`; each rule marked as its terms are found.
import { NO_MATCH } from './lexicon.ts';
import {
  addWords,
  grown,
  type Scan,
  startText,
  TERM_COUNT,
  TERM_OFFSET,
  TERM_RECORDED,
  TERM_STRIDE,
} from './scan.ts';
import { childOf } from './tables.ts';

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
