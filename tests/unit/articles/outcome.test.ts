// Outcomes: which text is stored (page or feed) and how it is recorded, counted in characters.
import { describe, expect, it } from 'vitest';
import { countCharacters, feedText, pageOrFeedText } from '../../../src/articles/outcome.ts';

describe('pageOrFeedText', () => {
  it.each([
    ['the container', 'Le texte complet.', 'content', 'Résumé.', 'full', 'Le texte complet.'],
    ['a fallback', 'Le texte complet.', 'jsonld', '', 'fallback', 'Le texte complet.'],
    ['a teaser page', 'Acceptez.', 'content', 'Le résumé du flux.', 'feed', 'Le résumé du flux.'],
    ['an empty page, no feed text', '', 'none', '', 'empty', ''],
    ['an empty page over the feed text', '', 'none', 'Résumé.', 'feed', 'Résumé.'],
  ] as const)('%s', (_name, page, method, feed, outcome, text) => {
    const chosen = pageOrFeedText({ text: page, method }, feed);
    expect(chosen).toEqual({
      text,
      extraction: { outcome, method, textLength: countCharacters(text) },
    });
  });
});

describe('feedText', () => {
  it('is feed with text, empty without, and names no method', () => {
    expect(feedText('Résumé.').extraction).toEqual({
      outcome: 'feed',
      method: null,
      textLength: 7,
    });
    expect(feedText('').extraction).toEqual({ outcome: 'empty', method: null, textLength: 0 });
  });
});

describe('countCharacters', () => {
  it.each([
    ['', 0],
    ['œuvre', 5],
    ['𝔸𝔹', 2],
    ['a\u{1F600}b', 3],
    ['\uD835', 1],
    ['\uDD38x', 2],
  ])('%j has %i characters', (text, count) => {
    expect(countCharacters(text)).toBe(count);
  });
});
