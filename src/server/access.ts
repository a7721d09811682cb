// The pure parts of the workspace's access rules: loopback binds, proxy addresses, tokens, redirects.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

/** What the server was started with that decides who may do what. */
export interface AccessOptions {
  /** Reading without signing in: only while the server listens on loopback. */
  anonymousRead: boolean;
  /** A reverse proxy's user header (lower case), trusted from `trustedProxies` only. */
  trustedUserHeader?: string | undefined;
  trustedProxies?: readonly string[] | undefined;
  /** How long a session lasts after signing in (default 12 h). */
  sessionMs?: number | undefined;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** localhost, 127.0.0.0/8 and ::1 (also as ::ffff:127.x.x.x): only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (address === 'localhost') return true;
  const family = isIP(address);
  return family !== 0 && LOOPBACK.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export function accessForHost(
  host: string,
  proxy: { trustedUserHeader?: string | undefined; trustedProxies?: readonly string[] | undefined },
): AccessOptions {
  return { anonymousRead: isLoopbackHost(host), ...proxy };
}

/** A membership test for the proxy's addresses and CIDRs (already checked by env.ts). */
export function compileProxyList(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [network = '', prefix] = entry.split('/');
    const family = isIP(network) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(network, family);
    else list.addSubnet(network, Number(prefix), family);
  }
  return (address) => {
    const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** A random token for a cookie or a form: 256 bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** What the database keeps of a session token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares a submitted token with the expected one in constant time. */
export function tokensEqual(submitted: string | undefined, expected: string): boolean {
  if (submitted === undefined) return false;
  const a = Buffer.from(submitted);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A path on this server to go back to after signing in; anything else (//evil, https:…) is `/events`. */
export function safeReturnPath(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/events';
  }
  return /\p{Cc}/u.test(next) ? '/events' : next;
}

/** A user name from a proxy's header or `vigie users add`: printable, no spaces at the ends. */
export function isValidUserName(name: string): boolean {
  return name.length > 0 && name.length <= 100 && name === name.trim() && !/\p{Cc}/u.test(name);
}

/**
 * Failed sign-ins per key (address and user name) in a sliding window: past `max`, the key waits.
 * In memory: a restart forgets, which costs a guesser a restart they cannot cause.
 */
export function createFailureCounter(max: number, windowMs: number) {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) =>
    (failures.get(key) ?? []).filter((at) => at > now - windowMs);
  return {
    /** How long `key` must wait before trying again, 0 when it may try now. */
    waitMs(key: string, now: number): number {
      const times = recent(key, now);
      if (times.length === 0) failures.delete(key);
      else failures.set(key, times);
      return times.length < max ? 0 : (times[times.length - max] ?? now) + windowMs - now;
    },
    fail(key: string, now: number): void {
      failures.set(key, [...recent(key, now), now]);
    },
    succeed(key: string): void {
      failures.delete(key);
    },
  };
}
