// Small pieces the workspace's pages share: a time in the analyst's zone, a severity, an error line.
import { formatTimeWithOffset } from '../../notify/format.ts';
import type { Snippet } from '../../notify/snippets.ts';

export function Time(props: { at: Date; timeZone: string }) {
  return (
    <time datetime={props.at.toISOString()}>{formatTimeWithOffset(props.at, props.timeZone)}</time>
  );
}

export function Severity(props: { severity: string | null }) {
  if (!props.severity) return <span class="hint">(no longer in rules.yaml)</span>;
  return <span class={`severity severity-${props.severity}`}>{props.severity}</span>;
}

export interface PageError {
  parameter: string;
  message: string;
}

export function ErrorLine(props: { error?: PageError | undefined }) {
  if (!props.error) return null;
  return (
    <p class="error" role="alert">
      {`${props.error.parameter}: ${props.error.message}`}
    </p>
  );
}

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

/** An excerpt with its matched text marked, `…` where it was cut. */
export function Excerpt(props: { excerpt: Snippet }) {
  const { excerpt } = props;
  return (
    <>
      {excerpt.cutBefore ? '…' : ''}
      {excerpt.before}
      <mark>{excerpt.match}</mark>
      {excerpt.after}
      {excerpt.cutAfter ? '…' : ''}
    </>
  );
}
