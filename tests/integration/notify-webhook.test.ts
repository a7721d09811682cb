// Webhooks against a local HTTP server on 127.0.0.1: signature, status classes, address checks, timeout.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../src/lib/errors.ts';
import { SIGNATURE_HEADER, sendWebhook, signBody } from '../../src/notify/webhook.ts';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
}

const received: Received[] = [];
/** Statuses the server answers, in order; 200 once they run out. */
let script: number[] = [];
let base = '';
const server = createServer((req, res: ServerResponse) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    received.push({
      path: req.url ?? '',
      headers: req.headers,
      raw: Buffer.concat(chunks).toString('utf8'),
    });
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
    res.statusCode = script.shift() ?? 200;
    if (res.statusCode === 302) res.setHeader('location', 'http://127.0.0.1:1/');
    res.end('ok');
  });
});
const ALLOW = ['127.0.0.1'];
const BODY = {
  alert: { id: 7, rule: 'ei-attentats', region: 'iraq', stories: 3 },
  title: 'Mossoul – “attentat” <b>',
};

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

function reset(statuses: number[] = []): void {
  received.length = 0;
  script = statuses;
}

describe('sendWebhook', () => {
  it('POSTs JSON with a signature the receiver can verify over the raw body', async () => {
    reset();
    const result = await sendWebhook({
      url: `${base}/hook?token=abc`,
      secret: 's3cret',
      body: BODY,
      allowHosts: ALLOW,
      idempotencyKey: 'delivery-12',
    });
    expect(result).toEqual({ status: 200 });
    const [request] = received;
    expect(request?.path).toBe('/hook?token=abc');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.headers['idempotency-key']).toBe('delivery-12');
    expect(JSON.parse(request?.raw ?? '')).toEqual(BODY);
    const expected = `sha256=${createHmac('sha256', 's3cret')
      .update(request?.raw ?? '')
      .digest('hex')}`;
    const signature = String(request?.headers[SIGNATURE_HEADER]);
    expect(timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(true);
    expect(signBody('s3cret', request?.raw ?? '')).toBe(signature);
  });

  it('sends no signature without a secret', async () => {
    reset();
    await sendWebhook({ url: `${base}/hook`, body: BODY, allowHosts: ALLOW });
    expect(received[0]?.headers[SIGNATURE_HEADER]).toBeUndefined();
  });

  it('throws a TransientError on 500, then delivers on 200', async () => {
    reset([500]);
    const request = { url: `${base}/hook`, secret: 'k', body: BODY, allowHosts: ALLOW };
    await expect(sendWebhook(request)).rejects.toThrow(TransientError);
    await expect(sendWebhook(request)).resolves.toEqual({ status: 200 });
    expect(received).toHaveLength(2);
  });

  it.each([
    [429, TransientError],
    [503, TransientError],
    [408, TransientError],
    [400, PermanentError],
    [404, PermanentError],
    [410, PermanentError],
    [302, PermanentError],
  ])('classifies status %i', async (status, kind) => {
    reset([status]);
    const error = await sendWebhook({
      url: `${base}/hook?token=secret-token`,
      body: BODY,
      allowHosts: ALLOW,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect((error as Error).message).toContain(`status ${status}`);
    expect((error as Error).message).not.toContain('secret-token');
  });

  it('refuses a private address unless allowed, before connecting', async () => {
    reset();
    await expect(sendWebhook({ url: `${base}/hook`, body: BODY })).rejects.toThrow(
      /forbidden address 127\.0\.0\.1/,
    );
    const rebinding = sendWebhook({
      url: 'http://hooks.example.org/x',
      body: BODY,
      resolve: async () => [{ address: '10.0.0.5', family: 4 }],
    });
    await expect(rebinding).rejects.toBeInstanceOf(PermanentError);
    expect(received).toHaveLength(0);
  });

  it('refuses schemes other than http and https', async () => {
    await expect(sendWebhook({ url: 'file:///etc/passwd', body: BODY })).rejects.toBeInstanceOf(
      PermanentError,
    );
  });

  it('turns a refused connection and a timeout into TransientErrors', async () => {
    await expect(
      sendWebhook({ url: 'http://127.0.0.1:1/hook', body: BODY, allowHosts: ALLOW }),
    ).rejects.toBeInstanceOf(TransientError);
    const slow = sendWebhook({
      url: `${base}/slow`,
      body: BODY,
      allowHosts: ALLOW,
      timeoutMs: 200,
    });
    await expect(slow).rejects.toThrow(/timed out after 200 ms/);
  });
});
