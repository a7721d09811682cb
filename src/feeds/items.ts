// Feed items to article rows: their identity, the feed's own text until the page is fetched, the next step.
import { feedText } from '../articles/outcome.ts';
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
  const html = item.contentHtml ? htmlToText(item.contentHtml) : item.summary;
  const text = clean(html.trim() === '' ? item.summary : html);
  const fetchPage = feed.fetchArticle && !!item.url;
  return {
    urlKey: clean(itemKey(item)),
    url: clean(item.url ?? feed.url),
    title: clean(item.title),
    text,
    publishedAt: item.publishedAt ?? null,
    lang: feed.lang ?? null,
    byline: item.author ? clean(item.author) : null,
    feedId: feed.id,
    fetchStatus: fetchPage ? 'pending' : 'feed-only',
    // Without a page to fetch, the feed's text is final and so is its outcome.
    ...(fetchPage ? {} : { extraction: feedText(text).extraction }),
    seenAt,
  };
}

/** PostgreSQL text cannot hold NUL, which a hostile feed can carry in a CDATA section. */
function clean(text: string): string {
  return text.replaceAll('\u0000', '');
}
