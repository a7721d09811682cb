// /alerts: alerts newest first, the stories each counted, and each channel's delivery (sent, pending, failed and why).
import { countOf } from '../../notify/format.ts';
import type { ChannelDeliveries } from '../../store/alert-list.ts';
import type { AlertQueryValues } from '../page-query.ts';
import type { AlertListView, AlertView } from '../workspace-view.ts';
import type { Account } from '../auth.tsx';
import { Layout } from './layout.tsx';
import { ErrorLine, type PageError, Severity, Time } from './parts.tsx';

export interface AlertsPageProps {
  rules: { id: string; name: string }[];
  values: AlertQueryValues;
  timeZone: string;
  list?: AlertListView | undefined;
  /** Deliveries per channel of the alerts of the last 7 days. */
  channels?: ChannelDeliveries[] | undefined;
  error?: PageError | undefined;
  account?: Account | undefined;
}

export function AlertsPage(props: AlertsPageProps) {
  return (
    <Layout title="Alerts" account={props.account}>
      <h1>Alerts</h1>
      <AlertFilters {...props} />
      <ErrorLine error={props.error} />
      {props.channels ? <ChannelTotals channels={props.channels} /> : null}
      {props.list ? (
        <AlertList list={props.list} timeZone={props.timeZone} values={props.values} />
      ) : null}
    </Layout>
  );
}

function AlertFilters(props: AlertsPageProps) {
  const { values } = props;
  return (
    <form class="filters" method="get" action="/alerts" aria-label="Filter alerts">
      <label>
        Rule
        <select name="rule">
          <option value="">Any rule</option>
          {props.rules.map((rule) => (
            <option value={rule.id} selected={values.rule === rule.id}>
              {rule.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Since
        <input name="since" value={values.since ?? ''} placeholder="2024-09-01 or 7d" size={16} />
      </label>
      <label>
        Until
        <input name="until" value={values.until ?? ''} placeholder="2024-09-02" size={16} />
      </label>
      <button type="submit">Filter</button>
      <p class="hint">{`Days and times are in ${props.timeZone}.`}</p>
    </form>
  );
}

const STATES = ['sent', 'pending', 'sending', 'failed'] as const;

function ChannelTotals(props: { channels: ChannelDeliveries[] }) {
  if (props.channels.length === 0) return <p>No alert was delivered to a channel in the last 7 days.</p>;
  return (
    <table class="grid">
      <caption>Deliveries of the last 7 days' alerts, per channel</caption>
      <thead>
        <tr>
          <th scope="col">Channel</th>
          {STATES.map((state) => (
            <th scope="col">{state}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.channels.map((channel) => (
          <tr>
            <th scope="row">{channel.channel}</th>
            {STATES.map((state) => (
              <td class="n">{channel.counts[state] ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AlertList(props: { list: AlertListView; timeZone: string; values: AlertQueryValues }) {
  const { alerts, next } = props.list;
  if (alerts.length === 0) return <p>No alert matches these filters.</p>;
  return (
    <>
      <table class="grid">
        <caption>Alerts, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Fired</th>
            <th scope="col">Rule</th>
            <th scope="col">Region</th>
            <th scope="col">Stories</th>
            <th scope="col">Delivery</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((alert) => (
            <AlertRow alert={alert} timeZone={props.timeZone} />
          ))}
        </tbody>
      </table>
      {next ? (
        <nav class="pages" aria-label="Pages">
          <a href={`/alerts?${nextAlertQuery(props.values, next)}`} rel="next">
            Next page
          </a>
        </nav>
      ) : null}
    </>
  );
}

function AlertRow(props: { alert: AlertView; timeZone: string }) {
  const { alert } = props;
  return (
    <tr>
      <td>
        <Time at={alert.createdAt} timeZone={props.timeZone} />
      </td>
      <td>
        <a href={`/rules/${encodeURIComponent(alert.rule)}`}>{alert.ruleName}</a>{' '}
        <Severity severity={alert.severity} />
      </td>
      <td>{alert.region?.name ?? 'whole rule'}</td>
      <td>
        {countOf(alert.storyCount, 'story', 'stories')}
        {alert.storyIds.length > 0 ? ': ' : ''}
        {alert.storyIds.map((id, i) => (
          <>
            {i > 0 ? ', ' : ''}
            <a href={`/stories/${id}`}>{String(id)}</a>
          </>
        ))}
      </td>
      <td>
        {alert.deliveries.length === 0 ? (
          <span class="hint">no channel</span>
        ) : (
          <ul>
            {alert.deliveries.map((delivery) => (
              <li>
                {`${delivery.channel}: `}
                <span class={`state-${delivery.state}`}>{delivery.state}</span>
                {delivery.error ? ` (${delivery.error})` : ''}
                {delivery.attempts > 1 ? ` after ${delivery.attempts} attempts` : ''}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export function nextAlertQuery(values: AlertQueryValues, cursor: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (name !== 'cursor' && value !== undefined) params.set(name, value);
  }
  params.set('cursor', cursor);
  return params.toString();
}
