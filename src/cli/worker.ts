// `vigie worker --queues a,b`: only some workers, to scale pipeline stages separately.
import type { Command } from 'commander';

interface WorkerOptions {
  queues: string;
  scheduler?: boolean;
  config?: string;
}

/** The pipeline's queues (src/queues), spelled here so that `--help` need not load BullMQ. */
const DEFAULT_QUEUES = 'fetch-feed,fetch-article,classify-article';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run the workers of some queues until SIGTERM/SIGINT (no HTTP server)')
    .option('--queues <names>', 'comma-separated queue names', DEFAULT_QUEUES)
    .option(
      '--scheduler',
      'also sync feeds from the config and run the feed and digest schedulers and the delivery sweeper',
    )
    .option('--config <dir>', 'config directory (default: VIGIE_CONFIG or config)')
    .action(async (options: WorkerOptions) => {
      const [{ runApp }, { parseQueueNames }] = await Promise.all([
        import('../main.ts'),
        import('../queues/index.ts'),
      ]);
      const queues = parseQueueNames(options.queues);
      await runApp({ configDir: options.config, queues, scheduler: options.scheduler ?? false });
    });
}
