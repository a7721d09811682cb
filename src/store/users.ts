// Workspace users and their sessions: rows in `users` and `sessions` (0011). Hashing is lib/password.ts's.
import type { Db } from './types.ts';

export interface UserRow {
  name: string;
  createdAt: Date;
}

export interface SessionRow {
  userName: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Adds a user, or replaces the password of an existing one; true when the user is new. */
export async function upsertUser(
  db: Db,
  user: { name: string; passwordHash: string; now: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('users')
    .values({ name: user.name, password_hash: user.passwordHash, created_at: user.now })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .returning('name')
    .executeTakeFirst();
  if (inserted) return true;
  // A new password ends the sessions opened with the old one.
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: user.passwordHash })
      .where('name', '=', user.name)
      .execute();
    await trx.deleteFrom('sessions').where('user_name', '=', user.name).execute();
  });
  return false;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  const rows = await db
    .selectFrom('users')
    .select(['name', 'created_at'])
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ name: row.name, createdAt: row.created_at }));
}

/** Removes a user and their sessions; false when there was no such user. */
export async function removeUser(db: Db, name: string): Promise<boolean> {
  const result = await db.deleteFrom('users').where('name', '=', name).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function readPasswordHash(db: Db, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.password_hash;
}

/** Stores a new session; expired ones are deleted on the way, so the table holds live ones only. */
export async function insertSession(
  db: Db,
  session: { id: string; userName: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', session.now).execute();
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_name: session.userName,
      csrf_token: session.csrfToken,
      created_at: session.now,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The live session with this id, if any. */
export async function readSession(db: Db, id: string, now: Date): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['user_name', 'csrf_token', 'expires_at'])
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && { userName: row.user_name, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}
