// Every advisory lock vigie takes, in one place, so that no two resources share a key by accident.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from './types.ts';

// Two-int keys `(class, key)` keep the lock families apart; the alert lock hashes both of its parts.
// The values are those that shipped. DIGEST and STORY_BAND share 0x7669_6702: a digest run and a
// story assignment whose band equals the digest id's hash wait for one another (one chance in
// millions per pair, and no deadlock: a digest run takes no other advisory lock). Giving either
// a new value would be worse: during a rolling upgrade an old and a new process would lock the
// same digest or band under different keys and both enter, which is what the locks prevent.
export const LOCK = {
  /** Story lookups: shared in index mode, exclusive in full-scan mode. Single-int key. */
  storyGlobal: 0x7669_6701,
  /** Story lookups, one per signature band. */
  storyBand: 0x7669_6702,
  /** Story lookups, one per content word of the title (its hash). */
  storyWord: 0x7669_6703,
  /** Digest runs, one per digest (the id's hashtext). */
  digest: 0x7669_6702,
} as const;

/** The two-int form keys rule and region apart without a separator ('a'+'bc' vs 'ab'+'c'). */
export async function lockAlertKey(db: Db, ruleId: string, regionId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${ruleId}), hashtext(${regionId}))`.execute(db);
}

/** Until the transaction ends: one digest's runs are recorded one at a time. */
export async function lockDigest(db: Db, digestId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LOCK.digest}, hashtext(${digestId}))`.execute(db);
}

/** The story lookup's global lock, as an expression of the statement that takes the others. */
export function storyGlobalLock(shared: boolean): RawBuilder<unknown> {
  return shared
    ? sql`pg_advisory_xact_lock_shared(${LOCK.storyGlobal})`
    : sql`pg_advisory_xact_lock(${LOCK.storyGlobal})`;
}
