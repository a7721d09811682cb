// Keep-alive connections, pooled per origin and vetted address set: a pool only ever connects to
// the addresses it was made for, and a request reaches it only after those were checked again.
import type { LookupFunction } from 'node:net';
import { Pool } from 'undici';

/** Hosts a worker fetches from in a while; beyond, the least recently used pool is closed. */
const MAX_POOLS = 256;

/** One address a host name resolved to, as `dns.lookup` gives it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

const pools = new Map<string, Pool>();

/**
 * The pool for `origin` pinned to exactly `addresses`. A new DNS answer is a new pool, so a
 * connection opened to an address vetted earlier is never handed to a request that vetted others.
 */
export function pinnedPool(
  origin: string,
  addresses: ResolvedAddress[],
  limits: { connectTimeoutMs: number; maxPerHost: number },
): Pool {
  const vetted = addresses.map(({ address }) => address).sort();
  const key = [origin, limits.connectTimeoutMs, limits.maxPerHost, ...vetted].join(' ');
  const known = pools.get(key);
  if (known) {
    // Map order is the recency order: move it to the end.
    pools.delete(key);
    pools.set(key, known);
    return known;
  }
  const pool = new Pool(origin, {
    // The host's request limit bounds its connections too.
    connections: limits.maxPerHost,
    connect: { timeout: limits.connectTimeoutMs, lookup: pinnedLookup(addresses) },
  });
  pools.set(key, pool);
  if (pools.size > MAX_POOLS) {
    const [oldestKey, oldest] = pools.entries().next().value as [string, Pool];
    pools.delete(oldestKey);
    // close() lets requests already sent finish; no new one can reach a pool out of the map.
    oldest.close().catch(() => undefined);
  }
  return pool;
}

/** Hands net.connect the vetted addresses, so DNS rebinding between check and connect is impossible. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) return callback(null, addresses);
    const match = addresses.find((entry) => !options.family || entry.family === options.family);
    const chosen = match ?? addresses[0];
    if (!chosen) return callback(new Error('no vetted address'), '');
    callback(null, chosen.address, chosen.family);
  };
}
