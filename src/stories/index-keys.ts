// A story's keys in the lookup's indexes: band pairs and content title words, per day of activity.

import type { StoryIndexKeys } from '../store/stories.ts';
import { signatureBandPairs } from './simhash.ts';
import { titleContentWords } from './title-words.ts';

const DAY_MS = 86_400_000;
/** Days kept in a band key: they wrap after 2,048 (5.6 years), which only adds old candidates. */
const DAY_MASK = 0x7ff;

/**
 * The UTC day of a story's last activity. Keys carry it so an index lookup reaches only the stories
 * of the days it asks for: without it, a frequent title word ("irak") or chance band pairs would
 * match stories of every day ever stored, and the lookup would slow down as the data grows.
 */
export function indexDay(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** The days whose stories a lookup for an article seen at `seenAt` may accept (±`windowMs`). */
export function indexDaysAround(seenAt: Date, windowMs: number): number[] {
  const days: number[] = [];
  const last = indexDay(new Date(seenAt.getTime() + windowMs));
  for (let day = indexDay(new Date(seenAt.getTime() - windowMs)); day <= last; day++)
    days.push(day);
  return days;
}

/** `signatureBandPairs` (21 bits each) tagged with the day: `stories.band_pairs`. */
export function bandPairKeys(signature: string, days: readonly number[]): number[] {
  const pairs = signatureBandPairs(signature);
  return days.flatMap((day) => pairs.map((pair) => ((day & DAY_MASK) << 21) | pair | 0));
}

/** `titleContentWords` tagged with the day, `day:word`: `stories.title_words`. */
export function titleWordKeys(title: string, days: readonly number[]): string[] {
  const words = titleContentWords(title);
  return days.flatMap((day) => words.map((word) => `${day}:${word}`));
}

/** A story's index keys on the day of `at`: what `stories.band_pairs` and `title_words` hold. */
export function storyIndexKeys(
  story: { signature: string; title: string },
  at: Date,
): StoryIndexKeys {
  const day = [indexDay(at)];
  return {
    bandPairs: bandPairKeys(story.signature, day),
    titleWords: titleWordKeys(story.title, day),
  };
}
