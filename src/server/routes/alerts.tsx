// /alerts and /api/alerts: alerts newest first with each channel's delivery; filters rule, since, until.
import type { Hono } from 'hono';
import { countAlertDeliveries, listAlerts } from '../../store/alert-list.ts';
import type { WorkspaceDeps } from '../app.tsx';
import { accountOf } from '../auth.tsx';
import { readAlertQuery } from '../page-query.ts';
import { AlertsPage } from '../pages/alerts.tsx';
import { toApiAlerts, viewAlerts } from '../workspace-view.ts';
import { badRequestJson, contextOf, documentOf, pageError } from './respond.ts';

const WEEK_MS = 7 * 86_400_000;

export function registerAlertRoutes(app: Hono, deps: WorkspaceDeps): void {
  app.get('/api/alerts', async (c) => {
    const query = readAlertQuery(new URL(c.req.url).searchParams, contextOf(deps));
    if (!query.ok) return badRequestJson(c, query);
    const page = await listAlerts(deps.store.db, query.search);
    return c.json(toApiAlerts(viewAlerts(page, deps.config)));
  });

  app.get('/alerts', async (c) => {
    const context = contextOf(deps);
    const rules = deps.config.rules.map((rule) => ({ id: rule.id, name: rule.name ?? rule.id }));
    const params = new URL(c.req.url).searchParams;
    const query = readAlertQuery(params, context);
    if (!query.ok) {
      const values = Object.fromEntries([...params].filter(([, value]) => value.trim() !== ''));
      const page = (
        <AlertsPage
          rules={rules}
          values={values}
          timeZone={context.timeZone}
          error={pageError(query)}
          account={accountOf(c)}
        />
      );
      return c.html(documentOf(page), 400);
    }
    const [page, channels] = await Promise.all([
      listAlerts(deps.store.db, query.search),
      countAlertDeliveries(deps.store.db, new Date(context.now.getTime() - WEEK_MS)),
    ]);
    return c.html(
      documentOf(
        <AlertsPage
          rules={rules}
          values={query.values}
          timeZone={context.timeZone}
          list={viewAlerts(page, deps.config)}
          channels={channels}
          account={accountOf(c)}
        />,
      ),
    );
  });
}
