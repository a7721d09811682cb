// Renders a feed health notice for the operators: failing, disabled, silent or recovered, as mail text, HTML and a webhook body. Pure.
import type { FeedHealthState, FeedNoticeState } from '../store/types.ts';
import { escapeHtml, formatTimeWithOffset, singleLine } from './format.ts';
import { htmlDocument } from './html.ts';

export interface NoticeToRender {
  id: number;
  feedId: string;
  state: FeedNoticeState;
  previous: FeedHealthState;
  reason: string | null;
  createdAt: Date;
}

export interface NoticeFeed {
  name?: string | undefined;
  url: string;
  lastSuccessAt: Date | null;
  consecutiveFailures: number;
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

const HEADLINES: Record<FeedNoticeState, string> = {
  failing: 'is failing',
  disabled: 'was disabled',
  silent: 'has gone silent',
  recovered: 'has recovered',
};

const ADVICE: Record<FeedNoticeState, string> = {
  failing: 'It is still tried on its schedule, with backoff.',
  disabled: 'It is no longer fetched. Check its URL, then run: vigie feeds retry',
  silent: 'It is fetched, but brings no new item far beyond its usual cadence.',
  recovered: 'It is fetched and healthy again.',
};

export function renderFeedNotice(
  notice: NoticeToRender,
  feed: NoticeFeed,
  timeZone?: string,
): RenderedNotice {
  const label = feed.name ? `${feed.name} (${notice.feedId})` : notice.feedId;
  const subject = singleLine(`[vigie] feed ${label} ${HEADLINES[notice.state]}`);
  const advice =
    notice.state === 'disabled' ? `${ADVICE.disabled} ${notice.feedId}` : ADVICE[notice.state];
  const lines = [
    `Feed ${label} ${HEADLINES[notice.state]} (was ${notice.previous}).`,
    advice,
    '',
    `URL: ${feed.url}`,
    `Since: ${formatTimeWithOffset(notice.createdAt, timeZone)}`,
    `Last success: ${feed.lastSuccessAt ? formatTimeWithOffset(feed.lastSuccessAt, timeZone) : 'never'}`,
    `Consecutive failures: ${feed.consecutiveFailures}`,
    ...(notice.reason ? [`Reason: ${singleLine(notice.reason)}`] : []),
  ];
  const text = `${lines.join('\n')}\n`;
  const body = lines
    .filter((line) => line !== '')
    .map((line) => `<p style="margin:0 0 6px">${escapeHtml(line)}</p>`)
    .join('\n');
  return {
    subject,
    text,
    html: htmlDocument(escapeHtml(subject), body),
    messageId: `<feed-notice-${notice.id}@vigie>`,
  };
}
