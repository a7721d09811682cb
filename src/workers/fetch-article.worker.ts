// fetch-article: fetch a new article's page and extract its text; without a page, keep the feed's text.
import type { Job } from 'bullmq';
import { extractArticle } from '../articles/extract.ts';
import { feedText, pageOrFeedText } from '../articles/outcome.ts';
import type { Deps } from '../deps.ts';
import { TransientError } from '../lib/errors.ts';
import { ArticleJobSchema, enqueueClassifyArticle, parsePayload, QUEUE } from '../queues/index.ts';
import {
  type Article,
  type ArticleContent,
  getArticle,
  updateArticleContent,
} from '../store/articles.ts';
import { errorMessage, isLastAttempt, type WorkerSpec } from './spec.ts';

export interface FetchArticleResult {
  articleId: number;
  fetchStatus?: string;
  /** How its text was obtained (outcome.ts's ExtractionOutcome). */
  extraction?: string;
  error?: string;
  skipped?: string;
}

const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export const fetchArticleWorker: WorkerSpec<FetchArticleResult> = {
  queue: QUEUE.fetchArticle,
  concurrency: 8,
  process: fetchArticle,
};

async function fetchArticle(
  deps: Deps,
  job: Job,
  signal?: AbortSignal,
): Promise<FetchArticleResult> {
  const { articleId } = parsePayload(ArticleJobSchema, QUEUE.fetchArticle, job.data);
  const article = await getArticle(deps.store.db, articleId);
  if (!article) return { articleId, skipped: 'article not found' };
  // Already fetched by an earlier run of this job: only the follow-up may be missing.
  if (article.fetchStatus !== 'pending') {
    await enqueueClassifyArticle(deps.queues, { articleId });
    return { articleId, skipped: `already ${article.fetchStatus}` };
  }
  const content = await fetchContent(deps, article, isLastAttempt(job), signal);
  await updateArticleContent(deps.store.db, articleId, content);
  if (content.extraction.outcome === 'empty') {
    deps.log.warn({ articleId, url: article.url }, 'article stored without any text');
  }
  await enqueueClassifyArticle(deps.queues, { articleId });
  const { fetchStatus, extraction } = content;
  return { articleId, fetchStatus, extraction: extraction.outcome, ...errorField(content) };
}

/**
 * The page's content, or the feed's own text when the page cannot be had: a permanent error, a
 * forbidden address, not HTML, or a transient error on the last attempt. Transient errors before
 * then are thrown so that BullMQ retries with backoff.
 */
async function fetchContent(
  deps: Deps,
  article: Article,
  lastAttempt: boolean,
  signal: AbortSignal | undefined,
): Promise<ArticleContent> {
  try {
    const response = await deps.http.fetch(article.url, {
      accept: PAGE_ACCEPT,
      ...(signal ? { signal } : {}),
    });
    const page = extractArticle(response.body, {
      url: response.url,
      contentType: response.headers['content-type'],
      feedItem: {
        title: article.title,
        ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
        ...(article.byline ? { author: article.byline } : {}),
      },
    });
    return {
      canonicalUrl: page.canonicalUrl,
      title: page.title || undefined,
      ...pageOrFeedText(page, article.text),
      publishedAt: article.publishedAt ? undefined : toDate(page.publishedAt),
      lang: page.lang ?? undefined,
      byline: page.byline ?? undefined,
      fetchedAt: deps.clock.now(),
      fetchStatus: 'fetched',
    };
  } catch (error) {
    if (error instanceof TransientError && !lastAttempt) throw error;
    deps.log.warn(
      { articleId: article.id, err: errorMessage(error) },
      'article page not fetched, keeping the feed text',
    );
    return {
      ...feedText(article.text),
      fetchedAt: deps.clock.now(),
      fetchStatus: 'feed-only',
      fetchError: errorMessage(error),
    };
  }
}

function toDate(iso: string | null): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function errorField(content: ArticleContent): { error?: string } {
  return content.fetchError ? { error: content.fetchError } : {};
}
