// fetchUrl against a real HTTP server on 127.0.0.1: limits, redirects, conditional GET, address checks.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../src/lib/errors.ts';
import { type FetchOptions, fetchUrl, HttpTransientError, USER_AGENT } from '../../src/lib/http.ts';

const MB = 1024 * 1024;
const LAST_MODIFIED = 'Sun, 01 Sep 2024 08:00:00 GMT';
const allowLoopback: FetchOptions = { allowHosts: ['127.0.0.1'] };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let base: string;
let port: number;
const held: ServerResponse[] = [];
const arrivals: string[] = [];
let onArrival: (() => void) | undefined;
let connections = 0;

const routes: Record<string, Handler> = {
  '/ok': (req, res) => {
    res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'max-age=600',
      expires: 'Sun, 01 Sep 2024 09:00:00 GMT',
      'x-user-agent': req.headers['user-agent'] ?? '',
      'x-accept-encoding': req.headers['accept-encoding'] ?? '',
    });
    res.end('bonjour');
  },
  '/host': (req, res) => res.end(req.headers.host ?? ''),
  '/etag': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
    res.writeHead(200, { etag: '"v1"' }).end('feed v1');
  },
  '/last-modified': (req, res) => {
    if (req.headers['if-modified-since'] === LAST_MODIFIED) return void res.writeHead(304).end();
    res.writeHead(200, { 'last-modified': LAST_MODIFIED }).end('feed');
  },
  '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_req, res) => res.writeHead(301, { location: '/loop-a' }).end(),
  '/to-127.0.0.2': (_req, res) =>
    res.writeHead(302, { location: `http://127.0.0.2:${port}/ok` }).end(),
  '/to-metadata': (_req, res) =>
    res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/hang': () => undefined,
  '/stall-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>début');
  },
  '/endless': (_req, res) => writeForever(res),
  '/bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb),
  '/gzip': (_req, res) =>
    res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('gzip été')),
  '/br': (_req, res) =>
    res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('br été')),
  '/raw-deflate': (_req, res) =>
    res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync('deflate été')),
  '/500': (_req, res) => res.writeHead(500).end('oops'),
  '/429': (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end('slow down'),
  '/404': (_req, res) => res.writeHead(404).end(),
  '/410': (_req, res) => res.writeHead(410).end(),
  '/403': (_req, res) => res.writeHead(403).end(),
  '/declared-large': (_req, res) => {
    res.writeHead(200, { 'content-length': String(2 * MB) });
    res.write(Buffer.alloc(64 * 1024, 'a'));
  },
  '/held': (_req, res) => {
    held.push(res);
    arrivals.push('held');
    onArrival?.();
  },
};

let bomb: Buffer;

function writeForever(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const pump = () => {
    while (!res.destroyed && res.write(chunk)) {}
  };
  res.on('drain', pump);
  pump();
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  const hops = /^\/redirect\/(\d+)$/.exec(path);
  if (hops) {
    const left = Number(hops[1]);
    if (left === 0) return void res.end('arrived');
    return void res.writeHead(302, { location: `/redirect/${left - 1}` }).end();
  }
  const handler = routes[path];
  if (handler) handler(req, res);
  else res.writeHead(404).end();
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the fetch to fail');
}

beforeAll(async () => {
  bomb = gzipSync(Buffer.alloc(64 * MB));
  server = createServer(route);
  server.on('connection', () => {
    connections += 1;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

describe('fetchUrl: successful requests', () => {
  it('returns status, final URL, headers untouched and body, with vigie as user agent', async () => {
    const result = await fetchUrl(`${base}/ok`, allowLoopback);
    expect(result.status).toBe(200);
    expect(result.url).toBe(`${base}/ok`);
    expect(result.body.toString()).toBe('bonjour');
    expect(result.notModified).toBe(false);
    expect(result.headers['cache-control']).toBe('max-age=600');
    expect(result.headers.expires).toBe('Sun, 01 Sep 2024 09:00:00 GMT');
    expect(result.headers['x-user-agent']).toBe(USER_AGENT);
    expect(result.headers['x-accept-encoding']).toBe('gzip, deflate, br');
  });

  it.each(['gzip', 'br', 'raw-deflate'])('decodes a %s body', async (path) => {
    const result = await fetchUrl(`${base}/${path}`, allowLoopback);
    expect(result.body.toString()).toMatch(/ été$/);
  });

  it('answers 304 to a matching ETag and 200 otherwise', async () => {
    const first = await fetchUrl(`${base}/etag`, allowLoopback);
    expect(first.headers.etag).toBe('"v1"');
    const again = await fetchUrl(`${base}/etag`, { ...allowLoopback, etag: '"v1"' });
    expect(again).toMatchObject({ status: 304, notModified: true });
    expect(again.body.length).toBe(0);
    const changed = await fetchUrl(`${base}/etag`, { ...allowLoopback, etag: '"v0"' });
    expect(changed).toMatchObject({ status: 200, notModified: false });
  });

  it('answers 304 to a matching Last-Modified', async () => {
    const first = await fetchUrl(`${base}/last-modified`, allowLoopback);
    expect(first.headers['last-modified']).toBe(LAST_MODIFIED);
    const again = await fetchUrl(`${base}/last-modified`, {
      ...allowLoopback,
      lastModified: LAST_MODIFIED,
    });
    expect(again.notModified).toBe(true);
  });

  it('follows five redirects and reports the final URL', async () => {
    const result = await fetchUrl(`${base}/redirect/5`, allowLoopback);
    expect(result.url).toBe(`${base}/redirect/0`);
    expect(result.body.toString()).toBe('arrived');
  });

  it('connects to the vetted address, not to a second DNS answer', async () => {
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const result = await fetchUrl(`http://feeds.example:${port}/host`, {
      ...allowLoopback,
      resolve,
    });
    expect(result.body.toString()).toBe(`feeds.example:${port}`);
  });
});

describe('fetchUrl: redirects that are refused', () => {
  it.each([
    ['/redirect/6', /too many redirects \(over 5\)/],
    ['/loop-a', /redirect loop/],
    ['/to-127.0.0.2', /127\.0\.0\.2.*forbidden address 127\.0\.0\.2/],
    ['/to-metadata', /169\.254\.169\.254.*forbidden address/],
    ['/to-file', /unsupported scheme file/],
  ])('%s is a permanent error', async (path, message) => {
    const error = await failure(fetchUrl(`${base}${path}`, allowLoopback));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toMatch(/^http: /);
    expect(error.message).toMatch(message);
  });
});

describe('fetchUrl: addresses', () => {
  it('refuses loopback when nothing is allowed', async () => {
    const error = await failure(fetchUrl(`${base}/ok`));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe(
      `http: ${base}/ok: forbidden address 127.0.0.1 (set VIGIE_ALLOW_HOSTS to allow it)`,
    );
  });

  it('refuses 127.0.0.2 when only 127.0.0.1 is allowed', async () => {
    const error = await failure(fetchUrl(`http://127.0.0.2:${port}/ok`, allowLoopback));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toMatch(/forbidden address 127\.0\.0\.2/);
  });

  it('refuses an IPv4-mapped IPv6 loopback address', async () => {
    const error = await failure(fetchUrl(`http://[::ffff:127.0.0.2]:${port}/ok`, allowLoopback));
    expect(error.message).toMatch(/forbidden address ::ffff:7f00:2/);
  });

  it('refuses a host name when any of its addresses is private', async () => {
    const resolve = async () => [
      { address: '127.0.0.1', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ];
    const error = await failure(
      fetchUrl(`http://mixed.example:${port}/ok`, { ...allowLoopback, resolve }),
    );
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toMatch(/forbidden address 10\.1\.2\.3/);
  });

  it('refuses localhost by name without an allow list, and allows it by name', async () => {
    const refused = await failure(fetchUrl(`http://localhost:${port}/ok`));
    expect(refused).toBeInstanceOf(PermanentError);
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const allowed = await fetchUrl(`http://localhost:${port}/ok`, {
      allowHosts: ['localhost'],
      resolve,
    });
    expect(allowed.status).toBe(200);
  });
});

describe('fetchUrl: limits', () => {
  it('times out a server that accepts the connection but never answers', async () => {
    const error = await failure(
      fetchUrl(`${base}/hang`, { ...allowLoopback, totalTimeoutMs: 300 }),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toBe(`http: ${base}/hang: timed out after 300 ms`);
  });

  it('times out a body that never finishes', async () => {
    const error = await failure(
      fetchUrl(`${base}/stall-body`, { ...allowLoopback, totalTimeoutMs: 300 }),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toMatch(/timed out after 300 ms/);
  });

  it('stops an endless body at the size cap', async () => {
    const error = await failure(fetchUrl(`${base}/endless`, { ...allowLoopback, maxBytes: MB }));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe(`http: ${base}/endless: too large (over 1 MB)`);
  });

  it('stops a gzip bomb at the cap on decoded bytes', async () => {
    expect(bomb.length).toBeLessThan(MB);
    const error = await failure(fetchUrl(`${base}/bomb`, allowLoopback));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe(`http: ${base}/bomb: too large (over 10 MB)`);
  });

  it('runs at most maxPerHost requests to one host at a time', async () => {
    const twoArrived = new Promise<void>((resolve) => {
      onArrival = () => arrivals.length === 2 && resolve();
    });
    const fetches = [1, 2, 3].map(() =>
      fetchUrl(`${base}/held`, { ...allowLoopback, maxPerHost: 2 }),
    );
    await twoArrived;
    // Another host name for the same server is not held back, and answers after the third request would have arrived.
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    await fetchUrl(`http://other.example:${port}/ok`, { ...allowLoopback, resolve });
    expect(arrivals).toHaveLength(2);
    const thirdArrived = new Promise<void>((resolve) => {
      onArrival = () => arrivals.length === 3 && resolve();
    });
    held.shift()?.end('one');
    await thirdArrived;
    for (const res of held.splice(0)) res.end('more');
    const bodies = await Promise.all(fetches);
    expect(bodies.map((result) => result.body.toString()).sort()).toEqual(['more', 'more', 'one']);
  });
});

describe('fetchUrl: kept-alive connections', () => {
  it('reuses at most maxPerHost connections for successive requests, error statuses included', async () => {
    const options = {
      ...allowLoopback,
      maxPerHost: 2,
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    };
    const target = `http://reuse.example:${port}`;
    const before = connections;
    for (const path of ['/ok', '/gzip', '/ok', '/br', '/redirect/2', '/ok']) {
      await fetchUrl(`${target}${path}`, options);
    }
    await failure(fetchUrl(`${target}/404`, options));
    await fetchUrl(`${target}/ok`, options);
    expect(connections - before).toBeGreaterThan(0);
    expect(connections - before).toBeLessThanOrEqual(2);
  });

  it('connects afresh to a new DNS answer instead of reusing a connection to the old one', async () => {
    const target = `http://moved.example:${port}/ok`;
    const first = await fetchUrl(target, {
      ...allowLoopback,
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    expect(first.status).toBe(200);
    // Nothing listens on 127.0.0.2: only a reused connection to 127.0.0.1 could answer.
    const error = await failure(
      fetchUrl(target, {
        allowHosts: ['127.0.0.0/8'],
        resolve: async () => [{ address: '127.0.0.2', family: 4 }],
      }),
    );
    expect(error.message).toMatch(/network error \(ECONNREFUSED\)/);
  });

  it('closes a connection whose body is refused unread, and serves the next request', async () => {
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const target = `http://large.example:${port}`;
    const error = await failure(
      fetchUrl(`${target}/declared-large`, { ...allowLoopback, resolve, maxBytes: MB }),
    );
    expect(error.message).toMatch(/too large \(over 1 MB\)/);
    const next = await fetchUrl(`${target}/ok`, {
      ...allowLoopback,
      resolve,
      totalTimeoutMs: 2000,
    });
    expect(next.body.toString()).toBe('bonjour');
  });
});

describe('fetchUrl: error statuses', () => {
  it('makes a 500 transient', async () => {
    const error = await failure(fetchUrl(`${base}/500`, allowLoopback));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toBe(`http: ${base}/500: status 500`);
  });

  it('makes a 429 transient and carries Retry-After', async () => {
    const error = await failure(fetchUrl(`${base}/429`, allowLoopback));
    expect(error).toBeInstanceOf(HttpTransientError);
    expect(error).toMatchObject({ status: 429, retryAfter: '120' });
  });

  it.each([
    ['/404', 'not found (404)'],
    ['/410', 'gone (410)'],
    ['/403', 'unexpected status (403)'],
  ])('makes %s permanent', async (path, message) => {
    const error = await failure(fetchUrl(`${base}${path}`, allowLoopback));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe(`http: ${base}${path}: ${message}`);
  });

  it('makes a refused connection transient', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const closedPort = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const error = await failure(fetchUrl(`http://127.0.0.1:${closedPort}/`, allowLoopback));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toMatch(/network error \(ECONNREFUSED\)/);
  });

  it('rejects a URL that is not http or https', async () => {
    const error = await failure(fetchUrl('ftp://example.org/feed'));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe('http: ftp://example.org/feed: unsupported scheme ftp');
  });
});
