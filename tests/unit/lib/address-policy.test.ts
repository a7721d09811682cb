// The SSRF deny list and the VIGIE_ALLOW_HOSTS allow list, address by address.
import { describe, expect, it } from 'vitest';
import {
  compileAllowList,
  isAllowed,
  isForbiddenAddress,
  parseAllowHosts,
} from '../../../src/lib/address-policy.ts';
import { UserError } from '../../../src/lib/errors.ts';
import { retryAfterMs } from '../../../src/lib/http.ts';

describe('isForbiddenAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.2', true],
    ['10.20.30.40', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['100.127.255.255', true],
    ['100.128.0.1', false],
    ['0.0.0.0', true],
    ['224.0.0.251', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['::', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:2', true],
    ['::ffff:169.254.169.254', true],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::a9fe:a9fe', true],
    ['64:ff9b::808:808', false],
    ['2002:c0a8:101::1', true],
    ['2606:4700:4700::1111', false],
    ['not an address', true],
  ])('%s → %s', (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });
});

describe('allow list', () => {
  const allow = compileAllowList(['127.0.0.1', 'feeds.internal', '10.8.0.0/16', 'fd00::/8']);

  it.each([
    ['example.org', '127.0.0.1', true],
    ['example.org', '127.0.0.2', false],
    ['example.org', '::ffff:127.0.0.1', true],
    ['Feeds.Internal.', '192.168.1.9', true],
    ['example.org', '10.8.200.1', true],
    ['example.org', '10.9.0.1', false],
    ['example.org', 'fd00::5', true],
  ])('host %s at %s → %s', (host, address, allowed) => {
    expect(isAllowed(allow, host, address)).toBe(allowed);
  });
});

describe('parseAllowHosts', () => {
  it.each([
    ['', []],
    ['127.0.0.1', ['127.0.0.1']],
    [' 127.0.0.1, Feeds.Internal ,10.0.0.0/8', ['127.0.0.1', 'feeds.internal', '10.0.0.0/8']],
    ['[::1],fc00::/7', ['::1', 'fc00::/7']],
  ])('%j → %j', (text, entries) => {
    expect(parseAllowHosts(text)).toEqual(entries);
  });

  it.each(['10.0.0.0/33', 'http://x', 'a b/c', '-bad-'])(
    'rejects %j with one clear line',
    (text) => {
      expect(() => parseAllowHosts(text)).toThrow(UserError);
      expect(() => parseAllowHosts(text)).toThrow(/^http: VIGIE_ALLOW_HOSTS: /);
    },
  );
});

describe('retryAfterMs', () => {
  const now = new Date('2024-09-01T08:00:00Z');
  it.each([
    ['120', 120_000],
    ['Sun, 01 Sep 2024 08:01:00 GMT', 60_000],
    ['Sun, 01 Sep 2024 07:00:00 GMT', 0],
    ['soon', undefined],
  ])('%j → %j', (value, ms) => {
    expect(retryAfterMs(value, now)).toBe(ms);
  });
});
