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
      output.push(JSON.stringify(classifyDocument(matcher, file, document)));
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
 */
class LineBlock {
  bytes = Buffer.allocUnsafeSlow(1 << 18);
  length = 0;

  /** Adds `json` and a newline. */
  push(json: string): void {
    // UTF-16 to UTF-8 takes at most 3 bytes a code unit.
    const need = this.length + 3 * json.length + 1;
    if (need > this.bytes.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(need, 2 * this.bytes.length));
      this.bytes.copy(bigger, 0, 0, this.length);
      this.bytes = bigger;
    }
    this.length += this.bytes.write(json, this.length, 'utf8');
    this.bytes[this.length++] = 0x0a;
  }
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
