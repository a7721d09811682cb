// Entry point of `vigie`: builds the command tree and maps failures to exit codes (0, 1 user, 2 internal).
import { Command, CommanderError } from 'commander';
import { ConfigError, UserError } from '../lib/errors.ts';
import { registerCommands } from './commands.ts';

const FORCED_EXIT_MS = 3_000;

export async function runCli(argv: string[]): Promise<number> {
  const program = new Command('vigie')
    .description('news monitoring: feeds, articles, rules, events, alerts and digests')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  await registerCommands(program, argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 1;
  }
  if (error instanceof ConfigError) {
    for (const problem of error.problems) process.stderr.write(`${problem}\n`);
    return 1;
  }
  if (error instanceof UserError) {
    process.stderr.write(`vigie: ${error.message}\n`);
    return 1;
  }
  // One line, causes included; the stack only when asked for (LOG_LEVEL=debug).
  const detail =
    process.env.LOG_LEVEL === 'debug' && error instanceof Error ? error.stack : describe(error);
  process.stderr.write(`vigie: internal error: ${oneLine(detail ?? '')}\n`);
  return 2;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? '' : ` (${describe(error.cause)})`;
  return `${error.message || error.name}${cause}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' | ');
}

// `vigie events | head`: a reader that stops early ends the command quietly, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`vigie: stdout: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 0 : 2);
});

const exitCode = await runCli(process.argv.slice(2));
process.exitCode = exitCode;
// A failed command closes what it opened; should a handle still hold the process (a socket that
// will not close), it exits anyway rather than hang in front of a supervisor.
if (exitCode !== 0) setTimeout(() => process.exit(exitCode), FORCED_EXIT_MS).unref();
