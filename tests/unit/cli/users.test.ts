// `vigie users`: names and passwords checked before the store is opened; the password's first line read.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  checkName,
  checkPassword,
  readFirstLine,
  readNewPassword,
} from '../../../src/cli/users.ts';

describe('readFirstLine', () => {
  it.each([
    ['pass word 1\n', 'pass word 1'],
    ['pass word 1\r\nignored\n', 'pass word 1'],
    ['no newline', 'no newline'],
    ['', ''],
  ])('%j → %j', async (input, expected) => {
    expect(await readFirstLine(Readable.from([input]))).toBe(expected);
  });

  it('joins a line split across chunks', async () => {
    expect(await readFirstLine(Readable.from(['pass ', 'word', ' 1\nrest']))).toBe('pass word 1');
  });
});

describe('checks', () => {
  it('refuses short and empty passwords in one line', async () => {
    expect(() => checkPassword('1234567')).toThrow(
      'users: the password must have 8 to 1024 characters',
    );
    await expect(readNewPassword(Readable.from(['\n']))).rejects.toThrow(/8 to 1024/);
    expect(await readNewPassword(Readable.from(['a long one\n']))).toBe('a long one');
  });

  it('refuses names with control characters or spaces at the ends', () => {
    expect(() => checkName('alice')).not.toThrow();
    expect(() => checkName('bad\nname')).toThrow('users: "bad\\nname": expected a name');
    expect(() => checkName(' alice')).toThrow(/expected a name/);
  });
});
