// /rules: every rule with its matches and alerts over 24 hours and 7 days, a chart per day, the last reload.
import type { RuleRowView } from '../workspace-view.ts';
import { PerDayChart } from './chart.tsx';
import { Layout } from './layout.tsx';
import { Severity, Time } from './parts.tsx';

/**
 * The last config reload's outcome. Filled by the config reload (issue 15 part 5, `ws-reload`):
 * when it ran, and for a refused config every problem as `file:line:col: path: message`.
 */
export interface ReloadView {
  at: Date;
  ok: boolean;
  errors: string[];
}

export interface RulesPageProps {
  rules: RuleRowView[];
  timeZone: string;
  reload?: ReloadView | undefined;
}

export function RulesPage(props: RulesPageProps) {
  return (
    <Layout title="Rules">
      <h1>Rules</h1>
      {/* Slot for the config reload's outcome (ws-reload). */}
      {props.reload ? <ReloadOutcome reload={props.reload} timeZone={props.timeZone} /> : null}
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

function ReloadOutcome(props: { reload: ReloadView; timeZone: string }) {
  const { reload } = props;
  return (
    <section aria-label="Last config reload" class={reload.ok ? undefined : 'error'}>
      <p>
        {reload.ok ? 'Config reloaded ' : 'Config reload refused '}
        <Time at={reload.at} timeZone={props.timeZone} />
        {reload.ok ? '.' : ': the last valid config keeps running.'}
      </p>
      {reload.errors.length > 0 ? (
        <ul>
          {reload.errors.map((error) => (
            <li>
              <code>{error}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
