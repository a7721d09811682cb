// The last config reload's outcome, for /rules: when, what asked for it, and the file:line problems of a refused one.
import type { ReloadOutcome } from '../../config-reload.ts';
import { countOf, formatTimeWithOffset } from '../../notify/format.ts';
import type { Account } from '../auth.tsx';
import { Layout } from './layout.tsx';

const TRIGGERS: Record<ReloadOutcome['trigger'], string> = {
  signal: 'SIGHUP',
  file: 'a change of the config files',
  request: 'a request',
};

/** A section to place on /rules: the config directory, and the last reload's outcome. */
export function ReloadStatus(props: {
  dir: string;
  last: ReloadOutcome | undefined;
  timeZone: string;
}) {
  const { last } = props;
  return (
    <section aria-labelledby="config-reload">
      <h2 id="config-reload">Config reload</h2>
      {last === undefined ? (
        <p>{`No reload since start: the config of ${props.dir} runs as it was read then.`}</p>
      ) : (
        <ReloadOutcomeView last={last} dir={props.dir} timeZone={props.timeZone} />
      )}
      <p class="hint">
        Edit the files in the config directory: this process reloads them once they stop changing,
        or on SIGHUP. A config with problems is refused whole, and the last valid one keeps running.
      </p>
    </section>
  );
}

function ReloadOutcomeView(props: { last: ReloadOutcome; dir: string; timeZone: string }) {
  const { last } = props;
  const when = (
    <time datetime={last.at.toISOString()}>{formatTimeWithOffset(last.at, props.timeZone)}</time>
  );
  if (last.ok) {
    return (
      <p>
        {'Last reload '}
        {when}
        {`, after ${TRIGGERS[last.trigger]}: the config of ${props.dir} is running.`}
      </p>
    );
  }
  return (
    <div class="error" role="alert">
      <p>
        {'Last reload '}
        {when}
        {`, after ${TRIGGERS[last.trigger]}, was refused with ${countOf(last.problems.length, 'problem', 'problems')}; the last valid config keeps running:`}
      </p>
      <ul>
        {last.problems.map((problem) => (
          <li>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** /rules/reload: the section on its own page. */
export function ReloadPage(props: Parameters<typeof ReloadStatus>[0] & { account: Account }) {
  return (
    <Layout title="Config reload" account={props.account}>
      <ReloadStatus dir={props.dir} last={props.last} timeZone={props.timeZone} />
    </Layout>
  );
}
