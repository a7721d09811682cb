// classify-article: match one article against the rules and regions, store one event per matched rule.
import type { Job } from 'bullmq';
import { detectLanguage } from '../articles/language.ts';
import type { Deps } from '../deps.ts';
import { ArticleJobSchema, parsePayload, QUEUE } from '../queues/index.ts';
import { matchArticle } from '../rules/match.ts';
import { getArticle } from '../store/articles.ts';
import { insertEvent } from '../store/events.ts';
import type { WorkerSpec } from './spec.ts';

export interface ClassifyArticleResult {
  articleId: number;
  rules?: number;
  /** Events this run created: the ones send-alert (a later issue) must look at. */
  eventIds?: number[];
  skipped?: string;
}

export const classifyArticleWorker: WorkerSpec<ClassifyArticleResult> = {
  queue: QUEUE.classifyArticle,
  concurrency: 2,
  process: classifyArticle,
};

async function classifyArticle(deps: Deps, job: Job): Promise<ClassifyArticleResult> {
  const { articleId } = parsePayload(ArticleJobSchema, QUEUE.classifyArticle, job.data);
  const article = await getArticle(deps.store.db, articleId);
  if (!article) return { articleId, skipped: 'article not found' };
  const lang = article.lang ?? detectLanguage(`${article.title}\n${article.text}`);
  const match = matchArticle(deps.matcher, { title: article.title, text: article.text, lang });
  const matchedAt = deps.clock.now();
  const eventIds: number[] = [];
  for (const rule of match.rules) {
    const event = await insertEvent(deps.store.db, {
      articleId,
      ruleId: rule.id,
      score: rule.score,
      terms: rule.hits,
      regions: rule.regions,
      matchedAt,
    });
    if (event.created) eventIds.push(event.id);
  }
  // Alerts hook (later issue): enqueue send-alert for `eventIds` here, only those just created.
  if (eventIds.length > 0) deps.log.info({ articleId, eventIds }, 'article matched rules');
  return { articleId, rules: match.rules.length, eventIds };
}
