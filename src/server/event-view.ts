// An event as the workspace shows it: names from the config, excerpts with the matched terms.
import type { VigieConfig } from '../config/load.ts';
import { nameRegions, nameSource } from '../notify/explain.ts';
import { excerptsOf, type Snippet } from '../notify/snippets.ts';
import type { EventPage, FoundEvent } from '../store/event-search.ts';
import { encodeCursor } from './event-query.ts';

export interface EventView {
  id: number;
  rule: string;
  /** The rule's name, else its id. */
  ruleName: string;
  /** Null for a rule no longer in rules.yaml. */
  severity: string | null;
  score: number;
  title: string;
  url: string;
  /** The feed's name in feeds.yaml, else the article's site. */
  source: string;
  publishedAt: Date;
  regions: { id: string; name: string }[];
  /** The rule's terms that matched, as written in the rule, each once. */
  terms: string[];
  excerpts: Snippet[];
  storyId: number | null;
  copies: number;
  sources: number;
}

export interface EventListView {
  events: EventView[];
  next: string | null;
}

/** Most excerpts per event, and their width in characters. */
const EXCERPTS = { max: 3, width: 160 };

export function viewEvents(
  page: EventPage,
  config: Pick<VigieConfig, 'rules' | 'regions' | 'feeds'>,
): EventListView {
  const rules = new Map(config.rules.map((rule) => [rule.id, rule]));
  const regionNames = nameRegions(config.regions);
  return {
    events: page.events.map((event) =>
      viewEvent(event, rules.get(event.ruleId), regionNames, config),
    ),
    next: page.next ? encodeCursor(page.next) : null,
  };
}

function viewEvent(
  event: FoundEvent,
  rule: VigieConfig['rules'][number] | undefined,
  regionNames: ReadonlyMap<string, string>,
  config: Pick<VigieConfig, 'feeds'>,
): EventView {
  return {
    id: event.id,
    rule: event.ruleId,
    ruleName: rule?.name ?? event.ruleId,
    severity: rule?.severity ?? null,
    score: event.score,
    title: event.title,
    url: event.url,
    source: nameSource(config.feeds, event.feedId, event.url),
    publishedAt: event.publishedAt,
    regions: event.regions.map((id) => ({ id, name: regionNames.get(id) ?? id })),
    terms: [...new Set(event.terms.map((term) => term.term))],
    // Alerts' excerpts: each from a sentence of its own, cut within it.
    excerpts: excerptsOf(event, { hits: event.terms, clauses: [] }, EXCERPTS),
    storyId: event.storyId,
    copies: event.copies,
    sources: event.sources,
  };
}

/** The JSON of `/api/events`: the fields the API promises, times in ISO 8601 UTC. */
export function toApiEvents(list: EventListView) {
  return {
    events: list.events.map((event) => ({
      id: event.id,
      rule: event.rule,
      ruleName: event.ruleName,
      severity: event.severity,
      score: event.score,
      title: event.title,
      url: event.url,
      source: event.source,
      publishedAt: event.publishedAt.toISOString(),
      regions: event.regions.map((region) => region.id),
      terms: event.terms,
      excerpts: event.excerpts.map(({ term, before, match, after, cutBefore, cutAfter }) => ({
        term,
        before,
        match,
        after,
        cutBefore,
        cutAfter,
      })),
      storyId: event.storyId,
    })),
    next: list.next,
  };
}
