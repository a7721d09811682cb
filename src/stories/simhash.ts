// SimHash signatures of article text (64 bits as 16 hex digits), their Hamming distance, and title token sets.
import { formsOf, nextWord, tokenize } from '../rules/normalise.ts';

const SHINGLE_SIZE = 3;
const BITS = 64;
// FNV-1a's offset basis and a second seed: two independent 32-bit hashes make the 64 bits.
const SEED_HIGH = 0x811c9dc5;
const SEED_LOW = 0x050c5d1f;
const FNV_PRIME = 0x01000193;
/** Words of one letter carry no meaning in a title ("a", "y", "l" left over from elisions). */
const MIN_TITLE_WORD = 2;

/** The 64-bit SimHash of `text` over 3-word shingles of its folded words, as 16 hex digits. */
export function simhash(text: string): string {
  const words = wordHashes(text);
  const votes = new BitVotes();
  const count = words.count;
  if (count > 0 && count < SHINGLE_SIZE) {
    // A text shorter than a shingle is one shingle of what it has.
    votes.add(shingleHash(words.high, 0, count), shingleHash(words.low, 0, count));
  }
  for (let i = 0; i + SHINGLE_SIZE <= count; i++) {
    votes.add(shingleHash(words.high, i, SHINGLE_SIZE), shingleHash(words.low, i, SHINGLE_SIZE));
  }
  return votes.signature();
}

/** Number of differing bits between two signatures of 16 hex digits. */
export function hammingDistance(a: string, b: string): number {
  const [aHigh, aLow] = splitSignature(a);
  const [bHigh, bLow] = splitSignature(b);
  return popcount(aHigh ^ bHigh) + popcount(aLow ^ bLow);
}

/** Bands of a signature: 8 bytes, the most significant first. */
const SIGNATURE_BANDS = 8;
/** Most differing bits that surely leave two bands, hence a band pair, equal. */
export const MAX_PAIRED_DISTANCE = SIGNATURE_BANDS - 2;

/**
 * The signature cut into 8 bands of 8 bits, each tagged with its place: `(band << 8) | byte`.
 * Two signatures at most 7 bits apart share at least one band (8 bands, 7 differing bits).
 */
export function signatureBands(signature: string): number[] {
  const [high, low] = splitSignature(signature);
  const bands: number[] = [];
  for (let band = 0; band < SIGNATURE_BANDS; band++) {
    const half = band < 4 ? high : low;
    const byte = (half >>> ((3 - (band & 3)) << 3)) & 0xff;
    bands.push((band << 8) | byte);
  }
  return bands;
}

/**
 * Each of the 28 pairs of bands with its two bytes: `(pair << 16) | (byte << 8) | byte`. Two
 * signatures at most 6 bits apart have two equal bands, so they share a pair; unrelated ones share
 * one 28 times in 65,536 rather than 8 times in 256 for single bands: what `stories.band_pairs`
 * holds, so an index finds a signature's neighbours without dragging in a thirtieth of all stories.
 */
export function signatureBandPairs(signature: string): number[] {
  const bytes = signatureBands(signature).map((band) => band & 0xff);
  const pairs: number[] = [];
  for (let first = 0; first < SIGNATURE_BANDS; first++) {
    for (let second = first + 1; second < SIGNATURE_BANDS; second++) {
      const key = ((bytes[first] as number) << 8) | (bytes[second] as number);
      pairs.push((pairs.length << 16) | key);
    }
  }
  return pairs;
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

interface WordHashes {
  high: Int32Array;
  low: Int32Array;
  count: number;
}

/**
 * Two independent 32-bit hashes of each folded word, in text order. Shingles are hashed from
 * these rather than from joined strings: an article has a thousand of them. An ASCII word (most of
 * them) is hashed as it is scanned, lower-cased on the fly: no slice, no `formsOf` lookup.
 */
function wordHashes(text: string): WordHashes {
  const words: WordHashes = {
    high: new Int32Array(64 + (text.length >> 3)),
    low: new Int32Array(64 + (text.length >> 3)),
    count: 0,
  };
  const bounds = new Int32Array(3);
  for (let i = nextWord(text, 0, bounds); i !== -1; i = nextWord(text, i, bounds)) {
    const start = bounds[0] as number;
    const end = bounds[1] as number;
    if (start >= end) continue;
    let high = SEED_HIGH;
    let low = SEED_LOW;
    let at = start;
    for (; at < end; at++) {
      let code = text.charCodeAt(at);
      if (code > 0x7f) break;
      if (code >= 0x41 && code <= 0x5a) code += 0x20; // what toLowerCase does to ASCII
      high = Math.imul(high ^ code, FNV_PRIME);
      low = Math.imul(low ^ code, FNV_PRIME);
    }
    if (at < end) {
      const { folded } = formsOf(text.slice(start, end));
      high = fnv1a(folded, SEED_HIGH);
      low = fnv1a(folded, SEED_LOW);
    }
    appendWord(words, avalanche(high), avalanche(low));
  }
  return words;
}

function appendWord(words: WordHashes, high: number, low: number): void {
  if (words.count === words.high.length) {
    const grown = words.count * 2;
    words.high = copyInto(new Int32Array(grown), words.high);
    words.low = copyInto(new Int32Array(grown), words.low);
  }
  words.high[words.count] = high;
  words.low[words.count] = low;
  words.count++;
}

function copyInto(target: Int32Array, source: Int32Array): Int32Array {
  target.set(source);
  return target;
}

/** Order-sensitive hash of `count` word hashes from `from`: multiply-add, then an avalanche. */
function shingleHash(words: Int32Array, from: number, count: number): number {
  let hash = 0;
  for (let i = from; i < from + count; i++) {
    hash = (Math.imul(hash, 0x9e3779b1) + (words[i] as number)) | 0;
  }
  return avalanche(hash);
}

/** A nibble's 4 bits spread one per byte: adding it counts each bit in its own 8-bit lane. */
const SPREAD_NIBBLE = Uint32Array.from(
  { length: 16 },
  (_, n) => (n & 1) | (((n >> 1) & 1) << 8) | (((n >> 2) & 1) << 16) | (((n >> 3) & 1) << 24),
);
/** An 8-bit lane holds up to 255 counts before it must be emptied into `ones`. */
const LANE_LIMIT = 255;

/**
 * SimHash's per-bit vote: bit b of the signature is set when more shingle hashes have it set than
 * not. Counting ones 4 bits per addition (16 additions a shingle instead of 64) gives the same
 * answer as adding ±1 per bit: the vote is 2·ones − shingles > 0.
 */
class BitVotes {
  /** 16 nibbles of the 64-bit hash (high half first), each 4 byte-wide counters. */
  private readonly lanes = new Uint32Array(16);
  private readonly ones = new Int32Array(BITS);
  private inLanes = 0;
  private total = 0;

  add(high: number, low: number): void {
    const lanes = this.lanes;
    for (let nibble = 0; nibble < 8; nibble++) {
      const shift = nibble << 2;
      lanes[nibble] = (lanes[nibble] as number) + (SPREAD_NIBBLE[(high >>> shift) & 15] as number);
      lanes[nibble + 8] =
        (lanes[nibble + 8] as number) + (SPREAD_NIBBLE[(low >>> shift) & 15] as number);
    }
    this.total++;
    if (++this.inLanes === LANE_LIMIT) this.emptyLanes();
  }

  signature(): string {
    this.emptyLanes();
    let high = 0;
    let low = 0;
    for (let bit = 0; bit < 32; bit++) {
      if ((this.ones[bit] as number) * 2 > this.total) high |= 1 << bit;
      if ((this.ones[bit + 32] as number) * 2 > this.total) low |= 1 << bit;
    }
    return toHex32(high) + toHex32(low);
  }

  /** Lane n, byte k counts bit 4n + k (bits 32 and up are the low half's). */
  private emptyLanes(): void {
    for (let lane = 0; lane < 16; lane++) {
      const counts = this.lanes[lane] as number;
      for (let k = 0; k < 4; k++) {
        const bit = (lane << 2) + k;
        this.ones[bit] = (this.ones[bit] as number) + ((counts >>> (k << 3)) & 0xff);
      }
      this.lanes[lane] = 0;
    }
    this.inLanes = 0;
  }
}

/** FNV-1a over UTF-16 code units; the caller avalanches it, so similar words spread over all bits. */
function fnv1a(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  }
  return hash;
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
