// SimHash signatures of article text (64 bits as 16 hex digits), their Hamming distance, and title token sets.
import { formsOf, nextWord, tokenize } from '../rules/normalise.ts';

const SHINGLE_SIZE = 3;
const BITS = 64;
/** Words of one letter carry no meaning in a title ("a", "y", "l" left over from elisions). */
const MIN_TITLE_WORD = 2;

/** The 64-bit SimHash of `text` over 3-word shingles of its folded words, as 16 hex digits. */
export function simhash(text: string): string {
  const words = wordHashes(text);
  const weights = new Int32Array(BITS);
  const count = words.high.length;
  if (count > 0 && count < SHINGLE_SIZE) {
    // A text shorter than a shingle is one shingle of what it has.
    addHash(weights, shingleHash(words.high, 0, count), shingleHash(words.low, 0, count));
  }
  for (let i = 0; i + SHINGLE_SIZE <= count; i++) {
    addHash(
      weights,
      shingleHash(words.high, i, SHINGLE_SIZE),
      shingleHash(words.low, i, SHINGLE_SIZE),
    );
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((weights[bit] ?? 0) > 0) high |= 1 << bit;
    if ((weights[bit + 32] ?? 0) > 0) low |= 1 << bit;
  }
  return toHex32(high) + toHex32(low);
}

/** Number of differing bits between two signatures of 16 hex digits. */
export function hammingDistance(a: string, b: string): number {
  const [aHigh, aLow] = splitSignature(a);
  const [bHigh, bLow] = splitSignature(b);
  return popcount(aHigh ^ bHigh) + popcount(aLow ^ bLow);
}

/** The distinct folded words of a title, as compared by `jaccard`. */
export function titleTokens(title: string): string[] {
  const words = tokenize(title)
    .map((token) => token.folded)
    .filter((word) => word.length >= MIN_TITLE_WORD);
  return [...new Set(words)];
}

/** |A ∩ B| / |A ∪ B| of two word lists (or sets, used as they are); 0 when both are empty. */
export function jaccard(
  a: readonly string[] | ReadonlySet<string>,
  b: readonly string[] | ReadonlySet<string>,
): number {
  const left = a instanceof Set ? a : new Set(a);
  const right = b instanceof Set ? b : new Set(b);
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Two independent 32-bit hashes of each folded word, in text order. Shingles are hashed from
 * these rather than from joined strings: an article has a thousand of them.
 */
function wordHashes(text: string): { high: number[]; low: number[] } {
  const high: number[] = [];
  const low: number[] = [];
  const bounds = new Int32Array(3);
  for (let i = nextWord(text, 0, bounds); i !== -1; i = nextWord(text, i, bounds)) {
    const start = bounds[0] as number;
    const end = bounds[1] as number;
    if (start >= end) continue;
    const { folded } = formsOf(text.slice(start, end));
    high.push(fnv1a(folded, 0x811c9dc5));
    low.push(fnv1a(folded, 0x050c5d1f));
  }
  return { high, low };
}

/** Order-sensitive hash of `count` word hashes from `from`: multiply-add, then an avalanche. */
function shingleHash(words: readonly number[], from: number, count: number): number {
  let hash = 0;
  for (let i = from; i < from + count; i++) {
    hash = (Math.imul(hash, 0x9e3779b1) + (words[i] as number)) | 0;
  }
  return avalanche(hash);
}

/** Adds ±1 per bit of the shingle's 64-bit hash (two independent 32-bit halves). */
function addHash(weights: Int32Array, high: number, low: number): void {
  for (let bit = 0; bit < 32; bit++) {
    weights[bit] = (weights[bit] ?? 0) + ((high >>> bit) & 1 ? 1 : -1);
    weights[bit + 32] = (weights[bit + 32] ?? 0) + ((low >>> bit) & 1 ? 1 : -1);
  }
}

/** FNV-1a over UTF-16 code units with a final avalanche, so similar shingles spread over all bits. */
function fnv1a(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return avalanche(hash);
}

/** Murmur3's finaliser: every input bit flips about half of the output bits. */
function avalanche(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function toHex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function splitSignature(signature: string): [number, number] {
  if (!/^[0-9a-f]{16}$/i.test(signature)) {
    throw new Error(`stories: invalid signature ${JSON.stringify(signature)}`);
  }
  return [Number.parseInt(signature.slice(0, 8), 16), Number.parseInt(signature.slice(8), 16)];
}

function popcount(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
