// The gazetteer: its regions compiled, and their resolution in a text (longest name wins, `requiresContext`, roll-up to ancestors).
import { UserError } from '../lib/errors.ts';
import type { CompiledRegion, Matcher } from './compiled.ts';
import type { Scan } from './scan.ts';
import type { NameSpec, RegionSpec } from './types.ts';

export interface RegionCount {
  id: string;
  count: number;
}

export interface Gazetteer {
  regions: CompiledRegion[];
  regionIndex: Map<string, number>;
  /** Countries: the regions at the top of the tree. */
  topRegions: number[];
  /** The regions each name or adjective (as a term id) names. */
  regionsOfTerm: Map<number, number[]>;
}

/** Numbers the regions depth first; `intern` gives the term id of a name, shared with the rules. */
export function compileGazetteer(
  specs: RegionSpec[],
  intern: (name: NameSpec, where: string) => number,
): Gazetteer {
  const gazetteer: Gazetteer = {
    regions: [],
    regionIndex: new Map(),
    topRegions: [],
    regionsOfTerm: new Map(),
  };
  const visit = (spec: RegionSpec, parent: number): number => {
    const index = gazetteer.regions.length;
    if (gazetteer.regionIndex.has(spec.id)) {
      throw new UserError(`regions: duplicate region id "${spec.id}"`);
    }
    gazetteer.regionIndex.set(spec.id, index);
    const region: CompiledRegion = {
      id: spec.id,
      parent,
      children: [],
      requiresContext: spec.requiresContext === true,
    };
    gazetteer.regions.push(region);
    for (const name of [...spec.names, ...(spec.adjectives ?? [])]) {
      const term = intern(name, `region ${spec.id}`);
      const owners = gazetteer.regionsOfTerm.get(term) ?? [];
      if (!owners.includes(index)) owners.push(index);
      gazetteer.regionsOfTerm.set(term, owners);
    }
    region.children = (spec.children ?? []).map((child) => visit(child, index));
    return index;
  };
  gazetteer.topRegions = specs.map((spec) => visit(spec, -1));
  return gazetteer;
}

/** A region named in the text: its index, and its first and last token in the scan. */
export interface RegionMention {
  region: number;
  first: number;
  last: number;
}

type Mention = RegionMention;

/**
 * `mentions` (from listRegionMentions) per region index, each counted for the region and all its
 * ancestors (SPEC §2).
 */
export function countMentions(
  matcher: Matcher,
  mentions: readonly RegionMention[],
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const mention of mentions) {
    for (let r = mention.region; r !== -1; r = matcher.regions[r]?.parent ?? -1) {
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The regions the text names and where: the longest name wins, a region that requires context
 * only with it. What countRegions counts, and what focus.ts weighs by position.
 */
export function listRegionMentions(matcher: Matcher, scan: Scan): RegionMention[] {
  const kept = keepLongestMentions(collectMentions(matcher, scan));
  const direct = new Map<number, number>();
  for (const mention of kept) direct.set(mention.region, (direct.get(mention.region) ?? 0) + 1);
  const supported = supportedRegions(matcher, direct);
  return kept.filter((mention) => isConfirmed(matcher, mention.region, supported));
}

function collectMentions(matcher: Matcher, scan: Scan): Mention[] {
  const mentions: Mention[] = [];
  const ids = matcher.regionsByTerm.ids;
  for (let f = 0; f < scan.foundCount; f++) {
    const term = scan.found[f] as number;
    const firstRegion = scan.regionsFrom(term);
    const endRegion = scan.regionsTo(term);
    if (firstRegion === endRegion) continue;
    const offset = scan.firstPair(term);
    const end = offset + scan.pairCount(term);
    for (let k = offset; k < end; k++) {
      const first = scan.pairs[2 * k] as number;
      const last = scan.pairs[2 * k + 1] as number;
      for (let r = firstRegion; r < endRegion; r++)
        mentions.push({ region: ids[r] as number, first, last });
    }
  }
  return mentions;
}

/**
 * A name inside a longer name is not a mention ("Guinée" in "Guinée-Bissau", "Anbar" in "Al-Anbar");
 * two regions sharing one exact span (Tripoli) both keep it.
 */
function keepLongestMentions(mentions: Mention[]): Mention[] {
  mentions.sort((x, y) => x.first - y.first || y.last - x.last);
  const kept: Mention[] = [];
  for (const mention of mentions) {
    const covered = kept.some(
      (k) =>
        k.first <= mention.first &&
        mention.last <= k.last &&
        (k.region === mention.region || k.last - k.first > mention.last - mention.first),
    );
    if (!covered) kept.push(mention);
  }
  return kept;
}

/** Regions named by a name that needs no context, and all their ancestors. */
function supportedRegions(matcher: Matcher, direct: Map<number, number>): Set<number> {
  const supported = new Set<number>();
  for (const region of direct.keys()) {
    if (matcher.regions[region]?.requiresContext) continue;
    for (let r = region; r !== -1; r = matcher.regions[r]?.parent ?? -1) supported.add(r);
  }
  return supported;
}

/** A region that requires context counts when itself, an ancestor or a sibling is supported. */
function isConfirmed(matcher: Matcher, region: number, supported: Set<number>): boolean {
  const info = matcher.regions[region];
  if (!info?.requiresContext) return true;
  for (let r = region; r !== -1; r = matcher.regions[r]?.parent ?? -1) {
    if (supported.has(r)) return true;
  }
  const siblings =
    info.parent === -1 ? matcher.topRegions : (matcher.regions[info.parent]?.children ?? []);
  return siblings.some((sibling) => sibling !== region && supported.has(sibling));
}

/**
 * `ids` ordered by how often the article names each region (its `regions` counts, roll-up
 * included), most first, ties by id: the first is the region the article is mainly about.
 */
export function byMentions(ids: readonly string[], counts: readonly RegionCount[]): string[] {
  const mentions = new Map(counts.map((region) => [region.id, region.count]));
  return [...ids].sort(
    (a, b) => (mentions.get(b) ?? 0) - (mentions.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
}
