// Alert emails rendered from values: subject, plain text and inline-styled HTML, every piece of content escaped.
import type { TermHit } from '../rules/match.ts';
import type { Severity } from '../rules/types.ts';
import { countOf, escapeHtml, formatTime, singleLine } from './format.ts';
import { htmlDocument, linkHtml } from './html.ts';
import { type Snippet, snippetsOf } from './snippets.ts';

export { escapeHtml } from './format.ts';
export type { DigestAlert, DigestGroup, DigestInput, DigestStory } from './render-digest.ts';
export { renderDigest } from './render-digest.ts';

export interface AlertToRender {
  id: number;
  ruleId: string;
  /** '' when the rule counts as a whole. */
  regionId: string;
  storyCount: number;
  newSinceLast: number;
  windowStart: Date;
  windowEnd: Date;
}

export interface StoryToRender {
  title: string;
  url: string;
  /** The feed (or site) it came from. */
  source: string;
  publishedAt: Date | null;
  /** The article's text: the hits' segment 1 (segment 0 is the title). */
  text: string;
  hits: readonly TermHit[];
}

export interface AlertContext {
  rule: { id: string; name?: string | undefined; severity: Severity };
  stories: readonly StoryToRender[];
  /** Time zone of the times shown (default UTC). */
  timeZone?: string | undefined;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** `<alert-123@vigie>`: a resend carries the same id, so mail systems fold the repeat. */
  messageId: string;
}

const STYLE = {
  h1: 'font-size:18px;margin:0 0 8px',
  meta: 'color:#555;font-size:13px;margin:0 0 16px',
  story: 'margin:0 0 18px;padding:0 0 12px;border-bottom:1px solid #e5e5e5',
  source: 'color:#555;font-size:12px;margin:2px 0 6px',
  snippet: 'margin:4px 0;color:#333',
  mark: 'background:#fff3b0;font-weight:bold',
} as const;

export function renderAlertEmail(alert: AlertToRender, context: AlertContext): RenderedEmail {
  const ruleName = context.rule.name ?? context.rule.id;
  return {
    subject: alertSubject(ruleName, alert),
    text: alertText(ruleName, alert, context),
    html: alertHtml(ruleName, alert, context),
    messageId: `<alert-${alert.id}@vigie>`,
  };
}

function alertSubject(ruleName: string, alert: AlertToRender): string {
  const where = alert.regionId === '' ? '' : ` — ${alert.regionId}`;
  return singleLine(
    `[vigie] ${ruleName}${where}: ${countOf(alert.storyCount, 'story', 'stories')}`,
  );
}

function summaryLine(alert: AlertToRender, context: AlertContext): string {
  const tz = context.timeZone;
  const window = `from ${formatTime(alert.windowStart, tz)} to ${formatTime(alert.windowEnd, tz)}`;
  const fresh =
    alert.newSinceLast < alert.storyCount ? `, ${alert.newSinceLast} new since the last alert` : '';
  return `${countOf(alert.storyCount, 'story', 'stories')}${fresh}, ${window} (severity ${context.rule.severity}).`;
}

function alertText(ruleName: string, alert: AlertToRender, context: AlertContext): string {
  const where = alert.regionId === '' ? '' : ` — ${alert.regionId}`;
  const lines = [`${singleLine(ruleName)}${where}`, summaryLine(alert, context), ''];
  for (const story of context.stories) lines.push(...storyText(story, context.timeZone), '');
  return lines.join('\n');
}

function storyText(story: StoryToRender, timeZone: string | undefined): string[] {
  const when = story.publishedAt ? `, ${formatTime(story.publishedAt, timeZone)}` : '';
  const lines = [
    `* ${singleLine(story.title)}`,
    `  ${singleLine(story.source)}${when}`,
    `  ${singleLine(story.url)}`,
  ];
  for (const snippet of snippetsOf(story, story.hits)) lines.push(`  ${snippetText(snippet)}`);
  return lines;
}

/** `…before *match* after…  [attentat*]` */
export function snippetText(snippet: Snippet): string {
  const open = snippet.cutBefore ? '…' : '';
  const close = snippet.cutAfter ? '…' : '';
  const body = `${open}${snippet.before}*${snippet.match}*${snippet.after}${close}`;
  return `${body}  [${snippet.term}]`;
}

function alertHtml(ruleName: string, alert: AlertToRender, context: AlertContext): string {
  const where = alert.regionId === '' ? '' : ` — ${escapeHtml(alert.regionId)}`;
  const stories = context.stories.map((story) => storyHtml(story, context.timeZone)).join('\n');
  return htmlDocument(
    escapeHtml(alertSubject(ruleName, alert)),
    `<h1 style="${STYLE.h1}">${escapeHtml(ruleName)}${where}</h1>
<p style="${STYLE.meta}">${escapeHtml(summaryLine(alert, context))}</p>
${stories}`,
  );
}

function storyHtml(story: StoryToRender, timeZone: string | undefined): string {
  const when = story.publishedAt ? ` · ${escapeHtml(formatTime(story.publishedAt, timeZone))}` : '';
  const snippets = snippetsOf(story, story.hits)
    .map((snippet) => `<p style="${STYLE.snippet}">${snippetHtml(snippet)}</p>`)
    .join('\n');
  return `<div style="${STYLE.story}">
${linkHtml(story.title, story.url)}
<div style="${STYLE.source}">${escapeHtml(story.source)}${when}</div>
${snippets}
</div>`;
}

function snippetHtml(snippet: Snippet): string {
  const open = snippet.cutBefore ? '…' : '';
  const close = snippet.cutAfter ? '…' : '';
  const mark = `<mark style="${STYLE.mark}">${escapeHtml(snippet.match)}</mark>`;
  return `${open}${escapeHtml(snippet.before)}${mark}${escapeHtml(snippet.after)}${close}`;
}
