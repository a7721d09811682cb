// Canonical URLs: one spelling per page, so the same article reached by two links is stored once.
import { PermanentError } from './errors.ts';

/**
 * Click-tracking parameters that never select content. Conservative on purpose: `ref`, `source`
 * or `id` can be real parameters on some sites, so they stay.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  '_ga',
]);

/**
 * Lower-cased scheme and host, no default port, no fragment, no tracking parameters, the other
 * parameters sorted by name (stable, so repeated names keep their order). Throws on a non-URL.
 */
export function canonicalUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (error) {
    throw new PermanentError(`feeds: not a URL (${url})`, { cause: error });
  }
  // WHATWG URL parsing already lower-cases scheme and host and drops a default port.
  parsed.hash = '';
  parsed.search = canonicalQuery(parsed.search);
  return parsed.href;
}

/** Works on the raw pairs so that the remaining parameters keep their exact encoding. */
function canonicalQuery(search: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)));
  // Array.prototype.sort is stable: repeated names keep their order.
  pairs.sort((a, b) => compareNames(paramName(a), paramName(b)));
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}
