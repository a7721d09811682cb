// `vigie classify FILE...`: one JSON line per file with its language, regions and matching rules (a contract).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type ArticleDocument, isHtmlName, readDocument } from '../articles/document.ts';
import { ARTICLE_LANGUAGE } from '../articles/language.ts';
import { loadConfig } from '../config/load.ts';
import { UserError } from '../lib/errors.ts';
import { compileMatcher, type Matcher } from '../rules/compile.ts';
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
      const config = await loadConfig(options.config);
      const matcher = compileMatcher({
        rules: config.rules,
        regions: config.regions,
        focus: config.focus,
        adjectives: config.adjectives,
      });
      // cheerio only when a page is to be read.
      const readHtml = files.some(isHtmlName)
        ? (await import('../articles/html-document.ts')).readHtmlDocument
        : undefined;
      let failed = 0;
      for (const file of files) {
        try {
          const document = readDocument(file, await readInput(file), readHtml);
          const line = classifyDocument(matcher, file, document);
          process.stdout.write(`${JSON.stringify(line)}\n`);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          process.stderr.write(`vigie: ${error.message}\n`);
          failed++;
        }
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

async function readInput(file: string): Promise<Buffer> {
  try {
    return file === '-' ? await readStdin() : await readFile(file);
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
