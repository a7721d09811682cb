// Every feed's health as `vigie feeds` and /metrics show it: its row, its recent fetches, items and extraction outcomes.
import type { ExtractionOutcome } from '../articles/outcome.ts';
import { countExtractionOutcomes } from './articles.ts';
import { countNewItems, summariseFetches } from './feed-health.ts';
import { type Feed, toFeed } from './feeds.ts';
import type { Db, FetchOutcome } from './types.ts';

export interface FeedHealthRow extends Feed {
  /** Over the period asked for. */
  fetches: Partial<Record<FetchOutcome, number>>;
  newItems: number;
  extraction: Partial<Record<ExtractionOutcome, number>>;
}

/** Every feed still in the config (or all with `all`), by id, with its counts since `since`. */
export async function listFeedHealth(
  db: Db,
  options: { since: Date; all?: boolean },
): Promise<FeedHealthRow[]> {
  let query = db.selectFrom('feeds').selectAll().orderBy('id');
  if (!options.all) query = query.where('in_config', '=', true);
  const feeds = (await query.execute()).map(toFeed);
  const [fetches, items, outcomes] = await Promise.all([
    summariseFetches(db, options.since),
    countNewItems(db, options.since),
    countExtractionOutcomes(db, options.since),
  ]);
  return feeds.map((feed) => ({
    ...feed,
    fetches: Object.fromEntries(
      fetches.filter((row) => row.feedId === feed.id).map((row) => [row.outcome, row.fetches]),
    ),
    newItems: items.get(feed.id) ?? 0,
    extraction: Object.fromEntries(
      outcomes.filter((row) => row.feedId === feed.id).map((row) => [row.outcome, row.count]),
    ),
  }));
}
