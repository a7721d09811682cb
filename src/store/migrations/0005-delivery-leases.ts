// Deliveries are held by a lease (an expiry and the holder's token) instead of a bare claim time.
import { type Kysely, sql } from 'kysely';

// A claim taken before this migration keeps the ten minutes it was given: its sender, if still
// alive, runs code that knows no token and marks by state alone.
const STATEMENTS = [
  'alter table deliveries add column claim_token text',
  'alter table deliveries add column lease_until timestamptz',
  "update deliveries set lease_until = claimed_at + interval '10 minutes' where state = 'sending'",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) {
    await sql.raw(statement).execute(db);
  }
}
