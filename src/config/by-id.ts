// The config's feeds, rules and regions by id: built once with the config, read by every job.
import type { VigieConfig } from './load.ts';
import type { FeedSpec, RegionSpec, RuleSpec } from './schema.ts';

export interface ConfigById {
  feeds: ReadonlyMap<string, FeedSpec>;
  rules: ReadonlyMap<string, RuleSpec>;
  regions: ReadonlyMap<string, RegionSpec>;
}

/** Ids are unique within each list (the config's validation says so). */
export function indexConfigById(
  config: Pick<VigieConfig, 'feeds' | 'rules' | 'regions'>,
): ConfigById {
  return {
    feeds: new Map(config.feeds.map((feed) => [feed.id, feed])),
    rules: new Map(config.rules.map((rule) => [rule.id, rule])),
    regions: new Map(config.regions.map((region) => [region.id, region])),
  };
}
