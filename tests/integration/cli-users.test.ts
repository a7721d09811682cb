// `vigie users add` as an operator runs it, the password on stdin; then sign-in material in the store.
import { execFile } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/cli/users.ts';
import { verifyPassword } from '../../src/lib/password.ts';
import type { Store } from '../../src/store/database.ts';
import { listUsers, readPasswordHash, removeUser } from '../../src/store/users.ts';
import { openBackend, PG_URL, testBackends } from './pipeline-helpers.ts';

const backend = testBackends('cli_users').find((candidate) => candidate.kind === 'postgres');
if (!backend?.schema) throw new Error('no postgres backend');
const schema = backend.schema;
let store: Store;

function vigie(
  args: string[],
  stdin: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      './bin/vigie',
      args,
      { env: { PATH: process.env.PATH, DATABASE_URL: PG_URL, VIGIE_DATABASE_SCHEMA: schema } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

beforeAll(async () => {
  store = await openBackend(backend);
});

afterAll(async () => {
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
  await store.close();
});

describe('vigie users', () => {
  it('adds a user from stdin, never from argv, storing only a scrypt hash', async () => {
    const run = await vigie(['users', 'add', 'alice'], 'pass word 1\nnot read\n');
    expect(run).toEqual({ code: 0, stdout: 'users: added alice\n', stderr: '' });
    const hash = (await readPasswordHash(store.db, 'alice')) ?? '';
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('pass word 1');
    expect(await verifyPassword('pass word 1', hash)).toBe(true);
  });

  it('sets a new password for an existing user, ending their sessions, and removes users', async () => {
    await store.db
      .insertInto('sessions')
      .values({
        id: 'x'.repeat(64),
        user_name: 'alice',
        csrf_token: 'y',
        created_at: new Date(),
        expires_at: new Date(Date.now() + 3_600_000),
      })
      .execute();
    expect(await addUser(store.db, 'alice', 'new pass word')).toBe(
      'users: new password for alice (their sessions are ended)',
    );
    expect(await store.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    expect(await addUser(store.db, 'bob', 'bob pass word')).toBe('users: added bob');
    expect((await listUsers(store.db)).map((user) => user.name)).toEqual(['alice', 'bob']);
    expect(await removeUser(store.db, 'bob')).toBe(true);
    expect(await removeUser(store.db, 'bob')).toBe(false);
    expect((await listUsers(store.db)).map((user) => user.name)).toEqual(['alice']);
  });
});
