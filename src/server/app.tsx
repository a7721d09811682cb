// The analysts' workspace on `vigie run`'s port: /events and /api/events (issue 15), routed by hono.
// http.ts answers /healthz, /readyz, /metrics and /queues itself and hands every other request here.
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Deps } from '../deps.ts';
import { singleLine } from '../notify/format.ts';
import { searchEvents } from '../store/event-search.ts';
import { readEventLabels } from '../store/labels.ts';
import { type AccessOptions, accessForHost } from './access.ts';
import { accountOf, currentUser, installAccess } from './auth.tsx';
import { analystTimeZone, type EventQuery, readEventQuery, readValues } from './event-query.ts';
import { toApiEvents, viewEvents } from './event-view.ts';
import { EventsPage } from './pages/events.tsx';
import { toApiLabels } from './pages/label-form.tsx';
import { PAGE_CSP } from './pages/layout.tsx';
import { registerAuthRoutes } from './routes/auth.tsx';
import { registerReloadRoutes } from './routes/config-reload.tsx';
import { registerPageRoutes } from './routes/index.ts';
import { registerLabelRoutes } from './routes/labels.tsx';
import { registerTryRoutes } from './routes/try.tsx';

export type WorkspaceDeps = Pick<
  Deps,
  'config' | 'store' | 'clock' | 'log' | 'matcher' | 'http' | 'lastReload'
>;

const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

/** Without `access`, the rules of a server bound to 127.0.0.1 (http.ts passes the real ones). */
export function createWorkspaceApp(
  deps: WorkspaceDeps,
  access: AccessOptions = accessForHost('127.0.0.1', {}),
): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(COMMON_HEADERS)) c.header(name, value);
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.header('content-security-policy', PAGE_CSP);
      c.header('referrer-policy', 'no-referrer');
    }
  });

  installAccess(app, deps, access);
  registerAuthRoutes(app, deps, access.sessionMs);
  registerLabelRoutes(app, deps);

  app.get('/', (c) => c.redirect('/events', 302));

  app.get('/api/events', async (c) => {
    const query = readQuery(deps, c.req.url);
    if (!query.ok) {
      return c.json({ error: `${query.parameter}: ${singleLine(query.message)}` }, 400);
    }
    const page = await searchEvents(deps.store.db, query.search);
    const api = toApiEvents(viewEvents(page, deps.config));
    const user = currentUser(c);
    const labels = await readEventLabels(deps.store.db, ids(api.events), user);
    return c.json({
      ...api,
      events: api.events.map((event) => ({
        ...event,
        labels: toApiLabels(labels.get(event.id), user !== undefined),
      })),
    });
  });

  app.get('/events', async (c) => {
    const timeZone = analystTimeZone(deps.config.notify);
    const query = readQuery(deps, c.req.url);
    if (!query.ok) {
      const error = { parameter: query.parameter, message: singleLine(query.message) };
      // The form shows what was typed, so that the analyst corrects it rather than typing again.
      const values = readValues(new URL(c.req.url).searchParams);
      return c.html(
        documentOf(
          <EventsPage
            config={deps.config}
            values={values}
            timeZone={timeZone}
            error={error}
            account={accountOf(c)}
          />,
        ),
        400,
      );
    }
    const page = await searchEvents(deps.store.db, query.search);
    const list = viewEvents(page, deps.config);
    const labels = await readEventLabels(deps.store.db, ids(list.events), currentUser(c));
    const url = new URL(c.req.url);
    return c.html(
      documentOf(
        <EventsPage
          config={deps.config}
          values={query.values}
          timeZone={timeZone}
          list={list}
          account={accountOf(c)}
          labels={labels}
          back={url.pathname + url.search}
        />,
      ),
    );
  });

  registerReloadRoutes(app, deps);
  registerPageRoutes(app, deps);
  // Fetching a URL for /try needs a signed-in user (issue 15 part 7).
  registerTryRoutes(app, deps, { mayFetchUrl: (c) => currentUser(c) !== undefined });

  app.notFound((c) => c.text('not found\n', 404));
  app.onError((error, c) => {
    deps.log.error({ err: String(error), path: c.req.path }, 'http request failed');
    return c.text('internal error\n', 500);
  });
  return app;
}

function ids(events: readonly { id: number }[]): number[] {
  return events.map((event) => event.id);
}

/** A whole document: the doctype keeps browsers out of quirks mode. */
function documentOf(body: unknown) {
  return html`<!DOCTYPE html>${body}`;
}

function readQuery(deps: WorkspaceDeps, url: string): EventQuery {
  return readEventQuery(new URL(url).searchParams, {
    config: deps.config,
    now: deps.clock.now(),
    timeZone: analystTimeZone(deps.config.notify),
  });
}

/** The workspace as a node:http handler. Node's own Request and Response stay as they are. */
export function createWorkspaceListener(deps: WorkspaceDeps, access: AccessOptions) {
  return getRequestListener(createWorkspaceApp(deps, access).fetch, {
    overrideGlobalObjects: false,
  });
}
