// Alert emails rendered from values: subject, plain text and inline-styled HTML, every piece of content escaped.
import type { TermHit } from '../rules/match.ts';
import type { Severity } from '../rules/types.ts';
import { countOf, escapeHtml, formatTimeWithOffset, singleLine } from './format.ts';
import { htmlDocument, linkHtml } from './html.ts';
import { excerptsOf, type Snippet } from './snippets.ts';

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
  /** For a spike: the stories such a window usually holds. */
  expected?: number | undefined;
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
  /** Where the alert's region was named in it (`term`: the region's name), for a per-region alert. */
  places?: readonly TermHit[] | undefined;
}

export interface AlertContext {
  rule: {
    id: string;
    name?: string | undefined;
    severity: Severity;
    /** Its `all` clauses, each as the terms it holds (see rules/clauses.ts): one excerpt each. */
    clauses?: readonly (readonly string[])[] | undefined;
  };
  /** The name of the alert's region (default: its id). */
  regionName?: string | undefined;
  stories: readonly StoryToRender[];
  /** Time zone of the times shown, the channel's (default UTC); shown with its UTC offset. */
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
  h2: 'font-size:16px;margin:18px 0 4px;border-bottom:2px solid #0b57d0',
  meta: 'color:#555;font-size:13px;margin:0 0 16px',
  story: 'margin:0 0 18px;padding:0 0 12px;border-bottom:1px solid #e5e5e5',
  source: 'color:#555;font-size:12px;margin:2px 0 6px',
  snippet: 'margin:4px 0;color:#333',
  mark: 'background:#fff3b0;font-weight:bold',
} as const;

export function renderAlertEmail(alert: AlertToRender, context: AlertContext): RenderedEmail {
  const ruleName = context.rule.name ?? context.rule.id;
  return {
    subject: alertSubject(ruleName, alert, context),
    text: alertText(ruleName, alert, context),
    html: alertHtml(ruleName, alert, context),
    messageId: `<alert-${alert.id}@vigie>`,
  };
}

/** One alert of a burst: the alert and what its own mail would show. */
export interface AlertPart {
  alert: AlertToRender;
  context: AlertContext;
}

/**
 * One message for alerts of one rule (its regions crossing within the group wait): each region
 * with its summary and stories, as its own mail would show them. A single alert renders as
 * `renderAlertEmail`. The Message-ID names every alert, so the same burst resent is folded.
 */
export function renderAlertGroupEmail(parts: readonly AlertPart[]): RenderedEmail {
  const [first] = parts;
  if (!first) throw new Error('notify: an alert message needs at least one alert');
  if (parts.length === 1) return renderAlertEmail(first.alert, first.context);
  const ruleName = first.context.rule.name ?? first.context.rule.id;
  const names = parts.map((part) => part.context.regionName ?? part.alert.regionId);
  const subject = singleLine(
    `[vigie] ${ruleName}: ${countOf(parts.length, 'region', 'regions')} (${names.join(', ')})`,
  );
  const text = [
    singleLine(`${ruleName}: ${countOf(parts.length, 'region', 'regions')} at once`),
    '',
    ...parts.flatMap((part) => [
      `== ${singleLine(part.context.regionName ?? part.alert.regionId)} ==`,
      summaryLine(part.alert, part.context),
      '',
      ...part.context.stories.flatMap((story) => [...storyText(story, part.context), '']),
    ]),
  ].join('\n');
  const sections = parts.map(
    (
      part,
    ) => `<h2 style="${STYLE.h2}">${escapeHtml(part.context.regionName ?? part.alert.regionId)}</h2>
<p style="${STYLE.meta}">${escapeHtml(summaryLine(part.alert, part.context))}</p>
${part.context.stories.map((story) => storyHtml(story, part.context)).join('\n')}`,
  );
  const html = htmlDocument(
    escapeHtml(subject),
    `<h1 style="${STYLE.h1}">${escapeHtml(ruleName)}</h1>\n${sections.join('\n')}`,
  );
  const ids = parts.map((part) => part.alert.id).join('-');
  return { subject, text, html, messageId: `<alert-${ids}@vigie>` };
}

/** ` — Irak`, or nothing for a rule counted as a whole. */
function regionLabel(alert: AlertToRender, context: AlertContext): string {
  return alert.regionId === '' ? '' : ` — ${context.regionName ?? alert.regionId}`;
}

function alertSubject(ruleName: string, alert: AlertToRender, context: AlertContext): string {
  const where = regionLabel(alert, context);
  return singleLine(
    `[vigie] ${ruleName}${where}: ${countOf(alert.storyCount, 'story', 'stories')}`,
  );
}

function summaryLine(alert: AlertToRender, context: AlertContext): string {
  const tz = context.timeZone;
  const window = `from ${formatTimeWithOffset(alert.windowStart, tz)} to ${formatTimeWithOffset(alert.windowEnd, tz)}`;
  const fresh =
    alert.newSinceLast < alert.storyCount ? `, ${alert.newSinceLast} new since the last alert` : '';
  const usual =
    alert.expected === undefined ? '' : ` (a spike: usually ${formatExpected(alert.expected)})`;
  return `${countOf(alert.storyCount, 'story', 'stories')}${usual}${fresh}, ${window} (severity ${context.rule.severity}).`;
}

/** A spike's usual count, one decimal at most: `0`, `1.5`, `12`. */
function formatExpected(expected: number): string {
  return String(Math.round(expected * 10) / 10);
}

function alertText(ruleName: string, alert: AlertToRender, context: AlertContext): string {
  const lines = [
    singleLine(`${ruleName}${regionLabel(alert, context)}`),
    summaryLine(alert, context),
    '',
  ];
  for (const story of context.stories) lines.push(...storyText(story, context), '');
  return lines.join('\n');
}

/** The story's excerpts: one per clause of the rule, and where the region was named. */
function storyExcerpts(story: StoryToRender, context: AlertContext): Snippet[] {
  const clauses = context.rule.clauses ?? [];
  return excerptsOf(story, { hits: story.hits, clauses, places: story.places });
}

/** `Irak: named in the title ("irakiennes")`, when no excerpt of its own shows where. */
function describePlace(story: StoryToRender, excerpts: readonly Snippet[]): string | undefined {
  if (excerpts.some((excerpt) => excerpt.place)) return undefined;
  const first = [...(story.places ?? [])].sort(
    (a, b) => a.segment - b.segment || a.start - b.start,
  )[0];
  if (!first) return undefined;
  const source = first.segment === 0 ? story.title : story.text;
  const where = first.segment === 0 ? 'the title' : 'the excerpt above';
  return `${first.term}: named in ${where} ("${source.slice(first.start, first.end)}")`;
}

function storyText(story: StoryToRender, context: AlertContext): string[] {
  const when = story.publishedAt
    ? `, ${formatTimeWithOffset(story.publishedAt, context.timeZone)}`
    : '';
  const lines = [
    `* ${singleLine(story.title)}`,
    `  ${singleLine(story.source)}${when}`,
    `  ${singleLine(story.url)}`,
  ];
  const excerpts = storyExcerpts(story, context);
  for (const snippet of excerpts) lines.push(`  ${snippetText(snippet)}`);
  const place = describePlace(story, excerpts);
  if (place) lines.push(`  ${singleLine(place)}`);
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
  const where = escapeHtml(regionLabel(alert, context));
  const stories = context.stories.map((story) => storyHtml(story, context)).join('\n');
  return htmlDocument(
    escapeHtml(alertSubject(ruleName, alert, context)),
    `<h1 style="${STYLE.h1}">${escapeHtml(ruleName)}${where}</h1>
<p style="${STYLE.meta}">${escapeHtml(summaryLine(alert, context))}</p>
${stories}`,
  );
}

function storyHtml(story: StoryToRender, context: AlertContext): string {
  const published = story.publishedAt && formatTimeWithOffset(story.publishedAt, context.timeZone);
  const when = published ? ` · ${escapeHtml(published)}` : '';
  const excerpts = storyExcerpts(story, context);
  const place = describePlace(story, excerpts);
  const snippets = [
    ...excerpts.map((snippet) => snippetHtml(snippet)),
    ...(place ? [escapeHtml(place)] : []),
  ]
    .map((line) => `<p style="${STYLE.snippet}">${line}</p>`)
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
