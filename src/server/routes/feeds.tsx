// /feeds: each feed's health, from the same query as `vigie feeds`.
import type { Hono } from 'hono';
import { listFeedHealth } from '../../store/feed-health-report.ts';
import type { WorkspaceDeps } from '../app.tsx';
import { FeedsPage } from '../pages/feeds.tsx';
import { contextOf, documentOf } from './respond.ts';

const DAY_MS = 86_400_000;

export function registerFeedRoutes(app: Hono, deps: WorkspaceDeps): void {
  app.get('/feeds', async (c) => {
    const context = contextOf(deps);
    const rows = await listFeedHealth(deps.store.db, {
      since: new Date(context.now.getTime() - DAY_MS),
    });
    const feeds = rows.map((row) => ({
      ...row,
      name: deps.config.feeds.find((feed) => feed.id === row.id)?.name ?? row.id,
    }));
    return c.html(documentOf(<FeedsPage feeds={feeds} timeZone={context.timeZone} />));
  });
}
