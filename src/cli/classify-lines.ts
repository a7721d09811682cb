// `vigie classify`'s work on a run of files, the same in the main thread and in its worker threads:
// each file read, classified and written as its contract line into one block of bytes.
import { readFileSync } from 'node:fs';
import { type ArticleDocument, type HtmlReader, readDocument } from '../articles/document.ts';
import { ARTICLE_LANGUAGE } from '../articles/language.ts';
import { UserError } from '../lib/errors.ts';
import type { Matcher } from '../rules/compile.ts';
import { matchArticle, type RegionCount } from '../rules/match.ts';

/** The contract's line: other tools parse it, so keys and order are fixed. */
export interface ClassifyLine {
  file: string;
  lang: string | null;
  regions: RegionCount[];
  /** The regions the article is about (named in its title or lead, or often): see rules/focus.ts. */
  focus: string[];
  rules: { id: string; score: number; terms: string[]; regions: string[]; focus: string[] }[];
}

/**
 * The lines of a run of files: `bytes[0…length)`, with the files that could not be read reported
 * in order, each after the lines of the files before it (`at`, a byte offset).
 */
export interface ClassifiedRun {
  bytes: Uint8Array;
  length: number;
  failures: { at: number; message: string }[];
}

/**
 * Classifies `files` in order, into a buffer of the run's own (a worker hands it over, the main
 * thread writes it out as it is). A file that cannot be read or parsed (a UserError) is a failure
 * of that file alone; anything else is a bug and is thrown.
 */
export function classifyRun(
  matcher: Matcher,
  files: string[],
  readHtml: HtmlReader | undefined,
  stdin?: Buffer,
): ClassifiedRun {
  const output = new LineBlock();
  const failures: ClassifiedRun['failures'] = [];
  for (const file of files) {
    try {
      const document = readDocument(file, readInput(file, stdin), readHtml);
      output.pushLine(classifyDocument(matcher, file, document));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failures.push({ at: output.length, message: error.message });
    }
  }
  return { bytes: output.bytes, length: output.length, failures };
}

export function classifyDocument(
  matcher: Matcher,
  file: string,
  document: ArticleDocument,
): ClassifyLine {
  const article = { title: document.title, text: document.text, lang: document.lang };
  // The line has no positions; the language is detected from the words the match reads anyway.
  const result = matchArticle(matcher, article, { hits: false, detectLanguage: ARTICLE_LANGUAGE });
  return {
    file,
    lang: result.lang,
    regions: result.regions,
    focus: result.focus,
    rules: result.rules.map(({ id, score, terms, regions, focus }) => ({
      id,
      score,
      terms,
      regions,
      focus,
    })),
  };
}

/**
 * Lines encoded straight into one growing buffer, each followed by a newline: joining the lines'
 * strings first took longer than stringifying them (0.4 s for the 23 MB of 3,000 articles at 1,000
 * rules, against 10 ms for writing them into a buffer; BENCHMARKS.md). The buffer is its own
 * ArrayBuffer (never Node's shared pool), so a worker can hand it over without a copy.
 *
 * A line is written piece by piece, the same bytes as `JSON.stringify(line)`: at 1,000 rules a line
 * is mostly its rules, each repeating the article's countries, so a rule's id and terms are
 * encoded once per thread and the regions it shares with the rule before it are copied, not
 * encoded again (BENCHMARKS.md).
 */
export class LineBlock {
  bytes = Buffer.allocUnsafeSlow(1 << 18);
  length = 0;
  /** The last `,"regions":[…],"focus":[…]}` written, and the arrays it was made of. */
  private tailRegions: readonly string[] = [];
  private tailFocus: readonly string[] = [];
  private tail: Uint8Array = Buffer.from(',"regions":[],"focus":[]}');

  /** Adds `JSON.stringify(line)` and a newline. */
  pushLine(line: ClassifyLine): void {
    const { file, lang, regions, focus } = line;
    this.addText(
      `{"file":${JSON.stringify(file)},"lang":${JSON.stringify(lang)},"regions":${JSON.stringify(regions)},"focus":${JSON.stringify(focus)},"rules":[`,
    );
    line.rules.forEach((rule, r) => {
      if (r > 0) this.addByte(COMMA);
      this.add(RULE_ID);
      this.add(encoded(rule.id));
      this.add(SCORE);
      this.addText(JSON.stringify(rule.score));
      this.add(TERMS);
      rule.terms.forEach((term, t) => {
        if (t > 0) this.addByte(COMMA);
        this.add(encoded(term));
      });
      this.addByte(CLOSE_LIST);
      this.add(this.tailOf(rule.regions, rule.focus));
    });
    this.add(END_LINE);
  }

  /** A rule's `,"regions":[…],"focus":[…]}`, reused while the rules share their regions. */
  private tailOf(regions: readonly string[], focus: readonly string[]): Uint8Array {
    if (!sameStrings(regions, this.tailRegions) || !sameStrings(focus, this.tailFocus)) {
      this.tailRegions = regions;
      this.tailFocus = focus;
      this.tail = Buffer.from(
        `,"regions":${JSON.stringify(regions)},"focus":${JSON.stringify(focus)}}`,
      );
    }
    return this.tail;
  }

  private addText(text: string): void {
    // UTF-16 to UTF-8 takes at most 3 bytes a code unit.
    this.reserve(3 * text.length);
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  private add(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    // A loop: set() costs more than it copies on a few dozen bytes.
    const target = this.bytes;
    let at = this.length;
    for (let i = 0; i < bytes.length; i++) target[at++] = bytes[i] as number;
    this.length = at;
  }

  private addByte(byte: number): void {
    this.reserve(1);
    this.bytes[this.length++] = byte;
  }

  private reserve(count: number): void {
    const need = this.length + count;
    if (need <= this.bytes.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(need, 2 * this.bytes.length));
    this.bytes.copy(bigger, 0, 0, this.length);
    this.bytes = bigger;
  }
}

/** Rule ids and terms as JSON strings in UTF-8, kept for the thread's life (a config's worth). */
const encodedStrings = new Map<string, Uint8Array>();
const MAX_ENCODED = 100_000;

function encoded(text: string): Uint8Array {
  let bytes = encodedStrings.get(text);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(text));
    if (encodedStrings.size < MAX_ENCODED) encodedStrings.set(text, bytes);
  }
  return bytes;
}

const COMMA = 0x2c;
const CLOSE_LIST = 0x5d;
const RULE_ID = Buffer.from('{"id":');
const SCORE = Buffer.from(',"score":');
const TERMS = Buffer.from(',"terms":[');
const END_LINE = Buffer.from(']}\n');

/** Whether two arrays hold the same strings: most often the very same array (see match.ts). */
function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A file is read synchronously: fs/promises' readFile opens, stats and reads through the thread
 * pool in several round trips, which with its idle waits took over a quarter of a run on 3,000
 * files of 5 kB (BENCHMARKS.md). Standard input (`-`) is read beforehand, by the main thread.
 */
function readInput(file: string, stdin: Buffer | undefined): Buffer {
  if (file === '-' && stdin) return stdin;
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read (${code ?? (error as Error).message})`);
  }
}
