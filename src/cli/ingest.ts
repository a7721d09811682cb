// `vigie ingest FEED_URL_OR_FILE`: one pass of a feed through the whole pipeline, on queues of its own.
import type { Command } from 'commander';
import type { IngestOptions, IngestSummary } from './ingest-pass.ts';

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'run one feed (URL or saved file) once through fetch, extraction and classification',
    )
    .argument('<feed>', 'feed URL, or a file holding the feed document')
    .option('--json', 'print the summary as one JSON object')
    .option('--config <dir>', 'config directory (default: VIGIE_CONFIG or config)')
    .option('--timeout <duration>', 'time limit of each fetch', '30s')
    .action(async (target: string, options: IngestOptions) => {
      // Loaded on use: queues, workers and the store would slow every other command's start.
      const { ingest } = await import('./ingest-pass.ts');
      const summary = await ingest(target, options);
      process.stdout.write(
        options.json ? `${JSON.stringify(summary)}\n` : `${describe(summary)}\n`,
      );
    });
}

function describe(summary: IngestSummary): string {
  const line =
    `${summary.feed}: ${summary.items} items, ${summary.new} new, ${summary.articles} articles ` +
    `classified, ${summary.events} events, ${summary.alerts} alerts`;
  return [line, ...summary.errors.map((error) => `  error: ${error}`)].join('\n');
}
