// Item identity: one canonical URL per article, so the same story seen twice is stored once.
import { createHash } from 'node:crypto';
import { canonicalUrl } from '../lib/canonical-url.ts';

export interface IdentifiableItem {
  url?: string;
  guid?: string;
  title?: string;
  summary?: string;
}

/** The deduplication key of a feed item: its canonical URL, else `guid:<guid>`, else a hash of its text. */
export function itemKey(item: IdentifiableItem): string {
  if (item.url) {
    try {
      return canonicalUrl(item.url);
    } catch {
      // An unusable link falls back to the guid, like an item without one.
    }
  }
  if (item.guid?.trim()) return `guid:${item.guid.trim()}`;
  const digest = createHash('sha256').update(`${item.title ?? ''}\n${item.summary ?? ''}`);
  return `text:${digest.digest('hex').slice(0, 32)}`;
}
