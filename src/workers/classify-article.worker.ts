// classify-article: group the article into its story, match it against the rules and regions,
// store one event per matched rule, and ask for an alert evaluation of each new event's keys.
import type { Job } from 'bullmq';
import { ARTICLE_LANGUAGE } from '../articles/language.ts';
import type { Deps } from '../deps.ts';
import { alertKeys } from '../notify/threshold.ts';
import {
  type AlertJob,
  ArticleJobSchema,
  enqueueEvaluateAlerts,
  parsePayload,
  QUEUE,
} from '../queues/index.ts';
import { matchArticle } from '../rules/match.ts';
import { byMentions } from '../rules/regions.ts';
import { getArticle } from '../store/articles.ts';
import { insertEvents, type NewEvent } from '../store/events.ts';
import { markClassified } from '../store/unfinished-articles.ts';
import { assignStory } from '../stories/assign.ts';
import { simhash } from '../stories/simhash.ts';
import { isRerun, type WorkerSpec } from './spec.ts';

export interface ClassifyArticleResult {
  articleId: number;
  rules?: number;
  /** Events this run created: the ones whose alert keys were evaluated. */
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
  // A rerun goes on (its evaluations may not have been offered); a second offer does nothing.
  if (!isRerun(job) && article.classifiedAt !== null) {
    return { articleId, eventIds: [], skipped: 'already classified' };
  }
  // Without a known language, the match detects it from the words it reads anyway.
  const match = matchArticle(
    deps.matcher,
    { title: article.title, text: article.text, lang: article.lang },
    { detectLanguage: ARTICLE_LANGUAGE },
  );
  // Before the events: the threshold counts stories, so an event's article must have one.
  // Idempotent: an article already in a story keeps it.
  await assignStory(deps.store.db, {
    articleId,
    signature: simhash(article.text),
    title: article.title,
    seenAt: article.publishedAt ?? article.createdAt,
  });
  // After the story lock, right before the inserts: a digest reading up to a time must not
  // miss an event stamped before it but stored after (build-digest also waits a few seconds).
  const matchedAt = deps.clock.now();
  const matched: NewEvent[] = match.rules.map((rule) => ({
    articleId,
    ruleId: rule.id,
    score: rule.score,
    terms: rule.hits,
    // Most named first: a digest lists the story under the region it is mainly about.
    regions: byMentions(rule.regions, match.regions),
    focusRegions: byMentions(rule.focus, match.regions),
    matchedAt,
  }));
  // The mark goes after the events, not with them in a transaction (two round trips fewer): a
  // process that dies between the two leaves the article unmarked, and the job's stall recovery
  // or the article sweeper runs it again; its events are then found, not stored twice.
  const stored = await insertEvents(deps.store.db, matched);
  await markClassified(deps.store.db, articleId, matchedAt);
  // A rerun re-offers its evaluations: the first run may have died between insert and enqueue.
  const offered = matched.flatMap((event, i) => {
    const row = stored[i];
    return row && (row.created || isRerun(job)) ? [{ ...event, id: row.id }] : [];
  });
  await enqueueEvaluateAlerts(deps.queues, evaluationsOf(deps, offered));
  const eventIds = stored.filter((event) => event.created).map((event) => event.id);
  if (eventIds.length > 0) deps.log.info({ articleId, eventIds }, 'article matched rules');
  return { articleId, rules: match.rules.length, eventIds };
}

/** One evaluation per alert key each event counts for; none for a rule without an alert. */
function evaluationsOf(deps: Deps, events: readonly (NewEvent & { id: number })[]): AlertJob[] {
  return events.flatMap((event) => {
    const spec = deps.byId.rules.get(event.ruleId);
    if (!spec) return [];
    return alertKeys(spec, event.regions, event.focusRegions).map((regionId) => ({
      ruleId: event.ruleId,
      regionId,
      eventId: event.id,
    }));
  });
}
