// Stories, alerts and rules as the workspace shows them (names from the config), and their JSON for /api/.
import type { VigieConfig } from '../config/load.ts';
import { nameRegions, nameSource } from '../notify/explain.ts';
import type { AlertPage } from '../store/alert-list.ts';
import type { HourlyMatches, RuleActivity } from '../store/rule-activity.ts';
import type { StoryDetail } from '../store/story-detail.ts';

type ViewConfig = Pick<VigieConfig, 'rules' | 'regions' | 'feeds'>;

export interface RuleLabel {
  rule: string;
  /** The rule's name, else its id. */
  ruleName: string;
  /** Null for a rule no longer in rules.yaml. */
  severity: string | null;
}

function labelRule(config: Pick<VigieConfig, 'rules'>, ruleId: string): RuleLabel {
  const rule = config.rules.find((candidate) => candidate.id === ruleId);
  return { rule: ruleId, ruleName: rule?.name ?? ruleId, severity: rule?.severity ?? null };
}

export interface StoryView {
  id: number;
  title: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  copies: {
    articleId: number;
    title: string;
    url: string;
    source: string;
    countedAt: Date;
    publishedAt: Date | null;
    firstSeenAt: Date;
    /** The feeds it was reached from, by name. */
    sources: string[];
  }[];
  matches: (RuleLabel & {
    eventId: number;
    articleId: number;
    score: number;
    regions: { id: string; name: string }[];
    matchedAt: Date;
  })[];
  /** Distinct sources over all copies. */
  sourceCount: number;
}

export function viewStory(story: StoryDetail, config: ViewConfig): StoryView {
  const regionNames = nameRegions(config.regions);
  const feedName = (feedId: string) =>
    config.feeds.find((feed) => feed.id === feedId)?.name ?? feedId;
  const copies = story.copies.map((copy) => ({
    articleId: copy.articleId,
    title: copy.title,
    url: copy.url,
    source: nameSource(config.feeds, copy.feedId, copy.url),
    countedAt: copy.countedAt,
    publishedAt: copy.publishedAt,
    firstSeenAt: copy.firstSeenAt,
    sources: copy.sources.map(feedName),
  }));
  return {
    id: story.id,
    title: story.title,
    firstSeenAt: story.firstSeenAt,
    lastSeenAt: story.lastSeenAt,
    copies,
    matches: story.matches.map((match) => ({
      ...labelRule(config, match.ruleId),
      eventId: match.eventId,
      articleId: match.articleId,
      score: match.score,
      regions: match.regions.map((id) => ({ id, name: regionNames.get(id) ?? id })),
      matchedAt: match.matchedAt,
    })),
    sourceCount: new Set(story.copies.flatMap((copy) => copy.sources)).size,
  };
}

export function toApiStory(story: StoryView) {
  return {
    id: story.id,
    title: story.title,
    firstSeenAt: story.firstSeenAt.toISOString(),
    lastSeenAt: story.lastSeenAt.toISOString(),
    copies: story.copies.map((copy) => ({
      articleId: copy.articleId,
      title: copy.title,
      url: copy.url,
      source: copy.source,
      publishedAt: copy.countedAt.toISOString(),
      firstSeenAt: copy.firstSeenAt.toISOString(),
      sources: copy.sources,
    })),
    events: story.matches.map((match) => ({
      id: match.eventId,
      articleId: match.articleId,
      rule: match.rule,
      ruleName: match.ruleName,
      severity: match.severity,
      score: match.score,
      regions: match.regions.map((region) => region.id),
      matchedAt: match.matchedAt.toISOString(),
    })),
  };
}

export interface AlertView extends RuleLabel {
  id: number;
  /** Null for a rule counted as a whole. */
  region: { id: string; name: string } | null;
  createdAt: Date;
  windowStart: Date;
  windowEnd: Date;
  storyCount: number;
  storyIds: number[];
  deliveries: {
    channel: string;
    state: string;
    attempts: number;
    error: string | null;
    sentAt: Date | null;
  }[];
}

export interface AlertListView {
  alerts: AlertView[];
  next: string | null;
}

export function viewAlerts(page: AlertPage, config: ViewConfig): AlertListView {
  const regionNames = nameRegions(config.regions);
  return {
    alerts: page.alerts.map((alert) => ({
      ...labelRule(config, alert.ruleId),
      id: alert.id,
      region:
        alert.regionId === ''
          ? null
          : { id: alert.regionId, name: regionNames.get(alert.regionId) ?? alert.regionId },
      createdAt: alert.createdAt,
      windowStart: alert.windowStart,
      windowEnd: alert.windowEnd,
      storyCount: alert.storyCount,
      // An article without a story counts as minus its id (store/story-key.ts): no story to link.
      storyIds: alert.storyIds.filter((id) => id > 0),
      deliveries: alert.deliveries.map((delivery) => ({
        channel: delivery.channel,
        state: delivery.state,
        attempts: delivery.attempts,
        error: delivery.state === 'sent' ? null : delivery.lastError,
        sentAt: delivery.sentAt,
      })),
    })),
    next: page.next === null ? null : String(page.next),
  };
}

export function toApiAlerts(list: AlertListView) {
  return {
    alerts: list.alerts.map((alert) => ({
      id: alert.id,
      rule: alert.rule,
      ruleName: alert.ruleName,
      severity: alert.severity,
      region: alert.region?.id ?? null,
      createdAt: alert.createdAt.toISOString(),
      windowStart: alert.windowStart.toISOString(),
      windowEnd: alert.windowEnd.toISOString(),
      stories: alert.storyCount,
      // An article without a story counts as minus its id (store/story-key.ts): no story to link.
      storyIds: alert.storyIds.filter((id) => id > 0),
      deliveries: alert.deliveries.map((delivery) => ({
        ...delivery,
        sentAt: delivery.sentAt?.toISOString() ?? null,
      })),
    })),
    next: list.next,
  };
}

export interface RuleRowView extends RuleLabel {
  inConfig: boolean;
  matches24h: number;
  matches7d: number;
  alerts24h: number;
  alerts7d: number;
  /** Matches per day in the analyst's zone, the last 7 days, oldest first. */
  perDay: { day: string; count: number }[];
}

/**
 * Every rule of the config in its order, then rules no longer there that matched in the week;
 * each with its counts and its matches per day (`days`, from `dayOf`).
 */
export function viewRules(
  config: Pick<VigieConfig, 'rules'>,
  activity: ReadonlyMap<string, RuleActivity>,
  hourly: readonly HourlyMatches[],
  days: readonly string[],
  dayOf: (at: Date) => string,
): RuleRowView[] {
  const ids = [
    ...config.rules.map((rule) => rule.id),
    ...[...activity.keys()].filter((id) => !config.rules.some((rule) => rule.id === id)).sort(),
  ];
  const perDay = new Map<string, Map<string, number>>();
  for (const row of hourly) {
    const counts = perDay.get(row.ruleId) ?? new Map<string, number>();
    const day = dayOf(row.hour);
    counts.set(day, (counts.get(day) ?? 0) + row.count);
    perDay.set(row.ruleId, counts);
  }
  return ids.map((id) => {
    const counts = activity.get(id);
    return {
      ...labelRule(config, id),
      inConfig: config.rules.some((rule) => rule.id === id),
      matches24h: counts?.matches24h ?? 0,
      matches7d: counts?.matches7d ?? 0,
      alerts24h: counts?.alerts24h ?? 0,
      alerts7d: counts?.alerts7d ?? 0,
      perDay: days.map((day) => ({ day, count: perDay.get(id)?.get(day) ?? 0 })),
    };
  });
}

export function toApiRules(rows: readonly RuleRowView[]) {
  return { rules: rows.map((row) => ({ ...row })) };
}

/** `2024-09-01`: the day of `at` in `timeZone`. */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The `count` days up to the one holding `now`, in `timeZone`, oldest first. */
export function lastDays(now: Date, count: number, timeZone: string): string[] {
  const days = new Set<string>();
  // Steps of 24 hours never skip a day (a day lasts 23 to 25 hours); a repeated one is dropped.
  for (let i = count - 1; i >= 0; i--)
    days.add(dayIn(new Date(now.getTime() - i * 86_400_000), timeZone));
  return [...days];
}
