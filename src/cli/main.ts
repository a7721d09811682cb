// Entry point of `vigie`: builds the command tree and maps failures to exit codes (0, 1 user, 2 internal).
import { Command, CommanderError } from 'commander';
import { ConfigError, UserError } from '../lib/errors.ts';
import { registerCommands } from './commands.ts';

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
  process.stderr.write(
    `vigie: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  return 2;
}

// `vigie events | head`: a reader that stops early ends the command quietly, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`vigie: stdout: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 0 : 2);
});

const exitCode = await runCli(process.argv.slice(2));
process.exitCode = exitCode;
