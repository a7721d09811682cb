// Stories: the statements of a story assignment (lock, candidates, create or join) and their
// transaction; stories/assign.ts decides which story an article joins and computes the keys.
import { sql } from 'kysely';
import { LOCK, storyGlobalLock } from './locks.ts';
import type { Db } from './types.ts';

/** A story as the lookup reads it. */
export interface StoredStory {
  id: number;
  signature: string;
  title: string;
  lastSeenAt: Date;
}

/** A story's index keys (`stories.band_pairs`, `stories.title_words`) for one day of activity. */
export interface StoryIndexKeys {
  bandPairs: number[];
  titleWords: string[];
}

/** Computes a story's index keys on the day of `at` (stories/index-keys.ts `storyIndexKeys`). */
export type StoryIndexKeysOf = (
  story: { signature: string; title: string },
  at: Date,
) => StoryIndexKeys;

/** What an assignment reads and locks, computed by the caller from the article. */
export interface StoryLookup {
  /** The article whose `story_id` is set. */
  articleId: number;
  signature: string;
  title: string;
  /** When the article was seen (or published): the story's activity time. */
  seenAt: Date;
  /** Stories last active before this are out of reach. */
  since: Date;
  /** False: every story since `since` is a candidate (a full scan under the exclusive lock). */
  indexed: boolean;
  /** Index keys of every day the window reaches: a candidate shares one of them. */
  bandKeys: number[];
  wordKeys: string[];
  /** Per-band and per-title-word lock keys (in index mode). */
  lockBands: number[];
  lockWords: number[];
}

/** The caller's part of an assignment: which candidate the article joins, and index keys. */
export interface StoryPolicy {
  /** Candidates come the most recently active first. */
  choose(candidates: readonly StoredStory[]): StoredStory | undefined;
  indexKeys: StoryIndexKeysOf;
}

export interface StoryResult {
  storyId: number;
  /** True when this call made a new story rather than joining one (or finding one assigned). */
  created: boolean;
}

// Locking. In index mode an assignment takes the shared global key, then one key per band (a
// shared pair is two shared bands) and per content title word. Two articles the index lets one
// find the other's story share a band or a word, hence a key: the second waits for the first to
// commit, and its lookup (a later statement, a fresh snapshot) sees the first's story. Assignments
// sharing no key cannot find each other's stories, so they commit as if one ran after the other.
// Without the index, the global key alone, exclusive: the lookup scans the whole window.

/** The article was assigned by another transaction while this one chose its story. */
class AssignedMeanwhile extends Error {}

/**
 * Puts the article in the story `policy` chooses among the lookup's candidates, or in a new
 * story. Idempotent: an article already assigned keeps its story. Opens its own transaction:
 * pass the Kysely instance.
 */
export async function assignArticleStory(
  db: Db,
  lookup: StoryLookup,
  policy: StoryPolicy,
): Promise<StoryResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const assigned = await lockAndReadArticle(trx, lookup);
      if (assigned !== null) return { storyId: assigned, created: false };
      const candidates = await (lookup.indexed
        ? indexedCandidates(trx, lookup)
        : windowStories(trx, lookup));
      const found = policy.choose(candidates);
      if (found === undefined) {
        return { storyId: await createStory(trx, lookup, policy), created: true };
      }
      await joinStory(trx, found, lookup, policy);
      return { storyId: found.id, created: false };
    });
  } catch (error) {
    if (!(error instanceof AssignedMeanwhile)) throw error;
    // Rare (the same article assigned twice at once): the rollback undid this one's story.
    const row = await db
      .selectFrom('articles')
      .select('story_id')
      .where('id', '=', lookup.articleId)
      .executeTakeFirstOrThrow();
    return { storyId: row.story_id as number, created: false };
  }
}

/** Ascending `[class, key]` pairs: taken in one order, so two assignments cannot deadlock. */
function lockPairs(lookup: StoryLookup): { classes: number[]; keys: number[] } {
  const pairs = lookup.indexed
    ? [
        ...lookup.lockBands.map((band) => [LOCK.storyBand, band] as const),
        ...lookup.lockWords.map((word) => [LOCK.storyWord, word] as const),
      ].sort((a, b) => a[0] - b[0] || a[1] - b[1])
    : [];
  return { classes: pairs.map((pair) => pair[0]), keys: pairs.map((pair) => pair[1]) };
}

/**
 * Takes the lookup's locks (the global one first) and reads the article's story, if it has one.
 * The read's snapshot predates the wait: an assignment of this article committed meanwhile is seen
 * only by the final update's `story_id is null`. Also turns sequential scans off for the rest of
 * the transaction: the planner overrates how many rows a hundred-key `&&` matches and would read
 * every story rather than the GIN indexes (400 ms instead of a few at 20,000 stories).
 */
async function lockAndReadArticle(db: Db, lookup: StoryLookup): Promise<number | null> {
  const { articleId } = lookup;
  const { classes, keys } = lockPairs(lookup);
  const { rows } = await sql<{ story_id: number | null }>`
    select ${storyGlobalLock(lookup.indexed)}, (
      select count(pg_advisory_xact_lock(k.class, k.key))
      from unnest(${classes}::int4[], ${keys}::int4[]) as k (class, key)
    ), set_config('enable_seqscan', 'off', true), story_id
    from articles where id = ${articleId}
  `.execute(db);
  const article = rows[0];
  if (!article) throw new Error(`store: cannot assign a story to unknown article ${articleId}`);
  return article.story_id;
}

const STORY_COLUMNS = ['id', 'signature', 'title', 'last_seen_at as lastSeenAt'] as const;

/** Every story of the window, the most recently active first. */
function windowStories(db: Db, lookup: StoryLookup): Promise<StoredStory[]> {
  return db
    .selectFrom('stories')
    .select(STORY_COLUMNS)
    .where('last_seen_at', '>=', lookup.since)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * The stories sharing a band pair or a content title word with the article on a day the window
 * reaches (stories are keyed by the day of their last activity), materialised before the window's
 * condition: left together, the planner misjudges the arrays' selectivity and scans the whole
 * window by `last_seen_at` instead.
 */
function indexedCandidates(db: Db, lookup: StoryLookup): Promise<StoredStory[]> {
  return db
    .with(
      (cte) => cte('hits').materialized(),
      (db) =>
        db
          .selectFrom('stories')
          .select(['id', 'signature', 'title', 'last_seen_at'])
          .where((eb) =>
            eb.or([
              sql<boolean>`band_pairs && ${lookup.bandKeys}::integer[]`,
              sql<boolean>`title_words && ${lookup.wordKeys}::text[]`,
            ]),
          ),
    )
    .selectFrom('hits')
    .select(STORY_COLUMNS)
    .where('last_seen_at', '>=', lookup.since)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A new story of the article, indexed, and the article put in it: one statement. */
async function createStory(db: Db, lookup: StoryLookup, policy: StoryPolicy): Promise<number> {
  const keys = policy.indexKeys(lookup, lookup.seenAt);
  const row = await db
    .with('story', (db) =>
      db
        .insertInto('stories')
        .values({
          signature: lookup.signature,
          title: lookup.title,
          first_seen_at: lookup.seenAt,
          last_seen_at: lookup.seenAt,
          band_pairs: keys.bandPairs,
          title_words: keys.titleWords,
        })
        .returning('id'),
    )
    .updateTable('articles')
    .set({ story_id: (eb) => eb.selectFrom('story').select('id') })
    .where('id', '=', lookup.articleId)
    .where('story_id', 'is', null)
    .returning('story_id')
    .executeTakeFirst();
  return assignedStoryId(row);
}

/**
 * The story's activity moved to the article's time (its keys to that day when it is later), and
 * the article put in it: one statement. The row's own values decide, as concurrent joins update it.
 */
async function joinStory(
  db: Db,
  story: StoredStory,
  lookup: StoryLookup,
  policy: StoryPolicy,
): Promise<void> {
  const keys = policy.indexKeys(story, lookup.seenAt);
  const later = sql<boolean>`last_seen_at < ${lookup.seenAt}`;
  const row = await db
    .with('touched', (db) =>
      db
        .updateTable('stories')
        .set({
          last_seen_at: sql`greatest(last_seen_at, ${lookup.seenAt})`,
          band_pairs: sql`case when ${later} then ${keys.bandPairs}::integer[] else band_pairs end`,
          title_words: sql`case when ${later} then ${keys.titleWords}::text[] else title_words end`,
        })
        .where('id', '=', story.id),
    )
    .updateTable('articles')
    .set({ story_id: story.id })
    .where('id', '=', lookup.articleId)
    .where('story_id', 'is', null)
    .returning('story_id')
    .executeTakeFirst();
  assignedStoryId(row);
}

/** The update's story, or the rollback when the article was assigned meanwhile (no row updated). */
function assignedStoryId(row: { story_id: number | null } | undefined): number {
  if (row?.story_id == null) throw new AssignedMeanwhile();
  return row.story_id;
}

/** The story's articles' ids, oldest first. */
export async function listStoryArticleIds(db: Db, storyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('story_id', '=', storyId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}
