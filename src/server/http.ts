// The HTTP server of `vigie run`: /healthz (process up), /readyz (Redis and store answer), /metrics.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import type { Metrics } from './metrics.ts';

const READY_TIMEOUT_MS = 2_000;

export async function startHttpServer(deps: Deps, metrics: Metrics, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    route(deps, metrics, request, response).catch((error: unknown) => {
      deps.log.error({ err: String(error), path: request.url }, 'http request failed');
      if (!response.headersSent) send(response, 500, 'internal error\n');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
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
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
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
  send(response, 404, 'not found\n');
}

/** What keeps this instance from working: an empty list when Redis and the store both answer. */
async function checkReady(deps: Deps): Promise<string[]> {
  const [redis, store] = await Promise.all([
    withTimeout(deps.connection.ping(), 'redis'),
    withTimeout(sql`select 1`.execute(deps.store.db), 'store'),
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

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}
