// /rules/reload (HTML) and /api/rules/reload (JSON): the last config reload's outcome in this process.
import type { Hono } from 'hono';
import { html } from 'hono/html';
import type { Deps } from '../../deps.ts';
import { accountOf } from '../auth.tsx';
import { analystTimeZone } from '../event-query.ts';
import { ReloadPage } from '../pages/config-reload.tsx';

export type ReloadDeps = Pick<Deps, 'config' | 'lastReload'>;

export function registerReloadRoutes(app: Hono, deps: ReloadDeps): void {
  app.get('/rules/reload', (c) => {
    const page = (
      <ReloadPage
        dir={deps.config.dir}
        last={deps.lastReload}
        timeZone={analystTimeZone(deps.config.notify)}
        account={accountOf(c)}
      />
    );
    return c.html(html`<!DOCTYPE html>${page}`);
  });

  app.get('/api/rules/reload', (c) => {
    const last = deps.lastReload;
    return c.json({
      dir: deps.config.dir,
      last: last ? { ...last, at: last.at.toISOString() } : null,
    });
  });
}
