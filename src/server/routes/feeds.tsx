// /feeds and /api/feeds: each feed's health, from the same query as `vigie feeds`.
import type { Hono } from 'hono';
import { listFeedHealth } from '../../store/feed-health-report.ts';
import type { WorkspaceDeps } from '../app.tsx';
import { accountOf } from '../auth.tsx';
import { FeedsPage } from '../pages/feeds.tsx';
import { contextOf, documentOf } from './respond.ts';

const DAY_MS = 86_400_000;

export function registerFeedRoutes(app: Hono, deps: WorkspaceDeps): void {
  app.get('/api/feeds', async (c) => {
    const feeds = await readFeeds(deps);
    return c.json({
      feeds: feeds.map((feed) => ({
        id: feed.id,
        name: feed.name,
        url: feed.url,
        state: feed.disabledReason ? 'disabled' : feed.health,
        lastFetchedAt: feed.lastFetchedAt?.toISOString() ?? null,
        consecutiveFailures: feed.consecutiveFailures,
        lastError: feed.lastError,
        lastErrorAt: feed.lastErrorAt?.toISOString() ?? null,
        disabledReason: feed.disabledReason,
        fetches24h: feed.fetches,
        newItems24h: feed.newItems,
      })),
    });
  });

  app.get('/feeds', async (c) => {
    const { timeZone } = contextOf(deps);
    const feeds = await readFeeds(deps);
    return c.html(
      documentOf(<FeedsPage feeds={feeds} timeZone={timeZone} account={accountOf(c)} />),
    );
  });
}

/** Every feed of the store with its counts over the last 24 hours and its name in feeds.yaml. */
async function readFeeds(deps: WorkspaceDeps) {
  const { now } = contextOf(deps);
  const rows = await listFeedHealth(deps.store.db, { since: new Date(now.getTime() - DAY_MS) });
  return rows.map((row) => ({
    ...row,
    name: deps.config.feeds.find((feed) => feed.id === row.id)?.name ?? row.id,
  }));
}
