// Labelled precision and a draft rule's backtest against labels: pure, table-driven.
import { describe, expect, it } from 'vitest';
import {
  backtestLabels,
  describeLabelBacktest,
  formatPrecision,
  type LabelledEvent,
  labelledPrecision,
} from '../../../src/server/label-stats.ts';

describe('labelledPrecision', () => {
  it.each([
    [undefined, undefined, 'no label yet'],
    [{ relevant: 0, labelled: 0 }, undefined, 'no label yet'],
    [{ relevant: 0, labelled: 2 }, 0, '0% (0 of 2 labelled relevant)'],
    [{ relevant: 3, labelled: 4 }, 0.75, '75% (3 of 4 labelled relevant)'],
    [{ relevant: 1, labelled: 3 }, 1 / 3, '33% (1 of 3 labelled relevant)'],
    [{ relevant: 5, labelled: 5 }, 1, '100% (5 of 5 labelled relevant)'],
  ])('%j → %s, %s', (counts, precision, text) => {
    expect(labelledPrecision(counts)).toBe(precision);
    expect(formatPrecision(counts)).toBe(text);
  });
});

describe('backtestLabels', () => {
  const labels: LabelledEvent[] = [
    { eventId: 1, articleId: 10, relevant: true },
    { eventId: 2, articleId: 20, relevant: true },
    { eventId: 3, articleId: 30, relevant: false },
    { eventId: 4, articleId: 40, relevant: false },
    { eventId: 5, articleId: 50, relevant: false },
  ];

  it.each([
    ['matches everything it did', [10, 20, 30, 40, 50], [2, 0, 0, 3]],
    ['drops the noise only', [10, 20, 99], [2, 0, 3, 0]],
    ['loses a relevant one and keeps one irrelevant', [10, 30], [1, 1, 2, 1]],
    ['matches nothing', [], [0, 2, 3, 0]],
  ])('%s', (_, matched, [relevantKept, relevantLost, irrelevantDropped, irrelevantKept]) => {
    expect(backtestLabels(labels, matched)).toEqual({
      relevantKept,
      relevantLost,
      irrelevantDropped,
      irrelevantKept,
    });
  });

  it('counts nothing without labels', () => {
    expect(backtestLabels([], new Set([1, 2]))).toEqual({
      relevantKept: 0,
      relevantLost: 0,
      irrelevantDropped: 0,
      irrelevantKept: 0,
    });
  });
});

describe('describeLabelBacktest', () => {
  it.each([
    [undefined, 'no labelled event'],
    [
      { relevantKept: 0, relevantLost: 0, irrelevantDropped: 0, irrelevantKept: 0 },
      'no labelled event',
    ],
    [
      { relevantKept: 3, relevantLost: 1, irrelevantDropped: 2, irrelevantKept: 3 },
      'kept 3 of 4 labelled relevant, dropped 2 of 5 labelled not relevant',
    ],
  ])('%j → %s', (result, text) => {
    expect(describeLabelBacktest(result)).toBe(text);
  });
});
