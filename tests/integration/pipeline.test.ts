// The in-process pipeline against a local feed server, on PostgreSQL and on PGlite: feeds → articles → events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { getFeed, upsertFeeds } from '../../src/store/feeds.ts';
import {
  articlePage,
  closeTestDeps,
  countRows,
  feedSpec,
  type LocalServer,
  openTestDeps,
  rssFeed,
  runFeedOnce,
  startLocalServer,
  testBackends,
} from './pipeline-helpers.ts';

const FILLER =
  'Les autorités ont annoncé une enquête. Les habitants du quartier décrivent une explosion très forte, ' +
  'entendue à plusieurs kilomètres, et des secours arrivés rapidement sur les lieux.';

describe.each(testBackends('pipeline'))('pipeline on $kind', (backend) => {
  let server: LocalServer;
  let deps: Deps;
  const at = (minutes: number) => new Date(Date.UTC(2024, 8, 1, 10, minutes));

  beforeAll(async () => {
    server = await startLocalServer();
    const feeds = ['news', 'flaky', 'gone', 'broken'].map((id) =>
      feedSpec(id, `${server.url}/${id}.xml`),
    );
    deps = await openTestDeps(backend, feeds, 'pipeline');
    await upsertFeeds(
      deps.store.db,
      feeds.map(({ id, url }) => ({ id, url })),
      new Date(),
    );
    serveNewsFeed(server);
  });

  afterAll(async () => {
    await closeTestDeps(deps, backend);
    await server.close();
  });

  it('stores the articles and their events; a forbidden article link keeps the feed text', async () => {
    const outcomes = await runFeedOnce(deps, 'news', at(0));
    expect(outcomes.filter((o) => o.error)).toEqual([]);
    const articles = await deps.store.db.selectFrom('articles').selectAll().orderBy('id').execute();
    expect(articles.map((a) => [a.title, a.fetch_status])).toEqual([
      ['Attentat à Mossoul', 'fetched'],
      ['Calme à Bagdad', 'fetched'],
      ['Combats au nord', 'feed-only'],
    ]);
    expect(articles[0]?.text).toContain('Un attentat de Daech à Mossoul');
    expect(articles[2]?.fetch_error).toMatch(/forbidden address 127\.0\.0\.2/);
    const events = await deps.store.db.selectFrom('events').selectAll().orderBy('id').execute();
    const byArticle = events.map((e) => [
      articles.findIndex((a) => a.id === e.article_id),
      e.rule_id,
    ]);
    expect(byArticle.sort()).toEqual([
      [0, 'ei-attentats'],
      [0, 'mossoul'],
      [2, 'mossoul'],
    ]);
    const attentat = events.find((e) => e.rule_id === 'ei-attentats');
    expect(attentat?.regions).toContain('iraq');
    expect(attentat?.terms).toContainEqual(expect.objectContaining({ term: 'Daech', segment: 1 }));
    const feed = await getFeed(deps.store.db, 'news');
    expect(feed?.consecutiveFailures).toBe(0);
    expect(feed?.nextFetchAt?.getTime()).toBeGreaterThan(Date.now());
  });

  it('stores nothing twice when the feed is run again', async () => {
    const before = await Promise.all([
      countRows(deps.store, 'articles'),
      countRows(deps.store, 'events'),
    ]);
    const outcomes = await runFeedOnce(deps, 'news', at(1));
    expect(outcomes.map((o) => o.queue)).toEqual(['fetch-feed']);
    expect(outcomes[0]?.result).toMatchObject({ status: 200, items: 3, new: 0 });
    const after = await Promise.all([
      countRows(deps.store, 'articles'),
      countRows(deps.store, 'events'),
    ]);
    expect(after).toEqual(before);
  });

  it('sends the stored validators and takes a 304 as nothing new', async () => {
    server.routes.set('/news.xml', (headers) =>
      headers['if-none-match'] === '"v1"'
        ? { status: 304 }
        : {
            headers: { etag: '"v1"', 'content-type': 'application/rss+xml' },
            body: newsFeed(server),
          },
    );
    await runFeedOnce(deps, 'news', at(2));
    expect((await getFeed(deps.store.db, 'news'))?.etag).toBe('"v1"');
    const outcomes = await runFeedOnce(deps, 'news', at(3));
    expect(outcomes[0]?.result).toMatchObject({ status: 304, items: 0, new: 0 });
    expect(server.hits.at(-1)).toMatchObject({ path: '/news.xml', status: 304 });
    expect((await getFeed(deps.store.db, 'news'))?.etag).toBe('"v1"');
  });

  it('retries a feed answering 500 and stores its item once', async () => {
    let calls = 0;
    server.routes.set('/flaky.xml', () => {
      calls++;
      if (calls === 1) return { status: 500 };
      return { body: rssFeed([item('flaky-1', 'Rien à Mossoul', 'Un texte sur Mossoul.')]) };
    });
    const outcomes = await runFeedOnce(deps, 'flaky', at(0));
    const fetch = outcomes.find((o) => o.queue === 'fetch-feed');
    expect(fetch?.result).toMatchObject({ status: 200, items: 1, new: 1 });
    expect(fetch?.job?.attemptsStarted).toBe(2);
    expect(calls).toBe(2);
    const rows = await deps.store.db
      .selectFrom('articles')
      .where('feed_id', '=', 'flaky')
      .selectAll()
      .execute();
    expect(rows).toHaveLength(1);
    expect((await getFeed(deps.store.db, 'flaky'))?.consecutiveFailures).toBe(0);
  });

  it('records a 404 on the feed as permanent, with the reason, without disabling it the first time', async () => {
    const outcomes = await runFeedOnce(deps, 'gone', at(0));
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.result).toMatchObject({
      error: expect.stringMatching(/not found \(404\)/),
    });
    const feed = await getFeed(deps.store.db, 'gone');
    expect(feed?.lastError).toMatch(/gone\.xml: not found \(404\)/);
    expect(feed?.disabledReason).toBeNull();
    expect(feed?.consecutiveFailures).toBe(1);
  });

  it('records a malformed feed and keeps working', async () => {
    server.routes.set('/broken.xml', () => ({
      body: '<rss><channel><item><title>oops</item></rss>',
    }));
    const outcomes = await runFeedOnce(deps, 'broken', at(0));
    expect(outcomes[0]?.result).toMatchObject({ error: expect.stringMatching(/not a feed/) });
    expect((await getFeed(deps.store.db, 'broken'))?.lastError).toMatch(/not a feed/);
    const next = await runFeedOnce(deps, 'news', at(4));
    expect(next[0]?.result).toMatchObject({ status: 304 });
  });
});

function item(slug: string, title: string, description: string, base = 'https://example.org') {
  return { title, link: `${base}/${slug}`, description };
}

function newsFeed(server: LocalServer): string {
  return rssFeed([
    item('a', 'Attentat à Mossoul', 'Résumé court.', server.url),
    item('b', 'Calme à Bagdad', 'Rien de neuf.', server.url),
    item(
      'c',
      'Combats au nord',
      'Des combats ont eu lieu près de Mossoul.',
      `http://127.0.0.2:${server.port}`,
    ),
  ]);
}

function serveNewsFeed(server: LocalServer): void {
  server.routes.set('/news.xml', () => ({
    headers: { 'content-type': 'application/rss+xml' },
    body: newsFeed(server),
  }));
  const page = (title: string, text: string) => () => ({
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: articlePage(title, [text, FILLER]),
  });
  server.routes.set(
    '/a',
    page('Attentat à Mossoul', 'Un attentat de Daech à Mossoul, en Irak, a fait dix morts.'),
  );
  server.routes.set(
    '/b',
    page('Calme à Bagdad', 'La journée a été calme dans la capitale, selon la police.'),
  );
}
