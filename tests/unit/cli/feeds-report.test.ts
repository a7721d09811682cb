// `vigie feeds`: one line per configured feed, `new` before its first fetch, counts per day, the error shown.
import { describe, expect, it } from 'vitest';
import { buildReport, formatTable } from '../../../src/cli/feeds.ts';
import type { FeedHealthRow } from '../../../src/store/feed-health-report.ts';

const DAY = 86_400_000;
const spec = (id: string) => ({
  id,
  url: `https://example.org/${id}`,
  every: '10m',
  fetchArticle: true,
});
const row = {
  id: 'gone',
  health: 'disabled',
  lastFetchedAt: new Date('2024-09-01T10:00:00Z'),
  consecutiveFailures: 3,
  lastError: 'http: https://example.org/gone: not found (404)',
  lastErrorAt: new Date('2024-09-02T10:00:00Z'),
  disabledReason: 'http: https://example.org/gone: not found (404)',
  fetches: { ok: 10, permanent: 3 },
  newItems: 21,
  extraction: { full: 18, feed: 3 },
} as unknown as FeedHealthRow;

describe('buildReport', () => {
  it('lists every configured feed in config order, with items per day over the period', () => {
    const report = buildReport({ feeds: [spec('fresh'), spec('gone')] }, [row], 7 * DAY);
    expect(report.map((feed) => [feed.id, feed.health, feed.itemsPerDay])).toEqual([
      ['fresh', 'new', 0],
      ['gone', 'disabled', 3],
    ]);
    expect(report[1]).toMatchObject({
      lastSuccessAt: '2024-09-01T10:00:00.000Z',
      consecutiveFailures: 3,
      fetches: { ok: 10, permanent: 3 },
      extraction: { full: 18, feed: 3 },
    });
  });
});

describe('formatTable', () => {
  it('shows one aligned line per feed with its last error', () => {
    const text = formatTable(buildReport({ feeds: [spec('fresh'), spec('gone')] }, [row], 7 * DAY));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^feed\s+health\s+last success\s+fails\s+items\/day\s+extraction/);
    expect(lines[1]).toMatch(/^fresh\s+new\s+never\s+0\s+0\s+-$/);
    expect(lines[2]).toContain('2024-09-01 10:00');
    expect(lines[2]).toContain('full:18 feed:3');
    expect(lines[2]).toContain('not found (404)');
  });

  it('says when feeds.yaml has no feed', () => {
    expect(formatTable([])).toBe('no feeds in feeds.yaml\n');
  });
});
