// `npm run bench`: runs every benchmark and prints Markdown tables for BENCHMARKS.md.
// `npm run bench -- classify`, `… classify-command` (through `vigie classify` itself), `… extract`,
// `… pipeline`, `… start`, `… memory`, `… events`, `… cluster`, `… geoparse` or `… geoparse-scale` runs one of them
// (the extraction corpora are read from VIGIE_CORPORA, default ../corpora beside the repo; the
// geoparsing ones from VIGIE_GEO_CORPORA, default /work/geo-corpora, fetched as
// bench/geoparse-corpora.ts says;
// VIGIE_BENCH_BASE=/other/checkout also scores that checkout's extractor, for before/after;
// VIGIE_BENCH_READABILITY=0 leaves Readability out, for quicker rounds while tuning);
// `npm run bench -- pipeline 'PATTERN'` only the pipeline setups whose "<processes>p <name>"
// matches PATTERN (a regular expression), e.g. '^1p .*PostgreSQL, event'.
// Each part is imported when it runs: with the pipeline's modules (BullMQ, ioredis, pg, pino…)
// merely loaded, the classification passes measured at half their speed.
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

async function printClassify(): Promise<void> {
  const { benchClassify } = await import('./classify.ts');
  const figures = benchClassify();
  const limit = figures.rows[0]?.articlesPerSecond ?? 1;
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
  const seconds = figures.classifySeconds;
  const ratio = (seconds.get(1_000) ?? 0) / (seconds.get(10) ?? 1);
  const perSecond = figures.articles / (seconds.get(1_000) ?? 1);
  console.log(
    `\nAt 1,000 rules: ${perSecond.toFixed(0)} articles/s (target ≥ 3,000); 1,000 rules cost ${ratio.toFixed(2)} × what 10 rules cost (target ≤ 1.5).`,
  );
}

async function printClassifyCommand(): Promise<void> {
  const { benchClassifyCommand } = await import('./classify-command.ts');
  const figures = await benchClassifyCommand();
  console.log(
    `\n## Classification through the command (${figures.articles.toLocaleString('en')} files of 5 kB, ${figures.megabytes.toFixed(1)} MB; wall time, median)\n`,
  );
  console.log(
    '| process | s, all files | s, one file | articles/s | articles/s after start | CPU s, all files | CPU s, one file | articles per CPU s after start |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const cpu = (seconds: number | undefined) => (seconds === undefined ? '' : seconds.toFixed(2));
  for (const row of figures.rows) {
    const perCpu =
      row.allCpuSeconds === undefined || row.startCpuSeconds === undefined
        ? ''
        : ((figures.articles - 1) / (row.allCpuSeconds - row.startCpuSeconds)).toFixed(0);
    console.log(
      `| ${row.name} | ${row.allSeconds.toFixed(2)} | ${row.startSeconds.toFixed(2)} | ${row.articlesPerSecond.toFixed(0)} | ${row.afterStartPerSecond.toFixed(0)} | ${cpu(row.allCpuSeconds)} | ${cpu(row.startCpuSeconds)} | ${perCpu} |`,
    );
  }
  const [floor, ten, thousand] = figures.rows;
  if (!floor || !ten || !thousand) return;
  const afterStart = (row: typeof floor) => row.allSeconds - row.startSeconds;
  console.log(
    `\nAt 1,000 rules: ${thousand.articlesPerSecond.toFixed(0)} articles/s with its start, ${thousand.afterStartPerSecond.toFixed(0)} after it (target ≥ 3,000); 1,000 rules take ${(thousand.allSeconds / ten.allSeconds).toFixed(2)} × the time of 10 (${(afterStart(thousand) / afterStart(ten)).toFixed(2)} × after start; target ≤ 1.5), ${(thousand.allSeconds / floor.allSeconds).toFixed(1)} × the floor.`,
  );
  for (const { rules, same } of figures.sameAsBase) {
    console.log(
      `Output at ${rules.toLocaleString('en')} rules: ${same ? 'byte-identical to' : 'DIFFERENT from'} the base's.`,
    );
  }
}

async function printExtract(): Promise<void> {
  const { benchExtract, readability, vigie, vigieAt } = await import('./extract.ts');
  const corpora = resolve(process.env.VIGIE_CORPORA ?? '../corpora');
  const base = process.env.VIGIE_BENCH_BASE;
  const others = process.env.VIGIE_BENCH_READABILITY === '0' ? [] : [readability];
  const candidates = base ? [vigie, await vigieAt(base), ...others] : [vigie, ...others];
  console.log(`\n## Extraction (corpora in ${corpora}, one core)`);
  benchExtract(corpora, candidates);
}

async function printPipeline(pattern?: RegExp): Promise<void> {
  const [{ benchPipeline }, { formatPipeline }] = await Promise.all([
    import('./pipeline.ts'),
    import('./pipeline-format.ts'),
  ]);
  const figures = await benchPipeline(
    pattern && ((setup) => pattern.test(`${setup.processes}p ${setup.name}`)),
  );
  console.log('\n## Pipeline (feeds to stored events)\n');
  console.log(formatPipeline(figures).join('\n'));
}

async function printStart(): Promise<void> {
  const { benchStart } = await import('./start.ts');
  const figures = await benchStart();
  console.log('\n## Start (wall time of a fresh process, median)\n');
  console.log('| command | ms | × node -e 0 |');
  console.log('| --- | ---: | ---: |');
  for (const row of figures.rows) {
    console.log(`| ${row.name} | ${row.medianMs.toFixed(0)} | ${row.ratio.toFixed(1)} |`);
  }
  console.log('\nWhere `vigie classify` spends its start (ms, median of 5 fresh processes):\n');
  console.log('| phase | config cache warm | cache off |');
  console.log('| --- | ---: | ---: |');
  for (const phase of figures.phases) {
    console.log(
      `| ${phase.name} | ${phase.cachedMs.toFixed(0)} | ${phase.uncachedMs.toFixed(0)} |`,
    );
  }
}

async function printMemory(only?: string): Promise<void> {
  const { benchMemory } = await import('./memory.ts');
  const rows = await benchMemory(only);
  console.log('\n## Memory (peak RSS, MB)\n');
  console.log('| command | baseline | peak | at the end | s | notes |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const end = row.endMb === undefined ? '' : row.endMb.toFixed(0);
    console.log(
      `| ${row.name} | ${row.baselineMb.toFixed(0)} | ${row.peakMb.toFixed(0)} | ${end} | ${row.seconds.toFixed(1)} | ${row.note} |`,
    );
  }
}

async function printEvents(): Promise<void> {
  const { benchEventSearch } = await import('./events.ts');
  for (const figures of await benchEventSearch()) {
    console.log(
      `\n## Event list on ${figures.backend} (${figures.events.toLocaleString('en')} events, stored in ${figures.seedSeconds.toFixed(0)} s; server time of searchEvents, ms)\n`,
    );
    console.log('| query | median | slowest | rows |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const row of figures.rows) {
      console.log(
        `| ${row.name} | ${row.medianMs.toFixed(1)} | ${row.maxMs.toFixed(1)} | ${row.found} |`,
      );
    }
  }
}

/** BullMQ's chain on one Redis and on a 3-node Redis Cluster started for the run (bench/cluster.ts). */
async function printCluster(): Promise<void> {
  const { benchCluster } = await import('./cluster.ts');
  const figures = await benchCluster();
  console.log(
    '\n## Redis Cluster (BullMQ chain, 2,000 articles, 4,020 jobs, workers in one process)\n',
  );
  console.log('| target | round | seconds | jobs/s | articles/s |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const run of figures.runs) {
    console.log(
      `| ${run.target} | ${run.round} | ${run.seconds.toFixed(2)} | ${run.jobsPerSecond.toFixed(0)} | ${run.articlesPerSecond.toFixed(0)} |`,
    );
  }
  const bytes = figures.bytesPerKeptJob;
  console.log(
    `\nRedis memory per kept job: ${bytes === undefined ? '?' : bytes.toFixed(0)} bytes; the three queues' keys on ${figures.nodesUsed} of 3 nodes.`,
  );
}

async function printGeoparse(): Promise<void> {
  const { benchGeoparse, precisionRecall } = await import('./geoparse.ts');
  const { rows, notes } = await benchGeoparse();
  console.log('\n## Geoparsing (countries an article names or names a place in; micro scores)\n');
  console.log('| corpus | texts | system | country P | R | F1 | place P | R | F1 |');
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const figure = (value: number) => value.toFixed(3);
  for (const row of rows) {
    const c = precisionRecall(row.countries);
    const p = row.places ? precisionRecall(row.places) : undefined;
    const places = p
      ? `${figure(p.precision)} | ${figure(p.recall)} | ${figure(p.f1)}`
      : '– | – | –';
    console.log(
      `| ${row.corpus} | ${row.documents} | ${row.system} | ${figure(c.precision)} | ${figure(c.recall)} | ${figure(c.f1)} | ${places} |`,
    );
  }
  console.log('\nMost frequent errors (wrong / missed countries):\n');
  for (const row of rows) {
    const list = (pairs: [string, number][]) => pairs.map(([id, n]) => `${id} ${n}`).join(', ');
    console.log(
      `- ${row.corpus}, ${row.system}: wrong ${list(row.wrong)}; missed ${list(row.missed)}`,
    );
  }
  for (const note of notes) console.log(`\n${note}`);
}

async function printGeoparseScale(): Promise<void> {
  const { benchGeoparseScale } = await import('./geoparse-scale.ts');
  const rows = await benchGeoparseScale();
  console.log('\n## Reading places in long texts (one phrase repeated; ms, one run)\n');
  console.log('| phrase | × 5,000 | × 50,000 | ratio (linear: about 10) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${JSON.stringify(row.phrase)} | ${row.small.toFixed(0)} | ${row.large.toFixed(0)} | ${(row.large / row.small).toFixed(1)} |`,
    );
  }
}

const PARTS = [
  'classify',
  'classify-command',
  'extract',
  'pipeline',
  'start',
  'memory',
  'events',
  'cluster',
  'geoparse',
  'geoparse-scale',
];
const only = process.argv[2];
if (only !== undefined && !PARTS.includes(only)) {
  console.error(`bench: unknown benchmark "${only}" (${PARTS.join(', ')})`);
  process.exit(2);
}
console.log(`# vigie benchmarks — ${new Date().toISOString().slice(0, 10)} — ${machine()}`);
if (only === undefined || only === 'classify') await printClassify();
if (only === undefined || only === 'classify-command') await printClassifyCommand();
if (only === undefined || only === 'extract') await printExtract();
const pattern = process.argv[3] === undefined ? undefined : new RegExp(process.argv[3]);
if (only === undefined || only === 'pipeline') await printPipeline(pattern);
if (only === undefined || only === 'start') await printStart();
// `npm run bench -- memory steady` (or ingest, hostile): one part of it.
if (only === undefined || only === 'memory') await printMemory(process.argv[3]);
if (only === undefined || only === 'events') await printEvents();
if (only === undefined || only === 'cluster') await printCluster();
if (only === undefined || only === 'geoparse') await printGeoparse();
if (only === undefined || only === 'geoparse-scale') await printGeoparseScale();
