// `npm run bench -- geoparse`: which countries and places vigie finds in annotated texts, next to a plain country-name baseline.
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { ADJECTIVES_DEFAULT, compileMatcher, type Matcher } from '../src/rules/compile.ts';
import type { AdjectivePolicy } from '../src/rules/disambiguate.ts';
import { matchArticle } from '../src/rules/match.ts';
import type { RegionSpec } from '../src/rules/types.ts';
import {
  EUPEG_HOWTO,
  GEOCORPORA_HOWTO,
  type GeoDocument,
  NEWS_HOWTO,
  readCountryIds,
  readFrenchSentences,
  readGeoCorpora,
  readHu2014,
  readJu2016,
  readNewsTexts,
} from './geoparse-corpora.ts';

const ROOT = join(import.meta.dirname, '..');

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface GeoparseRow {
  corpus: string;
  documents: number;
  system: string;
  countries: Score;
  places: Score | null;
  /** The most frequent wrong and missed countries, for the notes. */
  wrong: [string, number][];
  missed: [string, number][];
}

/**
 * The matchers compared: the baseline, and vigie's gazetteer as shipped (config/) with each way
 * adjectives may count (the default marked).
 */
export async function geoparseSystems(): Promise<{ name: string; matcher: Matcher }[]> {
  const config = await loadConfig(join(ROOT, 'config'));
  const policies: AdjectivePolicy[] = ['always', 'state', 'context'];
  const vigie = compileMatcher({ rules: [], regions: config.regions });
  return [
    { name: 'baseline: country names only', matcher: compileBaseline(config.regions) },
    { name: 'vigie, names not read in context', matcher: { ...vigie, readContext: false } },
    ...policies.map((adjectives) => ({
      name: `vigie, adjectives: ${adjectives}${adjectives === ADJECTIVES_DEFAULT ? ' (default)' : ''}`,
      matcher: { ...vigie, adjectives },
    })),
  ];
}

/** Only the countries' own names: no adjectives, no places below, no context. */
export function compileBaseline(regions: readonly RegionSpec[]): Matcher {
  const countries = regions
    .filter((region) => (region.members?.length ?? 0) === 0)
    .map((region) => ({
      id: region.id,
      names: region.names.map((name) =>
        typeof name === 'string' ? name : { term: name.term, caseSensitive: name.caseSensitive },
      ),
    }));
  return compileMatcher({ rules: [], regions: countries, readContext: false });
}

export async function benchGeoparse(): Promise<{ rows: GeoparseRow[]; notes: string[] }> {
  const corpora = resolve(process.env.VIGIE_GEO_CORPORA ?? '/work/geo-corpora');
  const countryIds = readCountryIds(join(ROOT, 'gazetteer/countries.yaml'));
  const tweets = readGeoCorpora(corpora, countryIds);
  const french = readFrenchSentences(join(ROOT, 'bench/geoparse-fr.yaml'));
  const news = readNewsTexts(
    join(ROOT, 'bench/geoparse-news-en.yaml'),
    resolve(process.env.VIGIE_CORPORA ?? '/work/corpora'),
    countryIds,
  );
  const sets: [string, GeoDocument[]][] = [
    ['GeoCorpora (tweets, en)', tweets],
    ['GeoCorpora, tweets with a toponym marked', tweets.filter((tweet) => tweet.annotated)],
    ['Hu2014 (web pages, en, US towns)', readHu2014(corpora)],
    ['Ju2016 (web sentences, en, lower-cased, ambiguous US towns)', readJu2016(corpora)],
    ['our French sentences (tuned on)', french.tuned],
    ['our French sentences (new, 2026-12-05)', french.added],
    ['our English news texts (read error by error)', news.dev],
    ['our English news texts (only scored)', news.check],
  ];
  const notes: string[] = [];
  if (tweets.length === 0) notes.push(`GeoCorpora not found in ${corpora}: ${GEOCORPORA_HOWTO}`);
  if (sets[2]?.[1].length === 0) notes.push(`EUPEG not found in ${corpora}: ${EUPEG_HOWTO}`);
  if (news.dev.length === 0) notes.push(`News texts not found: ${NEWS_HOWTO}`);
  const rows: GeoparseRow[] = [];
  const systems = await geoparseSystems();
  for (const [corpus, documents] of sets) {
    if (documents.length === 0) continue;
    for (const system of systems)
      rows.push(scoreSystem(corpus, system.name, system.matcher, documents));
  }
  return { rows, notes };
}

/** What one matcher finds in one text: the countries (named, or containing a place named) and the places named. */
export function geoparseText(
  matcher: Matcher,
  text: string,
): { countries: Set<string>; places: Set<string> } {
  const result = matchArticle(matcher, { text, lang: null });
  const countryIds = new Set(matcher.topRegions.map((index) => matcher.regions[index]?.id));
  const countries = new Set(result.regions.map((r) => r.id).filter((id) => countryIds.has(id)));
  const places = new Set<string>();
  for (const place of result.places) {
    const named = place.regions[0];
    const index = named === undefined ? undefined : matcher.regionIndex.get(named);
    const region = index === undefined ? undefined : matcher.regions[index];
    if (named && region && !region.group && region.parent !== -1) places.add(named);
  }
  return { countries, places };
}

function scoreSystem(
  corpus: string,
  system: string,
  matcher: Matcher,
  documents: GeoDocument[],
): GeoparseRow {
  const countries = emptyScore();
  const withPlaces = documents.some((document) => document.places !== undefined);
  const places = withPlaces ? emptyScore() : null;
  const wrong = new Map<string, number>();
  const missed = new Map<string, number>();
  for (const document of documents) {
    const found = geoparseText(matcher, document.text);
    addScore(countries, found.countries, new Set(document.countries), wrong, missed);
    if (places && document.places) addScore(places, found.places, new Set(document.places));
  }
  return {
    corpus,
    documents: documents.length,
    system,
    countries,
    places,
    wrong: top(wrong),
    missed: top(missed),
  };
}

function emptyScore(): Score {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

function addScore(
  score: Score,
  found: Set<string>,
  gold: Set<string>,
  wrong?: Map<string, number>,
  missed?: Map<string, number>,
): void {
  for (const id of found) {
    if (gold.has(id)) score.truePositives++;
    else {
      score.falsePositives++;
      wrong?.set(id, (wrong.get(id) ?? 0) + 1);
    }
  }
  for (const id of gold) {
    if (found.has(id)) continue;
    score.falseNegatives++;
    missed?.set(id, (missed.get(id) ?? 0) + 1);
  }
}

function top(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6);
}

export function precisionRecall(score: Score): { precision: number; recall: number; f1: number } {
  const precision = score.truePositives / Math.max(1, score.truePositives + score.falsePositives);
  const recall = score.truePositives / Math.max(1, score.truePositives + score.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
