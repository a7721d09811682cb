// Which story an article joins: the lookup's keys, the choice among candidates, the index keys;
// store/stories.ts runs the assignment's statements in one transaction under these keys' locks.
import { hashWord } from '../rules/normalise.ts';
import {
  assignArticleStory,
  type StoredStory,
  type StoryLookup,
  type StoryResult,
} from '../store/stories.ts';
import type { Db } from '../store/types.ts';
import {
  DEFAULT_MAX_DISTANCE,
  DEFAULT_STORY_WINDOW_MS,
  DEFAULT_TITLE_JACCARD,
  type SameStoryOptions,
  sameStory,
} from './group.ts';
import { bandPairKeys, indexDaysAround, storyIndexKeys, titleWordKeys } from './index-keys.ts';
import { MAX_PAIRED_DISTANCE, signatureBands, titleTokens } from './simhash.ts';
import { titleContentWords } from './title-words.ts';

export type { StoryResult };

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

/**
 * Puts the article in the story of a recent near-duplicate, or in a new story. Idempotent: an
 * article already assigned keeps its story. Pass the Kysely instance, not a transaction.
 */
export function assignStory(db: Db, input: StoryAssignment): Promise<StoryResult> {
  const options = sameStoryOptions(input);
  return assignArticleStory(db, planStoryLookup(input, options), {
    choose: (candidates) => chooseStory(db, input, candidates, options),
    indexKeys: storyIndexKeys,
  });
}

function sameStoryOptions(input: StoryAssignment): SameStoryOptions & { windowMs: number } {
  const options: SameStoryOptions & { windowMs: number } = {
    windowMs: input.windowMs ?? DEFAULT_STORY_WINDOW_MS,
  };
  if (input.maxDistance !== undefined) options.maxDistance = input.maxDistance;
  if (input.titleJaccard !== undefined) options.titleJaccard = input.titleJaccard;
  return options;
}

/**
 * The lookup's keys: the index keys of every day the window reaches, and a lock key per band and
 * per content title word. Band pairs are sure only up to 6 differing bits, and a Jaccard of 0
 * accepts titles sharing no word: both fall back to the full scan of the window.
 */
export function planStoryLookup(
  input: StoryAssignment,
  options: SameStoryOptions & { windowMs: number },
): StoryLookup {
  const titleWords = titleContentWords(input.title);
  const days = indexDaysAround(input.seenAt, options.windowMs);
  const indexed =
    (options.maxDistance ?? DEFAULT_MAX_DISTANCE) <= MAX_PAIRED_DISTANCE &&
    (options.titleJaccard ?? DEFAULT_TITLE_JACCARD) > 0;
  return {
    articleId: input.articleId,
    signature: input.signature,
    title: input.title,
    seenAt: input.seenAt,
    since: new Date(input.seenAt.getTime() - options.windowMs),
    indexed,
    bandKeys: bandPairKeys(input.signature, days),
    wordKeys: titleWordKeys(input.title, days),
    lockBands: indexed ? signatureBands(input.signature) : [],
    lockWords: indexed ? titleWords.map((word) => hashWord(word, 0, word.length)) : [],
  };
}

/**
 * The most recently active candidate that `sameStory` accepts. The index misses one case: titles
 * alike (Jaccard ≥ 0.6 over 4 words or more) whose shared words are all function words ("de",
 * "la"…), which are not indexed; their texts may still match.
 */
export function chooseStory(
  db: Db,
  input: StoryAssignment,
  candidates: readonly StoredStory[],
  options: SameStoryOptions,
): StoredStory | undefined {
  const article = {
    signature: input.signature,
    titleTokens: new Set(titleTokens(input.title)),
    publishedAt: input.seenAt,
  };
  return candidates.find((story) =>
    sameStory(
      article,
      {
        signature: story.signature,
        titleTokens: storyTitleWords(db, story),
        publishedAt: story.lastSeenAt,
      },
      options,
    ),
  );
}

/**
 * Title words of stories by id, per database handle (ids of two databases differ): a story's title
 * never changes, and stories of a busy topic are candidates of many articles, so tokenising their
 * titles each time was a quarter of an assignment's JavaScript time. Oldest entries go first.
 */
const storyTitlesByDb = new WeakMap<Db, Map<number, ReadonlySet<string>>>();
const STORY_TITLES_KEPT = 20_000;

/** `db` is the Kysely instance, not a transaction: a transaction is a new object every time. */
function storyTitleWords(db: Db, story: StoredStory): ReadonlySet<string> {
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
