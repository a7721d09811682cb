// The labelled events of some rules, for /try's draft backtest: each event's latest label, with its article.
// ws-auth's store/labels.ts `listRuleLabels` reads the same per rule; one may replace the other on merge.
import { sql } from 'kysely';
import type { Db } from './types.ts';

export interface DraftLabel {
  ruleId: string;
  eventId: number;
  articleId: number;
  relevant: boolean;
}

/** Events of `ruleIds` matched since `since` that someone labelled, the latest label of each. */
export async function listDraftLabels(
  db: Db,
  ruleIds: readonly string[],
  since: Date,
  limit: number,
): Promise<DraftLabel[]> {
  if (ruleIds.length === 0) return [];
  const { rows } = await sql<{
    rule_id: string;
    event_id: number;
    article_id: number;
    relevant: boolean;
  }>`
    select distinct on (l.event_id) e.rule_id, l.event_id, e.article_id, l.relevant
    from event_labels l join events e on e.id = l.event_id
    where e.rule_id in (${sql.join(ruleIds)}) and e.matched_at >= ${since}
    order by l.event_id, l.labelled_at desc, l.user_name
    limit ${limit}`.execute(db);
  return rows.map((row) => ({
    ruleId: row.rule_id,
    eventId: Number(row.event_id),
    articleId: Number(row.article_id),
    relevant: row.relevant,
  }));
}
