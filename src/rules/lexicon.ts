// The words a matcher has met, each with the patterns and terms it matches: found straight from the text, without slicing it.
import type { CharTrie, Matcher } from './compiled.ts';
import { functionWordLanguage } from './function-words.ts';
import { formsOf } from './normalise.ts';

/** The entry of every word that matches nothing: most words of a text. */
export const NO_MATCH = 0;

// Word frequencies are Zipfian: a bounded lexicon holds nearly every word seen, in a few MB.
const LIMIT = 1 << 17;
const INITIAL_SLOTS = 1 << 12;

/**
 * An open-addressing hash table from words to entries, probed with the hash `nextWord` computed
 * while scanning and compared character by character against the text: a word already met costs
 * no string and no allocation. Cleared when full: a long-running worker meets new words forever.
 *
 * What a word matches is the same in every text, so it is worked out once per matcher, into an
 * entry of integers in one block: at `entryStart[e]` of `entryData`, the word's one-word patterns
 * (exact word and prefixes, folded and exact-case), the terms of one word it is on its own, and the
 * phrase-trie nodes of phrases it starts, each as a count then ids. `entryMask[e]` has bit
 * (pattern mod 32) of each pattern, tested against `PhraseTables.childMask`. `entryLanguage[e]` is
 * the language the word is a function word of (see function-words.ts), or -1: language detection
 * counts them from the tokens the matcher reads anyway.
 */
export class Lexicon {
  private slots = new Int32Array(INITIAL_SLOTS); // word index + 1; 0 is empty
  private hashes = new Int32Array(INITIAL_SLOTS);
  // Every word's characters in one block: comparing a token with its slot reads no string object.
  private chars = new Uint16Array(8 * INITIAL_SLOTS);
  private charEnd: number[] = [];
  private wordEntry: number[] = [];
  entryStart: number[] = [];
  entryMask: number[] = [];
  entryLanguage: number[] = [];
  entryData = new Int32Array(1024);
  private dataLength = 0;

  constructor(private readonly matcher: Matcher) {
    this.clear();
  }

  get size(): number {
    return this.wordEntry.length;
  }

  /**
   * Forgets every word once the lexicon is full. Only between articles: a clear in the middle of
   * one would leave its words already read pointing at entries that no longer exist.
   */
  clearIfFull(): void {
    if (this.wordEntry.length >= LIMIT) this.clear();
  }

  /** The entry of `text[start…end)`, whose `hashWord` is `hash`. */
  lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const word = (this.slots[slot] as number) - 1;
      if (word < 0) return this.learn(text.slice(start, end), hash);
      if (this.hashes[slot] === hash && this.isWordAt(word, text, start, end)) {
        return this.wordEntry[word] as number;
      }
    }
  }

  /** Whether `text[start…end)` is word number `word`. */
  private isWordAt(word: number, text: string, start: number, end: number): boolean {
    const from = word === 0 ? 0 : (this.charEnd[word - 1] as number);
    const length = (this.charEnd[word] as number) - from;
    if (length !== end - start) return false;
    const chars = this.chars;
    for (let i = 0; i < length; i++)
      if (chars[from + i] !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private learn(word: string, hash: number): number {
    if (2 * (this.wordEntry.length + 1) > this.slots.length) this.rehash(2 * this.slots.length);
    this.storeChars(word);
    const { folded, cased } = formsOf(word);
    const entry = this.addEntry(
      patternsOf(this.matcher, folded, cased),
      functionWordLanguage(folded),
    );
    this.wordEntry.push(entry);
    this.place(hash, this.wordEntry.length);
    return entry;
  }

  private storeChars(word: string): void {
    const from = this.charEnd.length === 0 ? 0 : (this.charEnd[this.charEnd.length - 1] as number);
    if (from + word.length > this.chars.length) {
      const chars = new Uint16Array(2 * (from + word.length));
      chars.set(this.chars);
      this.chars = chars;
    }
    for (let i = 0; i < word.length; i++) this.chars[from + i] = word.charCodeAt(i);
    this.charEnd.push(from + word.length);
  }

  /** A new entry for a word; the words that match nothing and are no function word share `NO_MATCH`. */
  private addEntry(patterns: number[], language: number): number {
    if (patterns.length === 0 && language === -1 && this.entryStart.length > 0) return NO_MATCH;
    const { rootOf, terms } = this.matcher.phrases;
    const singles: number[] = [];
    const starts: number[] = [];
    let mask = 0;
    for (const pattern of patterns) {
      mask |= 1 << (pattern & 31);
      const root = rootOf[pattern] as number;
      if (root === -1) continue;
      for (let k = terms.start[root] as number; k < (terms.start[root + 1] as number); k++) {
        singles.push(terms.ids[k] as number);
      }
      if (this.matcher.phrases.childMask[root] !== 0) starts.push(root);
    }
    this.entryStart.push(this.dataLength);
    this.entryMask.push(mask);
    this.entryLanguage.push(language);
    for (const list of [patterns, singles, starts]) this.append(list);
    return this.entryStart.length - 1;
  }

  private append(list: number[]): void {
    if (this.dataLength + list.length + 1 > this.entryData.length) {
      const data = new Int32Array(2 * (this.dataLength + list.length + 1));
      data.set(this.entryData);
      this.entryData = data;
    }
    this.entryData[this.dataLength++] = list.length;
    for (const id of list) this.entryData[this.dataLength++] = id;
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
    this.charEnd = [];
    this.wordEntry = [];
    this.entryStart = [];
    this.entryMask = [];
    this.entryLanguage = [];
    this.dataLength = 0;
    this.addEntry([], -1); // NO_MATCH, entry 0
  }
}

/** A word's one-word patterns: from the word maps and prefix tries, folded and exact-case. */
function patternsOf(matcher: Matcher, folded: string, cased: string): number[] {
  const patterns: number[] = [];
  const foldedWord = matcher.foldedWords.get(folded);
  if (foldedWord !== undefined) patterns.push(foldedWord);
  const casedWord = matcher.casedWords.get(cased);
  if (casedWord !== undefined) patterns.push(casedWord);
  walkPrefixes(matcher.foldedPrefixes, folded, patterns);
  walkPrefixes(matcher.casedPrefixes, cased, patterns);
  return patterns;
}

function walkPrefixes(trie: CharTrie, word: string, out: number[]): void {
  let node: CharTrie | undefined = trie;
  for (let i = 0; i < word.length; i++) {
    node = node.next.get(word.charCodeAt(i));
    if (!node) return;
    for (const pattern of node.patterns) out.push(pattern);
  }
}
