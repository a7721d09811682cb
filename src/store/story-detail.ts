// One story as the workspace shows it: its copies (articles) with their sources, and every rule they matched.
import { COUNTED_AT } from './counted-at.ts';
import type { Db } from './types.ts';

export interface StoryCopy {
  articleId: number;
  title: string;
  url: string;
  /** The feed it was first seen in. */
  feedId: string | null;
  /** When it counts (its publication, else first seen: counted-at.ts). */
  countedAt: Date;
  publishedAt: Date | null;
  firstSeenAt: Date;
  /** Every feed it was reached from, first one first. */
  sources: string[];
}

export interface StoryMatch {
  eventId: number;
  articleId: number;
  ruleId: string;
  score: number;
  regions: string[];
  matchedAt: Date;
}

export interface StoryDetail {
  id: number;
  title: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** Oldest first: the story's timeline. */
  copies: StoryCopy[];
  /** Oldest first. */
  matches: StoryMatch[];
}

/** A story of thousands of copies is shown by its first ones. */
export const MAX_STORY_COPIES = 500;

export async function getStoryDetail(db: Db, id: number): Promise<StoryDetail | undefined> {
  const story = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!story) return undefined;
  const articles = await db
    .selectFrom('articles')
    .select(['id', 'title', 'url', 'feed_id', 'published_at', 'created_at'])
    .select(COUNTED_AT.as('counted_at'))
    .where('story_id', '=', id)
    .orderBy(COUNTED_AT)
    .orderBy('id')
    .limit(MAX_STORY_COPIES)
    .execute();
  const ids = articles.map((article) => article.id);
  const [sources, events] = ids.length === 0 ? [[], []] : await readSourcesAndEvents(db, ids);
  return {
    id: story.id,
    title: story.title,
    firstSeenAt: story.first_seen_at,
    lastSeenAt: story.last_seen_at,
    copies: articles.map((article) => ({
      articleId: article.id,
      title: article.title,
      url: article.url,
      feedId: article.feed_id,
      countedAt: new Date(article.counted_at),
      publishedAt: article.published_at,
      firstSeenAt: article.created_at,
      sources: listSources(article.feed_id, sources, article.id),
    })),
    matches: events.map((event) => ({
      eventId: event.id,
      articleId: event.article_id,
      ruleId: event.rule_id,
      score: event.score,
      regions: event.regions,
      matchedAt: event.matched_at,
    })),
  };
}

async function readSourcesAndEvents(db: Db, articleIds: number[]) {
  return Promise.all([
    db
      .selectFrom('article_sources')
      .select(['article_id', 'feed_id'])
      .where('article_id', 'in', articleIds)
      .orderBy('first_seen_at')
      .orderBy('feed_id')
      .execute(),
    db
      .selectFrom('events')
      .select(['id', 'article_id', 'rule_id', 'score', 'regions', 'matched_at'])
      .where('article_id', 'in', articleIds)
      .orderBy('matched_at')
      .orderBy('id')
      .execute(),
  ] as const);
}

function listSources(
  first: string | null,
  sources: readonly { article_id: number; feed_id: string }[],
  articleId: number,
): string[] {
  const feeds = sources.filter((row) => row.article_id === articleId).map((row) => row.feed_id);
  return [...new Set([...(first === null ? [] : [first]), ...feeds])];
}
