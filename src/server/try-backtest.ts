// The rule tester's backtest: the tried rules over the stored articles of a period, as `vigie backtest` replays them; reads only.
import { type RuleReplay, startReplay } from '../notify/backtest.ts';
import { matchStored } from '../notify/backtest-stored.ts';
import type { Matcher } from '../rules/compile.ts';
import type { RuleSpec } from '../rules/types.ts';
import { type Article, listArticlesSince } from '../store/articles.ts';
import type { Db } from '../store/types.ts';
import type { LabelBacktest } from './label-stats.ts';

const PAGE_SIZE = 200;
/** Articles a page shows per rule. */
const SAMPLES = 10;

export interface TryBacktestOptions {
  since: Date;
  /** Stop after this many articles, so that a page answers: `truncated` then says so. */
  maxArticles: number;
}

export interface MatchedSample {
  id: number;
  title: string;
  url: string;
  at: Date;
}

export interface TryBacktest {
  since: Date;
  articles: number;
  truncated: boolean;
  rules: (RuleReplay & { samples: MatchedSample[]; labels?: LabelBacktest | undefined })[];
  /** Every article read, and those each rule matched: what the labels are compared with. */
  readIds: Set<number>;
  matchedIds: Map<string, Set<number>>;
}

/** Oldest first, a page at a time; each article matched and replayed through the alert thresholds. */
export async function backtestTried(
  db: Db,
  rules: readonly RuleSpec[],
  matcher: Matcher,
  options: TryBacktestOptions,
): Promise<TryBacktest> {
  const replay = startReplay(rules);
  const samples = new Map<string, MatchedSample[]>(rules.map((rule) => [rule.id, []]));
  const matchedIds = new Map<string, Set<number>>(rules.map((rule) => [rule.id, new Set()]));
  const readIds = new Set<number>();
  let articles = 0;
  let truncated = false;
  let after: Article | undefined;
  for (;;) {
    const page = await listArticlesSince(db, options.since, PAGE_SIZE, after);
    for (const article of page) {
      if (articles >= options.maxArticles) {
        truncated = true;
        break;
      }
      articles++;
      readIds.add(article.id);
      const matches = matchStored(matcher, article);
      for (const match of matches) {
        keepSample(samples.get(match.ruleId), article);
        matchedIds.get(match.ruleId)?.add(article.id);
      }
      replay.add(matches);
    }
    after = page.at(-1);
    if (truncated || page.length < PAGE_SIZE) break;
  }
  const replayed = replay
    .finish()
    .map((rule) => ({ ...rule, samples: samples.get(rule.id) ?? [] }));
  return { since: options.since, articles, truncated, rules: replayed, readIds, matchedIds };
}

/** The latest SAMPLES matched articles (the page shows the newest). */
function keepSample(list: MatchedSample[] | undefined, article: Article): void {
  if (!list) return;
  list.unshift({
    id: article.id,
    title: article.title,
    url: article.url,
    at: article.publishedAt ?? article.createdAt,
  });
  if (list.length > SAMPLES) list.pop();
}
