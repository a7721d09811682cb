// Relevance labels summed up, as pure functions: a rule's labelled precision, a draft rule's backtest.

/** A rule's labelled events (each counted once) and how many of them are relevant. */
export interface LabelCounts {
  relevant: number;
  labelled: number;
}

/** One labelled event of a rule, with its article: what a draft rule's matches are compared with. */
export interface LabelledEvent {
  eventId: number;
  articleId: number;
  relevant: boolean;
}

/** relevant / labelled, from 0 to 1; undefined while nothing is labelled. */
export function labelledPrecision(counts: LabelCounts | undefined): number | undefined {
  if (!counts || counts.labelled === 0) return undefined;
  return counts.relevant / counts.labelled;
}

/** "75% (3 of 4 labelled relevant)" or "no label yet", for a table cell. */
export function formatPrecision(counts: LabelCounts | undefined): string {
  const precision = labelledPrecision(counts);
  if (precision === undefined || !counts) return 'no label yet';
  return `${Math.round(precision * 100)}% (${counts.relevant} of ${counts.labelled} labelled relevant)`;
}

/** What a draft rule would do to a rule's labelled events. */
export interface LabelBacktest {
  /** Labelled relevant, and the draft still matches their articles. */
  relevantKept: number;
  /** Labelled relevant, and the draft no longer matches: what it would miss. */
  relevantLost: number;
  /** Labelled not relevant, and the draft no longer matches: noise it would drop. */
  irrelevantDropped: number;
  /** Labelled not relevant, and the draft still matches. */
  irrelevantKept: number;
}

/**
 * Compares the articles a draft rule matches with a rule's labelled events (store/labels.ts
 * `listRuleLabels`): how many labelled-relevant events it would keep, and how many
 * labelled-irrelevant ones it would drop.
 */
export function backtestLabels(
  labels: readonly LabelledEvent[],
  matchedArticleIds: Iterable<number>,
): LabelBacktest {
  const matched = new Set(matchedArticleIds);
  const result = { relevantKept: 0, relevantLost: 0, irrelevantDropped: 0, irrelevantKept: 0 };
  for (const label of labels) {
    const kept = matched.has(label.articleId);
    if (label.relevant) result[kept ? 'relevantKept' : 'relevantLost'] += 1;
    else result[kept ? 'irrelevantKept' : 'irrelevantDropped'] += 1;
  }
  return result;
}

/** "kept 3 of 4 labelled relevant, dropped 2 of 5 labelled not relevant", or nothing to say. */
export function describeLabelBacktest(result: LabelBacktest | undefined): string {
  if (!result) return 'no labelled event';
  const relevant = result.relevantKept + result.relevantLost;
  const irrelevant = result.irrelevantDropped + result.irrelevantKept;
  if (relevant + irrelevant === 0) return 'no labelled event';
  return `kept ${result.relevantKept} of ${relevant} labelled relevant, dropped ${result.irrelevantDropped} of ${irrelevant} labelled not relevant`;
}
