// Reads the geoparsing corpora of `npm run bench -- geoparse`: GeoCorpora (fetched, outside the repo) and our French sentences.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One annotated text: the countries it names (or names a place in), and the places it names. */
export interface GeoDocument {
  id: string;
  text: string;
  /** Country ids of our gazetteer (ISO codes mapped through gazetteer/countries.yaml). */
  countries: string[];
  /** Region ids of the places below country level it names; absent when the corpus has no such ids. */
  places?: string[] | undefined;
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

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Our French sentences (bench/geoparse-fr.yaml), annotated by hand with countries and places. */
export function readFrenchSentences(file: string): GeoDocument[] {
  const { sentences } = parse(readFileSync(file, 'utf8')) as {
    sentences: { text: string; countries?: string[]; places?: string[] }[];
  };
  return sentences.map((sentence, index) => ({
    id: `fr-${index + 1}`,
    text: sentence.text,
    countries: sentence.countries ?? [],
    places: sentence.places ?? [],
  }));
}

/** ISO 3166 alpha-2 code → our country id, from gazetteer/countries.yaml. */
export function readCountryIds(file: string): Map<string, string> {
  const { countries } = parse(readFileSync(file, 'utf8')) as {
    countries: { code: string; id: string }[];
  };
  return new Map(countries.map((country) => [country.code, country.id]));
}
