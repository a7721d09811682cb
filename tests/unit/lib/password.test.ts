// Password hashes: scrypt round trip, wrong passwords, malformed or hostile stored hashes.
import { describe, expect, it } from 'vitest';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from '../../../src/lib/password.ts';

// Cheap parameters keep the test fast; the default ones are checked once.
const FAST = { N: 1024, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('accepts the password a hash was made from, and no other', async () => {
    const stored = await hashPassword('correct horse', FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horse ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts each hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same', FAST), hashPassword('same', FAST)]);
    expect(a).not.toBe(b);
  });

  it('treats composed and decomposed accents alike (NFC)', async () => {
    const stored = await hashPassword('d\u00e9j\u00e0', FAST);
    expect(await verifyPassword('de\u0301ja\u0300', stored)).toBe(true);
  });

  it('uses the default cost when none is given', async () => {
    const stored = await hashPassword('x');
    expect(stored.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('x', stored)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another scheme', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA'],
    ['N not a power of two', 'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA'],
    ['N that would take 16 GiB', `scrypt$${2 ** 24}$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA`],
    ['no key', 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$'],
  ])('refuses a malformed stored hash (%s) without throwing', async (_, stored) => {
    expect(await verifyPassword('x', stored)).toBe(false);
  });

  it('has a well-formed hash for unknown users that no password matches', async () => {
    expect(await verifyPassword('', UNKNOWN_USER_HASH)).toBe(false);
    expect(await verifyPassword('AAAA', UNKNOWN_USER_HASH)).toBe(false);
  });
});
