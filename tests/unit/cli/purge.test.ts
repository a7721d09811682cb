// Retention cutoffs from feeds.yaml (defaults for what it leaves out) and the lines `vigie purge` prints.
import { describe, expect, it } from 'vitest';
import { formatPurge } from '../../../src/cli/purge.ts';
import { retentionCutoffs } from '../../../src/store/retention.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const DAY = 86_400_000;

describe('retentionCutoffs', () => {
  it('defaults to 90 days of article text, a year of events and 30 days of fetch history', () => {
    expect(retentionCutoffs(undefined, NOW)).toEqual({
      articleText: new Date(NOW.getTime() - 90 * DAY),
      events: new Date(NOW.getTime() - 365 * DAY),
      fetchHistory: new Date(NOW.getTime() - 30 * DAY),
    });
  });

  it('takes each setting given, and the default for the others', () => {
    const cutoffs = retentionCutoffs({ events: '12h' }, NOW);
    expect(cutoffs.events).toEqual(new Date(NOW.getTime() - 12 * 3_600_000));
    expect(cutoffs.articleText).toEqual(new Date(NOW.getTime() - 90 * DAY));
  });
});

describe('formatPurge', () => {
  const counts = {
    articleTexts: 3,
    deliveries: 6,
    alerts: 2,
    digestRuns: 1,
    feedNotices: 0,
    events: 12,
    fetches: 40,
  };
  it('says what a dry run would do, with each cutoff', () => {
    const text = formatPurge(counts, retentionCutoffs(undefined, NOW), true);
    expect(text.split('\n')[0]).toBe('dry run, nothing changed:');
    expect(text).toContain('      12  events would be deleted, older than 2024-06-01 00:00 UTC');
    expect(text).toContain('3  article texts would be emptied (rows and events kept)');
  });

  it('says what a purge did', () => {
    const text = formatPurge(counts, retentionCutoffs(undefined, NOW), false);
    expect(text).toContain('      40  fetch history rows deleted, older than 2025-05-02 00:00 UTC');
  });
});
