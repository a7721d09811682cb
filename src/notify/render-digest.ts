// Digest emails rendered from values: counts by rule and region at the top, the alerts of the period,
// then each story once, labelled with the rules and regions it matched, its copies folded under it.
import { countOf, escapeHtml, formatTime, singleLine } from './format.ts';
import { htmlDocument, linkHtml } from './html.ts';

export interface DigestStory {
  /** The story's identity (its story id, or its lone article's): one story under two rules is counted once. */
  key?: string | undefined;
  title: string;
  url: string;
  /** The feeds that carried the story: more sources rank it higher. */
  sources: readonly string[];
  publishedAt: Date | null;
  /** Matched terms as written in the rule, shown after the title. */
  terms?: readonly string[] | undefined;
  /** The story's other articles (other links, often other sources), folded under it. */
  copies?: readonly DigestCopy[] | undefined;
}

/** Another article of a story: its title, link and the feeds that carried it. */
export interface DigestCopy {
  title: string;
  url: string;
  sources: readonly string[];
}

export interface DigestGroup {
  ruleId: string;
  ruleName?: string | undefined;
  /** '' for stories that name none of the regions. */
  regionId: string;
  /** The region's name in the gazetteer (`Irak`), shown instead of its id. */
  regionName?: string | undefined;
  stories: readonly DigestStory[];
}

export interface DigestAlert {
  id: number;
  ruleId: string;
  ruleName?: string | undefined;
  regionId: string;
  regionName?: string | undefined;
  storyCount: number;
  createdAt: Date;
}

export interface DigestInput {
  digestId: string;
  periodStart: Date;
  periodEnd: Date;
  groups: readonly DigestGroup[];
  alertsFired: readonly DigestAlert[];
  /** Time zone of the times shown: the digest's own (default UTC). */
  timeZone?: string | undefined;
}

export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
}

interface RuleSection {
  ruleId: string;
  ruleName: string;
  regions: { regionId: string; regionName: string; stories: DigestStory[] }[];
}

/** A story as the digest lists it: once, with every rule × region it was counted under. */
interface StoryEntry {
  story: DigestStory;
  labels: { ruleName: string; regionName: string }[];
  sources: Set<string>;
  terms: Set<string>;
  copies: Map<string, DigestCopy>;
}

const NO_REGION = '(no region)';

/** `<digest-7@vigie>` for run 7: a resend of the run carries the same id, so mail systems fold it. */
export function digestMessageId(runId: number): string {
  return `<digest-${runId}@vigie>`;
}

export function renderDigest(input: DigestInput): RenderedDigest {
  const sections = sectionsOf(input.groups);
  const stories = storiesOf(sections);
  return {
    subject: digestSubject(input, sections),
    text: digestText(input, sections, stories),
    html: digestHtml(input, sections, stories),
  };
}

/**
 * Each story once (by its key, else its link), in the sections' order of rules and regions for
 * its labels, its sources and terms merged, another article of it under another rule folded in
 * as a copy; most sources first, then the most recent.
 */
function storiesOf(sections: readonly RuleSection[]): StoryEntry[] {
  const entries = new Map<string, StoryEntry>();
  for (const section of sections)
    for (const region of section.regions)
      for (const story of region.stories) {
        const key = story.key ?? story.url;
        const entry = entries.get(key) ?? newEntry(story);
        entries.set(key, entry);
        entry.labels.push({ ruleName: section.ruleName, regionName: region.regionName });
        mergeStory(entry, story);
      }
  const list = [...entries.values()];
  for (const entry of list) {
    entry.story = {
      ...entry.story,
      sources: [...entry.sources].sort(),
      terms: [...entry.terms],
      copies: [...entry.copies.values()],
    };
  }
  return list.sort((a, b) => byReach(a.story, b.story));
}

function newEntry(story: DigestStory): StoryEntry {
  return { story, labels: [], sources: new Set(), terms: new Set(), copies: new Map() };
}

function mergeStory(entry: StoryEntry, story: DigestStory): void {
  for (const source of story.sources) entry.sources.add(source);
  for (const term of story.terms ?? []) entry.terms.add(term);
  const copies = [...(story.copies ?? [])];
  if (story.url !== entry.story.url) copies.push(story);
  for (const copy of copies)
    if (copy.url !== entry.story.url && !entry.copies.has(copy.url))
      entry.copies.set(copy.url, { title: copy.title, url: copy.url, sources: copy.sources });
  const time = story.publishedAt;
  if (time && (!entry.story.publishedAt || time > entry.story.publishedAt))
    entry.story = { ...entry.story, publishedAt: time };
}

/** Groups merged by rule, then region (both in name order), stories by sources then recency. */
function sectionsOf(groups: readonly DigestGroup[]): RuleSection[] {
  const rules = new Map<string, RuleSection>();
  for (const group of groups) {
    const section = rules.get(group.ruleId) ?? {
      ruleId: group.ruleId,
      ruleName: group.ruleName ?? group.ruleId,
      regions: [],
    };
    rules.set(group.ruleId, section);
    const region = section.regions.find((r) => r.regionId === group.regionId);
    if (region) region.stories.push(...group.stories);
    else
      section.regions.push({
        regionId: group.regionId,
        regionName: regionLabel(group.regionId, group.regionName),
        stories: [...group.stories],
      });
  }
  const sorted = [...rules.values()].sort((a, b) => a.ruleName.localeCompare(b.ruleName));
  for (const section of sorted) {
    section.regions.sort((a, b) =>
      a.regionId === '' ? 1 : b.regionId === '' ? -1 : a.regionName.localeCompare(b.regionName),
    );
    for (const region of section.regions) region.stories.sort(byReach);
  }
  return sorted;
}

function byReach(a: DigestStory, b: DigestStory): number {
  const sources = new Set(b.sources).size - new Set(a.sources).size;
  if (sources !== 0) return sources;
  return (
    (b.publishedAt?.getTime() ?? Number.NEGATIVE_INFINITY) -
      (a.publishedAt?.getTime() ?? Number.NEGATIVE_INFINITY) || 0
  );
}

/** Distinct stories: one listed under two regions (or two rules) is still one story. */
function storyTotal(sections: RuleSection[]): number {
  const urls = sections.flatMap((s) =>
    s.regions.flatMap((r) => r.stories.map((story) => story.key ?? story.url)),
  );
  return new Set(urls).size;
}

function digestSubject(input: DigestInput, sections: RuleSection[]): string {
  const stories = countOf(storyTotal(sections), 'story', 'stories');
  const alerts =
    input.alertsFired.length > 0 ? `, ${countOf(input.alertsFired.length, 'alert', 'alerts')}` : '';
  return singleLine(`[vigie] Digest ${input.digestId}: ${stories}${alerts} (${periodText(input)})`);
}

function periodText(input: DigestInput): string {
  return `${formatTime(input.periodStart, input.timeZone)} – ${formatTime(input.periodEnd, input.timeZone)}`;
}

/** The region's name, else its id; `(no region)` for stories that name none. */
function regionLabel(regionId: string, regionName: string | undefined): string {
  return regionId === '' ? NO_REGION : (regionName ?? regionId);
}

function digestText(input: DigestInput, sections: RuleSection[], stories: StoryEntry[]): string {
  const lines = [`Digest ${input.digestId}, ${periodText(input)}`, ''];
  for (const section of sections) {
    for (const region of section.regions) {
      lines.push(
        `  ${singleLine(section.ruleName)} — ${singleLine(region.regionName)}: ${region.stories.length}`,
      );
    }
  }
  if (sections.length === 0) lines.push('  Nothing matched in this period.');
  lines.push('', ...alertsText(input), '');
  if (stories.length > 0) lines.push('== Stories ==', '');
  for (const entry of stories) lines.push(...storyText(entry, input.timeZone), '');
  return lines.join('\n');
}

function alertsText(input: DigestInput): string[] {
  if (input.alertsFired.length === 0) return ['No alert fired in this period.'];
  const lines = ['Alerts fired:'];
  for (const alert of input.alertsFired) {
    const where =
      alert.regionId === ''
        ? ''
        : ` — ${singleLine(regionLabel(alert.regionId, alert.regionName))}`;
    const what = countOf(alert.storyCount, 'story', 'stories');
    lines.push(
      `  ${formatTime(alert.createdAt, input.timeZone)}  ${singleLine(alert.ruleName ?? alert.ruleId)}${where}: ${what}`,
    );
  }
  return lines;
}

function storyText(entry: StoryEntry, timeZone: string | undefined): string[] {
  const { story } = entry;
  return [
    `* ${singleLine(story.title)}`,
    `  ${labelsText(entry)}`,
    `  ${storyMeta(story, timeZone)}`,
    `  ${singleLine(story.url)}`,
    ...(story.copies ?? []).map((copy) => `    also: ${copyText(copy)}`),
  ];
}

/** `[Rule — Irak] [Other rule — (no region)]`: where the story was counted. */
function labelsText(entry: StoryEntry): string {
  return entry.labels
    .map((label) => `[${singleLine(label.ruleName)} — ${singleLine(label.regionName)}]`)
    .join(' ');
}

function copyText(copy: DigestCopy): string {
  const sources = copy.sources.length > 0 ? `${copy.sources.map(singleLine).join(', ')}: ` : '';
  return `${sources}${singleLine(copy.title)} ${singleLine(copy.url)}`;
}

function storyMeta(story: DigestStory, timeZone: string | undefined): string {
  const sources = [...new Set(story.sources)].map(singleLine).join(', ');
  const when = story.publishedAt ? ` · ${formatTime(story.publishedAt, timeZone)}` : '';
  const terms =
    story.terms && story.terms.length > 0 ? ` · ${story.terms.map(singleLine).join(', ')}` : '';
  return `${sources}${when}${terms}`;
}

const STYLE = {
  h1: 'font-size:18px;margin:0 0 4px',
  meta: 'color:#555;font-size:13px;margin:0 0 12px',
  table: 'border-collapse:collapse;margin:0 0 16px;font-size:13px',
  cell: 'border:1px solid #ddd;padding:4px 8px;text-align:left',
  h2: 'font-size:16px;margin:20px 0 6px;border-bottom:2px solid #0b57d0',
  story: 'margin:0 0 12px',
  small: 'color:#555;font-size:12px',
  label:
    'display:inline-block;background:#e8f0fe;color:#174ea6;font-size:12px;padding:0 6px;margin:0 4px 2px 0;border-radius:3px',
  copies: 'margin:2px 0 0 16px;padding:0;color:#555;font-size:12px',
} as const;

function digestHtml(input: DigestInput, sections: RuleSection[], stories: StoryEntry[]): string {
  const body = [
    `<h1 style="${STYLE.h1}">Digest ${escapeHtml(input.digestId)}</h1>`,
    `<p style="${STYLE.meta}">${escapeHtml(periodText(input))}</p>`,
    countsHtml(sections),
    alertsHtml(input),
    ...(stories.length > 0 ? [`<h2 style="${STYLE.h2}">Stories</h2>`] : []),
    ...stories.map((entry) => storyHtml(entry, input.timeZone)),
  ];
  return htmlDocument(escapeHtml(digestSubject(input, sections)), body.join('\n'));
}

function countsHtml(sections: RuleSection[]): string {
  if (sections.length === 0) return `<p style="${STYLE.meta}">Nothing matched in this period.</p>`;
  const rows = sections.flatMap((section) =>
    section.regions.map(
      (region) =>
        `<tr><td style="${STYLE.cell}">${escapeHtml(section.ruleName)}</td><td style="${STYLE.cell}">${escapeHtml(region.regionName)}</td><td style="${STYLE.cell}">${region.stories.length}</td></tr>`,
    ),
  );
  const head = `<tr><th style="${STYLE.cell}">Rule</th><th style="${STYLE.cell}">Region</th><th style="${STYLE.cell}">Stories</th></tr>`;
  return `<table style="${STYLE.table}">${head}${rows.join('')}</table>`;
}

function alertsHtml(input: DigestInput): string {
  const lines = alertsText(input);
  const [head, ...items] = lines;
  const list = items.map((line) => `<li>${escapeHtml(line.trim())}</li>`).join('');
  return `<p style="${STYLE.meta}">${escapeHtml(head ?? '')}</p>${list ? `<ul style="${STYLE.small}">${list}</ul>` : ''}`;
}

function storyHtml(entry: StoryEntry, timeZone: string | undefined): string {
  const { story } = entry;
  const labels = entry.labels
    .map(
      (label) =>
        `<span style="${STYLE.label}">${escapeHtml(`${label.ruleName} — ${label.regionName}`)}</span>`,
    )
    .join('');
  const copies = (story.copies ?? []).map(
    (copy) =>
      `<li>${escapeHtml(copy.sources.join(', '))}${copy.sources.length > 0 ? ': ' : ''}${linkHtml(copy.title, copy.url)}</li>`,
  );
  const folded = copies.length > 0 ? `<ul style="${STYLE.copies}">${copies.join('')}</ul>` : '';
  return `<div style="${STYLE.story}">${linkHtml(story.title, story.url)}<br>${labels}<br><span style="${STYLE.small}">${escapeHtml(storyMeta(story, timeZone))}</span>${folded}</div>`;
}
