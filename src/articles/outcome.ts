// How a stored article's text was obtained (full page, fallback, feed text, nothing) and how long it is.
import type { ExtractionMethod } from './fallback.ts';

/**
 * `full`: the page's main container; `fallback`: the page, through a fallback method; `feed`:
 * the feed's own text (page not fetched, not HTML, or shorter than the feed's); `empty`: no text.
 */
export const EXTRACTION_OUTCOMES = ['full', 'fallback', 'feed', 'empty'] as const;
export type ExtractionOutcome = (typeof EXTRACTION_OUTCOMES)[number];

export interface Extraction {
  outcome: ExtractionOutcome;
  /** The page's extraction method; null when no page was read. */
  method: ExtractionMethod | null;
  /** Characters (Unicode code points) of the stored text. */
  textLength: number;
}

export interface ArticleText {
  text: string;
  extraction: Extraction;
}

/** The text stored without a page: the feed's own. */
export function feedText(text: string): ArticleText {
  const textLength = countCharacters(text);
  return {
    text,
    extraction: { outcome: textLength > 0 ? 'feed' : 'empty', method: null, textLength },
  };
}

/**
 * The page's text, unless the feed's says more: a teaser page (paywall, consent wall) keeps
 * the feed's text, its outcome `feed` with the page's method kept as the detail.
 */
export function pageOrFeedText(
  page: { text: string; method: ExtractionMethod },
  feed: string,
): ArticleText {
  if (page.text.length < feed.length) {
    return { text: feed, extraction: { ...feedText(feed).extraction, method: page.method } };
  }
  const textLength = countCharacters(page.text);
  const outcome = textLength === 0 ? 'empty' : page.method === 'content' ? 'full' : 'fallback';
  return { text: page.text, extraction: { outcome, method: page.method, textLength } };
}

/** Code points, as PostgreSQL's char_length counts them: a surrogate pair is one character. */
export function countCharacters(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0xdc00 && code <= 0xdfff && index > 0) {
      const before = text.charCodeAt(index - 1);
      if (before >= 0xd800 && before <= 0xdbff) count -= 1;
    }
  }
  return count;
}
