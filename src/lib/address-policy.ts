// Which addresses vigie may connect to: the SSRF deny list and the VIGIE_ALLOW_HOSTS allow list.
import { BlockList, isIP } from 'node:net';
import { UserError } from './errors.ts';

/** Special-purpose IPv4 ranges (RFC 6890 registry) that a public feed never lives on. */
const FORBIDDEN_IPV4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network" (RFC 791); 0.0.0.0 reaches localhost on Linux
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. the 169.254.169.254 cloud metadata service (RFC 3927)
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments (RFC 6890)
  ['192.0.2.0', 24], // TEST-NET-1 (RFC 5737)
  ['192.168.0.0', 16], // private (RFC 1918)
  ['198.18.0.0', 15], // benchmarking (RFC 2544)
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast 255.255.255.255
];

/** IPv6 ranges; IPv4-mapped ::ffff:a.b.c.d is checked against the IPv4 list by BlockList itself. */
const FORBIDDEN_IPV6: ReadonlyArray<readonly [string, number]> = [
  ['::', 96], // unspecified ::, loopback ::1 and deprecated IPv4-compatible ::a.b.c.d (RFC 4291)
  ['100::', 64], // discard-only (RFC 6666)
  ['2001:db8::', 32], // documentation (RFC 3849)
  ['fc00::', 7], // unique local (RFC 4193)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local (RFC 3879)
  ['ff00::', 8], // multicast
];

const FORBIDDEN = buildForbiddenList();

function buildForbiddenList(): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of FORBIDDEN_IPV4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of FORBIDDEN_IPV6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

/** The allow list compiled for lookups: host names, and single addresses or CIDRs. */
export interface AllowList {
  names: ReadonlySet<string>;
  addresses: BlockList;
}

/** Entries of `VIGIE_ALLOW_HOSTS` (comma- or space-separated host names, IPs or CIDRs); throws on a bad entry. */
export function parseAllowHosts(text: string | undefined): string[] {
  const entries = (text ?? '')
    .split(/[,\s]+/)
    .map((entry) => stripBrackets(entry.trim().toLowerCase()))
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (!isValidAllowEntry(entry)) {
      throw new UserError(
        `http: VIGIE_ALLOW_HOSTS: "${entry}" is not a host name, IP address or CIDR`,
      );
    }
  }
  return entries;
}

export function compileAllowList(entries: readonly string[]): AllowList {
  const names = new Set<string>();
  const addresses = new BlockList();
  for (const raw of entries) {
    const entry = stripBrackets(raw.trim().toLowerCase());
    const cidr = splitCidr(entry);
    if (cidr) addresses.addSubnet(cidr.network, cidr.prefix, cidr.family);
    else if (isIP(entry)) addresses.addAddress(entry, isIP(entry) === 6 ? 'ipv6' : 'ipv4');
    else if (entry !== '') names.add(entry.replace(/\.$/, ''));
  }
  return { names, addresses };
}

/** True for loopback, private, link-local, CGNAT, multicast, reserved addresses and their IPv4-mapped forms. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  const embedded = embeddedIpv4(address);
  if (embedded !== undefined && FORBIDDEN.check(embedded, 'ipv4')) return true;
  return FORBIDDEN.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** True when the allow list names this host or covers this address. */
export function isAllowed(allow: AllowList, host: string, address: string): boolean {
  if (allow.names.has(host.toLowerCase().replace(/\.$/, ''))) return true;
  const family = isIP(address);
  return family !== 0 && allow.addresses.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The host of a URL without IPv6 brackets, as DNS and net.connect expect it. */
export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function isValidAllowEntry(entry: string): boolean {
  if (splitCidr(entry) || isIP(entry)) return true;
  return /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/.test(entry);
}

function splitCidr(
  entry: string,
): { network: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [network = '', prefixText, extra] = entry.split('/');
  if (prefixText === undefined || extra !== undefined || !/^\d{1,3}$/.test(prefixText)) return;
  const family = isIP(network);
  const prefix = Number(prefixText);
  if (family === 0 || prefix > (family === 6 ? 128 : 32)) return;
  return { network, prefix, family: family === 6 ? 'ipv6' : 'ipv4' };
}

/** The IPv4 address inside a NAT64 64:ff9b::/96 (RFC 6052) or 6to4 2002::/16 (RFC 3056) address. */
function embeddedIpv4(address: string): string | undefined {
  const groups = expandIpv6(address);
  if (!groups) return;
  const isNat64 =
    groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (isNat64) return ipv4FromGroups(groups[6] ?? 0, groups[7] ?? 0);
  if (groups[0] === 0x2002) return ipv4FromGroups(groups[1] ?? 0, groups[2] ?? 0);
  return;
}

function ipv4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The eight 16-bit groups of an IPv6 address, or undefined for anything else. */
function expandIpv6(address: string): number[] | undefined {
  if (isIP(address) !== 6) return;
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const middle = new Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => Number.parseInt(group, 16));
}
