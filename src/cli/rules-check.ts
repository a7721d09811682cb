// `vigie rules check`: validates the whole config directory and prints a one-line summary.
import type { Command } from 'commander';
import { loadConfig, type VigieConfig } from '../config/load.ts';
import { matcherOf } from '../config/matcher-cache.ts';
import type { RegionSpec } from '../rules/types.ts';
import { configDirOption } from './options.ts';

export function registerRulesCheckCommand(program: Command): void {
  findOrAddRulesCommand(program)
    .command('check')
    .description(
      'validate feeds, regions, rules and notify config; exit 1 with file:line:col errors',
    )
    .option('--config <dir>', 'config directory', configDirOption())
    .action(async (options: { config: string }) => {
      const config = await loadConfig(options.config);
      // Compiling catches what a schema cannot (a term with no word once normalised).
      matcherOf(config);
      process.stdout.write(`${summariseConfig(config)}\n`);
    });
}

/** The `rules` command group, shared with other `vigie rules …` subcommands. */
function findOrAddRulesCommand(program: Command): Command {
  const existing = program.commands.find((command) => command.name() === 'rules');
  return existing ?? program.command('rules').description('work with the rule files');
}

/** `config OK: 3 feeds, 12 rules, 250 regions, 2 channels, 1 digest (config/)` */
export function summariseConfig(config: VigieConfig): string {
  const counts = [
    countOf(config.feeds.length, 'feed'),
    countOf(config.rules.length, 'rule'),
    countOf(countRegions(config.regions), 'region'),
    countOf(Object.keys(config.notify.channels).length, 'channel'),
    countOf(Object.keys(config.notify.digests).length, 'digest'),
  ];
  const dir = config.dir.endsWith('/') ? config.dir : `${config.dir}/`;
  return `config OK: ${counts.join(', ')} (${dir})`;
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function countRegions(regions: RegionSpec[]): number {
  return regions.reduce((sum, region) => sum + 1 + countRegions(region.children ?? []), 0);
}
