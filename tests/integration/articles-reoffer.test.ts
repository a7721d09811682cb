// Unfinished articles offered again: by each fetch-feed run (even a 304) and by the article sweeper.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { countPendingJobs } from '../../src/queues/idle.ts';
import { QUEUE } from '../../src/queues/index.ts';
import { insertArticleIfNew } from '../../src/store/articles.ts';
import { upsertFeeds } from '../../src/store/feeds.ts';
import { sweepArticles } from '../../src/workers/sweep-articles.worker.ts';
import {
  articlePage,
  closeTestDeps,
  feedSpec,
  type LocalServer,
  openTestDeps,
  rssFeed,
  runFeedOnce,
  startLocalServer,
  testBackends,
} from './pipeline-helpers.ts';

const [backend] = testBackends('reoffer');
const postgres = backend ?? { kind: 'postgres' as const, dataDir: '' };
let server: LocalServer;
let deps: Deps;

beforeAll(async () => {
  server = await startLocalServer();
  server.routes.set('/feed.xml', (headers) =>
    headers['if-none-match'] === '"v1"'
      ? { status: 304 }
      : {
          headers: { etag: '"v1"', 'content-type': 'application/rss+xml' },
          body: rssFeed([
            { title: 'Dépêche 0', link: `${server.url}/a/0`, description: 'Le marqueur.' },
          ]),
        },
  );
  for (let i = 0; i < 10; i++) {
    server.routes.set(`/a/${i}`, () => ({
      headers: { 'content-type': 'text/html' },
      body: articlePage(`Dépêche ${i}`, [`Le marqueur commun, texte complet de la dépêche ${i}.`]),
    }));
  }
  deps = await openTestDeps(postgres, [feedSpec('site', `${server.url}/feed.xml`)], 'reoffer');
  await upsertFeeds(deps.store.db, [{ id: 'site', url: `${server.url}/feed.xml` }], new Date());
});

afterAll(async () => {
  await closeTestDeps(deps, postgres);
  await server.close();
});

/** An article row stored by a process that died before adding its job, `ageMs` ago. */
async function storeOrphan(i: number, ageMs = 0, fetchStatus?: 'feed-only'): Promise<number> {
  const row = await insertArticleIfNew(deps.store.db, {
    urlKey: `${server.url}/a/${i}`,
    url: `${server.url}/a/${i}`,
    title: `Dépêche ${i}`,
    text: 'Le marqueur.',
    feedId: 'site',
    fetchStatus,
    seenAt: new Date(Date.now() - ageMs),
  });
  return row.id;
}

async function unfinishedIds(): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select id from articles where fetch_status = 'pending' or classified_at is null order by id`.execute(
    deps.store.db,
  );
  return rows.rows.map((row) => row.id);
}

describe('unfinished articles offered again', () => {
  it('a fetch-feed run answered 304 offers the rows a dead run stored without jobs', async () => {
    await runFeedOnce(deps, 'site', new Date(1));
    expect(await unfinishedIds()).toEqual([]);
    // The killed run of issue 10: rows stored, their addBulk never sent.
    const pending = await storeOrphan(1);
    const unclassified = await storeOrphan(2, 0, 'feed-only');
    expect(await unfinishedIds()).toEqual([pending, unclassified]);
    const outcomes = await runFeedOnce(deps, 'site', new Date(2));
    const feedRun = outcomes.find((outcome) => outcome.queue === QUEUE.fetchFeed);
    expect(feedRun?.result).toMatchObject({ status: 304, new: 0 });
    expect(await unfinishedIds()).toEqual([]);
    const fetched = await sql<{ fetch_status: string }>`
      select fetch_status from articles where id = ${pending}`.execute(deps.store.db);
    expect(fetched.rows[0]?.fetch_status).toBe('fetched');
  });

  it('the sweeper offers articles left unfinished for minutes, once, and not young ones', async () => {
    const old = await storeOrphan(3, 10 * 60_000);
    const young = await storeOrphan(4);
    const sweeper = { ...deps, clock: fixedClock(new Date()) };
    const limits = { reoffers: 10, pageSize: 1, scanned: 100 };
    expect(await sweepArticles(sweeper, limits)).toEqual({ reoffered: 1 });
    // Its job is waiting: a second sweep leaves it alone.
    expect(await sweepArticles(sweeper, limits)).toEqual({ reoffered: 0 });
    const job = await deps.queues[QUEUE.fetchArticle].getJob(`fetch-article-${old}`);
    expect(job?.data).toEqual({ articleId: old });
    expect(await deps.queues[QUEUE.fetchArticle].getJob(`fetch-article-${young}`)).toBeUndefined();
    expect(await countPendingJobs([deps.queues[QUEUE.fetchArticle]])).toBe(1);
  });
});
