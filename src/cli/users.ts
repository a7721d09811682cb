// `vigie users add NAME | list | remove NAME`: who may sign in to the workspace. Passwords come from a
// prompt or stdin, never from the command line (where `ps` and shell history would show them).
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { systemClock } from '../lib/clock.ts';
import { UserError } from '../lib/errors.ts';
import { isValidUserName } from '../server/access.ts';
import type { Db } from '../store/types.ts';
import { withStore } from './with-store.ts';

const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 1_024;

export function registerUsersCommand(program: Command): void {
  const users = program
    .command('users')
    .description('workspace users: add NAME (password from a prompt or stdin), list, remove NAME');
  users
    .command('add <name>')
    .description('add a user, or set a new password (asked for, or the first line of stdin)')
    .action(async (name: string) => {
      checkName(name);
      const password = await readNewPassword(process.stdin);
      const message = await withStore((db) => addUser(db, name, password));
      process.stdout.write(`${message}\n`);
    });
  users
    .command('list', { isDefault: true })
    .description('the users, with when each was added')
    .action(async () => {
      const rows = await withStore(async (db) => (await import('../store/users.ts')).listUsers(db));
      if (rows.length === 0) process.stderr.write('users: none yet (vigie users add NAME)\n');
      process.stdout.write(
        rows.map((row) => `${row.name}\tadded ${row.createdAt.toISOString()}\n`).join(''),
      );
    });
  users
    .command('remove <name>')
    .description('remove a user and end their sessions (their labels stay)')
    .action(async (name: string) => {
      const removed = await withStore(async (db) =>
        (await import('../store/users.ts')).removeUser(db, name),
      );
      if (!removed) throw new UserError(`users: no user ${JSON.stringify(name)}`);
      process.stdout.write(`users: removed ${name}\n`);
    });
}

/** Stores the hash of `password` for `name`; the line to print. */
export async function addUser(db: Db, name: string, password: string): Promise<string> {
  const [{ hashPassword }, { upsertUser }] = await Promise.all([
    import('../lib/password.ts'),
    import('../store/users.ts'),
  ]);
  const passwordHash = await hashPassword(password);
  const added = await upsertUser(db, { name, passwordHash, now: systemClock.now() });
  return added
    ? `users: added ${name}`
    : `users: new password for ${name} (their sessions are ended)`;
}

export function checkName(name: string): void {
  if (!isValidUserName(name)) {
    throw new UserError(
      `users: ${JSON.stringify(name)}: expected a name of 1 to 100 characters, no control characters or spaces at the ends`,
    );
  }
}

/** Asked twice on a terminal, without echo; otherwise the first line of the input. */
export async function readNewPassword(input: Readable & { isTTY?: boolean }): Promise<string> {
  const password = input.isTTY
    ? await promptTwice(input as NodeJS.ReadStream)
    : await readFirstLine(input);
  return checkPassword(password);
}

export function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new UserError(
      `users: the password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
    );
  }
  return password;
}

/** The input's first line, without its line ending. */
export async function readFirstLine(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function promptTwice(input: NodeJS.ReadStream): Promise<string> {
  const first = await promptHidden(input, 'Password: ');
  const second = await promptHidden(input, 'Same password again: ');
  if (first !== second) throw new UserError('users: the two passwords differ');
  return first;
}

/** Reads one line in raw mode, echoing nothing; Ctrl-C or Ctrl-D gives up. */
function promptHidden(input: NodeJS.ReadStream, prompt: string): Promise<string> {
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') {
          return finish(new UserError('users: cancelled'));
        }
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}
