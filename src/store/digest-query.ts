// What a digest shows of a period: its rules' events as stories grouped by rule and region, and the alerts fired.
import type { ExpressionBuilder } from 'kysely';
import type { DigestAlert, DigestGroup, DigestInput, DigestStory } from '../notify/render.ts';
import { listAlertsBetween } from './alerts.ts';
import type { Database, Db, EventTerm } from './types.ts';

export interface DigestRuleRef {
  id: string;
  name?: string | undefined;
  /** The rule's regions: its events group under those they name. Without, under what the event names. */
  regions?: readonly string[] | undefined;
}

export interface DigestContentRequest {
  digestId: string;
  rules: readonly DigestRuleRef[];
  /** The period, half-open [start, end): consecutive runs share a boundary and show its events once. */
  start: Date;
  end: Date;
  /** The run's event ids (see `DigestEventWindow`); without, the period alone (a preview). */
  firstEventId?: number | null | undefined;
  lastEventId?: number | null | undefined;
  timeZone?: string | undefined;
}

/** Which events a digest run shows: its period, and the late arrivals the previous run could not see. */
export interface DigestEventWindow {
  start: Date;
  end: Date;
  /** The previous run's `lastEventId`: null for a digest's first run. */
  firstEventId?: number | null | undefined;
  /** The highest event id visible when the run was built: null for runs stored before it was kept. */
  lastEventId?: number | null | undefined;
}

interface DigestRow {
  eventId: number;
  ruleId: string;
  regions: string[];
  terms: EventTerm[];
  articleId: number;
  storyId: number | null;
  title: string;
  url: string;
  feedId: string | null;
  publishedAt: Date | null;
}

interface StoryDraft {
  key: string;
  title: string;
  url: string;
  sources: Set<string>;
  publishedAt: Date | null;
  terms: Set<string>;
}

/** Everything `renderDigest` needs for the period, read from the store. */
export async function loadDigestContent(
  db: Db,
  request: DigestContentRequest,
): Promise<DigestInput> {
  const groups = await digestGroups(db, request.rules, request);
  const alerts = await listAlertsBetween(db, request.start, request.end);
  const names = new Map(request.rules.map((rule) => [rule.id, rule.name]));
  const alertsFired: DigestAlert[] = alerts
    .filter((alert) => names.has(alert.ruleId))
    .map((alert) => ({
      id: alert.id,
      ruleId: alert.ruleId,
      ruleName: names.get(alert.ruleId),
      regionId: alert.regionId,
      storyCount: alert.storyCount,
      createdAt: alert.createdAt,
    }));
  return {
    digestId: request.digestId,
    periodStart: request.start,
    periodEnd: request.end,
    groups,
    alertsFired,
    timeZone: request.timeZone,
  };
}

/**
 * A run's events: matched in [start, end) with an id it saw, or matched earlier with an id the
 * previous run did not see (committed after that run's read, though stamped in its period). Each
 * id is thus in exactly one run of a digest. Without the run's ids, the period alone.
 */
export function digestEventFilter(window: DigestEventWindow) {
  return (eb: ExpressionBuilder<Database, 'events'>) => {
    const inPeriod = eb.and([
      eb('events.matched_at', '>=', window.start),
      eb('events.matched_at', '<', window.end),
    ]);
    if (window.lastEventId === null || window.lastEventId === undefined) return inPeriod;
    const seen = eb('events.id', '<=', window.lastEventId);
    if (window.firstEventId === null || window.firstEventId === undefined) {
      return eb.and([seen, inPeriod]);
    }
    const late = eb.and([
      eb('events.matched_at', '<', window.start),
      eb('events.id', '>', window.firstEventId),
    ]);
    return eb.and([seen, eb.or([inPeriod, late])]);
  };
}

/**
 * The run's events of these rules (see `digestEventFilter`), as one group per rule × region with
 * one entry per story (an article not grouped yet is its own story), its sources the feeds of its
 * articles.
 */
async function digestGroups(
  db: Db,
  rules: readonly DigestRuleRef[],
  window: DigestEventWindow,
): Promise<DigestGroup[]> {
  if (rules.length === 0) return [];
  const rows = await listDigestRows(db, rules, window);
  const sources = await listArticleSources(db, [...new Set(rows.map((row) => row.articleId))]);
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const groups = new Map<
    string,
    { ruleId: string; regionId: string; stories: Map<string, StoryDraft> }
  >();
  for (const row of rows) {
    const rule = ruleById.get(row.ruleId);
    if (!rule) continue;
    for (const regionId of groupRegions(rule, row.regions)) {
      const key = `${rule.id}\u0000${regionId}`;
      const group = groups.get(key) ?? { ruleId: rule.id, regionId, stories: new Map() };
      groups.set(key, group);
      addToStory(group.stories, row, sources.get(row.articleId) ?? []);
    }
  }
  return [...groups.values()].map((group) => ({
    ruleId: group.ruleId,
    ruleName: ruleById.get(group.ruleId)?.name,
    regionId: group.regionId,
    stories: [...group.stories.values()].map(toDigestStory),
  }));
}

/**
 * The region an event is listed under, so that a round-up naming twenty countries is one entry,
 * not twenty: the first of the rule's regions it names (the rule's regions may have changed
 * since), or for a rule without regions the first country the classifier stored. Events store
 * their regions most named first. '' when none.
 */
function groupRegions(rule: DigestRuleRef, eventRegions: readonly string[]): string[] {
  const regions = rule.regions
    ? eventRegions.filter((region) => rule.regions?.includes(region))
    : eventRegions;
  return [regions[0] ?? ''];
}

function addToStory(
  stories: Map<string, StoryDraft>,
  row: DigestRow,
  feeds: readonly string[],
): void {
  const key = row.storyId === null ? `a${row.articleId}` : `s${row.storyId}`;
  const story = stories.get(key) ?? {
    key,
    title: row.title,
    url: row.url,
    sources: new Set<string>(),
    publishedAt: row.publishedAt,
    terms: new Set<string>(),
  };
  stories.set(key, story);
  for (const feed of [...feeds, ...(row.feedId ? [row.feedId] : [])]) story.sources.add(feed);
  for (const hit of row.terms) story.terms.add(hit.term);
  // The story's time is its latest article's: recency ranks what moved most recently.
  if (row.publishedAt && (!story.publishedAt || row.publishedAt > story.publishedAt)) {
    story.publishedAt = row.publishedAt;
  }
}

function toDigestStory(story: StoryDraft): DigestStory {
  return {
    key: story.key,
    title: story.title,
    url: story.url,
    sources: [...story.sources].sort(),
    publishedAt: story.publishedAt,
    terms: [...story.terms],
  };
}

async function listDigestRows(
  db: Db,
  rules: readonly DigestRuleRef[],
  window: DigestEventWindow,
): Promise<DigestRow[]> {
  const rows = await db
    .selectFrom('events')
    .innerJoin('articles', 'articles.id', 'events.article_id')
    .select([
      'events.id as eventId',
      'events.rule_id as ruleId',
      'events.regions as regions',
      'events.terms as terms',
      'articles.id as articleId',
      'articles.story_id as storyId',
      'articles.title as title',
      'articles.url as url',
      'articles.feed_id as feedId',
      'articles.published_at as publishedAt',
    ])
    .where(
      'events.rule_id',
      'in',
      rules.map((rule) => rule.id),
    )
    .where(digestEventFilter(window))
    .orderBy('events.matched_at')
    .orderBy('events.id')
    .execute();
  return rows;
}

/** The feeds that carried each article (an article seen in several feeds has several). */
async function listArticleSources(
  db: Db,
  articleIds: readonly number[],
): Promise<Map<number, string[]>> {
  const byArticle = new Map<number, string[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_sources')
    .select(['article_id', 'feed_id'])
    .where('article_id', 'in', [...articleIds])
    .execute();
  for (const row of rows) {
    byArticle.set(row.article_id, [...(byArticle.get(row.article_id) ?? []), row.feed_id]);
  }
  return byArticle;
}
