// The only module that talks to the network: GETs bounded in size, time, redirects, addresses and per-host load.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import {
  type AllowList,
  compileAllowList,
  isAllowed,
  isForbiddenAddress,
  stripBrackets,
} from './address-policy.ts';
import { PermanentError } from './errors.ts';
import { withHostSlot } from './host-limit.ts';
import { type BodyErrors, decodeContent, readCapped } from './http-body.ts';
import {
  classifyFailure,
  formatBytes,
  HttpPermanentError,
  HttpTransientError,
  permanent,
} from './http-errors.ts';
import { pinnedPool, type ResolvedAddress } from './http-pool.ts';

export { parseAllowHosts } from './address-policy.ts';
export { HttpPermanentError, HttpTransientError, retryAfterMs } from './http-errors.ts';
export type { ResolvedAddress } from './http-pool.ts';

export const USER_AGENT = 'vigie/0.1 (+https://github.com/vigie)';

export interface FetchOptions {
  /** Validator of the copy we hold: sent as If-None-Match (RFC 9110 §13.1.2). */
  etag?: string;
  /** Sent as If-Modified-Since (RFC 9110 §13.1.3). */
  lastModified?: string;
  /** Host names, IPs or CIDRs reachable even though private (VIGIE_ALLOW_HOSTS). */
  allowHosts?: readonly string[];
  accept?: string;
  /** Cap on the decoded body, default 10 MB. */
  maxBytes?: number;
  maxRedirects?: number;
  connectTimeoutMs?: number;
  /** Whole fetch: waiting for a slot, every hop, headers and body. */
  totalTimeoutMs?: number;
  maxPerHost?: number;
  /** Cancels the fetch (a worker shutting down). */
  signal?: AbortSignal;
  /** DNS resolution, all addresses; tests replace it. */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
}

export interface FetchResult {
  status: number;
  /** The URL after redirects. */
  url: string;
  /** Lower-cased names; cache-control, expires, retry-after, etag, last-modified as the server sent them. */
  headers: Record<string, string>;
  body: Buffer;
  notModified: boolean;
}

interface Settings {
  allow: AllowList;
  headers: Record<string, string>;
  maxBytes: number;
  maxRedirects: number;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxPerHost: number;
  resolve: (host: string) => Promise<ResolvedAddress[]>;
}

interface HopResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const MB = 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Marks an abort caused by our own deadline, told apart from the caller's signal. */
const DEADLINE = Symbol('deadline');

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const settings = buildSettings(options);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(DEADLINE), settings.totalTimeoutMs);
  const signals = options.signal ? [deadline.signal, options.signal] : [deadline.signal];
  try {
    return await followRedirects(parseTarget(url), settings, AbortSignal.any(signals));
  } finally {
    clearTimeout(timer);
  }
}

function buildSettings(options: FetchOptions): Settings {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: options.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return {
    allow: compileAllowList(options.allowHosts ?? []),
    headers,
    maxBytes: options.maxBytes ?? 10 * MB,
    maxRedirects: options.maxRedirects ?? 5,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    totalTimeoutMs: options.totalTimeoutMs ?? 30_000,
    maxPerHost: options.maxPerHost ?? 2,
    resolve: options.resolve ?? resolveAll,
  };
}

async function resolveAll(host: string): Promise<ResolvedAddress[]> {
  return dnsLookup(host, { all: true, verbatim: true });
}

/** Follows at most `maxRedirects` Location headers by hand, so that every hop is vetted again. */
async function followRedirects(
  start: URL,
  settings: Settings,
  signal: AbortSignal,
): Promise<FetchResult> {
  const visited = new Set<string>();
  let current = start;
  for (let redirects = 0; ; redirects += 1) {
    const response = await fetchHop(current, settings, signal);
    if (!REDIRECTS.has(response.status)) return finishResponse(current, response);
    visited.add(current.href);
    const next = redirectTarget(current, response.headers.location);
    if (visited.has(next.href)) throw permanent(start, `redirect loop at ${next.href}`);
    if (redirects >= settings.maxRedirects) {
      throw permanent(start, `too many redirects (over ${settings.maxRedirects})`);
    }
    current = next;
  }
}

function redirectTarget(current: URL, location: string | undefined): URL {
  if (!location) throw permanent(current, 'redirect without a Location header');
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw permanent(current, `redirect to an invalid URL (${location})`);
  }
  return checkScheme(next);
}

function finishResponse(url: URL, response: HopResponse): FetchResult {
  const { status, headers, body } = response;
  const result = { status, url: url.href, headers, body, notModified: status === 304 };
  if (status === 304 || (status >= 200 && status < 300)) return result;
  if (status === 429 || status === 408 || status >= 500) {
    const retryAfter = headers['retry-after'];
    const hint = retryAfter ? `, retry after ${retryAfter}` : '';
    throw new HttpTransientError(`http: ${url.href}: status ${status}${hint}`, status, retryAfter);
  }
  const reason = status === 404 ? 'not found' : status === 410 ? 'gone' : 'unexpected status';
  throw new HttpPermanentError(`http: ${url.href}: ${reason} (${status})`, status);
}

function parseTarget(url: string): URL {
  try {
    return checkScheme(new URL(url));
  } catch (error) {
    if (error instanceof PermanentError) throw error;
    throw new HttpPermanentError(`http: ${url}: not a valid URL`, undefined, { cause: error });
  }
}

function checkScheme(url: URL): URL {
  if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  throw permanent(url, `unsupported scheme ${url.protocol.replace(/:$/, '')}`);
}

/** One request: vet the host's addresses, then connect to exactly those (no second DNS lookup). */
async function fetchHop(url: URL, settings: Settings, signal: AbortSignal): Promise<HopResponse> {
  try {
    const host = stripBrackets(url.hostname);
    const addresses = await vetHost(url, host, settings);
    return await withHostSlot(host, settings.maxPerHost, signal, () =>
      requestPinned(url, addresses, settings, signal),
    );
  } catch (error) {
    const timedOut = signal.aborted && signal.reason === DEADLINE;
    throw classifyFailure(url, error, { ...settings, timedOut, aborted: signal.aborted });
  }
}

async function vetHost(url: URL, host: string, settings: Settings): Promise<ResolvedAddress[]> {
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookupHost(url, host, settings);
  const refused = addresses.find(
    ({ address }) => isForbiddenAddress(address) && !isAllowed(settings.allow, host, address),
  );
  if (refused)
    throw permanent(
      url,
      `forbidden address ${refused.address} (set VIGIE_ALLOW_HOSTS to allow it)`,
    );
  return addresses;
}

async function lookupHost(url: URL, host: string, settings: Settings): Promise<ResolvedAddress[]> {
  try {
    const addresses = await settings.resolve(host);
    if (addresses.length > 0) return addresses;
  } catch (error) {
    throw new HttpTransientError(
      `http: ${url.href}: cannot resolve ${host}`,
      undefined,
      undefined,
      {
        cause: error,
      },
    );
  }
  throw new HttpTransientError(`http: ${url.href}: cannot resolve ${host}`);
}

/** One request over a kept-alive connection to the vetted addresses (see http-pool.ts). */
async function requestPinned(
  url: URL,
  addresses: ResolvedAddress[],
  settings: Settings,
  signal: AbortSignal,
): Promise<HopResponse> {
  const pool = pinnedPool(url.origin, addresses, settings);
  const response = await pool.request({
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: settings.headers,
    signal,
    headersTimeout: settings.totalTimeoutMs,
    bodyTimeout: settings.totalTimeoutMs,
  });
  const headers = flattenHeaders(response.headers);
  if (response.statusCode < 200 || response.statusCode >= 300) {
    // A body left over the limit is cut off, and its connection closed rather than reused.
    await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    return { status: response.statusCode, headers, body: Buffer.alloc(0) };
  }
  try {
    const body = await readBody(url, response.body, headers, settings.maxBytes);
    return { status: response.statusCode, headers, body };
  } catch (error) {
    // A body refused unread or half-read would hold its connection: close it, never pool it.
    response.body.destroy();
    throw error;
  }
}

async function readBody(
  url: URL,
  stream: AsyncIterable<Buffer>,
  headers: Record<string, string>,
  maxBytes: number,
): Promise<Buffer> {
  const errors: BodyErrors = {
    tooLarge: () => permanent(url, `too large (over ${formatBytes(maxBytes)})`),
    unsupported: (coding) => permanent(url, `unsupported content-encoding ${coding}`),
    corrupt: (coding, cause) => permanent(url, `corrupt ${coding} body`, cause),
  };
  if (Number(headers['content-length'] ?? 0) > maxBytes) throw errors.tooLarge();
  const raw = await readCapped(stream, maxBytes, errors.tooLarge);
  return decodeContent(raw, headers['content-encoding'], maxBytes, errors);
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
