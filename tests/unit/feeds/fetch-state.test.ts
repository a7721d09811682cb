// What a fetch outcome writes on the feed: validators kept on 304, hints, backoff, Retry-After.
import { describe, expect, it } from 'vitest';
import { failureState, successState } from '../../../src/feeds/fetch-state.ts';
import { PermanentError } from '../../../src/lib/errors.ts';
import { type FetchResult, HttpTransientError } from '../../../src/lib/http.ts';
import type { Feed } from '../../../src/store/feeds.ts';

const NOW = new Date('2024-09-01T10:00:00Z');
const MIN = 60_000;
const spec = { id: 'f', url: 'https://example.org/feed', every: '10m', fetchArticle: true };
const feed = {
  id: 'f',
  etag: '"old"',
  lastModified: 'Sat, 31 Aug 2024 10:00:00 GMT',
  ttlSeconds: 1800,
  consecutiveFailures: 2,
} as Feed;
const response = (status: number, headers: Record<string, string> = {}): FetchResult => ({
  status,
  url: spec.url,
  headers,
  body: Buffer.alloc(0),
  notModified: status === 304,
});
const delay = (at: Date) => at.getTime() - NOW.getTime();

describe('successState', () => {
  it('stores the new validators and the feed ttl of a 200', () => {
    const state = successState(
      feed,
      spec,
      response(200, { etag: '"new"' }),
      { title: '', items: [], ttlMinutes: 20 },
      NOW,
    );
    expect(state).toMatchObject({ etag: '"new"', lastModified: null, ttlSeconds: 1200 });
    expect(delay(state.nextFetchAt)).toBe(20 * MIN);
  });

  it('keeps the stored validators and ttl on a 304 that omits them', () => {
    const state = successState(feed, spec, response(304), undefined, NOW);
    expect(state).toMatchObject({
      etag: '"old"',
      lastModified: feed.lastModified,
      ttlSeconds: 1800,
    });
    expect(delay(state.nextFetchAt)).toBe(30 * MIN);
  });

  it('honours max-age within bounds', () => {
    const state = successState(
      feed,
      spec,
      response(200, { 'cache-control': 'max-age=86400' }),
      { title: '', items: [] },
      NOW,
    );
    expect(state.maxAgeSeconds).toBe(86400);
    expect(delay(state.nextFetchAt)).toBe(40 * MIN);
  });
});

describe('failureState', () => {
  it('backs a transient failure off from the failures so far, honouring Retry-After', () => {
    const state = failureState(feed, spec, new HttpTransientError('http: 503', 503, '7200'), NOW);
    expect(state).toMatchObject({ permanent: false, failures: 3, error: 'http: 503' });
    expect(state.retryAfter?.getTime()).toBe(NOW.getTime() + 7200_000);
    expect(delay(state.nextFetchAt)).toBe(2 * 60 * MIN);
  });

  it('marks a permanent failure', () => {
    const state = failureState(feed, spec, new PermanentError('feeds: not a feed'), NOW);
    expect(state).toMatchObject({
      permanent: true,
      disable: false,
      failures: 3,
      retryAfter: undefined,
    });
    expect(delay(state.nextFetchAt)).toBe(40 * MIN);
  });

  it('disables only a permanent failure that the caller found repeated', () => {
    const permanent = new PermanentError('feeds: not a feed');
    expect(failureState(feed, spec, permanent, NOW, true).disable).toBe(true);
    const transient = new HttpTransientError('http: 503', 503);
    expect(failureState(feed, spec, transient, NOW, true).disable).toBe(false);
  });
});
