// `vigie classify FILE...`: one JSON line per file with its language, regions and matching rules (a contract).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type ArticleDocument, isHtmlName, readDocument } from '../articles/document.ts';
import { ARTICLE_LANGUAGE } from '../articles/language.ts';
import { loadMatcher } from '../config/matcher-cache.ts';
import { UserError } from '../lib/errors.ts';
import type { Matcher } from '../rules/compile.ts';
import { matchArticle, type RegionCount } from '../rules/match.ts';
import { configDirOption } from './options.ts';

/** The contract's line: other tools parse it, so keys and order are fixed. */
export interface ClassifyLine {
  file: string;
  lang: string | null;
  regions: RegionCount[];
  /** The regions the article is about (named in its title or lead, or often): see rules/focus.ts. */
  focus: string[];
  rules: { id: string; score: number; terms: string[]; regions: string[]; focus: string[] }[];
}

export function registerClassifyCommand(program: Command): void {
  program
    .command('classify')
    .description('classify article files (.txt, .html, .json; - for stdin) against the rules')
    .argument('<files...>', 'article files; a .txt file has its title on the first line')
    .option('--config <dir>', 'config directory', configDirOption())
    .action(async (files: string[], options: { config: string }) => {
      // Compiled once per config and build, then read from the config cache (30–50 ms, not 0.3–0.4 s).
      const matcher = await loadMatcher(options.config);
      // cheerio only when a page is to be read.
      const readHtml = files.some(isHtmlName)
        ? (await import('../articles/html-document.ts')).readHtmlDocument
        : undefined;
      let failed = 0;
      const output = new LineBuffer();
      try {
        for (const file of files) {
          try {
            const document = readDocument(file, await readInput(file), readHtml);
            output.push(JSON.stringify(classifyDocument(matcher, file, document)));
          } catch (error) {
            if (!(error instanceof UserError)) throw error;
            output.flush(); // the lines before it first
            process.stderr.write(`vigie: ${error.message}\n`);
            failed++;
          }
        }
      } finally {
        output.flush();
      }
      if (failed > 0) process.exitCode = 1;
    });
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
 * Lines written to stdout about 1 MB at a time rather than one system call per article (a write to
 * a pipe or a file is synchronous). Each line is encoded straight into one reused buffer: joining
 * the lines' strings first took longer than stringifying them (0.4 s for the 23 MB of 3,000
 * articles at 1,000 rules, against 10 ms for writing them into the buffer; BENCHMARKS.md).
 */
class LineBuffer {
  private readonly bytes = Buffer.allocUnsafe(1 << 20);
  private used = 0;

  /** Adds `json` and a newline. */
  push(json: string): void {
    // UTF-16 to UTF-8 takes at most 3 bytes a code unit.
    if (this.used + 3 * json.length + 1 > this.bytes.length) {
      this.flush();
      if (3 * json.length + 1 > this.bytes.length) {
        process.stdout.write(`${json}\n`);
        return;
      }
    }
    this.used += this.bytes.write(json, this.used, 'utf8');
    this.bytes[this.used++] = 0x0a;
  }

  flush(): void {
    if (this.used === 0) return;
    // A copy: the stream may hold on to what it was given while the buffer fills again.
    process.stdout.write(Buffer.from(this.bytes.subarray(0, this.used)));
    this.used = 0;
  }
}

/**
 * A file is read synchronously: fs/promises' readFile opens, stats and reads through the thread
 * pool in several round trips, which with its idle waits took over a quarter of a run on 3,000
 * files of 5 kB (BENCHMARKS.md).
 */
async function readInput(file: string): Promise<Buffer> {
  try {
    return file === '-' ? await readStdin() : readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read (${code ?? (error as Error).message})`);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
