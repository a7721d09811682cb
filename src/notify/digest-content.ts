// What a digest shows of a period: the store's rows for its rules, grouped, and the alerts fired.
import { listAlertsBetween } from '../store/alerts.ts';
import { listArticleSources, listDigestRows } from '../store/digest-query.ts';
import type { Db } from '../store/types.ts';
import { type DigestRuleRef, groupDigestRows } from './digest-groups.ts';
import type { DigestAlert, DigestInput } from './render-digest.ts';

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
      storyCount: alert.storyCount,
      createdAt: alert.createdAt,
    }));
  return {
    digestId: request.digestId,
    periodStart: request.start,
    periodEnd: request.end,
    groups: groupDigestRows(request.rules, rows, sources),
    alertsFired,
    timeZone: request.timeZone,
  };
}
