// fetch-article: fetch a new article's page and extract its text; without a page, keep the feed's text.
import type { Job } from 'bullmq';
import { extractArticle } from '../articles/extract.ts';
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
  await enqueueClassifyArticle(deps.queues, { articleId });
  return { articleId, fetchStatus: content.fetchStatus, ...errorField(content) };
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
      // A teaser page (paywall, consent wall) says less than the feed did: keep the feed's text.
      text: page.text.length >= article.text.length ? page.text : article.text,
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
      text: article.text,
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
