// The rule tester's backtest against relevance labels: for each tried rule, the labelled events of
// the rule with that id among the articles the backtest read, kept or dropped by the draft.
import { listRuleLabels } from '../store/labels.ts';
import type { Db } from '../store/types.ts';
import { backtestLabels } from './label-stats.ts';
import type { TryBacktest } from './try-backtest.ts';

/** Adds `labels` to each rule of the backtest: a draft under a running rule's id is judged by its labels. */
export async function addLabelBacktest(db: Db, backtest: TryBacktest): Promise<TryBacktest> {
  const rules = await Promise.all(
    backtest.rules.map(async (rule) => {
      const labels = (await listRuleLabels(db, rule.id, { since: backtest.since })).filter(
        (label) => backtest.readIds.has(label.articleId),
      );
      return { ...rule, labels: backtestLabels(labels, backtest.matchedIds.get(rule.id) ?? []) };
    }),
  );
  return { ...backtest, rules };
}
