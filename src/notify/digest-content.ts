// What a digest shows of a period: the store's rows for its rules, grouped, and the alerts fired.
import type { FeedSpec } from '../config/schema.ts';
import type { RegionSpec } from '../rules/types.ts';
import { listAlertsBetween } from '../store/alerts.ts';
import { listArticleSources, listDigestRows } from '../store/digest-query.ts';
import type { Db } from '../store/types.ts';
import { type DigestRuleRef, groupDigestRows } from './digest-groups.ts';
import { nameRegions } from './explain.ts';
import type { DigestAlert, DigestGroup, DigestInput } from './render-digest.ts';

export type { DigestRuleRef };

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
  /** Names shown instead of ids: regions (`nameRegions`) and feeds (feeds.yaml `name`). */
  names?: DigestNames | undefined;
}

export interface DigestNames {
  regions: ReadonlyMap<string, string>;
  feeds: ReadonlyMap<string, string>;
}

/** The names a digest shows, from the config: each region's first name, each named feed's name. */
export function digestNames(
  regions: readonly RegionSpec[],
  feeds: readonly Pick<FeedSpec, 'id' | 'name'>[],
): DigestNames {
  const feedNames = new Map<string, string>();
  for (const feed of feeds) if (feed.name) feedNames.set(feed.id, feed.name);
  return { regions: nameRegions(regions), feeds: feedNames };
}

/** Everything `renderDigest` needs for the period, read from the store. */
export async function loadDigestContent(
  db: Db,
  request: DigestContentRequest,
): Promise<DigestInput> {
  const rows =
    request.rules.length === 0
      ? []
      : await listDigestRows(
          db,
          request.rules.map((rule) => rule.id),
          request,
        );
  const sources = await listArticleSources(db, [...new Set(rows.map((row) => row.articleId))]);
  const alerts = await listAlertsBetween(db, request.start, request.end);
  const names = new Map(request.rules.map((rule) => [rule.id, rule.name]));
  const alertsFired: DigestAlert[] = alerts
    .filter((alert) => names.has(alert.ruleId))
    .map((alert) => ({
      id: alert.id,
      ruleId: alert.ruleId,
      ruleName: names.get(alert.ruleId),
      regionId: alert.regionId,
      regionName: request.names?.regions.get(alert.regionId),
      storyCount: alert.storyCount,
      createdAt: alert.createdAt,
    }));
  return {
    digestId: request.digestId,
    periodStart: request.start,
    periodEnd: request.end,
    groups: nameGroups(groupDigestRows(request.rules, rows, sources), request.names),
    alertsFired,
    timeZone: request.timeZone,
  };
}

/** Regions and sources by name where the config has one (an ad-hoc feed keeps its id). */
function nameGroups(groups: DigestGroup[], names: DigestNames | undefined): DigestGroup[] {
  if (!names) return groups;
  const feed = (id: string) => names.feeds.get(id) ?? id;
  return groups.map((group) => ({
    ...group,
    regionName: names.regions.get(group.regionId),
    stories: group.stories.map((story) => ({
      ...story,
      sources: story.sources.map(feed),
      copies: story.copies?.map((copy) => ({ ...copy, sources: copy.sources.map(feed) })),
    })),
  }));
}
