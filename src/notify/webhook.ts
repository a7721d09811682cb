// Webhook deliveries: a JSON POST, HMAC-signed, to a vetted address (lib/http only GETs, so the POST lives here).
import { createHmac } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Client } from 'undici';
import {
  compileAllowList,
  isAllowed,
  isForbiddenAddress,
  stripBrackets,
} from '../lib/address-policy.ts';
import { PermanentError, TransientError } from '../lib/errors.ts';
import { USER_AGENT } from '../lib/http.ts';
import { classifyWebhookStatus } from './failure-class.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface WebhookRequest {
  url: string;
  /** Signs the raw body: `X-Vigie-Signature: sha256=<hex HMAC-SHA256>`. */
  secret?: string | undefined;
  /** Sent as JSON. */
  body: unknown;
  /** Whole request, connect to response (default 10 s). */
  timeoutMs?: number | undefined;
  /** Host names, IPs or CIDRs reachable even though private (VIGIE_ALLOW_HOSTS). */
  allowHosts?: readonly string[] | undefined;
  /** Sent as `Idempotency-Key` (e.g. the delivery id), so a receiver can drop a resend. */
  idempotencyKey?: string | undefined;
  /** DNS resolution, all addresses; tests replace it. */
  resolve?: ((host: string) => Promise<ResolvedAddress[]>) | undefined;
}

export interface WebhookResult {
  status: number;
}

export const SIGNATURE_HEADER = 'x-vigie-signature';

/** `sha256=<hex>` of the body's bytes, as the receiver recomputes it with the shared secret. */
export function signBody(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * POSTs the body once. Resolves on 2xx; throws TransientError on a network failure, timeout, 408,
 * 429 or 5xx, and PermanentError on a bad URL, a forbidden address, a redirect or another 4xx.
 */
export async function sendWebhook(request: WebhookRequest): Promise<WebhookResult> {
  const url = parseUrl(request.url);
  const raw = JSON.stringify(request.body);
  const addresses = await vetAddresses(url, request);
  const status = await postPinned(url, addresses, raw, request);
  return { status: checkStatus(url, status) };
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new PermanentError('webhook: invalid URL', { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PermanentError(`webhook: ${describe(url)}: unsupported scheme ${url.protocol}`);
  }
  return url;
}

/** Every address of the host must be public, or allowed: no webhook into the private network. */
async function vetAddresses(url: URL, request: WebhookRequest): Promise<ResolvedAddress[]> {
  const host = stripBrackets(url.hostname);
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await resolveHost(url, host, request);
  const allow = compileAllowList(request.allowHosts ?? []);
  const refused = addresses.find(
    ({ address }) => isForbiddenAddress(address) && !isAllowed(allow, host, address),
  );
  if (refused) {
    throw new PermanentError(
      `webhook: ${describe(url)}: forbidden address ${refused.address} (set VIGIE_ALLOW_HOSTS to allow it)`,
    );
  }
  return addresses;
}

async function resolveHost(
  url: URL,
  host: string,
  request: WebhookRequest,
): Promise<ResolvedAddress[]> {
  const resolve =
    request.resolve ?? ((name: string) => dnsLookup(name, { all: true, verbatim: true }));
  try {
    const addresses = await resolve(host);
    if (addresses.length > 0) return addresses;
  } catch (error) {
    throw new TransientError(`webhook: ${describe(url)}: cannot resolve ${host}`, { cause: error });
  }
  throw new TransientError(`webhook: ${describe(url)}: cannot resolve ${host}`);
}

/** Connects to exactly the vetted addresses, so DNS rebinding between check and connect is impossible. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) return callback(null, addresses);
    const chosen =
      addresses.find((entry) => !options.family || entry.family === options.family) ?? addresses[0];
    if (!chosen) return callback(new Error('no vetted address'), '');
    callback(null, chosen.address, chosen.family);
  };
}

async function postPinned(
  url: URL,
  addresses: ResolvedAddress[],
  raw: string,
  request: WebhookRequest,
): Promise<number> {
  const timeoutMs = request.timeoutMs ?? 10_000;
  const client = new Client(url.origin, {
    connect: { timeout: timeoutMs, lookup: pinnedLookup(addresses) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  try {
    const response = await client.request({
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: requestHeaders(raw, request),
      body: raw,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    return response.statusCode;
  } catch (error) {
    throw new TransientError(`webhook: ${describe(url)}: ${failureReason(error, timeoutMs)}`, {
      cause: error,
    });
  } finally {
    await client.destroy().catch(() => undefined);
  }
}

function requestHeaders(raw: string, request: WebhookRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': USER_AGENT,
  };
  if (request.secret) headers[SIGNATURE_HEADER] = signBody(request.secret, raw);
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  return headers;
}

function checkStatus(url: URL, status: number): number {
  const outcome = classifyWebhookStatus(status);
  if (outcome === 'sent') return status;
  const what = `webhook: ${describe(url)}: status ${status}`;
  if (outcome === 'transient') throw new TransientError(what);
  throw new PermanentError(
    status >= 300 && status < 400 ? `${what} (redirects are not followed)` : what,
  );
}

function failureReason(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown } | null)?.name;
  const code = (error as { code?: unknown } | null)?.code;
  if (
    name === 'TimeoutError' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT'
  ) {
    return `timed out after ${timeoutMs} ms`;
  }
  return `network error (${typeof code === 'string' ? code : error instanceof Error ? error.message : String(error)})`;
}

/** The origin only: webhook URLs carry their token in the path or query, which errors must not keep. */
function describe(url: URL): string {
  return url.origin;
}
