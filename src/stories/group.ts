// When two articles tell the same story: near-identical text (SimHash) or near-identical title, close in time.
import { hammingDistance, jaccard } from './simhash.ts';

export interface StoryCandidate {
  /** `simhash` of the article's title and text. */
  signature: string;
  /** `titleTokens` of the article's title (a set when compared against many). */
  titleTokens: readonly string[] | ReadonlySet<string>;
  publishedAt: Date;
}

export interface SameStoryOptions {
  /** Most differing bits of two signatures of one story (3 to 6 is usual for 64 bits). */
  maxDistance?: number;
  /** Least title similarity (Jaccard over title words) of one story told in other words. */
  titleJaccard?: number;
  /** Farthest apart two articles of one story may be published. */
  windowMs?: number;
}

export const DEFAULT_MAX_DISTANCE = 6;
export const DEFAULT_TITLE_JACCARD = 0.6;
export const DEFAULT_STORY_WINDOW_MS = 48 * 3_600_000;
/** Short titles ("Irak : attentat à Bagdad") are too generic to group on the title alone. */
const MIN_TITLE_WORDS = 4;

/** True when `a` and `b` are the same story: within the window, and close texts or close titles. */
export function sameStory(
  a: StoryCandidate,
  b: StoryCandidate,
  options: SameStoryOptions = {},
): boolean {
  const windowMs = options.windowMs ?? DEFAULT_STORY_WINDOW_MS;
  if (Math.abs(a.publishedAt.getTime() - b.publishedAt.getTime()) > windowMs) return false;
  if (hammingDistance(a.signature, b.signature) <= (options.maxDistance ?? DEFAULT_MAX_DISTANCE)) {
    return true;
  }
  return similarTitles(a.titleTokens, b.titleTokens, options.titleJaccard ?? DEFAULT_TITLE_JACCARD);
}

type Words = readonly string[] | ReadonlySet<string>;

function similarTitles(a: Words, b: Words, threshold: number): boolean {
  if (sizeOf(a) < MIN_TITLE_WORDS || sizeOf(b) < MIN_TITLE_WORDS) return false;
  return jaccard(a, b) >= threshold;
}

function sizeOf(words: Words): number {
  return words instanceof Set ? words.size : (words as readonly string[]).length;
}
