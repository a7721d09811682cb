// `vigie run`: the feed scheduler, every worker and the HTTP server (health, readiness, metrics) on PORT.
import type { Command } from 'commander';

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run the scheduler, all workers and the HTTP server (PORT) until SIGTERM/SIGINT')
    .option('--config <dir>', 'config directory (default: VIGIE_CONFIG or config)')
    .action(async (options: { config?: string }) => {
      // Loaded on use, so that other commands start without BullMQ, the store and the server.
      const [{ loadEnv }, { runApp }, { QUEUE_NAMES }] = await Promise.all([
        import('../config/env.ts'),
        import('../main.ts'),
        import('../queues/index.ts'),
      ]);
      const env = loadEnv();
      await runApp({
        configDir: options.config,
        queues: QUEUE_NAMES,
        scheduler: true,
        port: env.port,
      });
    });
}
