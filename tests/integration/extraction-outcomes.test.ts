// Extraction outcomes through the real fetch-article worker and the real /metrics: full, fallback, feed text, empty.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { startHttpServer, stopHttpServer } from '../../src/server/http.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { upsertFeeds } from '../../src/store/feeds.ts';
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

// An astral character (two UTF-16 units, one code point) checks that lengths count characters.
const PARAGRAPHS = [
  'Les forces irakiennes ont repris le contrôle du district de Rutba, dans la province d’Al-Anbar, après trois jours de combats 𝔸.',
  'Selon le commandement des opérations conjointes, quinze combattants ont été tués et plusieurs caches d’armes découvertes.',
  'Les habitants déplacés pourraient regagner leurs maisons dans les prochains jours, a indiqué le gouverneur de la province.',
];
const TEASER = 'Un résumé plus long que la page elle-même, car la page est un mur de consentement.';
const HTML = { 'content-type': 'text/html; charset=utf-8' };

function jsonLdPage(): string {
  const data = { '@type': 'NewsArticle', articleBody: PARAGRAPHS.join('\n') };
  return `<html><head><title>Rutba</title><script type="application/ld+json">${JSON.stringify(data)}</script></head><body><div id="app"></div></body></html>`;
}

/** Pages the fetcher must decode as browsers do: [path, encoding, Content-Type, <meta>, text]. */
const LEGACY: Array<[string, string, string, string, string]> = [
  [
    'cp1251-header',
    'windows-1251',
    'text/html; charset=windows-1251',
    '<meta charset="utf-8">',
    'Иракские войска во вторник вернули контроль над районом Рутба в провинции Анбар после трёх дней боёв.',
  ],
  [
    'gbk-meta',
    'gbk',
    'text/html',
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    '伊拉克军队周二在安巴尔省收复了鲁特巴地区，经过三天的战斗，十五名武装分子被打死，多处武器藏匿点被发现。',
  ],
  [
    'sjis-header',
    'shift_jis',
    'text/html; charset=Shift_JIS',
    '',
    'イラク軍は火曜日、アンバール州ルトバ地区の支配を三日間の戦闘の末に取り戻したと発表した。',
  ],
  [
    'bom',
    'utf-8',
    'text/html; charset=windows-1256',
    '',
    'استعادت القوات العراقية السيطرة على قضاء الرطبة في محافظة الأنبار يوم الثلاثاء بعد ثلاثة أيام من القتال.',
  ],
];

function legacyBody(encoding: string, meta: string, text: string): Buffer {
  const html = `<html><head>${meta}<title>Rutba</title></head><body><article><h1>Rutba</h1><p>${text}</p></article></body></html>`;
  const bytes = iconv.encode(html, encoding);
  return encoding === 'utf-8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

function serve(server: LocalServer): void {
  const base = server.url;
  const item = (path: string, description = '') => ({
    title: `Article ${path}`,
    link: `${base}/${path}`,
    description,
  });
  server.routes.set('/pages.xml', () => ({
    headers: { 'content-type': 'application/rss+xml' },
    body: rssFeed([
      item('full'),
      item('fallback'),
      item('teaser', TEASER),
      item('report.pdf', 'Le rapport annuel.'),
      item('empty'),
    ]),
  }));
  server.routes.set('/summaries.xml', () => ({
    headers: { 'content-type': 'application/rss+xml' },
    body: rssFeed([item('summary', 'Le résumé du flux.'), item('bare')]),
  }));
  server.routes.set('/legacy.xml', () => ({
    headers: { 'content-type': 'application/rss+xml' },
    body: rssFeed(LEGACY.map(([path]) => item(path))),
  }));
  for (const [path, encoding, contentType, meta, text] of LEGACY) {
    server.routes.set(`/${path}`, () => ({
      headers: { 'content-type': contentType },
      body: legacyBody(encoding, meta, text),
    }));
  }
  server.routes.set('/full', () => ({ headers: HTML, body: articlePage('Rutba', PARAGRAPHS) }));
  server.routes.set('/fallback', () => ({ headers: HTML, body: jsonLdPage() }));
  server.routes.set('/teaser', () => ({
    headers: HTML,
    body: articlePage('Rutba', ['Acceptez.']),
  }));
  server.routes.set('/report.pdf', () => ({
    headers: { 'content-type': 'application/pdf' },
    body: '%PDF-1.7',
  }));
  server.routes.set('/empty', () => ({ headers: HTML, body: '<html><body></body></html>' }));
}

describe.each(testBackends('outcomes'))('extraction outcomes on $kind', (backend) => {
  let server: LocalServer;
  let deps: Deps;
  let http: Server;

  beforeAll(async () => {
    server = await startLocalServer();
    serve(server);
    const feeds = [
      feedSpec('pages', `${server.url}/pages.xml`),
      feedSpec('summaries', `${server.url}/summaries.xml`, false),
      feedSpec('legacy', `${server.url}/legacy.xml`),
    ];
    deps = await openTestDeps(backend, feeds, 'outcomes');
    await upsertFeeds(
      deps.store.db,
      feeds.map(({ id, url }) => ({ id, url })),
      new Date(),
    );
    http = await startHttpServer(deps, createMetrics(deps), 0);
  });

  afterAll(async () => {
    if (http) await stopHttpServer(http);
    if (deps) await closeTestDeps(deps, backend);
    await server.close();
  });

  it('stores each article with its outcome, method and text length', async () => {
    for (const feed of ['pages', 'summaries']) {
      const outcomes = await runFeedOnce(deps, feed);
      expect(outcomes.filter((outcome) => outcome.error)).toEqual([]);
    }
    const rows = await deps.store.db
      .selectFrom('articles')
      .select(['url', 'extraction', 'extraction_method', 'text_length', 'fetch_status'])
      .select(sql<number>`char_length(text)`.as('chars'))
      .orderBy('id')
      .execute();
    const path = (url: string) => url.slice(server.url.length + 1);
    expect(rows.map((row) => [path(row.url), row.extraction, row.extraction_method])).toEqual([
      ['full', 'full', 'content'],
      ['fallback', 'fallback', 'jsonld'],
      ['teaser', 'feed', 'content'],
      ['report.pdf', 'feed', null],
      ['empty', 'empty', 'none'],
      ['summary', 'feed', null],
      ['bare', 'empty', null],
    ]);
    for (const row of rows) expect(row.text_length).toBe(row.chars);
    const full = PARAGRAPHS.join('\n\n');
    expect(rows[0]?.text_length).toBe(full.length - 1);
    expect(rows[1]?.text_length).toBe(full.length - 1);
    expect(rows[2]?.text_length).toBe(TEASER.length);
    expect(rows[3]?.fetch_status).toBe('feed-only');
  });

  it('decodes pages as browsers do: BOM, then the header, then the <meta>', async () => {
    const outcomes = await runFeedOnce(deps, 'legacy');
    expect(outcomes.filter((outcome) => outcome.error)).toEqual([]);
    const rows = await deps.store.db
      .selectFrom('articles')
      .select(['url', 'text', 'extraction'])
      .where('feed_id', '=', 'legacy')
      .orderBy('id')
      .execute();
    expect(
      rows.map((row) => [row.url.slice(server.url.length + 1), row.text, row.extraction]),
    ).toEqual(LEGACY.map(([path, , , , text]) => [path, text, 'full']));
  });

  it('counts the outcomes per feed on /metrics', async () => {
    const port = (http.address() as AddressInfo).port;
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('vigie_articles_extracted{'));
    expect(lines.sort()).toEqual([
      'vigie_articles_extracted{feed="legacy",outcome="full"} 4',
      'vigie_articles_extracted{feed="pages",outcome="empty"} 1',
      'vigie_articles_extracted{feed="pages",outcome="fallback"} 1',
      'vigie_articles_extracted{feed="pages",outcome="feed"} 2',
      'vigie_articles_extracted{feed="pages",outcome="full"} 1',
      'vigie_articles_extracted{feed="summaries",outcome="empty"} 1',
      'vigie_articles_extracted{feed="summaries",outcome="feed"} 1',
    ]);
  });
});
