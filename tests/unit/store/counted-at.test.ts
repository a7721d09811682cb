import { describe, expect, it } from 'vitest';
import { countedAtOf } from '../../../src/store/counted-at.ts';

const seen = new Date('2026-03-10T12:00:00Z');

describe('countedAtOf', () => {
  it.each([
    {
      name: 'a published date before first seen',
      published: '2019-02-01T12:00:00Z',
      at: '2019-02-01T12:00:00.000Z',
    },
    { name: 'no date: first seen', published: null, at: seen.toISOString() },
    {
      name: 'a date in the future: first seen',
      published: '2031-01-01T00:00:00Z',
      at: seen.toISOString(),
    },
    {
      name: 'a date a minute after first seen: first seen',
      published: '2026-03-10T12:01:00Z',
      at: seen.toISOString(),
    },
    { name: 'an invalid date: first seen', published: 'not a date', at: seen.toISOString() },
  ])('$name', ({ published, at }) => {
    expect(countedAtOf(published === null ? null : new Date(published), seen).toISOString()).toBe(
      at,
    );
  });
});
