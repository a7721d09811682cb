// What an alert needs to explain itself in words: the rule's clauses, region and feed names, where a region was named.
import type { FeedSpec } from '../config/schema.ts';
import { displayTerm } from '../rules/condition.ts';
import type { RegionPlace, TermHit } from '../rules/match.ts';
import type { MatchItem, MatchNode, RegionSpec } from '../rules/types.ts';

/**
 * The rule's clauses, each as the terms it holds as written (`displayTerm`): every `all` item, and
 * the `any` list as one more. A rule of one `any` list has a single clause.
 */
export function listClauses(match: MatchNode): string[][] {
  const clauses = (match.all ?? []).map((item) => listTerms(item));
  if (match.any) clauses.push(match.any.flatMap((item) => listTerms(item)));
  return clauses.filter((terms) => terms.length > 0);
}

/** The terms an item can match by, outside `none`. */
function listTerms(item: MatchItem): string[] {
  if (typeof item === 'string' || 'term' in item || 'near' in item) return [displayTerm(item)];
  return [...(item.all ?? []), ...(item.any ?? [])].flatMap((child) => listTerms(child));
}

/** Region id → its first name in the gazetteer (`Irak` for iraq), at every depth. */
export function nameRegions(regions: readonly RegionSpec[]): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (region: RegionSpec) => {
    const first = region.names[0];
    names.set(region.id, typeof first === 'string' ? first : (first?.term ?? region.id));
    for (const child of region.children ?? []) visit(child);
  };
  for (const region of regions) visit(region);
  return names;
}

/** How a story's source reads: the feed's name in feeds.yaml, else the article's site, else the feed id. */
export function nameSource(
  feeds: readonly Pick<FeedSpec, 'id' | 'name'>[],
  feedId: string | null,
  url: string,
): string {
  const named = feeds.find((feed) => feed.id === feedId)?.name;
  if (named) return named;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return feedId ?? url;
  }
}

/** The places that name `regionId` or a region inside it, as hits labelled with `name`. */
export function placesOf(
  places: readonly RegionPlace[],
  regionId: string,
  name: string,
): TermHit[] {
  return places
    .filter((place) => place.regions.includes(regionId))
    .map(({ segment, start, end }) => ({ term: name, segment, start, end }));
}
