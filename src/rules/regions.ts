// The gazetteer: its regions compiled, and their resolution in a text (longest name wins, `requiresContext`, roll-up to ancestors).
import { UserError } from '../lib/errors.ts';
import type { CompiledRegion, Matcher } from './compiled.ts';
import { type Abbreviation, type Candidate, readContext, type Segments } from './disambiguate.ts';
import { NOT_PLACES } from './not-places.ts';
import type { Scan } from './scan.ts';
import type { NameSpec, RegionSpec } from './types.ts';

export interface RegionCount {
  id: string;
  count: number;
}

export interface Gazetteer {
  regions: CompiledRegion[];
  regionIndex: Map<string, number>;
  /** Countries: the regions at the top of the tree that are not groups. */
  topRegions: number[];
  /** The regions each name or adjective (as a term id) names. */
  regionsOfTerm: Map<number, number[]>;
  /** `contextKey(term, region)` of the names that count only with context. */
  contextNames: Set<number>;
  /** `contextKey(term, region)` of the region's adjectives (see AdjectivePolicy). */
  adjectiveNames: Set<number>;
  /** `contextKey(term, region)` of the names that are abbreviations (see `abbreviationOf`). */
  abbreviationNames: Set<number>;
  /** Those of them that are postal codes ("NH"): never read from a dotted word ("M.D."). */
  postalNames: Set<number>;
  /** Terms of names that hold a place name but name no place (not-places.ts). */
  notPlaces: number[];
}

/** The key of a (name, region) pair in `contextNames`. */
export function contextKey(term: number, region: number): number {
  return term * 1_048_576 + region;
}

/** Numbers the regions depth first; `intern` gives the term id of a name, shared with the rules. */
export function compileGazetteer(
  specs: RegionSpec[],
  intern: (name: NameSpec, where: string) => number,
  notPlaces: readonly string[] = [],
): Gazetteer {
  const gazetteer: Gazetteer = {
    regions: [],
    regionIndex: new Map(),
    topRegions: [],
    regionsOfTerm: new Map(),
    contextNames: new Set(),
    adjectiveNames: new Set(),
    abbreviationNames: new Set(),
    postalNames: new Set(),
    notPlaces: [],
  };
  const members = new Map<number, string[]>();
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
      rollUp: [],
      group: (spec.members?.length ?? 0) > 0,
    };
    gazetteer.regions.push(region);
    if (region.group) members.set(index, spec.members ?? []);
    const names = spec.names.length;
    [...spec.names, ...(spec.adjectives ?? [])].forEach((name, n) => {
      const term = intern(name, `region ${spec.id}`);
      if (n >= names) gazetteer.adjectiveNames.add(contextKey(term, index));
      const owners = gazetteer.regionsOfTerm.get(term) ?? [];
      if (!owners.includes(index)) owners.push(index);
      gazetteer.regionsOfTerm.set(term, owners);
      if (typeof name !== 'string' && name.requiresContext) {
        gazetteer.contextNames.add(contextKey(term, index));
      }
      const abbreviation = abbreviationOf(name);
      if (abbreviation) gazetteer.abbreviationNames.add(contextKey(term, index));
      if (abbreviation === 'postal') gazetteer.postalNames.add(contextKey(term, index));
    });
    region.children = (spec.children ?? []).map((child) => visit(child, index));
    return index;
  };
  const top = specs.map((spec) => visit(spec, -1));
  gazetteer.notPlaces = [...NOT_PLACES, ...notPlaces].map((name) => intern(name, 'not-places'));
  gazetteer.topRegions = top.filter((index) => !gazetteer.regions[index]?.group);
  rollUpRegions(gazetteer, members);
  return gazetteer;
}

/**
 * A case-sensitive name that needs context and ends with a dot ("Mo.", "Ga.", "Ont.") or is two
 * capitals (a postal code: "NH", "IN"): an abbreviation that is also a word or a name. It counts
 * only where the press writes one, after "Town, " or in a party tag (disambiguate.ts), never
 * through other context: "La" opening a French sentence is not Louisiana however much the article
 * says about the United States.
 */
function abbreviationOf(name: NameSpec): Abbreviation {
  if (typeof name === 'string' || !name.caseSensitive || !name.requiresContext) return false;
  if (/\p{L}\.$/u.test(name.term)) return 'dotted';
  return /^\p{Lu}{2}$/u.test(name.term) ? 'postal' : false;
}

/** Each region's `rollUp`: itself, its ancestors, and the groups of any of these, transitively. */
function rollUpRegions(gazetteer: Gazetteer, members: Map<number, string[]>): void {
  const groupsOf = new Map<number, number[]>();
  for (const [group, ids] of members) {
    for (const id of ids) {
      const member = gazetteer.regionIndex.get(id);
      const groupId = gazetteer.regions[group]?.id;
      if (member === undefined) {
        throw new UserError(`regions: group ${groupId}: unknown member region "${id}"`);
      }
      groupsOf.set(member, [...(groupsOf.get(member) ?? []), group]);
    }
  }
  const { regions } = gazetteer;
  regions.forEach((region, index) => {
    const seen = new Set<number>();
    const pending = [index];
    while (pending.length > 0) {
      const r = pending.pop() as number;
      if (seen.has(r)) continue;
      seen.add(r);
      region.rollUp.push(r);
      const parent = regions[r]?.parent ?? -1;
      if (parent !== -1) pending.push(parent);
      pending.push(...(groupsOf.get(r) ?? []));
    }
    if (region.group && groupsReach(index, groupsOf, regions)) {
      throw new UserError(`regions: group ${region.id} is a member of itself`);
    }
  });
}

/** Whether group `group` is among what its own rollUp reaches through its groups (a cycle). */
function groupsReach(
  group: number,
  groupsOf: Map<number, number[]>,
  regions: CompiledRegion[],
): boolean {
  const seen = new Set<number>();
  const pending = [...(groupsOf.get(group) ?? [])];
  let parent = regions[group]?.parent ?? -1;
  for (; parent !== -1; parent = regions[parent]?.parent ?? -1) pending.push(parent);
  while (pending.length > 0) {
    const r = pending.pop() as number;
    if (r === group) return true;
    if (seen.has(r)) continue;
    seen.add(r);
    pending.push(...(groupsOf.get(r) ?? []));
    const up = regions[r]?.parent ?? -1;
    if (up !== -1) pending.push(up);
  }
  return false;
}

/** A region named in the text: its index, and its first and last token in the scan. */
export interface RegionMention {
  region: number;
  first: number;
  last: number;
}

type Mention = Candidate;

/**
 * `mentions` (from listRegionMentions) per region index, each counted for the region, its
 * ancestors and their groups (SPEC §2).
 */
export function countMentions(
  matcher: Matcher,
  mentions: readonly RegionMention[],
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const mention of mentions) {
    for (const r of matcher.regions[mention.region]?.rollUp ?? []) {
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The regions the text names and where: the longest name wins, a name that requires context
 * only with it. What countRegions counts, and what focus.ts weighs by position.
 */
export function listRegionMentions(
  matcher: Matcher,
  scan: Scan,
  segments: Segments,
): RegionMention[] {
  const found = collectMentions(matcher, scan);
  if (found.length === 0) return [];
  if (matcher.readContext) addNotPlaces(matcher, scan, found);
  const longest = keepLongestMentions(
    found,
    matcher.readContext ? lowerNew(scan, segments) : null,
  ).filter((mention) => mention.region !== -1);
  const kept = matcher.readContext
    ? readContext(matcher, scan, segments, longest, matcher.adjectives)
    : longest;
  const supported = supportedRegions(matcher, kept);
  return kept
    .filter(
      (mention) =>
        !mention.weak || (!mention.abbreviation && isConfirmed(matcher, mention.region, supported)),
    )
    .map(({ region, first, last }) => ({ region, first, last }));
}

function collectMentions(matcher: Matcher, scan: Scan): Mention[] {
  const mentions: Mention[] = [];
  const ids = matcher.regionsByTerm.ids;
  const flags = nameFlagsOf(matcher);
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
      for (let r = firstRegion; r < endRegion; r++) {
        const region = ids[r] as number;
        const nameFlags = flags[r] || readNameFlags(matcher, flags, term, r);
        const weak =
          (matcher.regions[region]?.requiresContext ?? false) || (nameFlags & NEEDS_CONTEXT) !== 0;
        const adjective = (nameFlags & ADJECTIVE) !== 0;
        const abbreviation: Abbreviation =
          (nameFlags & POSTAL) !== 0 ? 'postal' : (nameFlags & ABBREVIATION) !== 0 && 'dotted';
        mentions.push({ region, first, last, weak, adjective, abbreviation });
      }
    }
  }
  return mentions;
}

const FLAGS_READ = 1;
const NEEDS_CONTEXT = 2;
const ADJECTIVE = 4;
const ABBREVIATION = 8;
const POSTAL = 16;
const nameFlags = new WeakMap<Matcher, Uint8Array>();

/**
 * Per (name, region) pair, as `Matcher.regionsByTerm.ids` lists them: whether the name needs
 * context for that region and whether it is one of its adjectives, read from `contextNames` and
 * `adjectiveNames` the first time the pair is met. Their keys (term · 2^20 + region) are beyond
 * V8's small integers: each look-up boxed a number and hashed it, twice per mention.
 */
function nameFlagsOf(matcher: Matcher): Uint8Array {
  let flags = nameFlags.get(matcher);
  if (!flags) {
    flags = new Uint8Array(matcher.regionsByTerm.ids.length);
    nameFlags.set(matcher, flags);
  }
  return flags;
}

function readNameFlags(matcher: Matcher, flags: Uint8Array, term: number, at: number): number {
  const key = contextKey(term, matcher.regionsByTerm.ids[at] as number);
  const read =
    FLAGS_READ |
    (matcher.contextNames.has(key) ? NEEDS_CONTEXT : 0) |
    (matcher.adjectiveNames.has(key) ? ADJECTIVE : 0) |
    (matcher.abbreviationNames.has(key) ? ABBREVIATION : 0) |
    (matcher.postalNames.has(key) ? POSTAL : 0);
  flags[at] = read;
  return read;
}

/** Names that hold a place name but name no place, as mentions of no region (-1) that hide what they cover. */
function addNotPlaces(matcher: Matcher, scan: Scan, mentions: Mention[]): void {
  for (const term of matcher.notPlaces) {
    const offset = scan.firstPair(term);
    const end = offset + scan.pairCount(term);
    for (let k = offset; k < end; k++) {
      const first = scan.pairs[2 * k] as number;
      const last = scan.pairs[2 * k + 1] as number;
      mentions.push({
        region: -1,
        first,
        last,
        weak: false,
        adjective: false,
        abbreviation: false,
      });
    }
  }
}

/** Whether a token is "new" in lower case before a capitalised word ("new Berlin"). */
type LowerNew = (token: number) => boolean;

function lowerNew(scan: Scan, segments: Segments): LowerNew {
  return (token) => {
    const segment = segments[scan.tokenSegment[token] as number] ?? '';
    const start = scan.tokenStart[token] as number;
    if (scan.tokenEnd[token] !== start + 3 || !segment.startsWith('new', start)) return false;
    if (scan.tokenSegment[token + 1] !== scan.tokenSegment[token]) return false;
    const next = segment.charAt(scan.tokenStart[token + 1] as number);
    return next !== next.toLowerCase();
  };
}

/**
 * A name inside a longer name is not a mention ("Guinée" in "Guinée-Bissau", "Anbar" in "Al-Anbar");
 * two regions sharing one exact span (Tripoli) both keep it. With `lowerNew` (context read), "new"
 * in lower case does not hide the capitalised name after it: "Fonts' new Berlin-based foundry"
 * names Berlin, "in new Delhi" Delhi, whatever readContext makes of New Berlin, Wisconsin.
 */
function keepLongestMentions(mentions: Mention[], lowerNew: LowerNew | null = null): Mention[] {
  mentions.sort((x, y) => x.first - y.first || y.last - x.last);
  // A name that covers another starts at most `span` tokens before it: only those kept since are
  // read, so that an article naming thousands of places costs no more than its names.
  let span = 0;
  for (const mention of mentions) span = Math.max(span, mention.last - mention.first);
  const kept: Mention[] = [];
  for (const mention of mentions) {
    let covered = false;
    for (let j = kept.length - 1; j >= 0 && !covered; j--) {
      const k = kept[j] as Mention;
      if (k.first < mention.first - span) break;
      covered =
        k.first <= mention.first &&
        mention.last <= k.last &&
        (k.region === mention.region || k.last - k.first > mention.last - mention.first) &&
        !(lowerNew && mention.first === k.first + 1 && lowerNew(k.first));
    }
    if (!covered) kept.push(mention);
  }
  return kept;
}

/** Regions named by a name that needs no context, and all their ancestors. */
function supportedRegions(matcher: Matcher, mentions: readonly Mention[]): Set<number> {
  const supported = new Set<number>();
  for (const mention of mentions) {
    if (mention.weak) continue;
    for (let r = mention.region; r !== -1; r = matcher.regions[r]?.parent ?? -1) supported.add(r);
  }
  return supported;
}

/** A name that requires context counts when its region, an ancestor or a sibling is supported. */
function isConfirmed(matcher: Matcher, region: number, supported: Set<number>): boolean {
  const info = matcher.regions[region];
  if (!info) return false;
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
