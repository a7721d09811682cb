// The last config reload's outcome in this process: /api/config/reload (JSON), and as /rules shows it.
import type { Hono } from 'hono';
import type { ReloadOutcome } from '../../config-reload.ts';
import type { Deps } from '../../deps.ts';
import type { ReloadView } from '../pages/rules.tsx';

export type ReloadDeps = Pick<Deps, 'config' | 'lastReload'>;

export function registerReloadRoutes(app: Hono, deps: ReloadDeps): void {
  app.get('/api/config/reload', (c) => {
    const last = deps.lastReload;
    return c.json({
      dir: deps.config.dir,
      last: last ? { ...last, at: last.at.toISOString() } : null,
    });
  });
}

/** The outcome as /rules shows it (pages/rules.tsx); none before the first reload. */
export function viewReload(last: ReloadOutcome | undefined): ReloadView | undefined {
  return last && { at: last.at, ok: last.ok, errors: last.problems };
}
