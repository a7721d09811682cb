// The pipeline benchmark's figures as Markdown: one row per setup, then where each run spent its time.

import type { PipelineFigures, PipelineRow } from './pipeline.ts';
import type { StageTiming } from './pipeline-drive.ts';

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** The table for BENCHMARKS.md: each row against the bare chain with as many processes. */
export function formatPipeline(figures: PipelineFigures): string[] {
  const pageKb = (figures.pageBytes / 1000).toFixed(1);
  const lines = [
    `${figures.feeds} feeds × ${figures.itemsPerFeed} items, article pages of ${pageKb} KB.\n`,
    '| setup | processes | articles | events | seconds | articles/s | share of the bare chain | worker CPU per article | machine busy | alert jobs left | peak RSS per process |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of figures.rows) lines.push(formatRow(row, figures.rows));
  lines.push('', ...figures.rows.map(formatStages));
  // The PGlite setup opens PGlite in this process to write the feed rows: not the site's memory.
  const server = figures.rows.filter((row) => row.kind !== 'pglite').map((row) => row.benchRss);
  if (server.length > 0) {
    const peak = mb(Math.max(...server));
    lines.push(`\nBench process (site, enqueueing, waiting): ${peak} MB peak during the runs.`);
  }
  return lines;
}

function formatRow(row: PipelineRow, rows: PipelineRow[]): string {
  const bare = rows.find((other) => other.kind === 'bare' && other.processes === row.processes);
  const share = bare
    ? `${((row.articlesPerSecond / bare.articlesPerSecond) * 100).toFixed(0)} %`
    : '–';
  const cpu = `${((row.workerCpuSeconds * 1000) / Math.max(1, row.articles)).toFixed(1)} ms`;
  const seconds = `${row.timedOut ? '> ' : ''}${row.seconds.toFixed(1)}`;
  const cells = [
    row.name,
    row.processes,
    row.articles,
    row.stored?.events ?? '–',
    seconds,
    row.articlesPerSecond.toFixed(0),
    share,
    cpu,
    `${(row.machineBusy * 100).toFixed(0)} %`,
    row.kind === 'bare' ? '–' : row.backlog,
    row.peakRss.map((bytes) => `${mb(bytes)} MB`).join(' + '),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Per stage: jobs, mean run time, the seconds during which it had work; then CPU per article. */
function formatStages(row: PipelineRow): string {
  const span = (stage: StageTiming) =>
    `${stage.queue} ${stage.jobs} × ${stage.meanMs.toFixed(1)} ms, ${stage.firstStart.toFixed(1)}–${stage.lastEnd.toFixed(1)} s`;
  const perArticle = (seconds: number) =>
    `${((seconds * 1000) / Math.max(1, row.articles)).toFixed(1)} ms`;
  const cpu = row.otherCpuSeconds;
  return (
    `- ${row.name} (${row.processes}): ${row.stages.map(span).join('; ')}. CPU per article: ` +
    `workers ${perArticle(row.workerCpuSeconds)}, PostgreSQL ${perArticle(cpu.postgres)}, ` +
    `Redis ${perArticle(cpu.redis)}, bench process ${perArticle(cpu.bench)}.` +
    // A check that the pages really were fetched and extracted, not replaced by the feed's text.
    (row.stored ? ` Pages served ${row.pagesServed}, extracted ${row.stored.fetched}.` : '')
  );
}
