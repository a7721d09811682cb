// `vigie worker --queues a,b`: only some workers, to scale pipeline stages separately.
import type { Command } from 'commander';
import { UserError } from '../lib/errors.ts';

interface WorkerOptions {
  queues: string;
  scheduler?: boolean;
  port?: string;
  config?: string;
}

/** The pipeline's queues (src/queues), spelled here so that `--help` need not load BullMQ. */
const DEFAULT_QUEUES = 'fetch-feed,fetch-article,classify-article';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'run the workers of some queues until SIGTERM/SIGINT (with --port: /healthz, /metrics…)',
    )
    .option('--queues <names>', 'comma-separated queue names', DEFAULT_QUEUES)
    .option(
      '--scheduler',
      'also sync feeds from the config and run the feed and digest schedulers and the delivery sweeper',
    )
    .option(
      '--port <port>',
      'serve /healthz, /readyz, /metrics and /queues on this port (default: no HTTP server)',
    )
    .option('--config <dir>', 'config directory (default: VIGIE_CONFIG or config)')
    .action(async (options: WorkerOptions) => {
      const port = parsePort(options.port);
      const [{ runApp }, { parseQueueNames }] = await Promise.all([
        import('../main.ts'),
        import('../queues/index.ts'),
      ]);
      const queues = parseQueueNames(options.queues);
      await runApp({
        configDir: options.config,
        queues,
        scheduler: options.scheduler ?? false,
        port,
      });
    });
}

export function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) {
    throw new UserError(`worker: --port ${text}: expected a whole number from 0 to 65535`);
  }
  return port;
}
