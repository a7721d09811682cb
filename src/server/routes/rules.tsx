// /rules, /api/rules and /rules/:id: each rule's activity, and one rule's definition, matches and backtest.
import type { Hono } from 'hono';
import { stringify } from 'yaml';
import { backtestStored } from '../../notify/backtest-stored.ts';
import { nameRegions } from '../../notify/explain.ts';
import { listAlerts } from '../../store/alert-list.ts';
import { searchEvents } from '../../store/event-search.ts';
import { countMatchesPerHour, countRuleActivity } from '../../store/rule-activity.ts';
import type { WorkspaceDeps } from '../app.tsx';
import { viewEvents } from '../event-view.ts';
import { readParameters, readPeriod } from '../page-query.ts';
import { type BacktestView, RulePage } from '../pages/rule.tsx';
import { type ReloadView, RulesPage } from '../pages/rules.tsx';
import { dayIn, lastDays, toApiRules, viewAlerts, viewRules } from '../workspace-view.ts';
import { contextOf, documentOf, notFoundText, pageError } from './respond.ts';

export interface RuleRouteOptions {
  /** The last config reload's outcome, shown on /rules (the config reload provides it). */
  lastReload?: (() => ReloadView | undefined) | undefined;
}

const DAYS = 7;
const HOUR_MS = 3_600_000;
/** A backtest on a page must answer: past this many articles it stops and says so. */
export const MAX_BACKTEST_ARTICLES = 20_000;
const RECENT_MATCHES = 20;
const DEFAULT_PERIOD = '7d';

export function registerRuleRoutes(app: Hono, deps: WorkspaceDeps, options: RuleRouteOptions = {}) {
  app.get('/api/rules', async (c) => c.json(toApiRules(await readRuleRows(deps))));

  app.get('/rules', async (c) => {
    const { timeZone } = contextOf(deps);
    const rules = await readRuleRows(deps);
    return c.html(
      documentOf(<RulesPage rules={rules} timeZone={timeZone} reload={options.lastReload?.()} />),
    );
  });

  app.get('/rules/:id', async (c) => {
    const rule = deps.config.rules.find((candidate) => candidate.id === c.req.param('id'));
    if (!rule) return notFoundText(c, `no rule "${c.req.param('id')}" in rules.yaml`);
    const context = contextOf(deps);
    const read = readParameters(new URL(c.req.url).searchParams, ['since', 'until'] as const);
    const values = read.ok ? read.values : {};
    const period = read.ok ? readPeriod({ since: DEFAULT_PERIOD, ...values }, context) : read;
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
    };
    if ('ok' in period) {
      return c.html(documentOf(<RulePage {...props} error={pageError(period)} />), 400);
    }
    const since = period.since ?? context.now;
    const until = period.until ?? context.now;
    const backtest = await runBacktest(deps, rule.id, since, until);
    return c.html(documentOf(<RulePage {...props} backtest={backtest} />));
  });
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
  const regionName = (id: string) => (id === '' ? null : (names.get(id) ?? id));
  return {
    since,
    until,
    articles: replay.articles,
    truncated: replay.truncated,
    wouldFire: (replay.rules[0]?.alerts ?? []).map((alert) => ({
      at: alert.at,
      region: regionName(alert.region),
      stories: alert.stories.length,
    })),
    fired: viewAlerts(fired, deps.config).alerts,
  };
}
