// Reads the geoparsing corpora of `npm run bench -- geoparse`: GeoCorpora and EUPEG's Hu2014 and Ju2016 (fetched, outside the repo), our French sentences and our annotations of English news texts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLEANING_CORPORA } from './extract-cleaning.ts';
import { WCXB_CORPORA } from './extract-wcxb.ts';

/** One annotated text: the countries it names (or names a place in), and the places it names. */
export interface GeoDocument {
  id: string;
  text: string;
  /** Country ids of our gazetteer (ISO codes mapped through gazetteer/countries.yaml). */
  countries: string[];
  /** Region ids of the places below country level it names; absent when the corpus has no such ids. */
  places?: string[] | undefined;
  /** The names that made each country, as the annotators wrote them (our news texts). */
  names?: Record<string, string[]> | undefined;
  /** Whether annotators marked at least one toponym in it (GeoCorpora leaves some tweets unmarked). */
  annotated?: boolean | undefined;
}

export const GEOCORPORA_HOWTO =
  'GeoCorpora (Wallgrün et al. 2017, https://github.com/geovista/GeoCorpora): save ' +
  'geocorpora_1544784178012.tsv as $VIGIE_GEO_CORPORA/geocorpora/geocorpora.tsv ' +
  '(default /work/geo-corpora)';

/**
 * GeoCorpora: 6,648 tweets about news events (2014–2015) with every toponym annotated with its
 * GeoNames id and country code, one row per toponym; a tweet's text may hold newlines, so a row
 * starts where a line opens with "feature id<TAB>tweet id<TAB>".
 */
export function readGeoCorpora(dir: string, countryIds: Map<string, string>): GeoDocument[] {
  const file = join(dir, 'geocorpora', 'geocorpora.tsv');
  if (!existsSync(file)) return [];
  const rows: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    if (/^\d+\t\d{6,}\t/.test(line) || rows.length === 0) rows.push(line);
    else rows[rows.length - 1] += `\n${line}`;
  }
  const documents = new Map<string, GeoDocument>();
  for (const row of rows) {
    const fields = row.split('\t');
    const id = fields[1] ?? '';
    if (id === '') continue;
    const document = documents.get(id) ?? {
      id,
      text: decodeEntities(fields[2] ?? ''),
      countries: [],
    };
    documents.set(id, document);
    if ((fields[10] ?? '') !== '') document.annotated = true;
    const country = countryIds.get(fields[13] ?? '');
    if (country && !document.countries.includes(country)) document.countries.push(country);
  }
  return [...documents.values()];
}

export const EUPEG_HOWTO =
  'EUPEG (Wang & Hu 2019, https://github.com/geoai-lab/EUPEG): copy its corpora/Hu2014 and ' +
  'corpora/Ju2016 folders to $VIGIE_GEO_CORPORA/eupeg/ (default /work/geo-corpora)';

/**
 * Hu2014 (Hu, Janowicz & Prasad 2014, in EUPEG): 147 sentences of web pages about the towns named
 * Washington or Greenville across the United States, one a line as "Town, State|sentence".
 * Every sentence is about a place in the United States; the corpus gives no id below the state.
 */
export function readHu2014(dir: string): GeoDocument[] {
  const folder = join(dir, 'eupeg', 'Hu2014');
  if (!existsSync(folder)) return [];
  const documents: GeoDocument[] = [];
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    const lines = readFileSync(join(folder, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      const bar = line.indexOf('|');
      if (bar < 0) return;
      documents.push({
        id: `hu2014-${file}-${index + 1}`,
        text: line.slice(bar + 1).trim(),
        countries: ['united-states'],
      });
    });
  }
  return documents;
}

/**
 * Ju2016 (Ju et al. 2016, in EUPEG): 5,500 sentences from the web, lower-cased, each naming one of
 * 32 highly ambiguous US town names (Springfield, Manchester, Oxford, Dover…) with the state's
 * name blanked out: CSV rows "sentence","town, state",name. All are in the United States, so it
 * measures how often a bare ambiguous name is read as somewhere else.
 */
export function readJu2016(dir: string): GeoDocument[] {
  const file = join(dir, 'eupeg', 'Ju2016', 'testing_sentence_city_ambiPlaceName.csv');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map(splitCsvLine)
    .filter((fields) => fields.length >= 3)
    .map((fields, index) => ({
      id: `ju2016-${index + 1}`,
      text: fields[0] ?? '',
      countries: ['united-states'],
    }));
}

/** One CSV line (RFC 4180 quoting, no newline inside a field: Ju2016 has none). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  const pattern = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g;
  for (const match of line.matchAll(pattern)) {
    fields.push(match[1] === undefined ? (match[2] ?? '') : match[1].replace(/""/g, '"'));
  }
  return fields;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Our French sentences (bench/geoparse-fr.yaml), annotated by hand with countries and places:
 * `sentences` the rules were tuned on, `added` written and annotated later (2026-12-05), scored apart.
 */
export function readFrenchSentences(file: string): {
  tuned: GeoDocument[];
  added: GeoDocument[];
} {
  type Sentence = { text: string; countries?: string[]; places?: string[] };
  const { sentences, added } = parse(readFileSync(file, 'utf8')) as {
    sentences: Sentence[];
    added?: Sentence[];
  };
  const read = (prefix: string) => (sentence: Sentence, index: number) => ({
    id: `${prefix}-${index + 1}`,
    text: sentence.text,
    countries: sentence.countries ?? [],
    places: sentence.places ?? [],
  });
  return { tuned: sentences.map(read('fr')), added: (added ?? []).map(read('fr-new')) };
}

/** ISO 3166 alpha-2 code → our country id, from gazetteer/countries.yaml. */
export function readCountryIds(file: string): Map<string, string> {
  const { countries } = parse(readFileSync(file, 'utf8')) as {
    countries: { code: string; id: string }[];
  };
  return new Map(countries.map((country) => [country.code, country.id]));
}

export const NEWS_HOWTO =
  'the extraction corpora (bench/extract-cleaning.ts, bench/extract-wcxb.ts) under $VIGIE_CORPORA ' +
  '(default /work/corpora): our news annotations name their pages';

/** How much of each text was read by the annotators, and so by the bench. */
export const NEWS_TEXT_CHARS = 6000;

/**
 * Our annotations of English news and web texts (bench/geoparse-news-en.yaml): 1,120 truth texts of
 * the extraction corpora (L3S-GN1's Google News articles of 2008, WCXB dev's articles of 2025,
 * Dragnet's web pages of 2012), drawn at random, each read to its first 6,000 characters and annotated with every country it
 * names a place of. The texts stay in their corpora; the file names them. `dev` texts are read
 * error by error; `check` texts are only scored.
 */
export function readNewsTexts(
  file: string,
  corpora: string,
  countryIds: Map<string, string>,
): { dev: GeoDocument[]; check: GeoDocument[] } {
  type Entry = { page: string; split: 'dev' | 'check'; countries?: Record<string, string[]> };
  const { texts } = parse(readFileSync(file, 'utf8')) as { texts: Entry[] };
  const bodies = new Map<string, Map<string, string>>();
  const documents: { dev: GeoDocument[]; check: GeoDocument[] } = { dev: [], check: [] };
  for (const entry of texts) {
    const [corpus = '', ...name] = entry.page.split('/');
    if (!bodies.has(corpus)) bodies.set(corpus, readBodies(corpus, corpora));
    const body = bodies.get(corpus)?.get(name.join('/'));
    if (body === undefined) continue;
    const names: Record<string, string[]> = {};
    for (const [code, written] of Object.entries(entry.countries ?? {})) {
      const id = countryIds.get(code);
      if (!id) throw new Error(`${file}: ${entry.page}: unknown country code ${code}`);
      names[id] = [...(names[id] ?? []), ...written];
    }
    documents[entry.split].push({
      id: entry.page,
      text: body.slice(0, NEWS_TEXT_CHARS),
      countries: Object.keys(names),
      names,
    });
  }
  return documents;
}

/** The truth texts of one extraction corpus, by page name. */
function readBodies(id: string, corpora: string): Map<string, string> {
  const corpus = [...CLEANING_CORPORA, ...WCXB_CORPORA].find((c) => c.id === id);
  if (!corpus) throw new Error(`geoparse news texts: no extraction corpus ${id}`);
  return new Map(corpus.read(corpora).map((page) => [page.name, page.body ?? '']));
}
