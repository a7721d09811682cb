// /try, the rule tester, on a loopback server over stored articles (PostgreSQL): pasted text against the
// running rules, a draft with file:line problems, a draft's backtest, sizes bounded, URLs behind sign-in.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { startHttpServer, stopHttpServer } from '../../src/server/http.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { upsertLabel } from '../../src/store/labels.ts';
import { addTestUser, signIn } from './auth-helpers.ts';
import {
  articlePage,
  type Backend,
  closeTestDeps,
  type LocalServer,
  openTestDeps,
  startLocalServer,
  testBackends,
} from './pipeline-helpers.ts';
import { hoursAfter, seedEvents } from './workspace-seed.ts';

let backend: Backend;
let deps: Deps;
let server: Server;
let base: string;
/** The same routes with URL fetching allowed, as a signed-in user has it. */
/** A signed-in user's cookie and form token, as /login gives them. */
let session: { cookie: string; csrf: string };
let site: LocalServer;

beforeAll(async () => {
  [backend] = testBackends('workspace_try') as [Backend, Backend];
  deps = await openTestDeps(backend, [], 'workspace-try');
  deps.clock = fixedClock(hoursAfter(48));
  await seedEvents(deps.store.db);
  server = await startHttpServer(deps, createMetrics(), 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await addTestUser(deps.store.db, 'ana', 'correct horse');
  session = await signIn(base, 'ana', 'correct horse');
  site = await startLocalServer();
  site.routes.set('/page', () => ({
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: articlePage('Explosion à Mossoul', [
      'Une explosion a frappé Mossoul ce matin, dans le nord de l’Irak, selon la police locale.',
      'Les forces irakiennes ont bouclé le quartier et enquêtent sur son origine.',
    ]),
  }));
});

afterAll(async () => {
  await site?.close();
  if (server) await stopHttpServer(server);
  if (deps) await closeTestDeps(deps, backend);
});

/** The form's CSRF token and the cookie it goes with, as a browser has them after GET /try. */
async function formToken(at: string): Promise<{ csrf: string; cookie: string }> {
  const form = await fetch(`${at}/try`);
  const cookie = form.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { csrf: /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '', cookie };
}

async function post(fields: Record<string, string>, who?: { cookie: string; csrf: string }) {
  const { csrf, cookie } = who ?? (await formToken(base));
  const response = await fetch(`${base}/try`, {
    method: 'POST',
    body: new URLSearchParams({ csrf, ...fields }),
    headers: { cookie },
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

const DRAFT = 'rules:\n  - id: explosions\n    match: {any: [explosion]}\n    regions: [iraq]\n';

describe('/try', () => {
  it('shows the form under the strict CSP', async () => {
    const response = await fetch(`${base}/try`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await response.text();
    expect(body).toContain('<form class="filters" method="post" action="/try"');
    expect(body).toContain('name="rules"');
    // A rule's page can send its rule here as the draft to change.
    const prefilled = await (await fetch(`${base}/try?rule=mossoul`)).text();
    expect(prefilled).toMatch(/<textarea name="rules"[^>]*>rules:\n {2}- id: mossoul\n/);
    expect(body).toMatch(/<input type="hidden" name="csrf" value="[\w-]{43}"/);
  });

  it('refuses a POST without the form token', async () => {
    const response = await fetch(`${base}/try`, {
      method: 'POST',
      body: new URLSearchParams({ text: 'Une explosion.' }),
    });
    expect(response.status).toBe(403);
  });

  it('explains pasted text against the running rules: language, regions, rules', async () => {
    const { status, body } = await post({
      title: 'Raid <script>x</script> près de Mossoul',
      text: 'Les forces irakiennes ont mené un raid près de Mossoul, dans le nord de l’Irak.',
    });
    expect(status).toBe(200);
    expect(body).toContain('Language: fr');
    expect(body).toMatch(/Mossoul \(mosul\): named 2 times, what the article is about/);
    expect(body).toContain('Running rules that match');
    expect(body).toContain('Rule mossoul, score');
    expect(body).toContain('<mark>Mossoul</mark>');
    expect(body).not.toContain('<script>x');
    expect(body).toContain('Raid &lt;script&gt;x&lt;/script&gt; près de Mossoul');
  });

  it('says a draft’s problems at file:line, as rules check does', async () => {
    const broken = 'rules:\n  - id: bad\n    match: {any: [explosion]}\n    regions: [atlantis]\n';
    const { status, body } = await post({ text: 'Une explosion.', rules: broken });
    expect(status).toBe(400);
    expect(body).toContain('The draft rules have 1 problem');
    expect(body).toMatch(/<code>rules\.yaml:4:\d+: rules\[0\]\.regions\[0\]: [^<]*atlantis/);
  });

  it('matches a draft on the article and backtests it on the stored articles of the period', async () => {
    const { status, body } = await post({
      text: 'Une explosion a frappé Mossoul.',
      rules: DRAFT,
      since: '7d',
    });
    expect(status).toBe(200);
    expect(body).toContain('Draft rules that match');
    expect(body).toContain('Rule explosions, score');
    expect(body).not.toContain('Rule mossoul');
    expect(body).toMatch(/11 articles read/);
    // The two stored explosions in Mosul; not the one in Erbil, a city this gazetteer lacks (the
    // draft asks for Iraq), nor the seven attacks in Baghdad.
    expect(body).toMatch(/<th scope="row">explosions<\/th><td>2<\/td><td>1<\/td>/);
    expect(body).toContain('Latest articles explosions matches');
    expect(body).toContain('Nouvelle explosion signalée');
  });

  it('compares a draft with the labels of the rule whose id it takes', async () => {
    const events = await deps.store.db
      .selectFrom('events')
      .innerJoin('articles', 'articles.id', 'events.article_id')
      .select(['events.id', 'articles.title'])
      .where('events.rule_id', '=', 'attacks')
      .execute();
    const idOf = (title: string) => events.find((event) => event.title === title)?.id ?? 0;
    const now = deps.clock.now();
    await upsertLabel(deps.store.db, {
      eventId: idOf('Attentat numéro 1'),
      ...{ userName: 'alice', relevant: true, now },
    });
    await upsertLabel(deps.store.db, {
      eventId: idOf('Explosion à Mossoul'),
      ...{ userName: 'alice', relevant: false, now },
    });
    const draft = 'rules:\n  - id: attacks\n    match: {any: [attentat*]}\n';
    const { status, body } = await post({ text: 'Un attentat.', rules: draft, since: '7d' });
    expect(status).toBe(200);
    expect(body).toContain('<th scope="col">Against the labels</th>');
    expect(body).toContain(
      '<td>kept 1 of 1 labelled relevant, dropped 1 of 1 labelled not relevant</td>',
    );
  });

  it('refuses text over 1 MB and rules over 100 KB in one line', async () => {
    const text = await post({ text: 'a'.repeat(1_100_000) });
    expect(text.status).toBe(400);
    expect(text.body).toContain('text: 1.1 MB is over the limit of 1 MB');
    const rules = await post({ text: 'x', rules: `# ${'a'.repeat(120_000)}` });
    expect(rules.status).toBe(400);
    expect(rules.body).toContain('rules: 120 KB is over the limit of 100 KB');
    const { csrf, cookie } = await formToken(base);
    const whole = await fetch(`${base}/try`, {
      method: 'POST',
      body: 'a'.repeat(5_000_000),
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(whole.status).toBe(413);
  });

  it('fetches a URL only for a signed-in user, through the workers’ fetcher', async () => {
    const url = `${site.url}/page`;
    const anonymous = await post({ url });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body).toContain('url: fetching a page needs a signed-in user');
    expect(site.hits).toHaveLength(0);

    const { status, body } = await post({ url }, session);
    expect(status).toBe(200);
    expect(body).toContain('<h2 id="tried-article">Explosion à Mossoul</h2>');
    expect(body).toContain('Rule mossoul, score');
    // Outside the allowed hosts, as a worker would be: refused before any connection.
    const refused = await post({ url: 'http://192.0.2.1/page' }, session);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(/<p class="error" role="alert">url: [^<]+<\/p>/);
  });
});
