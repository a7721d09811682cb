// /feeds: each feed's last fetch, outcome, failures and disabled reason, as `vigie feeds` reads them.
import type { FeedHealthRow } from '../../store/feed-health-report.ts';
import type { Account } from '../auth.tsx';
import { Layout } from './layout.tsx';
import { Time } from './parts.tsx';

export interface FeedsPageProps {
  feeds: (FeedHealthRow & { name: string })[];
  timeZone: string;
  account?: Account | undefined;
}

const OUTCOMES = ['ok', 'not-modified', 'transient', 'permanent'] as const;

export function FeedsPage(props: FeedsPageProps) {
  return (
    <Layout title="Feeds" account={props.account}>
      <h1>Feeds</h1>
      {props.feeds.length === 0 ? (
        <p>No feed stored yet.</p>
      ) : (
        <table class="grid">
          <caption>Each feed's state; fetches and new items over the last 24 hours</caption>
          <thead>
            <tr>
              <th scope="col">Feed</th>
              <th scope="col">State</th>
              <th scope="col">Last fetch</th>
              <th scope="col">Fetches 24 h</th>
              <th scope="col">New items</th>
              <th scope="col">Failures in a row</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {props.feeds.map((feed) => (
              <FeedRow feed={feed} timeZone={props.timeZone} />
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function FeedRow(props: { feed: FeedsPageProps['feeds'][number]; timeZone: string }) {
  const { feed } = props;
  const state = feed.disabledReason ? 'disabled' : feed.health;
  return (
    <tr>
      <th scope="row">
        {feed.name}
        <br />
        <span class="hint">{feed.url}</span>
      </th>
      <td>
        <span class={state === 'ok' ? undefined : 'state-failed'}>{state}</span>
        {feed.disabledReason ? <div>{`Disabled: ${feed.disabledReason}`}</div> : null}
      </td>
      <td>{feed.lastFetchedAt ? <Time at={feed.lastFetchedAt} timeZone={props.timeZone} /> : 'never'}</td>
      <td>
        {OUTCOMES.filter((outcome) => feed.fetches[outcome])
          .map((outcome) => `${outcome} ${feed.fetches[outcome]}`)
          .join(', ') || 'none'}
      </td>
      <td class="n">{feed.newItems}</td>
      <td class="n">{feed.consecutiveFailures}</td>
      <td>
        {feed.lastError ? (
          <>
            {feed.lastError}
            {feed.lastErrorAt ? (
              <>
                {' ('}
                <Time at={feed.lastErrorAt} timeZone={props.timeZone} />
                {')'}
              </>
            ) : null}
          </>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
