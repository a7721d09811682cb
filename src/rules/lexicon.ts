// The words a matcher has met, each with the patterns and terms it matches: found straight from the text, without slicing it.
import type { CharTrie, Matcher, PhraseNode } from './compile.ts';
import { formsOf } from './normalise.ts';

/** What one word, as written, matches: the same in every text, so it is worked out once per matcher. */
export interface WordEntry {
  /** One-word patterns: the exact word and its prefixes, case-folded and exact-case. */
  patterns: number[];
  /** Terms of one word that the word is on its own. */
  terms: number[];
  /** Phrase-trie nodes of phrases that start with this word. */
  phrases: PhraseNode[];
  /** Bit (pattern mod 32) of each pattern, tested against `PhraseNode.childMask`. */
  mask: number;
}

/** The entry of every word that matches nothing: most words of a text. */
export const NO_MATCH: WordEntry = { patterns: [], terms: [], phrases: [], mask: 0 };

// Word frequencies are Zipfian: a bounded lexicon holds nearly every word seen, in a few MB.
const LIMIT = 1 << 17;
const INITIAL_SLOTS = 1 << 12;

/**
 * An open-addressing hash table from words to entries, probed with the hash `nextWord` computed
 * while scanning and compared character by character against the text: a word already met costs
 * no string, no allocation. Cleared when full: a long-running worker meets new words forever.
 */
export class Lexicon {
  private slots = new Int32Array(INITIAL_SLOTS); // entry index + 1; 0 is empty
  private hashes = new Int32Array(INITIAL_SLOTS);
  private words: string[] = [];
  private entries: WordEntry[] = [];

  constructor(private readonly matcher: Matcher) {}

  get size(): number {
    return this.words.length;
  }

  /** The entry of `text[start…end)`, whose `hashWord` is `hash`. */
  lookup(text: string, start: number, end: number, hash: number): WordEntry {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = (this.slots[slot] as number) - 1;
      if (index < 0) return this.learn(text.slice(start, end), hash);
      if (this.hashes[slot] === hash && sameWord(this.words[index] as string, text, start, end)) {
        return this.entries[index] as WordEntry;
      }
    }
  }

  private learn(word: string, hash: number): WordEntry {
    if (this.words.length >= LIMIT) this.clear();
    if (2 * (this.words.length + 1) > this.slots.length) this.rehash(2 * this.slots.length);
    const entry = entryOf(this.matcher, word);
    this.words.push(word);
    this.entries.push(entry);
    this.place(hash, this.words.length);
    return entry;
  }

  private place(hash: number, value: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = value;
    this.hashes[slot] = hash;
  }

  private rehash(size: number): void {
    const slots = this.slots;
    const hashes = this.hashes;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    for (let slot = 0; slot < slots.length; slot++) {
      if (slots[slot] !== 0) this.place(hashes[slot] as number, slots[slot] as number);
    }
  }

  private clear(): void {
    this.slots = new Int32Array(INITIAL_SLOTS);
    this.hashes = new Int32Array(INITIAL_SLOTS);
    this.words = [];
    this.entries = [];
  }
}

/** Whether `text[start…end)` is `word`. */
function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}

/** A word not met yet: its patterns from the word maps and prefix tries, then the terms they start. */
function entryOf(matcher: Matcher, word: string): WordEntry {
  const { folded, cased } = formsOf(word);
  const patterns: number[] = [];
  const foldedWord = matcher.foldedWords.get(folded);
  if (foldedWord !== undefined) patterns.push(foldedWord);
  const casedWord = matcher.casedWords.get(cased);
  if (casedWord !== undefined) patterns.push(casedWord);
  walkPrefixes(matcher.foldedPrefixes, folded, patterns);
  walkPrefixes(matcher.casedPrefixes, cased, patterns);
  if (patterns.length === 0) return NO_MATCH;
  const entry: WordEntry = { patterns, terms: [], phrases: [], mask: 0 };
  for (const pattern of patterns) {
    entry.mask |= 1 << (pattern & 31);
    const root = matcher.phraseRoots[pattern];
    if (!root) continue;
    entry.terms.push(...root.terms);
    if (root.children.size > 0) entry.phrases.push(root);
  }
  return entry;
}

function walkPrefixes(trie: CharTrie, word: string, out: number[]): void {
  let node: CharTrie | undefined = trie;
  for (let i = 0; i < word.length; i++) {
    node = node.next.get(word.charCodeAt(i));
    if (!node) return;
    for (const pattern of node.patterns) out.push(pattern);
  }
}
