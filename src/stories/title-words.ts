// The content words of a title, as `stories.title_words` stores them for the story lookup's index.
import { LISTED_FUNCTION_WORDS } from '../rules/function-words.ts';
import { titleTokens } from './simhash.ts';

/**
 * The function words the language detector lists ("de", "la", "the"…, rules/function-words.ts) are
 * in nearly every title and would make every story a candidate: they are left out of the index.
 * Stored rows were indexed with that list: a word added to it later is no longer looked up, so
 * stories stored before are then found through their other title words and their band pairs.
 *
 * Two titles of one story share some of the words left, unless every word they share is a
 * function word (then the lookup's index cannot find the other story).
 */
export function titleContentWords(title: string): string[] {
  return titleTokens(title).filter((word) => !LISTED_FUNCTION_WORDS.has(word));
}
