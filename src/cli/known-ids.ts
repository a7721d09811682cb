// Checks the rule and region ids a command filters by: an unknown one is an error naming the nearest ids, not an empty answer.
import type { ConfigValues } from '../config/load.ts';
import { listNearestNames, suggestName } from '../config/suggest.ts';
import { UserError } from '../lib/errors.ts';
import type { RegionSpec } from '../rules/types.ts';

export interface IdFilter {
  rule?: string | undefined;
  region?: string | undefined;
}

/** Throws a UserError for `--rule` or `--region` naming no rule or region of `config`. */
export function assertKnownIds(
  command: string,
  config: Pick<ConfigValues, 'rules' | 'regions'>,
  filter: IdFilter,
): void {
  if (filter.rule !== undefined) {
    const rules = config.rules.map((rule) => rule.id);
    assertKnown(command, 'rule', filter.rule, rules, 'rules.yaml');
  }
  if (filter.region !== undefined) {
    assertKnown(command, 'region', filter.region, listRegionIds(config.regions), 'regions.yaml');
  }
}

function assertKnown(
  command: string,
  kind: string,
  id: string,
  known: readonly string[],
  file: string,
): void {
  if (known.includes(id)) return;
  const meant = suggestName(id, known);
  const nearest = meant ? `did you mean "${meant}"?` : describeNearest(id, known);
  throw new UserError(`${command}: --${kind} ${id}: no ${kind} "${id}" in ${file} (${nearest})`);
}

function describeNearest(id: string, known: readonly string[]): string {
  if (known.length === 0) return 'none is defined';
  return `nearest: ${listNearestNames(id, known).join(', ')}`;
}

function listRegionIds(regions: readonly RegionSpec[]): string[] {
  return regions.flatMap((region) => [region.id, ...listRegionIds(region.children ?? [])]);
}
