// Stories: near-duplicate articles grouped under one row; assigning an article to its story once.
import { sql } from 'kysely';
import { DEFAULT_STORY_WINDOW_MS, type SameStoryOptions, sameStory } from '../stories/group.ts';
import { titleTokens } from '../stories/simhash.ts';
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
 * Title words of recent stories by id: a story's title never changes, and every assignment
 * compares against every story of the window, so tokenising them each time would dominate.
 * Kept per database handle: ids of two databases (PostgreSQL and PGlite in one process) differ.
 */
const storyTitlesByDb = new WeakMap<Db, Map<number, ReadonlySet<string>>>();
const STORY_TITLES_KEPT = 50_000;

function storyTitleWords(db: Db, id: number, title: string): ReadonlySet<string> {
  let storyTitles = storyTitlesByDb.get(db);
  if (!storyTitles) {
    storyTitles = new Map();
    storyTitlesByDb.set(db, storyTitles);
  }
  let words = storyTitles.get(id);
  if (words) return words;
  words = new Set(titleTokens(title));
  // Oldest first out: a Map iterates in insertion order.
  if (storyTitles.size >= STORY_TITLES_KEPT) {
    const oldest = storyTitles.keys().next();
    if (!oldest.done) storyTitles.delete(oldest.value);
  }
  storyTitles.set(id, words);
  return words;
}

// One constant key: assignments are serialised, so two near-duplicates arriving together
// cannot each open a story. An assignment is a handful of queries; thousands a minute fit.
const ASSIGN_LOCK_KEY = 0x7669_6701;

/**
 * Puts the article in the story of a recent near-duplicate, or in a new story. Idempotent: an
 * article already assigned keeps its story. Opens its own transaction: pass the Kysely instance.
 */
export async function assignStory(db: Db, input: StoryAssignment): Promise<StoryResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${ASSIGN_LOCK_KEY})`.execute(trx);
    const article = await trx
      .selectFrom('articles')
      .select('story_id')
      .where('id', '=', input.articleId)
      .executeTakeFirst();
    if (!article)
      throw new Error(`store: cannot assign a story to unknown article ${input.articleId}`);
    if (article.story_id !== null) return { storyId: article.story_id, created: false };
    const found = await findStory(trx, db, input);
    const storyId = found ?? (await createStory(trx, input));
    if (found !== undefined) await touchStory(trx, found, input.seenAt);
    await trx
      .updateTable('articles')
      .set({ story_id: storyId })
      .where('id', '=', input.articleId)
      .execute();
    return { storyId, created: found === undefined };
  });
}

/** The most recently active story within the window that `sameStory` accepts. */
async function findStory(
  db: Db,
  cacheKey: Db,
  input: StoryAssignment,
): Promise<number | undefined> {
  const windowMs = input.windowMs ?? DEFAULT_STORY_WINDOW_MS;
  const since = new Date(input.seenAt.getTime() - windowMs);
  const candidates = await db
    .selectFrom('stories')
    .select(['id', 'signature', 'title', 'last_seen_at'])
    .where('last_seen_at', '>=', since)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const options: SameStoryOptions = { windowMs };
  if (input.maxDistance !== undefined) options.maxDistance = input.maxDistance;
  if (input.titleJaccard !== undefined) options.titleJaccard = input.titleJaccard;
  const article = {
    signature: input.signature,
    titleTokens: new Set(titleTokens(input.title)),
    publishedAt: input.seenAt,
  };
  const match = candidates.find((story) =>
    sameStory(
      article,
      {
        signature: story.signature,
        titleTokens: storyTitleWords(cacheKey, story.id, story.title),
        publishedAt: story.last_seen_at,
      },
      options,
    ),
  );
  return match?.id;
}

async function createStory(db: Db, input: StoryAssignment): Promise<number> {
  const row = await db
    .insertInto('stories')
    .values({
      signature: input.signature,
      title: input.title,
      first_seen_at: input.seenAt,
      last_seen_at: input.seenAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function touchStory(db: Db, storyId: number, seenAt: Date): Promise<void> {
  await db
    .updateTable('stories')
    .set({ last_seen_at: sql`greatest(last_seen_at, ${seenAt})` })
    .where('id', '=', storyId)
    .execute();
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
