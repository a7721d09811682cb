// /rules/:id: a rule's definition, its recent matches, and a backtest of a period next to the alerts that fired.
import { countOf, safeHref } from '../../notify/format.ts';
import type { EventListView } from '../event-view.ts';
import type { AlertView } from '../workspace-view.ts';
import type { Account } from '../auth.tsx';
import { Layout } from './layout.tsx';
import { ErrorLine, formatScore, type PageError, Severity, Time } from './parts.tsx';

export interface BacktestView {
  since: Date;
  until: Date;
  articles: number;
  /** The article cap stopped the replay early. */
  truncated: boolean;
  /** Alerts the rule would have fired over the period. */
  wouldFire: { at: Date; region: { id: string; name: string } | null; stories: number }[];
  /** Alerts it did fire over the period. */
  fired: AlertView[];
}

export interface RulePageProps {
  rule: { id: string; name: string; severity: string };
  /** The rule as written in rules.yaml (YAML). */
  definition: string;
  matches: EventListView;
  values: { since?: string | undefined; until?: string | undefined };
  timeZone: string;
  backtest?: BacktestView | undefined;
  error?: PageError | undefined;
  account?: Account | undefined;
}

export function RulePage(props: RulePageProps) {
  const { rule } = props;
  return (
    <Layout title={`Rule ${rule.name}`} account={props.account}>
      <h1>
        {`${rule.name} `}
        <Severity severity={rule.severity} />
      </h1>
      <h2>Definition</h2>
      <pre class="rule">{props.definition}</pre>
      <h2>Recent matches</h2>
      <RecentMatches {...props} />
      <h2>Backtest</h2>
      <form class="filters" method="get" action={`/rules/${encodeURIComponent(rule.id)}`}>
        <label>
          Since
          <input name="since" value={props.values.since ?? ''} placeholder="7d or 2024-09-01" size={16} />
        </label>
        <label>
          Until
          <input name="until" value={props.values.until ?? ''} placeholder="2024-09-08" size={16} />
        </label>
        <button type="submit">Run backtest</button>
        <p class="hint">
          The current rule over the articles stored in the period; nothing is saved or sent.
        </p>
      </form>
      <ErrorLine error={props.error} />
      {props.backtest ? <Backtest backtest={props.backtest} timeZone={props.timeZone} /> : null}
    </Layout>
  );
}

function RecentMatches(props: RulePageProps) {
  const { events } = props.matches;
  if (events.length === 0) return <p>No stored match.</p>;
  return (
    <>
      <ul>
        {events.map((event) => {
          const href = safeHref(event.url);
          return (
            <li>
              <Time at={event.publishedAt} timeZone={props.timeZone} />
              {' · '}
              {href ? <a href={href}>{event.title || event.url}</a> : event.title || event.url}
              {` · ${event.source} · score ${formatScore(event.score)}`}
              {event.regions.length > 0
                ? ` · ${event.regions.map((region) => region.name).join(', ')}`
                : ''}
              {event.storyId !== null ? (
                <>
                  {' · '}
                  <a href={`/stories/${event.storyId}`}>{`story ${event.storyId}`}</a>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p>
        <a href={`/events?rule=${encodeURIComponent(props.rule.id)}`}>All its events</a> ·{' '}
        <a href={`/alerts?rule=${encodeURIComponent(props.rule.id)}`}>its alerts</a>
      </p>
    </>
  );
}

type BacktestRow =
  | { kind: 'would'; at: Date; region: string | null; stories: number }
  | { kind: 'fired'; at: Date; region: string | null; stories: number; alert: AlertView };

function Backtest(props: { backtest: BacktestView; timeZone: string }) {
  const { backtest } = props;
  const rows: BacktestRow[] = [
    ...backtest.wouldFire.map((alert) => ({
      kind: 'would' as const,
      at: alert.at,
      region: alert.region?.name ?? null,
      stories: alert.stories,
    })),
    ...backtest.fired.map((alert) => ({
      kind: 'fired' as const,
      at: alert.createdAt,
      region: alert.region?.name ?? null,
      stories: alert.storyCount,
      alert,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === 'would' ? -1 : 1));
  return (
    <section aria-label="Backtest result">
      <p>
        {'From '}
        <Time at={backtest.since} timeZone={props.timeZone} />
        {' to '}
        <Time at={backtest.until} timeZone={props.timeZone} />
        {`: ${countOf(backtest.articles, 'article', 'articles')} replayed${backtest.truncated ? ' (stopped there: choose a shorter period)' : ''}; `}
        {`${countOf(backtest.wouldFire.length, 'alert', 'alerts')} would fire, ${countOf(backtest.fired.length, 'alert', 'alerts')} fired.`}
      </p>
      {rows.length > 0 ? (
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Region</th>
              <th scope="col">Backtest: would fire</th>
              <th scope="col">Stored: fired</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>
                  <Time at={row.at} timeZone={props.timeZone} />
                </td>
                <td>{row.region ?? 'whole rule'}</td>
                <td>{row.kind === 'would' ? countOf(row.stories, 'story', 'stories') : ''}</td>
                <td>{row.kind === 'fired' ? countOf(row.stories, 'story', 'stories') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
