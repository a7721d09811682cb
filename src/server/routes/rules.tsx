// /rules, /api/rules, /rules/:id and /api/rules/:id: each rule's activity, and one rule's definition,
// recent matches and backtest.
import type { Hono } from 'hono';
import { stringify } from 'yaml';
import { backtestStored } from '../../notify/backtest-stored.ts';
import { nameRegions } from '../../notify/explain.ts';
import { listAlerts } from '../../store/alert-list.ts';
import { searchEvents } from '../../store/event-search.ts';
import { readLabelCounts } from '../../store/labels.ts';
import { countMatchesPerHour, countRuleActivity } from '../../store/rule-activity.ts';
import type { WorkspaceDeps } from '../app.tsx';
import { accountOf } from '../auth.tsx';
import { toApiEvents, viewEvents } from '../event-view.ts';
import { type LabelCounts, labelledPrecision } from '../label-stats.ts';
import { fail, type QueryError, readParameters, readPeriod } from '../page-query.ts';
import { type BacktestView, RulePage } from '../pages/rule.tsx';
import { RulesPage } from '../pages/rules.tsx';
import {
  dayIn,
  lastDays,
  toApiAlerts,
  toApiRules,
  viewAlerts,
  viewRules,
} from '../workspace-view.ts';
import {
  badRequestJson,
  contextOf,
  documentOf,
  notFoundJson,
  notFoundText,
  pageError,
} from './respond.ts';

const DAYS = 7;
const HOUR_MS = 3_600_000;
/** A backtest on a page must answer: past this many articles it stops and says so. */
export const MAX_BACKTEST_ARTICLES = 20_000;
const RECENT_MATCHES = 20;
/** A backtest without `since` replays the 7 days before `until` (default now). */
const DEFAULT_PERIOD_MS = 7 * 24 * HOUR_MS;

export function registerRuleRoutes(app: Hono, deps: WorkspaceDeps) {
  app.get('/api/rules', async (c) => {
    const [rows, labels] = await Promise.all([
      readRuleRows(deps),
      readLabelCounts(deps.store.db),
    ]);
    const api = toApiRules(rows);
    return c.json({ rules: api.rules.map((rule) => withLabels(rule, labels.get(rule.rule))) });
  });

  app.get('/rules', async (c) => {
    const { timeZone } = contextOf(deps);
    const [rules, labels] = await Promise.all([
      readRuleRows(deps),
      readLabelCounts(deps.store.db),
    ]);
    return c.html(
      documentOf(
        <RulesPage
          rules={rules}
          timeZone={timeZone}
          reload={{ dir: deps.config.dir, last: deps.lastReload }}
          account={accountOf(c)}
          labels={labels}
        />,
      ),
    );
  });

  app.get('/api/rules/:id', async (c) => {
    const rule = deps.config.rules.find((candidate) => candidate.id === c.req.param('id'));
    if (!rule) return notFoundJson(c, `no rule "${c.req.param('id')}" in rules.yaml`);
    const context = contextOf(deps);
    const read = readParameters(new URL(c.req.url).searchParams, ['since', 'until'] as const);
    if (!read.ok) return badRequestJson(c, read);
    const period = readBacktestPeriod(read.values, context);
    if ('ok' in period) return badRequestJson(c, period);
    const [matches, backtest] = await Promise.all([
      searchEvents(deps.store.db, { ruleIds: [rule.id], limit: RECENT_MATCHES }),
      runBacktest(deps, rule.id, period.since, period.until),
    ]);
    return c.json({
      rule,
      events: toApiEvents(viewEvents(matches, deps.config)).events,
      backtest: toApiBacktest(backtest),
    });
  });

  app.get('/rules/:id', async (c) => {
    const rule = deps.config.rules.find((candidate) => candidate.id === c.req.param('id'));
    if (!rule) return notFoundText(c, `no rule "${c.req.param('id')}" in rules.yaml`);
    const context = contextOf(deps);
    const read = readParameters(new URL(c.req.url).searchParams, ['since', 'until'] as const);
    const values = read.ok ? read.values : {};
    const period = read.ok ? readBacktestPeriod(values, context) : read;
    const matches = viewEvents(
      await searchEvents(deps.store.db, { ruleIds: [rule.id], limit: RECENT_MATCHES }),
      deps.config,
    );
    const props = {
      rule: { id: rule.id, name: rule.name ?? rule.id, severity: rule.severity },
      definition: stringify(rule),
      matches,
      values,
      timeZone: context.timeZone,
      account: accountOf(c),
    };
    if ('ok' in period) {
      return c.html(documentOf(<RulePage {...props} error={pageError(period)} />), 400);
    }
    const backtest = await runBacktest(deps, rule.id, period.since, period.until);
    return c.html(documentOf(<RulePage {...props} backtest={backtest} />));
  });
}

/** A rule's relevance labels in /api/rules: counts, and precision (null before the first label). */
function withLabels<T extends object>(rule: T, counts: LabelCounts | undefined) {
  const labelled = counts ?? { relevant: 0, labelled: 0 };
  return { ...rule, labels: { ...labelled, precision: labelledPrecision(counts) ?? null } };
}

function readBacktestPeriod(
  values: { since?: string | undefined; until?: string | undefined },
  context: ReturnType<typeof contextOf>,
): { since: Date; until: Date } | QueryError {
  const period = readPeriod(values, context);
  if ('ok' in period) return period;
  const until = period.until ?? context.now;
  const since = period.since ?? new Date(until.getTime() - DEFAULT_PERIOD_MS);
  if (since >= until) return fail('until', 'must be after since');
  return { since, until };
}

async function readRuleRows(deps: WorkspaceDeps) {
  const { now, timeZone } = contextOf(deps);
  const since = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - DAYS * 24 * HOUR_MS);
  const [activity, hourly] = await Promise.all([
    countRuleActivity(deps.store.db, now),
    countMatchesPerHour(deps.store.db, since, new Date(now.getTime() + 1)),
  ]);
  return viewRules(deps.config, activity, hourly, lastDays(now, DAYS, timeZone), (at) =>
    dayIn(at, timeZone),
  );
}

async function runBacktest(
  deps: WorkspaceDeps,
  ruleId: string,
  since: Date,
  until: Date,
): Promise<BacktestView> {
  const rules = deps.config.rules.filter((rule) => rule.id === ruleId);
  // The whole config's matcher: the replay keeps this rule's matches only.
  const replay = await backtestStored(deps.store.db, { rules }, deps.matcher, {
    since,
    until,
    maxArticles: MAX_BACKTEST_ARTICLES,
  });
  const fired = await listAlerts(deps.store.db, { ruleIds: [ruleId], since, until, limit: 200 });
  const names = nameRegions(deps.config.regions);
  const regionOf = (id: string) => (id === '' ? null : { id, name: names.get(id) ?? id });
  return {
    since,
    until,
    articles: replay.articles,
    truncated: replay.truncated,
    wouldFire: (replay.rules[0]?.alerts ?? []).map((alert) => ({
      at: alert.at,
      region: regionOf(alert.region),
      stories: alert.stories.length,
    })),
    fired: viewAlerts(fired, deps.config).alerts,
  };
}

/** The JSON of a backtest: times in ISO 8601 UTC, regions by id (null: the rule as a whole). */
function toApiBacktest(backtest: BacktestView) {
  return {
    since: backtest.since.toISOString(),
    until: backtest.until.toISOString(),
    articles: backtest.articles,
    truncated: backtest.truncated,
    wouldFire: backtest.wouldFire.map((alert) => ({
      at: alert.at.toISOString(),
      region: alert.region?.id ?? null,
      stories: alert.stories,
    })),
    fired: toApiAlerts({ alerts: backtest.fired, next: null }).alerts,
  };
}
