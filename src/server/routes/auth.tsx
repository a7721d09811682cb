// /login and /logout: signing in with a password checked against `users`, a session stored server-side.
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { setCookie } from 'hono/cookie';
import type { Logger } from '../../lib/logger.ts';
import { UNKNOWN_USER_HASH, verifyPassword } from '../../lib/password.ts';
import { deleteSession, insertSession, readPasswordHash } from '../../store/users.ts';
import { createFailureCounter, hashToken, newToken, safeReturnPath } from '../access.ts';
import {
  accountOf,
  type AuthDeps,
  clearSessionCookie,
  cookieOptions,
  DEFAULT_SESSION_MS,
  remoteAddress,
  SESSION_COOKIE,
} from '../auth.tsx';
import { LoginPage } from '../pages/login.tsx';

/** Failed sign-ins from one address for one name before it waits, and over how long. */
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 15 * 60_000;

export function registerAuthRoutes(
  app: Hono,
  deps: AuthDeps & { log: Logger },
  sessionMs = DEFAULT_SESSION_MS,
): void {
  app.get('/login', (c) =>
    c.html(
      documentOf(<LoginPage account={accountOf(c)} next={safeReturnPath(c.req.query('next'))} />),
    ),
  );

  const failures = createFailureCounter(MAX_FAILURES, FAILURE_WINDOW_MS);
  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const user = textField(form.user).trim();
    const next = safeReturnPath(textField(form.next));
    const refuse = (error: string, status: 401 | 429) =>
      c.html(
        documentOf(<LoginPage account={accountOf(c)} next={next} user={user} error={error} />),
        status,
      );
    const key = `${remoteAddress(c) ?? ''}\n${user}`;
    const now = deps.clock.now().getTime();
    const waitMs = failures.waitMs(key, now);
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      return refuse(`Too many failed sign-ins: try again in ${minutes} min.`, 429);
    }
    if (!(await checkPassword(deps, user, textField(form.password)))) {
      failures.fail(key, now);
      deps.log.warn({ user }, 'workspace sign-in refused');
      return refuse('Wrong user name or password.', 401);
    }
    failures.succeed(key);
    await openSession(c, deps, user, sessionMs);
    deps.log.info({ user }, 'workspace sign-in');
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    const { sessionId } = c.get('access');
    if (sessionId !== undefined) await deleteSession(deps.store.db, sessionId);
    clearSessionCookie(c);
    return c.redirect('/events', 303);
  });
}

/** An unknown user costs the same hashing as a known one: timing does not tell which names exist. */
async function checkPassword(deps: AuthDeps, user: string, password: string): Promise<boolean> {
  const hash = user === '' ? undefined : await readPasswordHash(deps.store.db, user);
  const matches = await verifyPassword(password, hash ?? UNKNOWN_USER_HASH);
  return matches && hash !== undefined;
}

/** A fresh token on every sign-in (no fixation); the database keeps only its hash. */
async function openSession(c: Context, deps: AuthDeps, user: string, sessionMs: number) {
  const token = newToken();
  const now = deps.clock.now();
  await insertSession(deps.store.db, {
    id: hashToken(token),
    userName: user,
    csrfToken: newToken(),
    now,
    expiresAt: new Date(now.getTime() + sessionMs),
  });
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c.get('access').secure, sessionMs));
}

function textField(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function documentOf(body: unknown) {
  return html`<!DOCTYPE html>${body}`;
}
