// Articles record how their text was obtained (outcome and method) and its length, for /metrics and operators.
import { type Kysely, sql } from 'kysely';

// Nullable: articles stored before this migration, and those still pending, have no outcome yet.
// The method is free text (fallback.ts's EXTRACTION_METHODS may grow); the outcome is the contract.
const STATEMENTS = [
  `alter table articles add column extraction text
    check (extraction in ('full', 'fallback', 'feed', 'empty'))`,
  'alter table articles add column extraction_method text',
  'alter table articles add column text_length integer',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) {
    await sql.raw(statement).execute(db);
  }
}
