// Reads one article in one pass over its tokens and tells which rules and regions it matches, with positions.
import type { CompiledRule, Matcher } from './compile.ts';
import { holdsAt, noneHoldsAt } from './evaluate.ts';
import { findFocusRegions, type PlacedMention } from './focus.ts';
import { scanArticle } from './occurrences.ts';
import {
  countMentions,
  listRegionMentions,
  type RegionCount,
  type RegionMention,
} from './regions.ts';
import { countFunctionWords, type Scan, scanOf } from './scan.ts';

export interface ArticleText {
  title?: string | null | undefined;
  text: string;
  /** ISO 639-1 code when known; a rule with `languages` skips a text of another language. */
  lang?: string | null | undefined;
}

/** Where a term matched: segment 0 is the title, 1 the body; offsets in that string. */
export interface TermHit {
  term: string;
  segment: number;
  start: number;
  end: number;
}

export interface RuleMatch {
  id: string;
  score: number;
  terms: string[];
  regions: string[];
  /** Of `regions`, those the article is about (see focus.ts): what `per: region` counts without `regions`. */
  focus: string[];
  hits: TermHit[];
}

/** Where a region was named: the region and its ancestors (ids), and the name's place in the text. */
export interface RegionPlace {
  regions: string[];
  segment: number;
  start: number;
  end: number;
}

export interface MatchResult {
  /** The language the rules were matched for: the article's, or the one detected. */
  lang: string | null;
  regions: RegionCount[];
  /** The regions the article is about, ancestors included, most named first. */
  focus: string[];
  /** Where each region was named; only with `hits` (the default). */
  places: RegionPlace[];
  rules: RuleMatch[];
}

export type { RegionCount };

export interface MatchOptions {
  /**
   * Whether each match lists where its terms occur (default true). `vigie classify` prints no
   * positions and turns them off; the worker stores them with the event for the alert's snippets.
   */
  hits?: boolean | undefined;
  /** For an article whose `lang` is null or absent: detect it from the words the match reads anyway. */
  detectLanguage?: LanguageDetector | undefined;
}

/** Language detection by function words (see language.ts), fed with their counts per language. */
export interface LanguageDetector {
  /** Words that start before this offset of `${title}\n${text}` are counted. */
  sampleLength: number;
  detect(functionWords: Int32Array, title: string, text: string): string | null;
}

const MAX_HITS_PER_TERM = 10;

export function matchArticle(
  matcher: Matcher,
  article: ArticleText,
  options: MatchOptions = {},
): MatchResult {
  const scan = scanOf(matcher);
  const withHits = options.hits !== false;
  scanArticle(scan, article.title, article.text, withHits);
  const mentions = listRegionMentions(matcher, scan, [article.title ?? '', article.text]);
  const regionCounts = countMentions(matcher, mentions);
  const focus = findFocusRegions(placeMentions(scan, mentions), rollUpOf(matcher), matcher.focus);
  const lang = article.lang ?? detectLanguage(scan, article, options.detectLanguage);
  const regions = [...regionCounts.entries()]
    .map(([index, count]) => ({ id: matcher.regions[index]?.id as string, count }))
    .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1));
  const focusIds = new Set([...focus].map((index) => matcher.regions[index]?.id as string));
  return {
    lang,
    regions,
    focus: regions.filter((region) => focusIds.has(region.id)).map((region) => region.id),
    places: withHits ? placeRegions(scan, mentions) : [],
    rules: withFocus(matchRules(scan, regionCounts, lang, withHits), focusIds),
  };
}

/**
 * Each match's `focus`: of its regions, those the article is about. The rules without `regions`
 * share one array of the article's countries (see matchRules), and so one focus array too.
 */
function withFocus(matches: RuleMatch[], focusIds: Set<string>): RuleMatch[] {
  let regions: string[] | undefined;
  let focus: string[] = [];
  for (const match of matches) {
    if (match.regions !== regions) {
      regions = match.regions;
      focus = regions.filter((id) => focusIds.has(id));
    }
    match.focus = focus;
  }
  return matches;
}

function placeMentions(scan: Scan, mentions: readonly RegionMention[]): PlacedMention[] {
  return mentions.map((mention) => ({
    region: mention.region,
    segment: scan.tokenSegment[mention.first] as number,
    start: scan.tokenStart[mention.first] as number,
  }));
}

function placeRegions(scan: Scan, mentions: readonly RegionMention[]): RegionPlace[] {
  const rollUp = rollUpOf(scan.matcher);
  return mentions.map((mention) => ({
    regions: rollUp(mention.region).map((index) => scan.matcher.regions[index]?.id as string),
    segment: scan.tokenSegment[mention.first] as number,
    start: scan.tokenStart[mention.first] as number,
    end: scan.tokenEnd[mention.last] as number,
  }));
}

/** A region, its ancestors and their groups, as countMentions rolls a mention up. */
function rollUpOf(matcher: Matcher): (region: number) => number[] {
  return (region) => matcher.regions[region]?.rollUp ?? [];
}

function detectLanguage(
  scan: Scan,
  article: ArticleText,
  detector: LanguageDetector | undefined,
): string | null {
  if (!detector) return null;
  const title = article.title ?? '';
  const counts = countFunctionWords(scan, title.length, detector.sampleLength);
  return detector.detect(counts, title, article.text);
}

function matchRules(
  scan: Scan,
  regionCounts: Map<number, number>,
  lang: string | null,
  withHits: boolean,
): RuleMatch[] {
  const matcher = scan.matcher;
  const countries: string[] = [];
  for (const region of matcher.topRegions) {
    if (regionCounts.has(region)) countries.push(matcher.regions[region]?.id as string);
  }
  const matches: RuleMatch[] = [];
  const count = scan.candidateCount;
  sortPrefix(scan.candidates, count); // config order
  for (let c = 0; c < count; c++) {
    const index = scan.candidates[c] as number;
    const rule = matcher.rules[index];
    if (!rule || !ruleHolds(matcher, rule, scan)) continue;
    if (lang && rule.languages && !rule.languages.has(lang)) continue;
    // One array for every rule without `regions`, never changed once returned: a line of `vigie
    // classify` at 1,000 rules repeats it dozens of times (see classify-lines.ts).
    const regions = rule.regions ? ruleRegions(matcher, rule.regions, regionCounts) : countries;
    if (rule.regions && regions.length === 0) continue;
    const match = scoredMatch(scan, index, rule.id, regions, withHits);
    if (match.score >= rule.minScore) matches.push(match);
  }
  return matches;
}

/**
 * A candidate has every required set met: when those sets are its whole positive condition
 * (`exact`), only its `none` is left to check.
 */
function ruleHolds(matcher: Matcher, rule: CompiledRule, scan: Scan): boolean {
  return rule.exact
    ? noneHoldsAt(matcher.program, rule.node, scan)
    : holdsAt(matcher.program, rule.node, scan);
}

function ruleRegions(matcher: Matcher, regions: number[], counts: Map<number, number>): string[] {
  const found: string[] = [];
  for (const region of regions)
    if (counts.has(region)) found.push(matcher.regions[region]?.id as string);
  return found;
}

/** A holding rule's score, terms and hits: its distinct terms, as written, that matched. */
function scoredMatch(
  scan: Scan,
  rule: number,
  id: string,
  regions: string[],
  withHits: boolean,
): RuleMatch {
  const { scored, scoredWeights, scoredDisplays } = scan.matcher;
  const match: RuleMatch = { id, score: 0, terms: [], regions, focus: [], hits: [] };
  for (let k = scored.start[rule] as number; k < (scored.start[rule + 1] as number); k++) {
    const term = scored.ids[k] as number;
    if (!scan.has(term)) continue;
    const display = scoredDisplays[k] as string;
    match.score += scoredWeights[k] as number;
    match.terms.push(display);
    if (withHits) addHits(scan, term, display, match.hits);
  }
  return match;
}

/** Insertion sort of `array[0…count)`: a few dozen rules, and no subarray to allocate. */
function sortPrefix(array: Int32Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const value = array[i] as number;
    let j = i - 1;
    while (j >= 0 && (array[j] as number) > value) {
      array[j + 1] = array[j] as number;
      j--;
    }
    array[j + 1] = value;
  }
}

function addHits(scan: Scan, term: number, display: string, hits: TermHit[]): void {
  const offset = scan.firstPair(term);
  const count = Math.min(scan.pairCount(term), MAX_HITS_PER_TERM);
  for (let k = offset; k < offset + count; k++) {
    const first = scan.pairs[2 * k] as number;
    const last = scan.pairs[2 * k + 1] as number;
    hits.push({
      term: display,
      segment: scan.tokenSegment[first] as number,
      start: scan.tokenStart[first] as number,
      end: scan.tokenEnd[last] as number,
    });
  }
}
