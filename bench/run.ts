// `npm run bench`: runs every benchmark and prints Markdown tables for BENCHMARKS.md.
import { cpus, totalmem } from 'node:os';
import { benchClassify } from './classify.ts';

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

function printClassify(): void {
  const figures = benchClassify();
  const limit = figures.rows[0]?.articlesPerSecond ?? 1;
  const at = (name: string) =>
    figures.rows.find((r) => r.name.startsWith(name))?.articlesPerSecond ?? 0;
  console.log(
    `\n## Classification (${figures.articles} articles, ${figures.megabytes.toFixed(1)} MB, one core)\n`,
  );
  console.log('| pass | articles/s | MB/s | share of normalise-only |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const row of figures.rows) {
    const share = `${((row.articlesPerSecond / limit) * 100).toFixed(0)} %`;
    console.log(
      `| ${row.name} | ${row.articlesPerSecond.toFixed(0)} | ${row.megabytesPerSecond.toFixed(1)} | ${share} |`,
    );
  }
  const cost10 = 1 / at('vigie classify, 10 rules');
  const cost1000 = 1 / at('vigie classify, 1000 rules');
  console.log(
    `\n1,000 rules cost ${(cost1000 / cost10).toFixed(2)} × what 10 rules cost (target ≤ 1.5).`,
  );
}

console.log(`# vigie benchmarks — ${new Date().toISOString().slice(0, 10)} — ${machine()}`);
printClassify();
