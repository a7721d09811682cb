// Who may do what in the workspace (issue 15 part 7): who each request is, and the checks on it.
//
// The API for the other pages' routes (they import from here):
//   requireUser            middleware: a signed-in user (session or trusted proxy), else 401 for
//                          /api/… and a redirect to /login?next=… for pages. Put it on every route
//                          that writes or fetches: `app.post('/try/fetch', requireUser, handler)`.
//   currentUser(c)         the signed-in user's name, or undefined (anonymous reader on loopback).
//   csrfField(c)           `<input type="hidden" name="csrf" value="…">`: put it in every POST form.
//   csrfToken(c)           the token itself, e.g. for a script's `x-csrf-token` header.
//   accountOf(c)           what `<Layout account={accountOf(c)}>` shows: who is signed in, sign in/out.
//   <CsrfField />          the same hidden field as csrfField(c), found without `c` (hono's
//                          contextStorage): for forms in page components. Layout shows the account
//                          the same way when a page passes none.
// Checked here for every route, so routes need not do it themselves:
//   - every POST, PUT, PATCH and DELETE carries the CSRF token (form field `csrf` or header
//     `x-csrf-token`), else 403; signed-in users have one per session, stored with it; anonymous
//     visitors (loopback only) get one in a cookie (double submit), which also guards /login.
//   - on a non-loopback bind, every request but /login needs a signed-in user.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { IncomingMessage } from 'node:http';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage, tryGetContext } from 'hono/context-storage';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Clock } from '../lib/clock.ts';
import type { Store } from '../store/database.ts';
import { readSession } from '../store/users.ts';
import {
  type AccessOptions,
  compileProxyList,
  hashToken,
  isValidUserName,
  newToken,
  TOKEN_FORMAT,
  tokensEqual,
} from './access.ts';

/** Who made the request, as the middleware found them. */
export interface Access {
  user: string | undefined;
  /** How the user was recognised. */
  via: 'session' | 'proxy' | undefined;
  /** The token every POST form of this visitor carries. */
  csrf: string;
  /** The session's id (hash of its cookie), to sign out. */
  sessionId: string | undefined;
  /** Cookies get `Secure` and the `__Host-` prefix: the browser came over https. */
  secure: boolean;
}

/** What the page header shows about the visitor. */
export interface Account {
  user: string | undefined;
  csrf: string;
  /** Signed in through the proxy: signing out is the proxy's business. */
  viaProxy: boolean;
}

declare module 'hono' {
  interface ContextVariableMap {
    access: Access;
  }
}

export type AuthDeps = { store: Pick<Store, 'db'>; clock: Clock };

export const SESSION_COOKIE = 'vigie_session';
export const CSRF_COOKIE = 'vigie_csrf';
export const DEFAULT_SESSION_MS = 12 * 3_600_000;
/** Forms are small; /try's pasted pages are the largest thing a POST carries. */
const MAX_POST_BYTES = 8 * 1024 * 1024;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const requireUser: MiddlewareHandler = async (c, next) => {
  if (currentUser(c) !== undefined) return next();
  return refuseAnonymous(c);
};

export function currentUser(c: Context): string | undefined {
  return c.get('access')?.user;
}

export function csrfToken(c: Context): string {
  return c.get('access').csrf;
}

export function csrfField(c: Context) {
  return <input type="hidden" name="csrf" value={csrfToken(c)} />;
}

/** The hidden CSRF field of the request being answered; nothing outside a request (unit tests). */
export function CsrfField() {
  const c = tryGetContext();
  return c?.get('access') ? csrfField(c) : null;
}

/** The account of the request being answered, if any: what Layout shows when given none. */
export function currentAccount(): Account | undefined {
  const c = tryGetContext();
  return c?.get('access') ? accountOf(c) : undefined;
}

export function accountOf(c: Context): Account {
  const access = c.get('access');
  return { user: access.user, csrf: access.csrf, viaProxy: access.via === 'proxy' };
}

/** Registers the access middleware on every route of `app`; call before any route is added. */
export function installAccess(app: Hono, deps: AuthDeps, options: AccessOptions): void {
  const fromProxy = compileProxyList(options.trustedProxies ?? []);
  app.use(contextStorage());
  app.use(async (c, next) => {
    c.set('access', await readAccess(c, deps, options, fromProxy));
    if (c.get('access').user === undefined && !options.anonymousRead && !isLoginPath(c)) {
      return refuseAnonymous(c);
    }
    return next();
  });
  app.use(
    bodyLimit({
      maxSize: MAX_POST_BYTES,
      // The rest of the body is never read: the connection closes rather than serving another request.
      onError: (c) => c.text('request body too large\n', 413, { connection: 'close' }),
    }),
  );
  app.use(async (c, next) => {
    if (!UNSAFE_METHODS.has(c.req.method)) return next();
    if (!tokensEqual(await submittedToken(c), csrfToken(c))) {
      return c.text('forbidden: missing or stale form token; reload the page and try again\n', 403);
    }
    return next();
  });
}

async function readAccess(
  c: Context,
  deps: AuthDeps,
  options: AccessOptions,
  fromProxy: (address: string) => boolean,
): Promise<Access> {
  const address = remoteAddress(c);
  const proxied = address !== undefined && fromProxy(address);
  const secure = isSecure(c, proxied);
  const proxyUser = options.trustedUserHeader && proxied ? c.req.header(options.trustedUserHeader) : undefined;
  const anonymousCsrf = readAnonymousCsrf(c, secure);
  if (proxyUser !== undefined && isValidUserName(proxyUser)) {
    return { user: proxyUser, via: 'proxy', csrf: anonymousCsrf, sessionId: undefined, secure };
  }
  const token = getCookie(c, SESSION_COOKIE, secure ? 'host' : undefined);
  if (token !== undefined && TOKEN_FORMAT.test(token)) {
    const sessionId = hashToken(token);
    const session = await readSession(deps.store.db, sessionId, deps.clock.now());
    if (session) {
      return { user: session.userName, via: 'session', csrf: session.csrfToken, sessionId, secure };
    }
  }
  return { user: undefined, via: undefined, csrf: anonymousCsrf, sessionId: undefined, secure };
}

/** The visitor's double-submit token, set as a cookie the first time. */
function readAnonymousCsrf(c: Context, secure: boolean): string {
  const existing = getCookie(c, CSRF_COOKIE, secure ? 'host' : undefined);
  if (existing !== undefined && TOKEN_FORMAT.test(existing)) return existing;
  const token = newToken();
  setCookie(c, CSRF_COOKIE, token, cookieOptions(secure));
  return token;
}

export function cookieOptions(secure: boolean, maxAgeMs?: number) {
  const base = { path: '/', httpOnly: true, sameSite: 'Strict' as const };
  const age = maxAgeMs === undefined ? {} : { maxAge: Math.floor(maxAgeMs / 1000) };
  return secure ? { ...base, ...age, secure: true, prefix: 'host' as const } : { ...base, ...age };
}

export function clearSessionCookie(c: Context): void {
  const secure = c.get('access').secure;
  deleteCookie(c, SESSION_COOKIE, cookieOptions(secure));
}

/** https directly, or a trusted proxy saying the browser came over https. */
function isSecure(c: Context, proxied: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return proxied && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** The peer's address; none when the app is called without a socket (app.request in tests). */
export function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

async function submittedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header !== undefined) return header;
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  // A malformed body has no token: 403, not a 500.
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return typeof body.csrf === 'string' ? body.csrf : undefined;
}

function isLoginPath(c: Context): boolean {
  return c.req.path === '/login';
}

/** 401 for the API and for writes; pages send the browser to sign in and come back. */
function refuseAnonymous(c: Context) {
  if (c.req.path.startsWith('/api/') || c.req.path.endsWith('.json')) {
    return c.json({ error: 'sign in first' }, 401);
  }
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    return c.text('sign in first: /login\n', 401);
  }
  const next = new URL(c.req.url);
  return c.redirect(`/login?${new URLSearchParams({ next: next.pathname + next.search })}`, 303);
}

/**
 * The same sign-in rule for what http.ts serves itself (/queues): undefined when the request may
 * go on, else the answer that refuses it (a redirect to /login, or 401). Same middleware, same
 * session and proxy rules, through a one-route app.
 */
export function createAccessGate(deps: AuthDeps, options: AccessOptions) {
  const gate = new Hono();
  installAccess(gate, deps, options);
  gate.all('*', (c) => c.body(null, 204));
  return async (request: IncomingMessage): Promise<Response | undefined> => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const verdict = await gate.fetch(new Request(url, { headers }), { incoming: request });
    return verdict.status === 204 ? undefined : verdict;
  };
}
