// Password hashes for workspace users: scrypt from node:crypto, parameters stored with each hash.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP's scrypt minimum is N=2^17, r=8, p=1 (128 MiB); N=2^15 with r=8 costs 32 MiB and about
// 0.2 s on a loaded 2-core machine: a login can afford it, a guesser holding the database pays it
// for every guess.
const DEFAULT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** A stored hash: `scrypt$N$r$p$salt$key`, salt and key in base64url. */
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(password, salt, KEY_LENGTH, params);
  return ['scrypt', params.N, params.r, params.p, encode(salt), encode(key)].join('$');
}

/** True when `password` is the one `stored` was made from; false for a wrong one or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = FORMAT.exec(stored);
  if (!parts) return false;
  const [, n, r, p, salt, key] = parts as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(key, 'base64url');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (expected.length === 0 || !isSaneParams(params)) return false;
  const actual = await deriveKey(password, Buffer.from(salt, 'base64url'), expected.length, params);
  return timingSafeEqual(actual, expected);
}

/** A hash of nothing anyone types: checked against when the user is unknown, so both take as long. */
export const UNKNOWN_USER_HASH = `scrypt$${DEFAULT_PARAMS.N}$${DEFAULT_PARAMS.r}$${DEFAULT_PARAMS.p}$${'A'.repeat(22)}$${'A'.repeat(43)}`;

/** A stored hash's parameters are ours or a past default: refuse ones that would exhaust memory. */
function isSaneParams({ N, r, p }: ScryptParams): boolean {
  return N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
}

function deriveKey(password: string, salt: Buffer, length: number, params: ScryptParams) {
  // scrypt needs 128·N·r bytes; node refuses more than maxmem (32 MiB by default).
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function encode(bytes: Buffer): string {
  return bytes.toString('base64url');
}
