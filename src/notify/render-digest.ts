// Digest emails rendered from values: counts at the top, stories by rule then region, the alerts of the period.
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
}

export interface DigestGroup {
  ruleId: string;
  ruleName?: string | undefined;
  /** '' for stories that name none of the regions. */
  regionId: string;
  stories: readonly DigestStory[];
}

export interface DigestAlert {
  id: number;
  ruleId: string;
  ruleName?: string | undefined;
  regionId: string;
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
  regions: { regionId: string; stories: DigestStory[] }[];
}

const NO_REGION = '(no region)';

/** `<digest-7@vigie>` for run 7: a resend of the run carries the same id, so mail systems fold it. */
export function digestMessageId(runId: number): string {
  return `<digest-${runId}@vigie>`;
}

export function renderDigest(input: DigestInput): RenderedDigest {
  const sections = sectionsOf(input.groups);
  return {
    subject: digestSubject(input, sections),
    text: digestText(input, sections),
    html: digestHtml(input, sections),
  };
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
    else section.regions.push({ regionId: group.regionId, stories: [...group.stories] });
  }
  const sorted = [...rules.values()].sort((a, b) => a.ruleName.localeCompare(b.ruleName));
  for (const section of sorted) {
    section.regions.sort((a, b) =>
      a.regionId === '' ? 1 : b.regionId === '' ? -1 : a.regionId.localeCompare(b.regionId),
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

function regionLabel(regionId: string): string {
  return regionId === '' ? NO_REGION : regionId;
}

function digestText(input: DigestInput, sections: RuleSection[]): string {
  const lines = [`Digest ${input.digestId}, ${periodText(input)}`, ''];
  for (const section of sections) {
    for (const region of section.regions) {
      lines.push(
        `  ${singleLine(section.ruleName)} — ${regionLabel(region.regionId)}: ${region.stories.length}`,
      );
    }
  }
  if (sections.length === 0) lines.push('  Nothing matched in this period.');
  lines.push('', ...alertsText(input), '');
  for (const section of sections) lines.push(...sectionText(section, input.timeZone));
  return lines.join('\n');
}

function alertsText(input: DigestInput): string[] {
  if (input.alertsFired.length === 0) return ['No alert fired in this period.'];
  const lines = ['Alerts fired:'];
  for (const alert of input.alertsFired) {
    const where = alert.regionId === '' ? '' : ` — ${alert.regionId}`;
    const what = countOf(alert.storyCount, 'story', 'stories');
    lines.push(
      `  ${formatTime(alert.createdAt, input.timeZone)}  ${singleLine(alert.ruleName ?? alert.ruleId)}${where}: ${what}`,
    );
  }
  return lines;
}

function sectionText(section: RuleSection, timeZone: string | undefined): string[] {
  const lines = [`== ${singleLine(section.ruleName)} ==`];
  for (const region of section.regions) {
    lines.push('', `-- ${regionLabel(region.regionId)} --`);
    for (const story of region.stories) {
      lines.push(
        `* ${singleLine(story.title)}`,
        `  ${storyMeta(story, timeZone)}`,
        `  ${singleLine(story.url)}`,
      );
    }
  }
  lines.push('');
  return lines;
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
  h3: 'font-size:14px;margin:12px 0 6px;color:#333',
  story: 'margin:0 0 10px',
  small: 'color:#555;font-size:12px',
} as const;

function digestHtml(input: DigestInput, sections: RuleSection[]): string {
  const body = [
    `<h1 style="${STYLE.h1}">Digest ${escapeHtml(input.digestId)}</h1>`,
    `<p style="${STYLE.meta}">${escapeHtml(periodText(input))}</p>`,
    countsHtml(sections),
    alertsHtml(input),
    ...sections.map((section) => sectionHtml(section, input.timeZone)),
  ];
  return htmlDocument(escapeHtml(digestSubject(input, sections)), body.join('\n'));
}

function countsHtml(sections: RuleSection[]): string {
  if (sections.length === 0) return `<p style="${STYLE.meta}">Nothing matched in this period.</p>`;
  const rows = sections.flatMap((section) =>
    section.regions.map(
      (region) =>
        `<tr><td style="${STYLE.cell}">${escapeHtml(section.ruleName)}</td><td style="${STYLE.cell}">${escapeHtml(regionLabel(region.regionId))}</td><td style="${STYLE.cell}">${region.stories.length}</td></tr>`,
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

function sectionHtml(section: RuleSection, timeZone: string | undefined): string {
  const regions = section.regions.map((region) => {
    const stories = region.stories.map(
      (story) =>
        `<div style="${STYLE.story}">${linkHtml(story.title, story.url)}<br><span style="${STYLE.small}">${escapeHtml(storyMeta(story, timeZone))}</span></div>`,
    );
    return `<h3 style="${STYLE.h3}">${escapeHtml(regionLabel(region.regionId))}</h3>\n${stories.join('\n')}`;
  });
  return `<h2 style="${STYLE.h2}">${escapeHtml(section.ruleName)}</h2>\n${regions.join('\n')}`;
}
