// The list of commands: one module per command under src/cli, loaded only when that command runs.
import type { Command } from 'commander';

type Register = (program: Command) => void;

// Each command module pulls in its own dependencies (BullMQ, PGlite, cheerio…): importing only the
// one asked for keeps `vigie classify` from paying for the pipeline's start-up.
const COMMANDS: Record<string, () => Promise<Register>> = {
  run: async () => (await import('./run.ts')).registerRunCommand,
  worker: async () => (await import('./worker.ts')).registerWorkerCommand,
  ingest: async () => (await import('./ingest.ts')).registerIngestCommand,
  extract: async () => (await import('./extract.ts')).registerExtractCommand,
  classify: async () => (await import('./classify.ts')).registerClassifyCommand,
  rules: async () => (await import('./rules-check.ts')).registerRulesCheckCommand,
  events: async () => (await import('./events.ts')).registerEventsCommand,
  digest: async () => (await import('./digest.ts')).registerDigestCommand,
  backtest: async () => (await import('./backtest.ts')).registerBacktestCommand,
  feeds: async () => (await import('./feeds.ts')).registerFeedsCommand,
  purge: async () => (await import('./purge.ts')).registerPurgeCommand,
};

/** Registers the command named first in `argv`, or every command (for help and unknown names). */
export async function registerCommands(program: Command, argv: string[]): Promise<void> {
  const first = argv.find((arg) => !arg.startsWith('-'));
  const load = first === undefined ? undefined : COMMANDS[first];
  const loaders = load ? [load] : Object.values(COMMANDS);
  for (const register of await Promise.all(loaders.map((loader) => loader()))) register(program);
}
