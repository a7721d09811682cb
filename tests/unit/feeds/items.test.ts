// Feed items to article rows: identity, the feed's text, and which step follows.
import { describe, expect, it } from 'vitest';
import { type ItemFeed, toNewArticle } from '../../../src/feeds/items.ts';
import type { FeedItem } from '../../../src/feeds/parse.ts';

const SEEN = new Date('2024-09-01T10:00:00Z');
const feed: ItemFeed = {
  id: 'opex360',
  url: 'https://example.org/feed/',
  fetchArticle: true,
  lang: 'fr',
};
const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
  url: 'https://example.org/a?utm_source=rss',
  title: 'Attentat',
  summary: 'Résumé.',
  ...overrides,
});

describe('toNewArticle', () => {
  it('keys the article by its canonical URL and waits for the page', () => {
    expect(toNewArticle(item(), feed, SEEN)).toMatchObject({
      urlKey: 'https://example.org/a',
      url: 'https://example.org/a?utm_source=rss',
      text: 'Résumé.',
      lang: 'fr',
      feedId: 'opex360',
      fetchStatus: 'pending',
      seenAt: SEEN,
    });
  });

  it('prefers the full content to the summary', () => {
    const article = toNewArticle(item({ contentHtml: '<p>Un.</p><p>Deux.</p>' }), feed, SEEN);
    expect(article.text).toBe('Un.\n\nDeux.');
  });

  it.each([
    ['fetchArticle is false', item(), { ...feed, fetchArticle: false }],
    ['the item has no link', item({ url: undefined, guid: 'g-1' }), feed],
  ])('keeps the feed text alone when %s', (_name, input, from) => {
    expect(toNewArticle(input, from, SEEN).fetchStatus).toBe('feed-only');
  });

  it('falls back to the guid and the feed URL for an item without a link', () => {
    const article = toNewArticle(item({ url: undefined, guid: 'g-1' }), feed, SEEN);
    expect(article).toMatchObject({ urlKey: 'guid:g-1', url: 'https://example.org/feed/' });
  });

  it('drops NUL characters, which PostgreSQL text refuses', () => {
    const article = toNewArticle(item({ title: 'A\u0000B', summary: 'x\u0000y' }), feed, SEEN);
    expect([article.title, article.text]).toEqual(['AB', 'xy']);
  });
});
