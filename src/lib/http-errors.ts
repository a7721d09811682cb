// HTTP failures: transient or permanent, each message naming the module and the URL (`http: URL: what`).
import { PermanentError, TransientError } from './errors.ts';

const MB = 1024 * 1024;

/** Worth retrying later; `retryAfter` is the server's Retry-After header, untouched. */
export class HttpTransientError extends TransientError {
  override name = 'HttpTransientError';
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfter?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class HttpPermanentError extends PermanentError {
  override name = 'HttpPermanentError';
  constructor(
    message: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface FailureContext {
  /** Our own total timeout fired. */
  timedOut: boolean;
  /** The caller's signal aborted the fetch. */
  aborted: boolean;
  totalTimeoutMs: number;
  connectTimeoutMs: number;
}

/** Milliseconds to wait from a Retry-After value: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string, now: Date): number | undefined {
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Our own errors pass through; timeouts and network failures become transient, named after the URL. */
export function classifyFailure(url: URL, error: unknown, context: FailureContext): Error {
  if (error instanceof TransientError || error instanceof PermanentError) return error;
  if (context.timedOut) {
    return transient(url, `timed out after ${formatMs(context.totalTimeoutMs)}`, error);
  }
  if (context.aborted) return transient(url, 'aborted', error);
  const code = errorCode(error);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return transient(url, `connect timed out after ${formatMs(context.connectTimeoutMs)}`, error);
  }
  return transient(url, `network error (${code ?? describe(error)})`, error);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function transient(url: URL, what: string, cause: unknown): HttpTransientError {
  return new HttpTransientError(`http: ${url.href}: ${what}`, undefined, undefined, { cause });
}

export function permanent(url: URL, what: string, cause?: unknown): HttpPermanentError {
  return new HttpPermanentError(`http: ${url.href}: ${what}`, undefined, { cause });
}

export function formatBytes(bytes: number): string {
  if (bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
