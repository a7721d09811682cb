// A set of lower-case words that a word of the text is tested against in place: most words tested are in none.

/** Words longer than this skip the quick test (none of the sets has any). */
const MAX_QUICK_LENGTH = 32;

/**
 * Lower-case words, with the (length, first character) pairs of the ASCII ones: an ASCII word of
 * the text whose pair no word has is not in the set, told from its characters without slicing and
 * lower-casing it, as `has(text.slice(start, end).toLowerCase())` would. Any other word is sliced.
 */
export class FoldedSet {
  private readonly words: Set<string>;
  private readonly asciiPairs = new Uint8Array(MAX_QUICK_LENGTH * 128);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const word of this.words) {
      const first = word.charCodeAt(0);
      if (word.length < MAX_QUICK_LENGTH && isAsciiAt(word, 0, word.length)) {
        this.asciiPairs[word.length * 128 + first] = 1;
      }
    }
  }

  /** Whether `text[start…end)` lower-cased is one of the words. */
  hasAt(text: string, start: number, end: number): boolean {
    const length = end - start;
    if (length > 0 && length < MAX_QUICK_LENGTH && isAsciiAt(text, start, end)) {
      const code = text.charCodeAt(start);
      const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
      if (this.asciiPairs[length * 128 + lower] === 0) return false;
    }
    return this.words.has(text.slice(start, end).toLowerCase());
  }
}

/** Whether `text[start…end)` is plain ASCII. */
export function isAsciiAt(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
