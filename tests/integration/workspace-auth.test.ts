// Who may do what in the workspace, over real HTTP on PostgreSQL: sign in and out, CSRF, labels
// stored with who and when, anonymous reading on a loopback bind only, a trusted proxy's header.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.ts';
import { startHttpServer, stopHttpServer } from '../../src/server/http.ts';
import { labelledPrecision } from '../../src/server/label-stats.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { listRuleLabels, readLabelCounts } from '../../src/store/labels.ts';
import { addTestUser, signIn } from './auth-helpers.ts';
import { type Backend, closeTestDeps, openTestDeps, testBackends } from './pipeline-helpers.ts';
import { seedEvents } from './workspace-seed.ts';

let backend: Backend;
let deps: Deps;
const servers: Server[] = [];
/** Bound to 127.0.0.1, to 0.0.0.0, and behind proxies at 127.0.0.1 and at an address we are not. */
const base = { loopback: '', open: '', proxied: '', untrusted: '' };

const config = {
  rules: [
    {
      id: 'attacks',
      name: 'Attacks',
      severity: 'high' as const,
      match: { any: ['attentat*', 'explosion'] },
    },
  ],
  regions: [{ id: 'iraq', names: ['Irak'] }],
  feeds: [{ id: 'feed-a', url: 'https://feed-a.example/rss', every: '10m', fetchArticle: true }],
};

/** A browser's cookies for one server: name → value, from each response's Set-Cookie. */
class Browser {
  readonly cookies = new Map<string, string>();
  readonly setCookies: string[] = [];
  constructor(readonly origin: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const jar = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (jar) headers.set('cookie', jar);
    const response = await fetch(`${this.origin}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** The CSRF token of the page's first form. */
  async csrfOf(path: string): Promise<string> {
    const page = await (await this.request(path)).text();
    const token = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
    if (!token) throw new Error(`no csrf field on ${path}`);
    return token;
  }

  post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request(path, { method: 'POST', body: new URLSearchParams(fields), headers });
  }

  async signIn(user: string, password: string): Promise<Response> {
    const csrf = await this.csrfOf('/login');
    return this.post('/login', { csrf, user, password, next: '/events?rule=attacks' });
  }
}

async function listen(env: Partial<Deps['env']>): Promise<string> {
  const server = await startHttpServer(
    { ...deps, env: { ...deps.env, ...env } },
    createMetrics(),
    0,
  );
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function firstEventId(): Promise<number> {
  const row = await deps.store.db
    .selectFrom('events')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  [backend] = testBackends('wsauth') as [Backend];
  deps = await openTestDeps(backend, [], 'wsauth');
  deps.config = { ...deps.config, ...config };
  await seedEvents(deps.store.db);
  await addTestUser(deps.store.db, 'alice', 's3cret pass');
  const proxy = { trustedUserHeader: 'x-forwarded-user' };
  base.loopback = await listen({});
  base.open = await listen({ host: '0.0.0.0' });
  base.proxied = await listen({ ...proxy, host: '0.0.0.0', trustedProxies: ['127.0.0.1'] });
  base.untrusted = await listen({ ...proxy, host: '0.0.0.0', trustedProxies: ['10.9.9.9'] });
});

afterAll(async () => {
  for (const server of servers) await stopHttpServer(server);
  if (deps) await closeTestDeps(deps, backend);
});

describe('reading', () => {
  it('needs no sign-in on a loopback bind, and shows no label buttons then', async () => {
    const browser = new Browser(base.loopback);
    const response = await browser.request('/events');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<a href="/login">Sign in</a>');
    expect(page).not.toContain('action="/events/');
    expect((await browser.request('/api/events')).status).toBe(200);
  });

  it('needs a signed-in user on any other bind', async () => {
    const browser = new Browser(base.open);
    const page = await browser.request('/events?rule=attacks');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fevents%3Frule%3Dattacks');
    const api = await browser.request('/api/events');
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: 'sign in first' });
    expect((await browser.request('/login')).status).toBe(200);
    expect((await browser.signIn('alice', 's3cret pass')).status).toBe(303);
    expect((await browser.request('/events')).status).toBe(200);
    expect((await browser.request('/api/events')).status).toBe(200);
  });

  it('of the queue dashboard follows the same rule; probes and metrics stay open', async () => {
    const anonymous = new Browser(base.open);
    const page = await anonymous.request('/queues');
    expect([page.status, page.headers.get('location')]).toEqual([303, '/login?next=%2Fqueues']);
    expect((await anonymous.request('/queues.json')).status).toBe(401);
    expect((await anonymous.request('/healthz')).status).toBe(200);
    expect((await anonymous.request('/metrics')).status).toBe(200);
    expect((await new Browser(base.loopback).request('/queues.json')).status).toBe(200);
    const alice = new Browser(base.open);
    await alice.signIn('alice', 's3cret pass');
    expect((await alice.request('/queues.json')).status).toBe(200);
    const proxied = await new Browser(base.proxied).request('/queues', {
      headers: { 'x-forwarded-user': 'carol' },
    });
    expect(proxied.status).toBe(200);
  });
});

describe('signing in', () => {
  it('opens a server-side session in an HttpOnly, SameSite=Strict cookie and goes back', async () => {
    const browser = new Browser(base.loopback);
    const response = await browser.signIn('alice', 's3cret pass');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/events?rule=attacks');
    const cookie = browser.setCookies.find((line) => line.startsWith('vigie_session='));
    expect(cookie).toMatch(/; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const token = browser.cookies.get('vigie_session') ?? '';
    const sessions = await deps.store.db.selectFrom('sessions').selectAll().execute();
    expect(sessions.some((row) => row.user_name === 'alice')).toBe(true);
    expect(JSON.stringify(sessions)).not.toContain(token);
    const page = await (await browser.request('/events')).text();
    expect(page).toContain('Signed in as alice');
  });

  it('refuses a wrong password or an unknown user alike, with no session', async () => {
    for (const [user, password] of [
      ['alice', 'wrong'],
      ['bob', 's3cret pass'],
    ] as const) {
      const browser = new Browser(base.loopback);
      const response = await browser.signIn(user, password);
      expect(response.status).toBe(401);
      const page = await response.text();
      expect(page).toContain('Wrong user name or password.');
      expect(page).toContain(`value="${user}"`);
      expect(browser.cookies.has('vigie_session')).toBe(false);
    }
  });

  it('makes an address wait after 10 failed sign-ins for one name, even with the right password', async () => {
    await addTestUser(deps.store.db, 'dave', 'dave pass word');
    const browser = new Browser(base.loopback);
    for (let i = 0; i < 10; i++) {
      expect((await browser.signIn('dave', `guess ${i}`)).status).toBe(401);
    }
    const locked = await browser.signIn('dave', 'dave pass word');
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Too many failed sign-ins: try again in 15 min.');
    expect((await browser.signIn('alice', 's3cret pass')).status).toBe(303);
  });

  it('refuses a sign-in form posted without its token (login CSRF)', async () => {
    const browser = new Browser(base.loopback);
    await browser.request('/login');
    const response = await browser.post('/login', { user: 'alice', password: 's3cret pass' });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/^forbidden: missing or stale form token/);
  });

  it('answers a malformed form with 403, not a failure', async () => {
    const response = await new Browser(base.loopback).request('/login', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nunterminated',
    });
    expect(response.status).toBe(403);
  });

  it('signs out: the session is gone from the database', async () => {
    const browser = new Browser(base.loopback);
    await browser.signIn('alice', 's3cret pass');
    const stolen = browser.cookies.get('vigie_session');
    const csrf = await browser.csrfOf('/events');
    expect((await browser.post('/logout', { csrf })).status).toBe(303);
    expect(browser.cookies.has('vigie_session')).toBe(false);
    const replay = new Browser(base.open);
    replay.cookies.set('vigie_session', stolen ?? '');
    expect((await replay.request('/api/events')).status).toBe(401);
  });

  it('works the same for a test signing in through the helper', async () => {
    const { cookie, csrf } = await signIn(base.open, 'alice', 's3cret pass');
    const api = await fetch(`${base.open}/api/events?limit=1`, { headers: { cookie } });
    expect(api.status).toBe(200);
    expect(csrf).toMatch(/^[\w-]{43}$/);
  });

  it('lets an expired session lapse', async () => {
    const browser = new Browser(base.open);
    await browser.signIn('alice', 's3cret pass');
    await deps.store.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    expect((await browser.request('/api/events')).status).toBe(401);
  });
});

describe('labels', () => {
  it('needs the form token and a signed-in user', async () => {
    const id = await firstEventId();
    const anonymous = new Browser(base.loopback);
    const csrf = await anonymous.csrfOf('/login');
    expect((await anonymous.post(`/events/${id}/label`, { relevant: 'yes' })).status).toBe(403);
    expect((await anonymous.post(`/events/${id}/label`, { csrf, relevant: 'yes' })).status).toBe(
      401,
    );
    const alice = new Browser(base.loopback);
    await alice.signIn('alice', 's3cret pass');
    // The anonymous token is not the session's: a token from before signing in no longer counts.
    expect((await alice.post(`/events/${id}/label`, { csrf, relevant: 'yes' })).status).toBe(403);
    expect(await deps.store.db.selectFrom('event_labels').selectAll().execute()).toEqual([]);
  });

  it('stores who and when, one current label per user, and comes back to the list', async () => {
    const id = await firstEventId();
    const alice = new Browser(base.loopback);
    await alice.signIn('alice', 's3cret pass');
    const csrf = await alice.csrfOf('/events?rule=attacks');
    const before = new Date();
    const back = '/events?rule=attacks';
    const first = await alice.post(`/events/${id}/label`, { csrf, relevant: 'no', back });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/events?rule=attacks#event-${id}`);
    await alice.post(`/events/${id}/label`, {
      csrf,
      relevant: 'yes',
      back: 'https://evil.example',
    });
    const rows = await deps.store.db.selectFrom('event_labels').selectAll().execute();
    expect(rows).toEqual([
      { event_id: id, user_name: 'alice', relevant: true, labelled_at: expect.any(Date) },
    ]);
    expect(rows[0]?.labelled_at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 5);
    const page = await (await alice.request('/events?rule=attacks')).text();
    expect(page).toMatch(
      new RegExp(
        `id="event-${id}"[\\s\\S]*?value="yes" aria-pressed="true"[\\s\\S]*?relevant for 1, not relevant for 0`,
      ),
    );
    const api = (await (await alice.request('/api/events?limit=200')).json()) as {
      events: { id: number; labels: unknown }[];
    };
    expect(api.events.find((event) => event.id === id)?.labels).toEqual({
      relevant: 1,
      notRelevant: 0,
      mine: 'relevant',
    });
  });

  it('answers 400 and 404 in one line', async () => {
    const alice = new Browser(base.loopback);
    await alice.signIn('alice', 's3cret pass');
    const csrf = await alice.csrfOf('/events');
    const id = await firstEventId();
    const bad = await alice.post(`/events/${id}/label`, { csrf, relevant: 'maybe' });
    expect([bad.status, await bad.text()]).toEqual([400, 'labels: relevant: expected yes or no\n']);
    const missing = await alice.post('/events/999999999/label', { csrf, relevant: 'yes' });
    expect([missing.status, await missing.text()]).toEqual([404, 'labels: no event 999999999\n']);
  });

  it('takes JSON with the token in a header, and counts precision per rule', async () => {
    const proxy = new Browser(base.proxied);
    const headers = { 'x-forwarded-user': 'bob@example.org' };
    const csrf =
      (await proxy.request('/events', { headers })).ok && proxy.cookies.get('vigie_csrf');
    const ids = (await deps.store.db.selectFrom('events').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    );
    for (const [index, relevant] of [false, false, true].entries()) {
      const response = await proxy.request(`/api/events/${ids[index]}/label`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': csrf || '' },
        body: JSON.stringify({ relevant }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ user: 'bob@example.org', relevant });
    }
    // ids[0]: alice said relevant, then bob said not relevant: the latest label counts.
    const counts = await readLabelCounts(deps.store.db);
    expect(counts.get('attacks')).toEqual({ relevant: 1, labelled: 3 });
    expect(labelledPrecision(counts.get('attacks'))).toBeCloseTo(1 / 3);
    expect(counts.has('mosul-watch')).toBe(false);
    const rules = (await (await proxy.request('/api/rules', { headers })).json()) as {
      rules: { rule: string; labels: unknown }[];
    };
    expect(rules.rules.find((rule) => rule.rule === 'attacks')?.labels).toEqual({
      relevant: 1,
      labelled: 3,
      precision: 1 / 3,
    });
    const page = await (await proxy.request('/rules', { headers })).text();
    expect(page).toContain('<th scope="col">Labelled precision</th>');
    expect(page).toContain('<td>33% (1 of 3 labelled relevant)</td>');
    const labels = await listRuleLabels(deps.store.db, 'attacks');
    expect(labels.map((label) => [label.eventId, label.relevant])).toEqual([
      [ids[0], false],
      [ids[1], false],
      [ids[2], true],
    ]);
  });
});

describe('a trusted reverse proxy', () => {
  it('is believed only from its own address, and marks cookies Secure behind https', async () => {
    const headers = { 'x-forwarded-user': 'carol', 'x-forwarded-proto': 'https' };
    const trusted = new Browser(base.proxied);
    const page = await trusted.request('/events', { headers });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Signed in as carol');
    expect(trusted.setCookies[0]).toMatch(
      /^__Host-vigie_csrf=.*; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    const untrusted = new Browser(base.untrusted);
    expect((await untrusted.request('/events', { headers })).status).toBe(303);
    expect(untrusted.setCookies[0]).not.toContain('Secure');
  });
});
