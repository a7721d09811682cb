// The rule tester's backtest: the tried rules over the stored articles of a period, as `vigie backtest` replays them; reads only.
import { ARTICLE_LANGUAGE } from '../articles/language.ts';
import { type ReplayMatch, type RuleReplay, startReplay } from '../notify/backtest.ts';
import type { Matcher } from '../rules/compile.ts';
import { matchArticle } from '../rules/match.ts';
import { byMentions } from '../rules/regions.ts';
import type { RuleSpec } from '../rules/types.ts';
import { type Article, getArticle, listArticlesSince } from '../store/articles.ts';
import { countedAtOf } from '../store/counted-at.ts';
import { type DraftLabel, listDraftLabels } from '../store/draft-labels.ts';
import { storyKeyOf } from '../store/story-key.ts';
import type { Db } from '../store/types.ts';

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
  rules: (RuleReplay & { samples: MatchedSample[] })[];
  /** The labelled events of the rules' ids in the period, and what the rules would do to them. */
  labels: LabelOutcome[];
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
      const matches = matchStored(matcher, article);
      for (const match of matches) keepSample(samples.get(match.ruleId), article);
      replay.add(matches);
    }
    after = page.at(-1);
    if (truncated || page.length < PAGE_SIZE) break;
  }
  const replayed = replay
    .finish()
    .map((rule) => ({ ...rule, samples: samples.get(rule.id) ?? [] }));
  const labels = await backtestLabels(db, rules, matcher, options.since);
  return { since: options.since, articles, truncated, rules: replayed, labels };
}

function matchStored(matcher: Matcher, article: Article): ReplayMatch[] {
  const match = matchArticle(matcher, article, { hits: false, detectLanguage: ARTICLE_LANGUAGE });
  return match.rules.map((rule) => ({
    ruleId: rule.id,
    storyId: storyKeyOf(article.storyId, article.id),
    regions: byMentions(rule.regions, match.regions),
    focusRegions: byMentions(rule.focus, match.regions),
    matchedAt: article.createdAt,
    countedAt: countedAtOf(article.publishedAt, article.createdAt),
  }));
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

/** What the tried rules would do to the events labelled under their ids (issue 15 part 4). */
export interface LabelOutcome {
  ruleId: string;
  /** Labelled relevant, and the rule still matches the article. */
  relevantKept: number;
  /** Labelled relevant, and the rule no longer matches: what it would miss. */
  relevantLost: number;
  /** Labelled not relevant, and the rule no longer matches: noise it would drop. */
  irrelevantDropped: number;
  /** Labelled not relevant, and the rule still matches. */
  irrelevantKept: number;
}

/** Labelled events read at most: each one's article is matched again. */
const MAX_LABELS = 2_000;

/**
 * The events labelled under the tried rules' ids since `since`, each article matched again by the
 * tried rules: how many labelled-relevant events they would keep and labelled-irrelevant ones drop.
 */
export async function backtestLabels(
  db: Db,
  rules: readonly RuleSpec[],
  matcher: Matcher,
  since: Date,
): Promise<LabelOutcome[]> {
  const labels = await listDraftLabels(
    db,
    rules.map((rule) => rule.id),
    since,
    MAX_LABELS,
  );
  const matched = new Set<string>();
  for (const articleId of new Set(labels.map((label) => label.articleId))) {
    const article = await getArticle(db, articleId);
    if (!article) continue;
    const match = matchArticle(matcher, article, { hits: false, detectLanguage: ARTICLE_LANGUAGE });
    for (const rule of match.rules) matched.add(`${rule.id}\u0000${articleId}`);
  }
  return countLabelOutcomes(labels, (label) =>
    matched.has(`${label.ruleId}\u0000${label.articleId}`),
  );
}

/** Per rule, in the labels' order of first appearance; pure. */
export function countLabelOutcomes(
  labels: readonly DraftLabel[],
  stillMatches: (label: DraftLabel) => boolean,
): LabelOutcome[] {
  const byRule = new Map<string, LabelOutcome>();
  for (const label of labels) {
    let outcome = byRule.get(label.ruleId);
    if (!outcome) {
      outcome = {
        ruleId: label.ruleId,
        relevantKept: 0,
        relevantLost: 0,
        irrelevantDropped: 0,
        irrelevantKept: 0,
      };
      byRule.set(label.ruleId, outcome);
    }
    const kept = stillMatches(label);
    if (label.relevant) outcome[kept ? 'relevantKept' : 'relevantLost'] += 1;
    else outcome[kept ? 'irrelevantKept' : 'irrelevantDropped'] += 1;
  }
  return [...byRule.values()];
}
