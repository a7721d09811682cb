// What one fetch outcome makes of a feed's row: validators, cache hints, failures and the next poll time. Pure.
import type { FeedSpec } from '../config/schema.ts';
import { parseDuration } from '../lib/duration.ts';
import { PermanentError, type TransientError } from '../lib/errors.ts';
import { type FetchResult, HttpTransientError, retryAfterMs } from '../lib/http.ts';
import type { Feed, FetchFailure, FetchSuccess } from '../store/feeds.ts';
import type { ParsedFeed } from './parse.ts';
import { nextFetchAt, parseHttpDate, parseMaxAge } from './schedule.ts';

const DEFAULT_EVERY_MS = 10 * 60_000;

/**
 * A 200 or a 304. A 304 may omit the validators (RFC 9110 §15.4.5 only asks for them when they
 * changed), so the stored ones are kept; the feed's <ttl> is only known from a parsed body.
 */
export function successState(
  feed: Feed,
  spec: FeedSpec,
  response: FetchResult,
  parsed: ParsedFeed | undefined,
  now: Date,
): FetchSuccess {
  const maxAge = parseMaxAge(response.headers['cache-control']);
  const ttlMinutes = parsed ? parsed.ttlMinutes : (feed.ttlSeconds ?? 0) / 60 || undefined;
  const keep = <T>(value: T) => (response.notModified ? value : null);
  return {
    etag: response.headers.etag ?? keep(feed.etag),
    lastModified: response.headers['last-modified'] ?? keep(feed.lastModified),
    fetchedAt: now,
    nextFetchAt: nextFetchAt({
      now,
      every: everyMs(spec),
      cacheControlMaxAge: maxAge,
      expires: parseHttpDate(response.headers.expires),
      ttlMinutes,
      consecutiveFailures: 0,
    }),
    ttlSeconds: ttlMinutes === undefined ? null : ttlMinutes * 60,
    maxAgeSeconds: maxAge ?? null,
  };
}

/**
 * A failed fetch: backs off from the failures so far, and honours a 429/503's Retry-After.
 * `disable` when this permanent failure repeated enough (feeds/health.ts `shouldDisable`).
 */
export function failureState(
  feed: Feed,
  spec: FeedSpec,
  error: TransientError | PermanentError,
  now: Date,
  disable = false,
): FetchFailure & { failures: number; permanent: boolean } {
  const retryAfter = retryAfterDate(error, now);
  const failures = feed.consecutiveFailures + 1;
  return {
    error: error.message,
    at: now,
    permanent: error instanceof PermanentError,
    disable: disable && error instanceof PermanentError,
    retryAfter,
    nextFetchAt: nextFetchAt({
      now,
      every: everyMs(spec),
      retryAfter,
      consecutiveFailures: failures,
    }),
    failures,
  };
}

function retryAfterDate(error: Error, now: Date): Date | undefined {
  if (!(error instanceof HttpTransientError) || !error.retryAfter) return undefined;
  const wait = retryAfterMs(error.retryAfter, now);
  return wait === undefined ? undefined : new Date(now.getTime() + wait);
}

function everyMs(spec: FeedSpec): number {
  return parseDuration(spec.every) ?? DEFAULT_EVERY_MS;
}
