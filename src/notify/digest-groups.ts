// How a digest groups its events: one group per rule × region, one entry per story in each.
import type { DigestRow } from '../store/digest-query.ts';
import { storyKeyOf } from '../store/story-key.ts';
import type { DigestCopy, DigestGroup, DigestStory } from './render-digest.ts';

export interface DigestRuleRef {
  id: string;
  name?: string | undefined;
  /** The rule's regions: its events group under those they name. Without, under what the event names. */
  regions?: readonly string[] | undefined;
}

interface StoryDraft {
  key: string;
  title: string;
  url: string;
  sources: Set<string>;
  publishedAt: Date | null;
  terms: Set<string>;
  /** The story's other articles (other links), by URL: copies from other sources. */
  copies: Map<string, DigestCopy>;
}

/**
 * The rows (a run's events, in matching order) as one group per rule × region with one entry per
 * story (`storyKeyOf`), its sources the feeds of its articles (`sources` by article id, plus the
 * article's own feed). Rows of rules not listed are left out.
 */
export function groupDigestRows(
  rules: readonly DigestRuleRef[],
  rows: readonly DigestRow[],
  sources: ReadonlyMap<number, readonly string[]>,
): DigestGroup[] {
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
  const key = String(storyKeyOf(row.storyId, row.articleId));
  const story = stories.get(key) ?? {
    key,
    title: row.title,
    url: row.url,
    sources: new Set<string>(),
    publishedAt: row.publishedAt,
    terms: new Set<string>(),
    copies: new Map<string, DigestCopy>(),
  };
  stories.set(key, story);
  const articleFeeds = [...new Set([...feeds, ...(row.feedId ? [row.feedId] : [])])];
  for (const feed of articleFeeds) story.sources.add(feed);
  if (row.url !== story.url && !story.copies.has(row.url)) {
    story.copies.set(row.url, { title: row.title, url: row.url, sources: articleFeeds.sort() });
  }
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
    copies: [...story.copies.values()],
  };
}
