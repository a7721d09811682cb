// SimHash signatures of article text (64 bits as 16 hex digits), their Hamming distance, and title token sets.
import { tokenize } from '../rules/normalise.ts';

const SHINGLE_SIZE = 3;
const BITS = 64;
/** Words of one letter carry no meaning in a title ("a", "y", "l" left over from elisions). */
const MIN_TITLE_WORD = 2;

/** The 64-bit SimHash of `text` over 3-word shingles of its folded tokens, as 16 hex digits. */
export function simhash(text: string): string {
  const words = tokenize(text).map((token) => token.folded);
  const weights = new Int32Array(BITS);
  for (const shingle of shinglesOf(words)) addHash(weights, shingle);
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

/** Consecutive word triples; a text shorter than that is one shingle of what it has. */
function shinglesOf(words: string[]): string[] {
  if (words.length < SHINGLE_SIZE) return words.length === 0 ? [] : [words.join(' ')];
  const shingles: string[] = [];
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) {
    shingles.push(words.slice(i, i + SHINGLE_SIZE).join(' '));
  }
  return shingles;
}

/** Adds ±1 per bit of the shingle's 64-bit hash (two independent 32-bit FNV-1a halves). */
function addHash(weights: Int32Array, shingle: string): void {
  const high = fnv1a(shingle, 0x811c9dc5);
  const low = fnv1a(shingle, 0x050c5d1f);
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
