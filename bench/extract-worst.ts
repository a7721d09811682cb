// The worst pages of the extraction bench for the first candidate, with the others' scores beside (VIGIE_BENCH_WORST=N).
import type { CorpusPage } from './extract-corpora.ts';
import { countSnippets, scoreBody, snippetScores } from './extract-score.ts';

/** One candidate's output on one page of a corpus, as the bench keeps it. */
export interface PageOutput {
  page: CorpusPage;
  text: string;
}

/** A page's F1: body shingles when the page has a body, else trafilatura's snippet F1 on it alone. */
export function scorePage(page: CorpusPage, text: string): number {
  if (page.body !== undefined) return scoreBody(page.body, text).f1;
  const counts = countSnippets(page.withs ?? [], page.withouts ?? [], text);
  return snippetScores([counts]).f1;
}

interface WorstRow {
  corpus: string;
  page: CorpusPage;
  chars: number;
  scores: number[];
}

/**
 * The `count` pages where the first candidate scores lowest, over every corpus, ties broken by
 * the best other score. `results` holds,
 * per corpus, one list of outputs per candidate in the same page order.
 */
export function findWorst(
  corpora: { corpus: string; results: PageOutput[][] }[],
  count: number,
): WorstRow[] {
  const rows = corpora.flatMap(({ corpus, results }) =>
    (results[0] ?? []).map((first, index) => ({
      corpus,
      page: first.page,
      chars: first.text.length,
      scores: results.map((outputs) => {
        const output = outputs[index];
        return output ? scorePage(output.page, output.text) : Number.NaN;
      }),
    })),
  );
  // Ties (many snippet pages score 0) go to the page where another candidate did best: a fixable one.
  const best = (row: WorstRow) =>
    Math.max(0, ...row.scores.slice(1).filter((s) => !Number.isNaN(s)));
  return rows
    .sort((a, b) => (a.scores[0] ?? 0) - (b.scores[0] ?? 0) || best(b) - best(a))
    .slice(0, count);
}

/** The worst pages as a Markdown table: corpus, page, each candidate's F1, characters kept, file. */
export function formatWorst(candidates: string[], rows: WorstRow[]): string[] {
  const head = `| # | corpus | page | ${candidates.map((c) => `${c} F1`).join(' | ')} | chars (${candidates[0]}) | file |`;
  const rule = `| ---: | --- | --- | ${candidates.map(() => '---:').join(' | ')} | ---: | --- |`;
  return [
    head,
    rule,
    ...rows.map(
      (row, index) =>
        `| ${index + 1} | ${row.corpus} | ${row.page.name} | ${row.scores.map((s) => s.toFixed(3)).join(' | ')} | ${row.chars} | ${row.page.path} |`,
    ),
  ];
}
