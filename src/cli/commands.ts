// The list of commands: one module per command under src/cli, loaded only when that command runs.
import type { Command } from 'commander';

type Register = (program: Command) => void;

interface CommandEntry {
  /** The line `vigie --help` shows, so that listing the commands imports none of them. */
  summary: string;
  load: () => Promise<Register>;
}

// Each command module pulls in its own dependencies (BullMQ, PGlite, cheerio…): importing only the
// one asked for keeps `vigie classify` from paying for the pipeline's start-up, and `vigie --help`
// from paying for any of them.
export const COMMANDS: Record<string, CommandEntry> = {
  run: {
    summary: 'run the scheduler, all workers and the HTTP server (PORT) until SIGTERM/SIGINT',
    load: async () => (await import('./run.ts')).registerRunCommand,
  },
  worker: {
    summary:
      'run the workers of some queues until SIGTERM/SIGINT (with --port: /healthz, /metrics…)',
    load: async () => (await import('./worker.ts')).registerWorkerCommand,
  },
  ingest: {
    summary: 'run one feed (URL or saved file) once through fetch, extraction and classification',
    load: async () => (await import('./ingest.ts')).registerIngestCommand,
  },
  extract: {
    summary: 'extract the article of an HTML page, from a file or an http(s) URL, as one JSON line',
    load: async () => (await import('./extract.ts')).registerExtractCommand,
  },
  classify: {
    summary: 'classify article files (.txt, .html, .json; - for stdin) against the rules',
    load: async () => (await import('./classify.ts')).registerClassifyCommand,
  },
  rules: {
    summary: 'work with the rule files',
    load: async () => (await import('./rules-check.ts')).registerRulesCheckCommand,
  },
  events: {
    summary: 'list stored events, newest first',
    load: async () => (await import('./events.ts')).registerEventsCommand,
  },
  digest: {
    summary: 'digests: preview what one would contain',
    load: async () => (await import('./digest.ts')).registerDigestCommand,
  },
  backtest: {
    summary: 're-run the current rules over stored articles: what would match and alert',
    load: async () => (await import('./backtest.ts')).registerBacktestCommand,
  },
  feeds: {
    summary: "each feed's health; retry ID re-enables one",
    load: async () => (await import('./feeds.ts')).registerFeedsCommand,
  },
  users: {
    summary: 'workspace users: add NAME (password from a prompt or stdin), list, remove NAME',
    load: async () => (await import('./users.ts')).registerUsersCommand,
  },
  purge: {
    summary: 'apply the retention settings of feeds.yaml now',
    load: async () => (await import('./purge.ts')).registerPurgeCommand,
  },
};

/**
 * Registers the command that `argv` names (`vigie NAME …` or `vigie help NAME`) in full; every
 * other command only by name and summary, which is all that `vigie --help` and commander's
 * "unknown command, did you mean…" need.
 */
export async function registerCommands(program: Command, argv: string[]): Promise<void> {
  const named = namedCommand(argv);
  for (const [name, entry] of Object.entries(COMMANDS)) {
    if (name === named) (await entry.load())(program);
    else program.command(name).description(entry.summary);
  }
}

function namedCommand(argv: string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}
