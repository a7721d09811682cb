// POST /events/:id/label (a form, then back to the list) and POST /api/events/:id/label (JSON).
import type { Hono } from 'hono';
import { z } from 'zod';
import type { Clock } from '../../lib/clock.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Store } from '../../store/database.ts';
import { upsertLabel } from '../../store/labels.ts';
import { safeReturnPath } from '../access.ts';
import { currentUser, requireUser } from '../auth.tsx';

export type LabelDeps = { store: Pick<Store, 'db'>; clock: Clock; log: Logger };

const EVENT_ID = /^[1-9]\d{0,15}$/;
const FORM_VALUES: Record<string, boolean> = { yes: true, no: false };
const ApiLabel = z.object({ relevant: z.boolean() });

export function registerLabelRoutes(app: Hono, deps: LabelDeps): void {
  app.post('/events/:id/label', requireUser, async (c) => {
    const form = await c.req.parseBody();
    const relevant = FORM_VALUES[String(form.relevant)];
    if (relevant === undefined) return c.text('labels: relevant: expected yes or no\n', 400);
    const eventId = readEventId(c.req.param('id'));
    const stored = eventId && (await storeLabel(deps, eventId, currentUser(c), relevant));
    if (!stored) return c.text(`labels: no event ${c.req.param('id')}\n`, 404);
    const back = safeReturnPath(typeof form.back === 'string' ? form.back : undefined);
    return c.redirect(`${back.split('#')[0]}#event-${eventId}`, 303);
  });

  app.post('/api/events/:id/label', requireUser, async (c) => {
    const body = ApiLabel.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return c.json({ error: 'body: expected {"relevant": true or false}' }, 400);
    const eventId = readEventId(c.req.param('id'));
    const stored = eventId && (await storeLabel(deps, eventId, currentUser(c), body.data.relevant));
    if (!stored) return c.json({ error: `no event ${c.req.param('id')}` }, 404);
    return c.json({
      event: stored.eventId,
      user: stored.userName,
      relevant: stored.relevant,
      labelledAt: stored.labelledAt.toISOString(),
    });
  });
}

async function storeLabel(
  deps: LabelDeps,
  eventId: number,
  user: string | undefined,
  relevant: boolean,
) {
  if (user === undefined) return undefined;
  const stored = await upsertLabel(deps.store.db, {
    eventId,
    userName: user,
    relevant,
    now: deps.clock.now(),
  });
  if (stored) deps.log.info({ eventId, user, relevant }, 'event labelled');
  return stored;
}

function readEventId(text: string): number | undefined {
  return EVENT_ID.test(text) ? Number(text) : undefined;
}
