// Stories: near-duplicate articles grouped under one row; assigning an article to its story once.
import { sql } from 'kysely';
import { hashWord } from '../rules/normalise.ts';
import {
  DEFAULT_MAX_DISTANCE,
  DEFAULT_STORY_WINDOW_MS,
  DEFAULT_TITLE_JACCARD,
  type SameStoryOptions,
  sameStory,
} from '../stories/group.ts';
import { bandPairKeys, indexDay, indexDaysAround, titleWordKeys } from '../stories/index-keys.ts';
import { MAX_PAIRED_DISTANCE, signatureBands, titleTokens } from '../stories/simhash.ts';
import { titleContentWords } from '../stories/title-words.ts';
import type { Db } from './types.ts';

export interface StoryAssignment {
  /** The article whose `story_id` is set. */
  articleId: number;
  /** `simhash` of the article's text. */
  signature: string;
  title: string;
  /** When the article was seen (or published): the story's activity time. */
  seenAt: Date;
  /** How long a story stays open to new articles since it was last seen (default 48h). */
  windowMs?: number | undefined;
  maxDistance?: number | undefined;
  titleJaccard?: number | undefined;
}

export interface StoryResult {
  storyId: number;
  /** True when this call made a new story rather than joining one (or finding one assigned). */
  created: boolean;
}

/**
 * What the lookup needs of the article, computed once: its index keys for the days it may reach,
 * the advisory lock keys, and whether the index can bound the search at all.
 */
interface Lookup {
  input: StoryAssignment;
  options: SameStoryOptions;
  since: Date;
  bandKeys: number[];
  wordKeys: string[];
  /** False when `sameStory` may accept a story that shares neither a band pair nor a title word. */
  indexed: boolean;
  /** Ascending `[class, key]` pairs: taken in one order, so two assignments cannot deadlock. */
  lockClasses: number[];
  lockKeys: number[];
}

// Lock keys. In index mode an assignment takes the shared global key, then one key per band (a
// shared pair is two shared bands) and per content title word. Two articles the index lets one
// find the other's story share a band or a word, hence a key: the second waits for the first to
// commit, and its lookup (a later statement, a fresh snapshot) sees the first's story. Assignments
// sharing no key cannot find each other's stories, so they commit as if one ran after the other.
// Without the index, the global key alone, exclusive: the lookup scans the whole window.
const GLOBAL_LOCK = 0x7669_6701;
const BAND_LOCK = 0x7669_6702;
const WORD_LOCK = 0x7669_6703;

/** The article was assigned by another transaction while this one chose its story. */
class AssignedMeanwhile extends Error {}

/**
 * Puts the article in the story of a recent near-duplicate, or in a new story. Idempotent: an
 * article already assigned keeps its story. Opens its own transaction: pass the Kysely instance.
 */
export async function assignStory(db: Db, input: StoryAssignment): Promise<StoryResult> {
  const lookup = prepareLookup(input);
  try {
    return await db.transaction().execute(async (trx) => {
      const assigned = await lockAndReadArticle(trx, lookup);
      if (assigned !== null) return { storyId: assigned, created: false };
      const found = await findStory(trx, db, lookup);
      if (found === undefined) return { storyId: await createStory(trx, input), created: true };
      await joinStory(trx, found, input);
      return { storyId: found.id, created: false };
    });
  } catch (error) {
    if (!(error instanceof AssignedMeanwhile)) throw error;
    // Rare (the same article assigned twice at once): the rollback undid this one's story.
    const row = await db
      .selectFrom('articles')
      .select('story_id')
      .where('id', '=', input.articleId)
      .executeTakeFirstOrThrow();
    return { storyId: row.story_id as number, created: false };
  }
}

function prepareLookup(input: StoryAssignment): Lookup {
  const windowMs = input.windowMs ?? DEFAULT_STORY_WINDOW_MS;
  const options: SameStoryOptions = { windowMs };
  if (input.maxDistance !== undefined) options.maxDistance = input.maxDistance;
  if (input.titleJaccard !== undefined) options.titleJaccard = input.titleJaccard;
  const titleWords = titleContentWords(input.title);
  const days = indexDaysAround(input.seenAt, windowMs);
  // Band pairs are sure only up to 6 differing bits; a Jaccard of 0 accepts titles sharing no
  // word. Both fall back to the full scan.
  const indexed =
    (options.maxDistance ?? DEFAULT_MAX_DISTANCE) <= MAX_PAIRED_DISTANCE &&
    (options.titleJaccard ?? DEFAULT_TITLE_JACCARD) > 0;
  const keys = indexed
    ? [
        ...signatureBands(input.signature).map((band) => [BAND_LOCK, band] as const),
        ...titleWords.map((word) => [WORD_LOCK, hashWord(word, 0, word.length)] as const),
      ].sort((a, b) => a[0] - b[0] || a[1] - b[1])
    : [];
  return {
    input,
    options,
    since: new Date(input.seenAt.getTime() - windowMs),
    bandKeys: bandPairKeys(input.signature, days),
    wordKeys: titleWordKeys(input.title, days),
    indexed,
    lockClasses: keys.map((key) => key[0]),
    lockKeys: keys.map((key) => key[1]),
  };
}

/**
 * Takes the lookup's locks (the global one first) and reads the article's story, if it has one.
 * The read's snapshot predates the wait: an assignment of this article committed meanwhile is seen
 * only by the final update's `story_id is null`. Also turns sequential scans off for the rest of
 * the transaction: the planner overrates how many rows a hundred-key `&&` matches and would read
 * every story rather than the GIN indexes (400 ms instead of a few at 20,000 stories).
 */
async function lockAndReadArticle(db: Db, lookup: Lookup): Promise<number | null> {
  const { articleId } = lookup.input;
  const global = lookup.indexed
    ? sql`pg_advisory_xact_lock_shared(${GLOBAL_LOCK})`
    : sql`pg_advisory_xact_lock(${GLOBAL_LOCK})`;
  const { rows } = await sql<{ story_id: number | null }>`
    select ${global}, (
      select count(pg_advisory_xact_lock(k.class, k.key))
      from unnest(${lookup.lockClasses}::int4[], ${lookup.lockKeys}::int4[]) as k (class, key)
    ), set_config('enable_seqscan', 'off', true), story_id
    from articles where id = ${articleId}
  `.execute(db);
  const article = rows[0];
  if (!article) throw new Error(`store: cannot assign a story to unknown article ${articleId}`);
  return article.story_id;
}

/**
 * The most recently active story within the window that `sameStory` accepts, among those sharing a
 * band pair or a content title word with the article on a day the window reaches (stories are keyed
 * by the day of their last activity); every story of the window without the index.
 * The index misses one case: titles alike (Jaccard ≥ 0.6 over 4 words or more) whose shared words
 * are all function words ("de", "la"…), which are not indexed; their texts may still match.
 */
async function findStory(db: Db, cacheKey: Db, lookup: Lookup): Promise<StoryRow | undefined> {
  const candidates = await (lookup.indexed
    ? indexedCandidates(db, lookup)
    : windowStories(db, lookup));
  const article = {
    signature: lookup.input.signature,
    titleTokens: new Set(titleTokens(lookup.input.title)),
    publishedAt: lookup.input.seenAt,
  };
  const match = candidates.find((story) =>
    sameStory(
      article,
      {
        signature: story.signature,
        titleTokens: storyTitleWords(cacheKey, story),
        publishedAt: story.last_seen_at,
      },
      lookup.options,
    ),
  );
  return match;
}

/**
 * Title words of stories by id, per database handle (ids of two databases differ): a story's title
 * never changes, and stories of a busy topic are candidates of many articles, so tokenising their
 * titles each time was a quarter of an assignment's JavaScript time. Oldest entries go first.
 */
const storyTitlesByDb = new WeakMap<Db, Map<number, ReadonlySet<string>>>();
const STORY_TITLES_KEPT = 20_000;

/** `db` is the Kysely instance, not a transaction: a transaction is a new object every time. */
function storyTitleWords(db: Db, story: StoryRow): ReadonlySet<string> {
  let titles = storyTitlesByDb.get(db);
  if (!titles) {
    titles = new Map();
    storyTitlesByDb.set(db, titles);
  }
  let words = titles.get(story.id);
  if (words) return words;
  words = new Set(titleTokens(story.title));
  if (titles.size >= STORY_TITLES_KEPT) {
    const oldest = titles.keys().next();
    if (!oldest.done) titles.delete(oldest.value);
  }
  titles.set(story.id, words);
  return words;
}

interface StoryRow {
  id: number;
  signature: string;
  title: string;
  last_seen_at: Date;
}

/** Every story of the window, the most recently active first. */
function windowStories(db: Db, lookup: Lookup): Promise<StoryRow[]> {
  return db
    .selectFrom('stories')
    .select(['id', 'signature', 'title', 'last_seen_at'])
    .where('last_seen_at', '>=', lookup.since)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * The stories the index finds, materialised before the window's condition: left together, the
 * planner misjudges the arrays' selectivity and scans the whole window by `last_seen_at` instead.
 */
function indexedCandidates(db: Db, lookup: Lookup): Promise<StoryRow[]> {
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
    .select(['id', 'signature', 'title', 'last_seen_at'])
    .where('last_seen_at', '>=', lookup.since)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A new story of the article, indexed, and the article put in it: one statement. */
async function createStory(db: Db, input: StoryAssignment): Promise<number> {
  const day = [indexDay(input.seenAt)];
  const row = await db
    .with('story', (db) =>
      db
        .insertInto('stories')
        .values({
          signature: input.signature,
          title: input.title,
          first_seen_at: input.seenAt,
          last_seen_at: input.seenAt,
          band_pairs: bandPairKeys(input.signature, day),
          title_words: titleWordKeys(input.title, day),
        })
        .returning('id'),
    )
    .updateTable('articles')
    .set({ story_id: (eb) => eb.selectFrom('story').select('id') })
    .where('id', '=', input.articleId)
    .where('story_id', 'is', null)
    .returning('story_id')
    .executeTakeFirst();
  return assignedStoryId(row);
}

/**
 * The story's activity moved to the article's time (its keys to that day when it is later), and
 * the article put in it: one statement. The row's own values decide, as concurrent joins update it.
 */
async function joinStory(db: Db, story: StoryRow, input: StoryAssignment): Promise<void> {
  const day = [indexDay(input.seenAt)];
  const bands = bandPairKeys(story.signature, day);
  const words = titleWordKeys(story.title, day);
  const later = sql<boolean>`last_seen_at < ${input.seenAt}`;
  const row = await db
    .with('touched', (db) =>
      db
        .updateTable('stories')
        .set({
          last_seen_at: sql`greatest(last_seen_at, ${input.seenAt})`,
          band_pairs: sql`case when ${later} then ${bands}::integer[] else band_pairs end`,
          title_words: sql`case when ${later} then ${words}::text[] else title_words end`,
        })
        .where('id', '=', story.id),
    )
    .updateTable('articles')
    .set({ story_id: story.id })
    .where('id', '=', input.articleId)
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
