// Which migration failures are another client's schema vanishing under Kysely's introspection.
import { describe, expect, it } from 'vitest';
import { isOtherSchemaGone } from '../../../src/store/migrations.ts';

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isOtherSchemaGone', () => {
  it.each([
    [
      'another schema dropped meanwhile',
      pgError('3F000', 'schema "vigie_other" does not exist'),
      true,
    ],
    ['our own schema missing', pgError('3F000', 'schema "vigie_mine" does not exist'), false],
    [
      "another schema's table dropped meanwhile",
      pgError('42P01', 'relation "vigie_other.digests" does not exist'),
      true,
    ],
    [
      'our own table missing',
      pgError('42P01', 'relation "vigie_mine.digests" does not exist'),
      false,
    ],
    ['another error', pgError('42P01', 'relation "x" does not exist'), false],
    ['not a database error', new Error('schema "vigie_other" does not exist'), false],
  ])('%s', (_name, error, expected) => {
    expect(isOtherSchemaGone(error, 'vigie_mine')).toBe(expected);
  });
});
