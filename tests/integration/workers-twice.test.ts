// Every worker run twice on the same job at once (a stalled job, two workers): one row, one follow-up job.
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import type { QueueName } from '../../src/queues/index.ts';
import { upsertFeeds } from '../../src/store/feeds.ts';
import type { ClassifyArticleResult } from '../../src/workers/classify-article.worker.ts';
import type { FetchFeedResult } from '../../src/workers/fetch-feed.worker.ts';
import { WORKERS } from '../../src/workers/index.ts';
import {
  articlePage,
  closeTestDeps,
  countRows,
  feedSpec,
  type LocalServer,
  openTestDeps,
  rssFeed,
  startLocalServer,
  testBackends,
} from './pipeline-helpers.ts';

/** What a processor reads of a job: its data and how many times it ran before. */
function fakeJob(data: unknown): Job {
  return { data, attemptsMade: 0, attemptsStarted: 1, opts: { attempts: 5 } } as unknown as Job;
}

function runTwice<T>(deps: Deps, queue: QueueName, data: unknown): Promise<T[]> {
  const run = () => WORKERS[queue].process(deps, fakeJob(data)) as Promise<T>;
  return Promise.all([run(), run()]);
}

async function waitingJobs(deps: Deps, queue: QueueName): Promise<string[]> {
  const jobs = await deps.queues[queue].getJobs(['waiting', 'prioritized', 'delayed']);
  return jobs.map((job) => job.id ?? '').sort();
}

describe.each(testBackends('twice'))('workers run twice on $kind', (backend) => {
  let server: LocalServer;
  let deps: Deps;

  beforeAll(async () => {
    server = await startLocalServer();
    const feed = feedSpec('twice', `${server.url}/feed.xml`);
    deps = await openTestDeps(backend, [feed], 'twice');
    await upsertFeeds(deps.store.db, [{ id: feed.id, url: feed.url }], new Date(Date.now() - 1000));
    const items = ['a', 'b', 'c'].map((slug) => ({
      title: `Article ${slug}`,
      link: `${server.url}/${slug}`,
      description: 'Un résumé sur Mossoul.',
    }));
    server.routes.set('/feed.xml', () => ({ body: rssFeed(items) }));
    server.routes.set('/a', () => ({
      headers: { 'content-type': 'text/html' },
      body: articlePage('Article a', [
        'Un attentat de Daech à Mossoul, en Irak, a fait dix morts.',
      ]),
    }));
  });

  afterAll(async () => {
    await closeTestDeps(deps, backend);
    await server.close();
  });

  it('schedule-feeds: one fetch-feed job for one due feed', async () => {
    await runTwice(deps, 'schedule-feeds', {});
    expect(await waitingJobs(deps, 'fetch-feed')).toHaveLength(1);
  });

  it('fetch-feed: each item stored once, one fetch-article job each', async () => {
    const results = await runTwice<FetchFeedResult>(deps, 'fetch-feed', { feedId: 'twice' });
    expect(results.map((result) => result.items)).toEqual([3, 3]);
    expect(results.reduce((sum, result) => sum + (result.new ?? 0), 0)).toBe(3);
    expect(await countRows(deps.store, 'articles')).toBe(3);
    expect(await countRows(deps.store, 'article_sources')).toBe(3);
    expect(await waitingJobs(deps, 'fetch-article')).toHaveLength(3);
  });

  it('fetch-article: the page stored, one classify-article job', async () => {
    const article = await deps.store.db
      .selectFrom('articles')
      .selectAll()
      .where('url', '=', `${server.url}/a`)
      .executeTakeFirstOrThrow();
    await runTwice(deps, 'fetch-article', { articleId: article.id });
    const stored = await deps.store.db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    expect(stored.fetch_status).toBe('fetched');
    expect(stored.text).toContain('Un attentat de Daech');
    expect(await countRows(deps.store, 'articles')).toBe(3);
    expect(await waitingJobs(deps, 'classify-article')).toEqual([`classify-article-${article.id}`]);
  });

  it('classify-article: one event per rule, created by one run only', async () => {
    const [job] = await deps.queues['classify-article'].getJobs(['waiting']);
    const results = await runTwice<ClassifyArticleResult>(deps, 'classify-article', job?.data);
    const created = results.flatMap((result) => result.eventIds ?? []);
    const events = await deps.store.db.selectFrom('events').select(['id', 'rule_id']).execute();
    expect(events.map((event) => event.rule_id).sort()).toEqual(['ei-attentats', 'mossoul']);
    expect(created.sort()).toEqual(events.map((event) => event.id).sort());
  });

  it('rejects a malformed payload without retry', async () => {
    await expect(
      WORKERS['classify-article'].process(deps, fakeJob({ articleId: 'x' })),
    ).rejects.toThrow(expect.objectContaining({ name: 'UnrecoverableError' }));
  });
});
