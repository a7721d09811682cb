// The pure access rules: loopback binds, the proxy's addresses, tokens, where to go after signing in.
import { describe, expect, it } from 'vitest';
import {
  compileProxyList,
  createFailureCounter,
  hashToken,
  isLoopbackHost,
  isValidUserName,
  newToken,
  safeReturnPath,
  TOKEN_FORMAT,
  tokensEqual,
} from '../../../src/server/access.ts';

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['10.0.0.1', false],
    ['example.org', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('compileProxyList', () => {
  const isProxy = compileProxyList(['10.0.0.5', '192.168.0.0/24', '::1']);
  it.each([
    ['10.0.0.5', true],
    ['::ffff:10.0.0.5', true],
    ['10.0.0.6', false],
    ['192.168.0.200', true],
    ['192.168.1.1', false],
    ['::1', true],
    ['127.0.0.1', false],
    ['not an address', false],
  ])('%s → %s', (address, expected) => {
    expect(isProxy(address)).toBe(expected);
  });

  it('trusts no one when empty', () => {
    expect(compileProxyList([])('127.0.0.1')).toBe(false);
  });
});

describe('tokens', () => {
  it('are random, 256 bits, and stored only as a hash', () => {
    const a = newToken();
    expect(a).toMatch(TOKEN_FORMAT);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
  });

  it('compare equal only when identical', () => {
    const token = newToken();
    expect(tokensEqual(token, token)).toBe(true);
    expect(tokensEqual(`${token.slice(0, -1)}x`, token)).toBe(token.endsWith('x'));
    expect(tokensEqual(token.slice(1), token)).toBe(false);
    expect(tokensEqual('', token)).toBe(false);
    expect(tokensEqual(undefined, token)).toBe(false);
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/events?rule=a', '/events?rule=a'],
    ['/rules/x', '/rules/x'],
    [undefined, '/events'],
    ['', '/events'],
    ['https://evil.example/', '/events'],
    ['//evil.example/', '/events'],
    ['/\\evil.example', '/events'],
    ['/events\r\nSet-Cookie: x=1', '/events'],
    ['events', '/events'],
  ])('%s → %s', (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });
});

describe('isValidUserName', () => {
  it.each([
    ['alice', true],
    ['Émilie Dupont', true],
    ['a@example.org', true],
    ['', false],
    [' alice', false],
    ['ali\nce', false],
    ['x'.repeat(101), false],
  ])('%j → %s', (name, expected) => {
    expect(isValidUserName(name)).toBe(expected);
  });
});

describe('createFailureCounter', () => {
  it('makes a key wait once it failed `max` times within the window, until the oldest lapses', () => {
    const counter = createFailureCounter(3, 1_000);
    for (const at of [0, 100, 200]) {
      expect(counter.waitMs('a', at)).toBe(0);
      counter.fail('a', at);
    }
    expect(counter.waitMs('a', 300)).toBe(700);
    expect(counter.waitMs('b', 300)).toBe(0);
    expect(counter.waitMs('a', 1_000)).toBe(0);
    counter.fail('a', 1_000);
    expect(counter.waitMs('a', 1_050)).toBe(50);
    counter.succeed('a');
    expect(counter.waitMs('a', 1_050)).toBe(0);
  });
});
