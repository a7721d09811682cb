// When to poll a feed next: its `every`, the server's hints within bounds, backoff while it fails.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface ScheduleInput {
  now: Date;
  /** The feed's configured interval, in milliseconds. */
  every: number;
  /** Cache-Control max-age of the last response, in seconds (RFC 9111 §5.2.2.1). */
  cacheControlMaxAge?: number | null | undefined;
  /** The Expires header of the last response (RFC 9111 §5.3). */
  expires?: Date | null | undefined;
  /** Retry-After of a 429/503 (RFC 9110 §10.2.3), as an absolute time. */
  retryAfter?: Date | null | undefined;
  /** RSS <ttl>, in minutes. */
  ttlMinutes?: number | null | undefined;
  /** Failures in a row, this one included; 0 after a success. */
  consecutiveFailures: number;
}

/** Backoff never waits longer than this between two tries of a failing feed. */
export const MAX_BACKOFF_MS = DAY;

/**
 * A healthy feed is polled every `every`, or as the server asks (max-age, Expires, <ttl>), but
 * never sooner than every/2 (nor 1 minute) and never later than 4×every (nor 24 h): a server
 * saying "no-cache" does not make us hammer it, one saying "a year" does not make us miss news.
 * A failing feed waits every × 2^(failures−1), up to 24 h, and at least until its Retry-After.
 */
export function nextFetchAt(input: ScheduleInput): Date {
  const delay =
    input.consecutiveFailures > 0 ? failureDelay(input) : successDelay(input, input.every);
  return new Date(input.now.getTime() + delay);
}

function successDelay(input: ScheduleInput, every: number): number {
  const hint = serverHint(input);
  const retryAfter = untilRetryAfter(input);
  if (hint === undefined && retryAfter === undefined) return every;
  const lower = Math.max(every / 2, MINUTE);
  const upper = Math.max(lower, Math.min(DAY, 4 * every));
  return clamp(Math.max(hint ?? every, retryAfter ?? 0), lower, upper);
}

function failureDelay(input: ScheduleInput): number {
  const exponent = Math.min(input.consecutiveFailures - 1, 30);
  const backoff = Math.min(MAX_BACKOFF_MS, Math.max(MINUTE, input.every * 2 ** exponent));
  return Math.min(MAX_BACKOFF_MS, Math.max(backoff, untilRetryAfter(input) ?? 0));
}

/** The longest freshness the server or the feed granted, in milliseconds; none for 0 or the past. */
function serverHint(input: ScheduleInput): number | undefined {
  const hints = [
    input.cacheControlMaxAge ? input.cacheControlMaxAge * 1000 : undefined,
    input.expires ? input.expires.getTime() - input.now.getTime() : undefined,
    input.ttlMinutes ? input.ttlMinutes * MINUTE : undefined,
  ].filter((hint): hint is number => hint !== undefined && Number.isFinite(hint) && hint > 0);
  return hints.length > 0 ? Math.max(...hints) : undefined;
}

function untilRetryAfter(input: ScheduleInput): number | undefined {
  if (!input.retryAfter) return undefined;
  const wait = input.retryAfter.getTime() - input.now.getTime();
  return Number.isFinite(wait) && wait > 0 ? wait : undefined;
}

function clamp(value: number, lower: number, upper: number): number {
  return Math.min(upper, Math.max(lower, value));
}

/** `max-age` of a Cache-Control header value, in seconds; `no-store`/`no-cache` count as none. */
export function parseMaxAge(cacheControl: string | undefined): number | undefined {
  if (!cacheControl) return undefined;
  const found = /(?:^|[,\s])max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  return found ? Number(found[1]) : undefined;
}

/** An HTTP-date header (Expires), or undefined when absent or invalid (which RFC 9111 treats as past). */
export function parseHttpDate(value: string | undefined): Date | undefined {
  // Date.parse reads "0" (a common Expires meaning "already stale") as the year 2000.
  if (!value || !/[A-Za-z]{3}/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}
