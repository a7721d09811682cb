// Extraction quality and speed: vigie's extractArticle and Mozilla's Readability on the same pages, in one run.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { load } from 'cheerio';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/articles/extract.ts';
import { htmlToText } from '../src/articles/text.ts';
import { type BodyCorpus, CLEANING_CORPORA } from './extract-cleaning.ts';
import {
  type CorpusPage,
  READABILITY_NEWS,
  readReadabilityPages,
  readSnippetPages,
} from './extract-corpora.ts';
import {
  type BodyScore,
  countSnippets,
  type SnippetCounts,
  sameDay,
  scoreBody,
  snippetScores,
  summariseBodies,
  titleMatches,
} from './extract-score.ts';
import { WCXB_CORPORA } from './extract-wcxb.ts';
import { findWorst, formatWorst, type PageOutput } from './extract-worst.ts';

/** What a candidate read in a page, and how long parsing and the whole took. */
interface Output {
  title: string;
  text: string;
  publishedAt: string | null;
  parseMs: number;
  totalMs: number;
}

export interface Candidate {
  name: string;
  extract(page: CorpusPage): Output;
}

function elapsed(start: number): number {
  return performance.now() - start;
}

/** vigie as the worker runs it; the parse share is a separate cheerio load of the same string. */
export const vigie: Candidate = vigieCandidate('vigie', extractArticle);

function vigieCandidate(name: string, extract: typeof extractArticle): Candidate {
  return {
    name,
    extract(page) {
      const parseStart = performance.now();
      load(page.html);
      const parseMs = elapsed(parseStart);
      const start = performance.now();
      const article = extract(page.html, { url: page.url });
      const totalMs = elapsed(start);
      const { title, text, publishedAt } = article;
      return { title, text, publishedAt, parseMs, totalMs };
    },
  };
}

/** @mozilla/readability on a linkedom DOM; its HTML turned to text outside the timing, as vigie's blocks are. */
export const readability: Candidate = {
  name: 'Readability 0.6.0',
  extract(page) {
    const start = performance.now();
    const { document } = parseHTML(page.html);
    const parseMs = elapsed(start);
    let result: ReturnType<Readability['parse']> = null;
    try {
      result = new Readability(
        document as unknown as ConstructorParameters<typeof Readability>[0],
      ).parse();
    } catch {
      result = null;
    }
    const totalMs = elapsed(start);
    return {
      title: result?.title ?? '',
      text: result?.content ? htmlToText(result.content) : '',
      publishedAt: isoOrNull(result?.publishedTime),
      parseMs,
      totalMs,
    };
  },
};

/**
 * vigie's extractor from another checkout (VIGIE_BENCH_BASE=/path/to/checkout), so a change is
 * measured against the code before it on the same pages in the same run.
 */
export async function vigieAt(checkout: string): Promise<Candidate> {
  const module = await import(resolve(checkout, 'src/articles/extract.ts'));
  return vigieCandidate(`vigie at ${checkout}`, module.extractArticle as typeof extractArticle);
}

function isoOrNull(value: string | null | undefined): string | null {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

interface PageResult {
  page: CorpusPage;
  output: Output;
}

/**
 * One pass of every candidate over the pages, after a warm-up over the first twenty. The
 * candidates take turns page by page, so a busy machine slows them alike.
 */
function runCandidates(candidates: Candidate[], pages: CorpusPage[]): PageResult[][] {
  for (const candidate of candidates)
    for (const page of pages.slice(0, 20)) candidate.extract(page);
  const results: PageResult[][] = candidates.map(() => []);
  for (const page of pages) {
    candidates.forEach((candidate, index) => {
      results[index]?.push({ page, output: candidate.extract(page) });
    });
  }
  return results;
}

/**
 * Pages per second, whole and without the parse. vigie's parse is a separate cheerio load of the
 * same string, subtracted: on a busy machine it can come out longer than the whole ("–").
 */
function speed(results: PageResult[]): { extract: string; whole: string } {
  const total = results.reduce((sum, r) => sum + r.output.totalMs, 0);
  const parse = results.reduce((sum, r) => sum + r.output.parseMs, 0);
  return {
    extract: total > parse ? ((results.length * 1000) / (total - parse)).toFixed(0) : '–',
    whole: ((results.length * 1000) / total).toFixed(0),
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const fixed = (value: number) => value.toFixed(3);

/** One row of the body table: shingle scores, title, date and speed. */
function bodyRow(corpus: string, candidate: string, results: PageResult[]): string {
  const scores: BodyScore[] = results.map((r) => scoreBody(r.page.body ?? '', r.output.text));
  const body = summariseBodies(
    scores,
    results.map((r) => r.output.text),
  );
  const titles = results.filter((r) => titleMatches(r.page.title ?? '', r.output.title)).length;
  const dated = results.filter((r) => r.page.publishedAt);
  const dates = dated.filter((r) => sameDay(r.page.publishedAt ?? '', r.output.publishedAt)).length;
  const { extract, whole } = speed(results);
  return `| ${corpus} | ${candidate} | ${results.length} | ${fixed(body.precision)} | ${fixed(body.recall)} | **${fixed(body.f1)}** | ${percent(body.atLeast90)} | ${body.empty} | ${percent(titles / results.length)} | ${dated.length === 0 ? '–' : `${percent(dates / dated.length)} of ${dated.length}`} | ${extract} | ${whole} |`;
}

function snippetRow(candidate: string, results: PageResult[]): string {
  const counts: SnippetCounts[] = results.map((r) =>
    countSnippets(r.page.withs ?? [], r.page.withouts ?? [], r.output.text),
  );
  const scores = snippetScores(counts);
  const empty = results.filter((r) => r.output.text.trim() === '').length;
  const { extract, whole } = speed(results);
  return `| ${candidate} | ${results.length} | ${fixed(scores.precision)} | ${fixed(scores.recall)} | ${fixed(scores.accuracy)} | **${fixed(scores.f1)}** | ${empty} | ${extract} | ${whole} |`;
}

/** Per-page scores as JSON lines, for looking at the worst pages (VIGIE_BENCH_PAGES=file). */
function pageLines(corpus: string, candidate: string, results: PageResult[]): string[] {
  return results.map((r) => {
    const score = r.page.body === undefined ? undefined : scoreBody(r.page.body, r.output.text);
    const snippets = r.page.withs
      ? countSnippets(r.page.withs, r.page.withouts ?? [], r.output.text)
      : undefined;
    return JSON.stringify({
      corpus,
      candidate,
      page: r.page.name,
      chars: r.output.text.length,
      ms: Math.round(r.output.totalMs),
      ...score,
      ...snippets,
    });
  });
}

/** Prints the Markdown tables; returns false when the corpora are missing. */
export function benchExtract(
  corpora: string,
  candidates: Candidate[] = [vigie, readability],
): boolean {
  const selected = selectCorpora();
  const readabilityPages = selected.has('readability') ? readReadabilityPages(corpora) : [];
  const snippetPages = selected.has('snippets') ? readSnippetPages(corpora) : [];
  const more = MORE_CORPORA.filter((c) => selected.has(c.id)).map((corpus) => ({
    corpus,
    pages: corpus.read(corpora),
  }));
  const morePages = more.reduce((sum, m) => sum + m.pages.length, 0);
  if (readabilityPages.length === 0 && snippetPages.length === 0 && morePages === 0) {
    console.log(`\nExtraction bench skipped: no corpora under ${corpora} (set VIGIE_CORPORA).`);
    return false;
  }
  const lines: string[] = [];
  const snippetRows: string[] = [];
  const bodyRows: string[] = [];
  const pageResults = runCandidates(candidates, readabilityPages);
  const snippetResults = runCandidates(candidates, snippetPages);
  candidates.forEach((candidate, index) => {
    const results = pageResults[index] ?? [];
    const snippets = snippetResults[index] ?? [];
    const news = results.filter((r) => READABILITY_NEWS.has(r.page.name));
    bodyRows.push(bodyRow('Readability test pages, news', candidate.name, news));
    bodyRows.push(bodyRow('Readability test pages, all', candidate.name, results));
    snippetRows.push(snippetRow(candidate.name, snippets));
    lines.push(
      ...pageLines('readability', candidate.name, results),
      ...pageLines('snippets', candidate.name, snippets),
    );
  });
  if (readabilityPages.length > 0) {
    console.log('\n### Body, title and date (4-word shingles, F1 averaged per page)\n');
    console.log(
      '| corpus | extractor | pages | P | R | F1 | F1 ≥ 0.9 | empty | title | date | pages/s extract | pages/s parse+extract |',
    );
    console.log(
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const row of bodyRows) console.log(row);
  }
  if (snippetPages.length > 0) {
    console.log('\n### trafilatura + go-trafilatura snippets (pooled, as trafilatura evaluates)\n');
    console.log(
      '| extractor | pages | precision (without-snippets left out) | recall (with-snippets kept) | accuracy | F1 | empty | pages/s extract | pages/s parse+extract |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of snippetRows) console.log(row);
  }
  const moreResults = printMore(candidates, more);
  for (const { corpus, results } of moreResults)
    candidates.forEach((candidate, index) => {
      lines.push(...pageLines(corpus, candidate.name, results[index] ?? []));
    });
  const detail = process.env.VIGIE_BENCH_PAGES;
  if (detail) writeFileSync(detail, `${lines.join('\n')}\n`);
  printWorst(candidates, [
    { corpus: 'Readability', results: pageResults },
    { corpus: 'snippets', results: snippetResults },
    ...moreResults,
  ]);
  return true;
}

const MORE_CORPORA: BodyCorpus[] = [...CLEANING_CORPORA, ...WCXB_CORPORA];

/**
 * VIGIE_BENCH_CORPORA: a comma-separated list of readability, snippets, cleaneval,
 * cleanportaleval, dragnet, l3s-gn1, wcxb-articles, wcxb-test-articles, wcxb, or `all`; by default
 * the first two (about 1,000 pages).
 */
function selectCorpora(): Set<string> {
  const value = process.env.VIGIE_BENCH_CORPORA ?? 'readability,snippets';
  const known = ['readability', 'snippets', ...MORE_CORPORA.map((c) => c.id)];
  // `all` leaves out WCXB's non-article pages (products, forums, listings…): not what vigie reads;
  // and its test split, measured on purpose only (extract-wcxb.ts).
  const all = known.filter((id) => id !== 'wcxb' && id !== 'wcxb-test-articles');
  const ids = value === 'all' ? all : value.split(',').map((id) => id.trim());
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw new Error(
      `bench: unknown corpus ${unknown.join(', ')} in VIGIE_BENCH_CORPORA (${known.join(', ')}, all)`,
    );
  return new Set(ids);
}

/** The whole-body corpora beyond Readability's: one row per corpus and candidate. */
function printMore(
  candidates: Candidate[],
  more: { corpus: BodyCorpus; pages: CorpusPage[] }[],
): { corpus: string; results: PageResult[][] }[] {
  const filled = more.filter((m) => m.pages.length > 0);
  if (filled.length === 0) return [];
  console.log(
    '\n### More whole-body corpora (4-word shingles, F1 averaged per page; word F1: WCXB’s bag of words)\n',
  );
  console.log(
    '| corpus | extractor | pages | P | R | F1 | word F1 | F1 ≥ 0.9 | empty | title | date | pages/s extract | pages/s parse+extract |',
  );
  console.log(
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  return filled.map(({ corpus, pages }) => {
    const results = runCandidates(candidates, pages);
    candidates.forEach((candidate, index) => {
      console.log(moreRow(corpus.title, candidate.name, results[index] ?? []));
    });
    return { corpus: corpus.id, results };
  });
}

/** Shingle scores, WCXB's word F1 beside them, then title and date where the truth has them. */
function moreRow(corpus: string, candidate: string, results: PageResult[]): string {
  const texts = results.map((r) => r.output.text);
  const body = summariseBodies(
    results.map((r) => scoreBody(r.page.body ?? '', r.output.text)),
    texts,
  );
  const words = summariseBodies(
    results.map((r) => scoreBody(r.page.body ?? '', r.output.text, 1)),
    texts,
  );
  const titled = results.filter((r) => r.page.title);
  const titles = titled.filter((r) => titleMatches(r.page.title ?? '', r.output.title)).length;
  const dated = results.filter((r) => r.page.publishedAt);
  const dates = dated.filter((r) => sameDay(r.page.publishedAt ?? '', r.output.publishedAt)).length;
  const share = (count: number, of: number) => (of === 0 ? '–' : `${percent(count / of)} of ${of}`);
  const { extract, whole } = speed(results);
  return `| ${corpus} | ${candidate} | ${results.length} | ${fixed(body.precision)} | ${fixed(body.recall)} | **${fixed(body.f1)}** | ${fixed(words.f1)} | ${percent(body.atLeast90)} | ${body.empty} | ${share(titles, titled.length)} | ${share(dates, dated.length)} | ${extract} | ${whole} |`;
}

/** VIGIE_BENCH_WORST=N: the N pages where the first candidate (vigie) scores lowest. */
function printWorst(
  candidates: Candidate[],
  corpora: { corpus: string; results: PageResult[][] }[],
) {
  const count = Number(process.env.VIGIE_BENCH_WORST ?? 0);
  if (!(count > 0)) return;
  const outputs = corpora.map(({ corpus, results }) => ({
    corpus,
    results: results.map((list) =>
      list.map((r): PageOutput => ({ page: r.page, text: r.output.text })),
    ),
  }));
  console.log(
    `\n### The ${count} worst pages for ${candidates[0]?.name} (F1 per page; snippet pages: their snippet F1)\n`,
  );
  for (const line of formatWorst(
    candidates.map((c) => c.name),
    findWorst(outputs, count),
  ))
    console.log(line);
}
