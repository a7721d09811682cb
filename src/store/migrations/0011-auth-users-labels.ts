// Workspace users, their server-side sessions, and the relevance labels they put on events (issue 15).
import { type Kysely, sql } from 'kysely';

const STATEMENTS = [
  // `password_hash` is lib/password.ts's self-describing `scrypt$N$r$p$salt$key`.
  `create table users (
    name text primary key,
    password_hash text not null,
    created_at timestamptz not null
  )`,
  // `id` is the SHA-256 of the cookie's token: a copy of the table opens no session.
  `create table sessions (
    id text primary key,
    user_name text not null references users (name) on delete cascade,
    csrf_token text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
  )`,
  'create index sessions_expires_at on sessions (expires_at)',
  // One current label per event and user; `user_name` is not a reference to users because a
  // trusted proxy's users are not in that table. Events purged by retention take their labels.
  `create table event_labels (
    event_id bigint not null references events (id) on delete cascade,
    user_name text not null,
    relevant boolean not null,
    labelled_at timestamptz not null,
    primary key (event_id, user_name)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) {
    await sql.raw(statement).execute(db);
  }
}
