// `vigie run`: the feed scheduler, every worker and the HTTP server (health, readiness, metrics) on PORT.
import type { Command } from 'commander';
import { loadEnv } from '../config/env.ts';
import { runApp } from '../main.ts';
import { QUEUE_NAMES } from '../queues/index.ts';

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run the scheduler, all workers and the HTTP server (PORT) until SIGTERM/SIGINT')
    .option('--config <dir>', 'config directory (default: VIGIE_CONFIG or config)')
    .action(async (options: { config?: string }) => {
      const env = loadEnv();
      await runApp({
        configDir: options.config,
        queues: QUEUE_NAMES,
        scheduler: true,
        port: env.port,
      });
    });
}
