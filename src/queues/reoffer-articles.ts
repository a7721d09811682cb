// Offers unfinished articles to their next step again, under the job ids their first offer had.
import { addArticleJobs, jobId, QUEUE, type Queues } from './index.ts';

export interface ArticleStep {
  id: number;
  step: 'fetch' | 'classify';
}

const QUEUE_OF = { fetch: QUEUE.fetchArticle, classify: QUEUE.classifyArticle } as const;

/**
 * Adds each article's job unless one of its id is known to BullMQ in any state: cheap enough for
 * every fetch-feed run, and a no-op for jobs waiting, retrying or running.
 */
export async function offerArticleSteps(
  queues: Queues,
  articles: readonly ArticleStep[],
): Promise<void> {
  await addArticleJobs(queues, QUEUE.fetchArticle, jobsOf(articles, 'fetch'));
  await addArticleJobs(queues, QUEUE.classifyArticle, jobsOf(articles, 'classify'));
}

/**
 * The sweeper's offer: a lost job is added anew and one that finished (failed for good during an
 * outage, or completed while the article stayed unfinished) runs again; a job still waiting,
 * delayed or active is left alone (false).
 */
export async function reofferArticleStep(queues: Queues, article: ArticleStep): Promise<boolean> {
  const name = QUEUE_OF[article.step];
  const queue = queues[name];
  const id = jobId(name, article.id);
  const existing = await queue.getJob(id);
  if (!existing) {
    await addArticleJobs(queues, name, [{ articleId: article.id }]);
    return true;
  }
  const state = await existing.getState();
  if (state !== 'failed' && state !== 'completed') return false;
  await existing.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
  return true;
}

function jobsOf(articles: readonly ArticleStep[], step: ArticleStep['step']) {
  return articles.filter((article) => article.step === step).map(({ id }) => ({ articleId: id }));
}
