// Feed items to article rows: their identity, the feed's own text until the page is fetched, the next step.
import { htmlToText } from '../articles/text.ts';
import type { NewArticle } from '../store/articles.ts';
import { itemKey } from './identity.ts';
import type { FeedItem } from './parse.ts';

export interface ItemFeed {
  id: string;
  /** The feed's URL: the article's link when an item has none of its own. */
  url: string;
  fetchArticle: boolean;
  lang?: string | undefined;
}

/** Pure: the row to insert for `item`; `fetchStatus` says whether a page fetch follows. */
export function toNewArticle(item: FeedItem, feed: ItemFeed, seenAt: Date): NewArticle {
  const text = item.contentHtml ? htmlToText(item.contentHtml) : item.summary;
  return {
    urlKey: clean(itemKey(item)),
    url: clean(item.url ?? feed.url),
    title: clean(item.title),
    text: clean(text.trim() === '' ? item.summary : text),
    publishedAt: item.publishedAt ?? null,
    lang: feed.lang ?? null,
    byline: item.author ? clean(item.author) : null,
    feedId: feed.id,
    fetchStatus: feed.fetchArticle && item.url ? 'pending' : 'feed-only',
    seenAt,
  };
}

/** PostgreSQL text cannot hold NUL, which a hostile feed can carry in a CDATA section. */
function clean(text: string): string {
  return text.replaceAll('\u0000', '');
}
