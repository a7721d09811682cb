// `vigie worker --queues a,b`: only some workers, to scale pipeline stages separately.
import type { Command } from 'commander';
import { runApp } from '../main.ts';
import { PIPELINE_QUEUES, parseQueueNames } from '../queues/index.ts';

interface WorkerOptions {
  queues: string;
  scheduler?: boolean;
  config?: string;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run the workers of some queues until SIGTERM/SIGINT (no HTTP server)')
    .option('--queues <names>', 'comma-separated queue names', PIPELINE_QUEUES.join(','))
    .option('--scheduler', 'also sync feeds from the config and run the feed scheduler')
    .option('--config <dir>', 'config directory (default: VIGIE_CONFIG or config)')
    .action(async (options: WorkerOptions) => {
      const queues = parseQueueNames(options.queues);
      await runApp({ configDir: options.config, queues, scheduler: options.scheduler ?? false });
    });
}
