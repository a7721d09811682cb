// On each event of /events: its relevance labels so far, and the signed-in user's two buttons.
import type { EventLabels } from '../../store/labels.ts';
import type { Account } from '../auth.tsx';

export interface LabelControlsProps {
  eventId: number;
  labels: EventLabels | undefined;
  /** Who is signed in: anonymous readers see the counts only. */
  account: Account | undefined;
  /** The list's own address, to come back to after labelling. */
  back: string;
}

export function LabelControls(props: LabelControlsProps) {
  const { labels, account } = props;
  const summary = describeLabels(labels);
  if (account?.user === undefined) {
    return summary ? <p class="meta">{summary}</p> : null;
  }
  const mine = labels?.mine;
  return (
    <form
      class="label meta"
      method="post"
      action={`/events/${props.eventId}/label`}
      aria-label={`Label event ${props.eventId}`}
    >
      <input type="hidden" name="csrf" value={account.csrf} />
      <input type="hidden" name="back" value={props.back} />
      {'Label: '}
      <button type="submit" name="relevant" value="yes" aria-pressed={String(mine === true)}>
        Relevant
      </button>{' '}
      <button type="submit" name="relevant" value="no" aria-pressed={String(mine === false)}>
        Not relevant
      </button>
      {summary ? ` · ${summary}` : ''}
    </form>
  );
}

/** "relevant for 2, not relevant for 1", or nothing before the first label. */
export function describeLabels(labels: EventLabels | undefined): string {
  if (!labels || labels.relevant + labels.notRelevant === 0) return '';
  return `relevant for ${labels.relevant}, not relevant for ${labels.notRelevant}`;
}

/** How /api/events shows an event's labels. */
export function toApiLabels(labels: EventLabels | undefined, signedIn: boolean) {
  const mine = labels?.mine;
  return {
    relevant: labels?.relevant ?? 0,
    notRelevant: labels?.notRelevant ?? 0,
    ...(signedIn ? { mine: mine === undefined ? null : mine ? 'relevant' : 'not-relevant' } : {}),
  };
}
