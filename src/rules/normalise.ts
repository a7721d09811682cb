// Text normalisation shared by rules, the gazetteer and articles: words with case-, accent- and apostrophe-folded forms.
import { FoldedSet, isAsciiAt } from './folded-set.ts';

/** One word of a text: its folded forms and where it stands in the source segment. */
export interface Token {
  /** Lower case, accents and marks removed: what case-insensitive terms compare. */
  folded: string;
  /** Accents and marks removed, case kept: what `caseSensitive` terms compare. */
  cased: string;
  /** UTF-16 offsets in the segment's source string, end exclusive. */
  start: number;
  end: number;
  /** Index of the segment (0 title, 1 body): phrases and `near` never span two. */
  segment: number;
}

// French elisions cut off before a word (SPEC §2); compared on the folded form.
const ELISIONS = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
]);

const UNKNOWN = 0;
const SEPARATOR = 1;
const WORD = 2;
const APOSTROPHE = 3;
const charClasses = new Uint8Array(65536);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /[’ʼ‘]/g;

/** Classifies one UTF-16 code unit, caching the answer: the scanner's hot path is one array read. */
function classOf(code: number): number {
  const known = charClasses[code];
  if (known) return known;
  let found: number;
  if (code === 0x27 || code === 0x2019 || code === 0x2bc || code === 0x2018) found = APOSTROPHE;
  else if (code >= 0xd800 && code <= 0xdfff) found = WORD;
  else found = WORD_CHAR.test(String.fromCharCode(code)) ? WORD : SEPARATOR;
  charClasses[code] = found;
  return found;
}

/**
 * The classes of the alphabets news is mostly written in (Latin, Greek, Cyrillic, Hebrew, Arabic:
 * below U+0800) and of the apostrophes, known from the start (0.3 ms): a word of them is read
 * without a call to `classOf`, and the scan's loop stays a table read and a compare.
 */
function classifyCommonCharacters(): void {
  for (let code = 0; code < 0x800; code++) classOf(code);
  for (const code of [0x2019, 0x2bc, 0x2018]) classOf(code);
}
classifyCommonCharacters();

interface Forms {
  folded: string;
  cased: string;
}

// Word frequencies are Zipfian: a bounded cache spares most NFKC/NFD work.
const formsCache = new Map<string, Forms>();
const FORMS_CACHE_LIMIT = 200_000;

function foldUnicode(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, "'")
    .replace(/\u0640/g, '') // Arabic tatweel
    .replace(/ى/g, 'ي') // alef maqsura written for yeh
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss');
}

/** The folded and cased forms of one word (no separators inside). */
export function formsOf(word: string): Forms {
  const cached = formsCache.get(word);
  if (cached) return cached;
  let forms: Forms;
  if (word.includes('.')) {
    // A dotted abbreviation (see nextWord): "U.S." is the word "US".
    forms = formsOf(word.replaceAll('.', ''));
  } else if (isAsciiAt(word, 0, word.length)) {
    forms = { folded: word.toLowerCase(), cased: word };
  } else {
    const cased = foldUnicode(word);
    forms = { folded: cased.toLowerCase().normalize('NFD').replace(MARKS, ''), cased };
  }
  if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
  formsCache.set(word, forms);
  return forms;
}

// FNV-1a over UTF-16 code units: what the matcher's lexicon hashes a word by, computed while scanning.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The hash `nextWord` gives for `text[start…end)`. */
export function hashWord(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * Finds the next word of `text` at or after `from`: writes its bounds, elisions and possessive 's
 * cut off, to `bounds[0…1]` and its `hashWord` to `bounds[2]`, and returns where the scan goes on,
 * or -1 when no word is left. The bounds are empty (start = end) for a word that was all elision
 * ("l' EI" drops the l'). Allocates nothing, so the matcher scans a text without a `Token` per word;
 * one loop reads each character once (this is the hottest loop of classification).
 */
export function nextWord(text: string, from: number, bounds: Int32Array): number {
  const length = text.length;
  let i = from;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    const kind = charClasses[code];
    if (kind === WORD || (kind === UNKNOWN && classOf(code) === WORD)) break;
  }
  if (i >= length) return -1;
  const start = i;
  let hash = FNV_OFFSET;
  let apostrophes = false;
  while (i < length) {
    const code = text.charCodeAt(i);
    let kind = charClasses[code] as number;
    // A letter first: most characters are, and this branch alone keeps the loop short.
    if (kind === WORD) {
      i++;
      hash = Math.imul(hash ^ code, FNV_PRIME);
      continue;
    }
    if (kind === UNKNOWN) kind = classOf(code);
    if (kind === SEPARATOR) break;
    i++;
    if (kind === WORD) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      continue;
    }
    apostrophes = true;
    if (i >= length || classOf(text.charCodeAt(i)) !== WORD) break;
  }
  bounds[0] = start;
  bounds[1] = i;
  bounds[2] = hash;
  if (i === start + 1 && text.charCodeAt(i) === DOT && isCapital(text.charCodeAt(start))) {
    const end = dottedAbbreviationEnd(text, start);
    if (end !== -1) {
      bounds[1] = end;
      bounds[2] = hashWord(text, start, end);
      return end;
    }
  }
  if (apostrophes) {
    cutApostrophes(text, start, i, bounds);
    bounds[2] = hashWord(text, bounds[0] as number, bounds[1] as number);
  }
  return i;
}

const DOT = 0x2e;

/** An upper-case letter (of any script): what a dotted abbreviation is made of. */
function isCapital(code: number): boolean {
  const char = String.fromCharCode(code);
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/**
 * Where the dotted abbreviation starting at `start` ends ("U.S.", "U.S.A.", "U.A.E.", "U.K"): one
 * word of single capitals each followed by a dot, the last dot optional, at least two letters; -1
 * when there is none. Its folded forms drop the dots (formsOf), so "U.S." reads as the word "US".
 */
function dottedAbbreviationEnd(text: string, start: number): number {
  let i = start;
  let letters = 0;
  while (i < text.length && isCapital(text.charCodeAt(i))) {
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
    const isSingle = next === DOT || next === -1 || classOf(next) !== WORD;
    if (!isSingle) return -1;
    letters++;
    if (next !== DOT) return letters >= 2 ? i + 1 : -1;
    i += 2;
  }
  if (letters < 2) return -1;
  // Followed by a word character: a letter-dot sequence inside something else (a domain name "A.B.com").
  if (i < text.length && classOf(text.charCodeAt(i)) === WORD) return -1;
  return i;
}

/** Splits `text` into tokens, appending them to `out`; elisions and possessive 's are cut off. */
export function tokenize(text: string, segment = 0, out: Token[] = []): Token[] {
  const bounds = new Int32Array(3);
  for (let i = nextWord(text, 0, bounds); i !== -1; i = nextWord(text, i, bounds)) {
    const start = bounds[0] as number;
    const end = bounds[1] as number;
    if (start >= end) continue;
    const { folded, cased } = formsOf(text.slice(start, end));
    out.push({ folded, cased, start, end, segment });
  }
  return out;
}

/**
 * Whether `text[start…end)` folds to a French elision. Plain ASCII (nearly always) is tested in
 * place, without slicing the text: one elided word in ten in French.
 */
function isElision(text: string, start: number, end: number): boolean {
  if (isAsciiAt(text, start, end)) return ELISION_WORDS.hasAt(text, start, end);
  return ELISIONS.has(formsOf(text.slice(start, end)).folded);
}

const ELISION_WORDS = new FoldedSet(ELISIONS);

/** Whether `text[start…end)` folds to "s": what a possessive 's leaves after its apostrophe. */
function isPossessiveS(text: string, start: number, end: number): boolean {
  if (isAsciiAt(text, start, end))
    return end - start === 1 && (text.charCodeAt(start) | 0x20) === 0x73;
  return formsOf(text.slice(start, end)).folded === 's';
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc || code === 0x2018;
}

/** The first apostrophe in [start, end), or -1. */
function firstApostrophe(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (isApostrophe(text.charCodeAt(i))) return i;
  return -1;
}

/**
 * A word with apostrophes: cut leading elisions (l'EI, qu'ISIS), then a dangling apostrophe, then a
 * possessive 's (Islamic State's); any other apostrophe stays inside its word (Jama'at).
 */
function cutApostrophes(text: string, start: number, end: number, bounds: Int32Array): void {
  let apostrophe = firstApostrophe(text, start, end);
  while (apostrophe !== -1 && isElision(text, start, apostrophe)) {
    start = apostrophe + 1;
    apostrophe = firstApostrophe(text, start, end);
  }
  if (end > start && isApostrophe(text.charCodeAt(end - 1))) end -= 1;
  let last = -1;
  for (let i = end - 1; i >= start && last === -1; i--) {
    if (isApostrophe(text.charCodeAt(i))) last = i;
  }
  if (last !== -1 && isPossessiveS(text, last + 1, end)) end -= 2;
  bounds[0] = start;
  bounds[1] = Math.max(start, end);
}
