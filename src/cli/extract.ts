// `vigie extract FILE_OR_URL [--url URL]`: the article of one page as one JSON line (a contract, SPEC §4).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type ExtractedArticle, extractArticle } from '../articles/extract.ts';
import { countCharacters } from '../articles/outcome.ts';
import { PermanentError, TransientError, UserError } from '../lib/errors.ts';
import { fetchUrl, parseAllowHosts } from '../lib/http.ts';

/**
 * The contract's line: other tools parse it, so keys and order are fixed; `method` (how the text
 * was obtained) and `length` (its characters) come after the contract's keys.
 */
export type ExtractLine = Pick<
  ExtractedArticle,
  'url' | 'title' | 'text' | 'publishedAt' | 'lang' | 'byline' | 'method'
> & { length: number };

interface Page {
  body: Buffer;
  url?: string;
  contentType?: string;
}

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description(
      'extract the article of an HTML page, from a file or an http(s) URL, as one JSON line',
    )
    .argument('<source>', 'an HTML file, or an http(s) URL to fetch')
    .option('--url <url>', 'the URL the page came from (relative links, canonical URL)')
    .action(async (source: string, options: { url?: string }) => {
      const page = await loadPage(source, checkUrlOption(options.url));
      const article = extractPage(source, page);
      process.stdout.write(`${JSON.stringify(toExtractLine(article))}\n`);
    });
}

export function toExtractLine(article: ExtractedArticle): ExtractLine {
  const { url, title, text, publishedAt, lang, byline, method } = article;
  return { url, title, text, publishedAt, lang, byline, method, length: countCharacters(text) };
}

async function loadPage(source: string, url: string | undefined): Promise<Page> {
  if (/^https?:\/\//i.test(source)) return fetchPage(source, url);
  try {
    return { body: await readFile(source), url };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${source}: cannot read (${code ?? (error as Error).message})`);
  }
}

/** The allow list comes from VIGIE_ALLOW_HOSTS, as for the worker (SPEC §4). */
async function fetchPage(source: string, url: string | undefined): Promise<Page> {
  const allowHosts = parseAllowHosts(process.env.VIGIE_ALLOW_HOSTS);
  try {
    const result = await fetchUrl(source, { allowHosts, accept: HTML_ACCEPT });
    return {
      body: result.body,
      url: url ?? result.url,
      contentType: result.headers['content-type'],
    };
  } catch (error) {
    if (error instanceof TransientError || error instanceof PermanentError) {
      throw new UserError(error.message, { cause: error });
    }
    throw error;
  }
}

function extractPage(source: string, page: Page): ExtractedArticle {
  try {
    return extractArticle(page.body, { url: page.url, contentType: page.contentType });
  } catch (error) {
    if (error instanceof PermanentError)
      throw new UserError(`${source}: ${error.message}`, { cause: error });
    throw error;
  }
}

function checkUrlOption(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
  } catch {
    // Reported below, as for any other value that is not an absolute http(s) URL.
  }
  throw new UserError(`--url: not an absolute http(s) URL (${url})`);
}
