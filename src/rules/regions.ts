// Gazetteer resolution: region mentions, longest name wins, `requiresContext`, roll-up to ancestors.
import type { Matcher } from './compile.ts';
import type { Scan } from './scan.ts';

export interface RegionCount {
  id: string;
  count: number;
}

interface Mention {
  region: number;
  first: number;
  last: number;
}

/**
 * Mentions per region index, each counted for the region and all its ancestors (SPEC §2).
 */
export function countRegions(matcher: Matcher, scan: Scan): Map<number, number> {
  const direct = new Map<number, number>();
  for (const mention of keepLongestMentions(collectMentions(matcher, scan))) {
    direct.set(mention.region, (direct.get(mention.region) ?? 0) + 1);
  }
  const supported = supportedRegions(matcher, direct);
  const counts = new Map<number, number>();
  for (const [region, count] of direct) {
    if (!isConfirmed(matcher, region, supported)) continue;
    for (let r = region; r !== -1; r = matcher.regions[r]?.parent ?? -1) {
      counts.set(r, (counts.get(r) ?? 0) + count);
    }
  }
  return counts;
}

function collectMentions(matcher: Matcher, scan: Scan): Mention[] {
  const mentions: Mention[] = [];
  const { start, ids } = matcher.regionsByTerm;
  for (let f = 0; f < scan.foundCount; f++) {
    const term = scan.found[f] as number;
    const firstRegion = start[term] as number;
    const endRegion = start[term + 1] as number;
    if (firstRegion === endRegion) continue;
    const offset = scan.termOffset[term] as number;
    const end = offset + (scan.termCount[term] as number);
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
