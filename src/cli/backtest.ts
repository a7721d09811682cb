// `vigie backtest`: the current rules re-run over stored articles; what they would match and when they would alert.
import type { Command } from 'commander';
import { loadConfig, type VigieConfig } from '../config/load.ts';
import { matcherOf } from '../config/matcher-cache.ts';
import { systemClock } from '../lib/clock.ts';
import { parseDuration } from '../lib/duration.ts';
import { UserError } from '../lib/errors.ts';
import type { RuleReplay } from '../notify/backtest.ts';
import { backtestStored } from '../notify/backtest-stored.ts';
import { assertKnownIds } from './known-ids.ts';
import { configDirOption } from './options.ts';

interface BacktestOptions {
  since: string;
  rule?: string;
  region?: string;
  config: string;
  json?: boolean;
}

/** The `--json` object: a contract, so keys and order are fixed. */
export interface BacktestReport {
  since: string;
  articles: number;
  rules: {
    id: string;
    articles: number;
    stories: number;
    alerts: { at: string; region: string | null; stories: number }[];
  }[];
}

export function registerBacktestCommand(program: Command): void {
  program
    .command('backtest')
    .description('re-run the current rules over stored articles: what would match and alert')
    .option('--since <duration>', 'articles stored in this last period, e.g. 30d', '30d')
    .option('--config <dir>', 'config directory', configDirOption())
    .option('--json', 'one JSON object')
    .option('--rule <id>', 'only this rule')
    .option('--region <id>', 'only articles naming this region (or one inside it)')
    .action(async (options: BacktestOptions) => {
      const ms = parseDuration(options.since);
      if (ms === undefined)
        throw new UserError(`backtest: --since ${options.since}: expected e.g. 24h or 30d`);
      const since = new Date(systemClock.now().getTime() - ms);
      const config = narrowConfig(await loadConfig(options.config), options);
      const matcher = matcherOf(config);
      // Loaded on use: the store (and PGlite) would slow every other command's start.
      const [{ loadEnv }, { openStore }] = await Promise.all([
        import('../config/env.ts'),
        import('../open-store.ts'),
      ]);
      const env = loadEnv();
      const store = await openStore(env);
      try {
        const { articles, rules } = await backtestStored(store.db, config, matcher, {
          since,
          region: options.region,
        });
        const report = toReport(since, articles, rules);
        process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatText(report));
      } finally {
        await store.close();
      }
    });
}

/** The config with `--rule` alone when given; unknown ids are errors before any database is opened. */
function narrowConfig(config: VigieConfig, options: BacktestOptions): VigieConfig {
  assertKnownIds('backtest', config, options);
  if (options.rule === undefined) return config;
  return { ...config, rules: config.rules.filter((rule) => rule.id === options.rule) };
}

function toReport(since: Date, articles: number, rules: RuleReplay[]): BacktestReport {
  return {
    since: since.toISOString(),
    articles,
    rules: rules.map((rule) => ({
      id: rule.id,
      articles: rule.articles,
      stories: rule.stories,
      alerts: rule.alerts.map((alert) => ({
        at: alert.at.toISOString(),
        // A rule counted as a whole has no region: null rather than the store's ''.
        region: alert.region === '' ? null : alert.region,
        stories: alert.stories.length,
      })),
    })),
  };
}

function formatText(report: BacktestReport): string {
  const lines = [
    `backtest: ${formatTime(report.since)} to now, ${plural(report.articles, 'article')}`,
  ];
  for (const rule of report.rules) {
    const alerts = rule.alerts.length === 0 ? 'no alert' : plural(rule.alerts.length, 'alert');
    lines.push(
      `${rule.id}: ${plural(rule.articles, 'article')}, ${plural(rule.stories, 'story', 'stories')}, ${alerts}`,
    );
    for (const alert of rule.alerts) {
      const region = alert.region ?? '(whole rule)';
      lines.push(
        `  ${formatTime(alert.at)}  ${region}  ${plural(alert.stories, 'story', 'stories')}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
