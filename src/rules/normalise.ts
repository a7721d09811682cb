// Text normalisation shared by rules, the gazetteer and articles: words with case-, accent- and apostrophe-folded forms.

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

interface Forms {
  folded: string;
  cased: string;
}

// Word frequencies are Zipfian: a bounded cache spares most NFKC/NFD work.
const formsCache = new Map<string, Forms>();
const FORMS_CACHE_LIMIT = 200_000;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

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
  if (isAscii(word)) {
    forms = { folded: word.toLowerCase(), cased: word };
  } else {
    const cased = foldUnicode(word);
    forms = { folded: cased.toLowerCase().normalize('NFD').replace(MARKS, ''), cased };
  }
  if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
  formsCache.set(word, forms);
  return forms;
}

/** Splits `text` into tokens, appending them to `out`; elisions and possessive 's are cut off. */
export function tokenize(text: string, segment = 0, out: Token[] = []): Token[] {
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (classOf(text.charCodeAt(i)) !== WORD) {
      i++;
      continue;
    }
    const start = i;
    let apostrophes = false;
    while (i < length) {
      const kind = classOf(text.charCodeAt(i));
      if (kind === WORD) i++;
      else if (kind === APOSTROPHE) {
        apostrophes = true;
        i++;
        if (i >= length || classOf(text.charCodeAt(i)) !== WORD) break;
      } else break;
    }
    if (apostrophes) pushWithApostrophes(text, start, i, segment, out);
    else pushToken(text.slice(start, i), start, i, segment, out);
  }
  return out;
}

function pushToken(word: string, start: number, end: number, segment: number, out: Token[]): void {
  const { folded, cased } = formsOf(word);
  out.push({ folded, cased, start, end, segment });
}

/** A word with apostrophes: cut leading elisions (l'EI), a possessive 's, a dangling apostrophe ("l' EI" drops the l'). */
function pushWithApostrophes(
  text: string,
  start: number,
  end: number,
  segment: number,
  out: Token[],
): void {
  const parts = text.slice(start, end).split(/['’ʼ‘]/);
  while (parts.length > 1 && ELISIONS.has(formsOf(parts[0] as string).folded)) {
    start += (parts.shift() as string).length + 1;
  }
  if (parts.length > 1 && parts[parts.length - 1] === '') {
    parts.pop();
    end -= 1;
  }
  if (parts.length > 1 && formsOf(parts[parts.length - 1] as string).folded === 's') {
    parts.pop();
    end -= 2;
  }
  if (start >= end) return;
  pushToken(text.slice(start, end), start, end, segment, out);
}
