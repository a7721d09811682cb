// The HTTP server of `vigie run`: /healthz (process up), /readyz (Redis and store answer), /metrics,
// and the read-only queue dashboard /queues (HTML) and /queues.json; every other path goes to the
// analysts' workspace (app.tsx).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Deps } from '../deps.ts';
import { UserError } from '../lib/errors.ts';
import { singleLine } from '../notify/format.ts';
import { pingDatabase } from '../store/database.ts';
import { advertisePgliteLockPort } from '../store/pglite-lock.ts';
import { accessForHost } from './access.ts';
import { createWorkspaceListener } from './app.tsx';
import { createAccessGate } from './auth.tsx';
import { readDashboard, renderDashboardPage } from './dashboard.ts';
import type { Metrics } from './metrics.ts';

const READY_TIMEOUT_MS = 2_000;
const OWN_PATHS = new Set(['/healthz', '/readyz', '/metrics', '/queues', '/queues.json']);
const DASHBOARD_TIMEOUT_MS = 3_000;

// No script runs on the dashboard and nothing is loaded from elsewhere; the CSP says so to the browser.
const DASHBOARD_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
};

export interface HttpServerOptions {
  /** How long the dashboard waits for Redis before answering 503 (default 3 s). */
  dashboardTimeoutMs?: number | undefined;
}

interface RouteOptions extends HttpServerOptions {
  /** Off loopback, who may read /queues (auth.tsx `createAccessGate`). */
  gate?: ReturnType<typeof createAccessGate> | undefined;
}

export async function startHttpServer(
  deps: Deps,
  metrics: Metrics,
  port: number,
  options: HttpServerOptions = {},
): Promise<Server> {
  // Loopback unless VIGIE_HOST says otherwise: reading without signing in is only for this machine.
  const host = deps.env.host ?? '127.0.0.1';
  const access = accessForHost(host, deps.env);
  const workspace = createWorkspaceListener(deps, access);
  // The queue dashboard is read like the workspace: signed in, unless on loopback.
  const gate = access.anonymousRead ? undefined : createAccessGate(deps, access);
  const server = createServer((request, response) => {
    route(deps, metrics, { ...options, gate }, workspace, request, response).catch(
      (error: unknown) => {
        deps.log.error({ err: String(error), path: request.url }, 'http request failed');
        if (!response.headersSent) send(response, 500, 'internal error\n');
        else response.destroy();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(port, error));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return server;
}

/** A port in use or not ours to take is the operator's to fix: one line, exit 1. */
function listenError(port: number, error: NodeJS.ErrnoException): Error {
  if (error.code === 'EADDRINUSE') return new UserError(`http: port ${port} is already in use`);
  if (error.code === 'EACCES')
    return new UserError(`http: no permission to listen on port ${port}`);
  return error;
}

/**
 * On the embedded database, writes the port this server listens on into the PGlite lock, so that
 * `vigie events` reads through /api/events while this process holds the database.
 */
export function advertiseWorkspacePort(deps: Pick<Deps, 'env'>, server: Server): void {
  const address = server.address() as AddressInfo | null;
  if (address) advertisePgliteLockPort(join(deps.env.dataDir, 'pglite'), address.port);
}

export function stopHttpServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function route(
  deps: Deps,
  metrics: Metrics,
  options: RouteOptions,
  workspace: ReturnType<typeof createWorkspaceListener>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  // The workspace has forms (sign in, labels); the fixed paths below only read.
  if (!OWN_PATHS.has(path)) return workspace(request, response);
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(response, 405, 'method not allowed\n');
  if (path === '/healthz') return send(response, 200, 'ok\n');
  if (path === '/readyz') {
    const problems = await checkReady(deps);
    return send(response, problems.length === 0 ? 200 : 503, `${problems.join('\n') || 'ready'}\n`);
  }
  if (path === '/metrics') {
    const body = await metrics.registry.metrics();
    return send(response, 200, body, metrics.registry.contentType);
  }
  // /queues and /queues.json.
  const refusal = await options.gate?.(request);
  if (refusal) return sendRefusal(refusal, response);
  return sendDashboard(deps, options, path === '/queues.json', response);
}

/**
 * The queue dashboard. It only reads (counts, failed jobs, schedulers; no retry or remove); off
 * loopback the access gate has checked the sign-in first, as for the workspace. A slow or failing Redis
 * gets one line and a 503 within the time limit, never a page that hangs.
 */
async function sendDashboard(
  deps: Deps,
  options: HttpServerOptions,
  json: boolean,
  response: ServerResponse,
): Promise<void> {
  const timeoutMs = options.dashboardTimeoutMs ?? DASHBOARD_TIMEOUT_MS;
  const reading = readDashboard(deps.queues, deps.prefix, deps.clock.now());
  const outcome = await withTimeoutValue(reading, timeoutMs);
  if (!outcome.ok) {
    const reason = outcome.error === undefined ? `no answer within ${timeoutMs} ms` : outcome.error;
    deps.log.warn({ reason }, 'queue dashboard unavailable');
    return send(response, 503, `queues: redis: ${singleLine(reason)}\n`);
  }
  if (json) {
    return send(response, 200, `${JSON.stringify(outcome.value)}\n`, 'application/json', {
      'x-content-type-options': 'nosniff',
    });
  }
  send(
    response,
    200,
    renderDashboardPage(outcome.value),
    'text/html; charset=utf-8',
    DASHBOARD_HEADERS,
  );
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error?: string };

/** The value, or why there is none: an error message, or no error when the time ran out. */
async function withTimeoutValue<T>(work: Promise<T>, timeoutMs: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false }), timeoutMs);
  });
  try {
    return await Promise.race([work.then((value) => ({ ok: true as const, value })), timeout]);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** What keeps this instance from working: an empty list when Redis and the store both answer. */
async function checkReady(deps: Deps): Promise<string[]> {
  const [redis, store] = await Promise.all([
    withTimeout(deps.connection.ping(), 'redis'),
    withTimeout(pingDatabase(deps.store.db), 'store'),
  ]);
  return [redis, store].filter((problem): problem is string => problem !== undefined);
}

async function withTimeout(check: Promise<unknown>, name: string): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`${name}: no answer within ${READY_TIMEOUT_MS} ms`),
      READY_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([check.then(() => undefined), timeout]);
  } catch (error) {
    return `${name}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}

/** The gate's 303 to /login or its 401, as it made them. */
async function sendRefusal(refusal: Response, response: ServerResponse): Promise<void> {
  const location = refusal.headers.get('location');
  const type = refusal.headers.get('content-type') ?? 'text/plain; charset=utf-8';
  send(response, refusal.status, await refusal.text(), type, location ? { location } : {});
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { ...headers, 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}
