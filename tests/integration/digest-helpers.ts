import type { Deps } from '../../src/deps.ts';
import { waitUntilIdle } from '../../src/queues/idle.ts';
import { enqueueBuildDigest, QUEUE } from '../../src/queues/index.ts';
import type { Db } from '../../src/store/types.ts';
import { closeWorkers, type JobObserver, startWorkers } from '../../src/workers/index.ts';
import type { JobOutcome } from './pipeline-helpers.ts';

export interface StoredMatch {
  title: string;
  url: string;
  ruleId: string;
  regions: string[];
  matchedAt: Date;
  /** Feeds that carried the article; the first is its own. */
  feeds?: string[];
  publishedAt?: Date;
  storyId?: number;
}

/** An article and its event as classify-article would leave them; returns the event id. */
export async function storeMatch(db: Db, match: StoredMatch): Promise<number> {
  const feeds = match.feeds ?? ['feed-a'];
  const article = await db
    .insertInto('articles')
    .values({
      url_key: match.url,
      url: match.url,
      title: match.title,
      text: `${match.title}. Un attentat de Daech.`,
      published_at: match.publishedAt ?? match.matchedAt,
      feed_id: feeds[0] ?? null,
      story_id: match.storyId ?? null,
      fetch_status: 'fetched',
      created_at: match.matchedAt,
    })
    .onConflict((oc) => oc.column('url_key').doUpdateSet({ url: match.url }))
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const feed of feeds) {
    await db
      .insertInto('article_sources')
      .values({ article_id: article.id, feed_id: feed, first_seen_at: match.matchedAt })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const event = await db
    .insertInto('events')
    .values({
      article_id: article.id,
      rule_id: match.ruleId,
      score: 2,
      terms: JSON.stringify([{ term: 'attentat*', segment: 1, start: 0, end: 8 }]),
      regions: match.regions,
      matched_at: match.matchedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return event.id;
}
export { startSmtp, type TestSmtp } from './smtp-helpers.ts';

/** The mails of one digest, by the id its subject names, oldest first. */
export function digestMails<T extends { subject?: string | undefined }>(
  received: readonly T[],
  digestId: string,
): T[] {
  return received.filter((mail) => mail.subject?.startsWith(`[vigie] Digest ${digestId}:`));
}

/** How many times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

const DIGEST_QUEUES = [QUEUE.buildDigest, QUEUE.sendDigest] as const;

/** Adds one build-digest job and runs in-process workers until it and its sends are done. */
export async function runDigest(deps: Deps, digestId: string): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  const observer: JobObserver = {
    completed: (queue, job, result) => outcomes.push({ queue, job, result }),
    failed: (queue, job, error, final) => {
      if (final) outcomes.push({ queue, job, error });
    },
  };
  const workers = startWorkers(deps, DIGEST_QUEUES, { observers: [observer] });
  try {
    await enqueueBuildDigest(deps.queues, { digestId });
    await waitUntilIdle(
      DIGEST_QUEUES.map((name) => deps.queues[name]),
      workers,
    );
  } finally {
    await closeWorkers(workers);
  }
  return outcomes;
}
