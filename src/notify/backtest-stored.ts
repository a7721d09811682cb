// The replay over stored articles behind `vigie backtest` and /rules/:id: read, match, replay; reads only.
import { ARTICLE_LANGUAGE } from '../articles/language.ts';
import type { VigieConfig } from '../config/load.ts';
import type { Matcher } from '../rules/compile.ts';
import { matchArticle } from '../rules/match.ts';
import { byMentions } from '../rules/regions.ts';
import { type Article, listArticlesSince } from '../store/articles.ts';
import { countedAtOf } from '../store/counted-at.ts';
import { storyKeyOf } from '../store/story-key.ts';
import type { Db } from '../store/types.ts';
import { type ReplayMatch, type RuleReplay, startReplay } from './backtest.ts';

/** Articles read per query: the texts of a month of news do not fit in memory at once. */
const PAGE_SIZE = 200;

export interface StoredBacktestOptions {
  /** Articles stored at or after this time. */
  since: Date;
  /** Articles stored before this time (default: all since). */
  until?: Date | undefined;
  /** Only articles naming this region (or one inside it). */
  region?: string | undefined;
  /** Stop after this many articles (a page must answer); `truncated` says so. */
  maxArticles?: number | undefined;
}

export interface StoredBacktest {
  articles: number;
  rules: RuleReplay[];
  /** True when `maxArticles` stopped the replay before `until`. */
  truncated: boolean;
}

/**
 * Reads the articles stored in the period, oldest first, a page at a time, matches each as
 * classify-article does and replays the matches through the alert thresholds. The replay's clock
 * is each article's created_at (the worker stamps an event moments after storing its article);
 * an article counts in a window by its publication, as the worker counts it (`countedAtOf`), so
 * an old article found recently alerts no one here either.
 */
export async function backtestStored(
  db: Db,
  config: Pick<VigieConfig, 'rules'>,
  matcher: Matcher,
  options: StoredBacktestOptions,
): Promise<StoredBacktest> {
  const replay = startReplay(config.rules);
  const max = options.maxArticles ?? Number.POSITIVE_INFINITY;
  let articles = 0;
  let after: Article | undefined;
  for (;;) {
    const page = await listArticlesSince(db, options.since, PAGE_SIZE, after);
    for (const article of page) {
      if (options.until && article.createdAt >= options.until) {
        return { articles, rules: replay.finish(), truncated: false };
      }
      if (articles >= max) return { articles, rules: replay.finish(), truncated: true };
      articles++;
      replay.add(matchStored(matcher, article, options.region));
    }
    after = page.at(-1);
    if (page.length < PAGE_SIZE) break;
  }
  return { articles, rules: replay.finish(), truncated: false };
}

/** A stored article replayed: what each rule that matches it would count (only if it names `region`). */
export function matchStored(matcher: Matcher, article: Article, region?: string): ReplayMatch[] {
  const match = matchArticle(matcher, article, { hits: false, detectLanguage: ARTICLE_LANGUAGE });
  if (region !== undefined && !match.regions.some((named) => named.id === region)) return [];
  return match.rules.map((rule) => ({
    ruleId: rule.id,
    storyId: storyKeyOf(article.storyId, article.id),
    regions: byMentions(rule.regions, match.regions),
    focusRegions: byMentions(rule.focus, match.regions),
    matchedAt: article.createdAt,
    countedAt: countedAtOf(article.publishedAt, article.createdAt),
  }));
}
