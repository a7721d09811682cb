// /rules: the last config reload, then every rule with its matches and alerts over 24 hours and 7 days, a chart per day.
import type { ReloadOutcome } from '../../config-reload.ts';
import type { Account } from '../auth.tsx';
import { formatPrecision, type LabelCounts } from '../label-stats.ts';
import type { RuleRowView } from '../workspace-view.ts';
import { PerDayChart } from './chart.tsx';
import { ReloadStatus } from './config-reload.tsx';
import { Layout } from './layout.tsx';
import { Severity } from './parts.tsx';

export interface RulesPageProps {
  rules: RuleRowView[];
  timeZone: string;
  /** The config directory and the last reload's outcome (config-reload.ts); none: not shown. */
  reload?: { dir: string; last: ReloadOutcome | undefined } | undefined;
  account?: Account | undefined;
  /** Each rule's relevance labels (store/labels.ts `readLabelCounts`), by rule id. */
  labels?: ReadonlyMap<string, LabelCounts> | undefined;
}

export function RulesPage(props: RulesPageProps) {
  return (
    <Layout title="Rules" account={props.account}>
      <h1>Rules</h1>
      {props.reload ? (
        <ReloadStatus dir={props.reload.dir} last={props.reload.last} timeZone={props.timeZone} />
      ) : null}
      {props.rules.length === 0 ? (
        <p>No rule in rules.yaml.</p>
      ) : (
        <table class="grid">
          <caption>{`Matches and alerts; days in ${props.timeZone}`}</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Severity</th>
              <th scope="col">Matches 24 h</th>
              <th scope="col">Matches 7 days</th>
              <th scope="col">Alerts 24 h</th>
              <th scope="col">Alerts 7 days</th>
              <th scope="col">Labelled precision</th>
              <th scope="col">Per day</th>
            </tr>
          </thead>
          <tbody>
            {props.rules.map((rule) => (
              <tr>
                <th scope="row">
                  {rule.inConfig ? (
                    <a href={`/rules/${encodeURIComponent(rule.rule)}`}>{rule.ruleName}</a>
                  ) : (
                    rule.ruleName
                  )}
                </th>
                <td>
                  <Severity severity={rule.severity} />
                </td>
                <td class="n">{rule.matches24h}</td>
                <td class="n">{rule.matches7d}</td>
                <td class="n">{rule.alerts24h}</td>
                <td class="n">{rule.alerts7d}</td>
                <td>{formatPrecision(props.labels?.get(rule.rule))}</td>
                <td>
                  <PerDayChart perDay={rule.perDay} label={rule.ruleName} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
