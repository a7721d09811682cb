// `tsx bench/geoparse-errors.ts CORPUS`: the texts where vigie's default reading is wrong, for error analysis.
import { join, resolve } from 'node:path';
import { matchArticle } from '../src/rules/match.ts';
import { geoparseSystems, geoparseText } from './geoparse.ts';
import {
  type GeoDocument,
  readCountryIds,
  readFrenchSentences,
  readGeoCorpora,
  readHu2014,
  readJu2016,
  readNewsTexts,
} from './geoparse-corpora.ts';

const ROOT = join(import.meta.dirname, '..');

function readCorpus(name: string): GeoDocument[] {
  const corpora = resolve(process.env.VIGIE_GEO_CORPORA ?? '/work/geo-corpora');
  const french = readFrenchSentences(join(ROOT, 'bench/geoparse-fr.yaml'));
  const countryIds = () => readCountryIds(join(ROOT, 'gazetteer/countries.yaml'));
  const news = () =>
    readNewsTexts(
      join(ROOT, 'bench/geoparse-news-en.yaml'),
      resolve(process.env.VIGIE_CORPORA ?? '/work/corpora'),
      countryIds(),
    ).dev;
  const readers: Record<string, () => GeoDocument[]> = {
    geocorpora: () => readGeoCorpora(corpora, countryIds()),
    hu2014: () => readHu2014(corpora),
    ju2016: () => readJu2016(corpora),
    fr: () => french.tuned,
    'fr-new': () => french.added,
    news,
  };
  const read = readers[name];
  if (!read) throw new Error(`geoparse-errors: no corpus ${name} (${Object.keys(readers)})`);
  return read();
}

const [name = 'geocorpora'] = process.argv.slice(2);
const systems = await geoparseSystems();
const vigie = systems.find((system) => system.name.includes('(default)'));
if (!vigie) throw new Error('geoparse-errors: no default system');
for (const document of readCorpus(name)) {
  const parsed = geoparseText(vigie.matcher, document.text);
  const found = parsed.countries;
  const gold = new Set(document.countries);
  const wrong = [...found].filter((id) => !gold.has(id));
  const missed = [...gold].filter((id) => !found.has(id));
  // Places, where the corpus has our ids: printed after the countries as "places +wrong -missed".
  const goldPlaces = new Set(document.places ?? []);
  const placeErrors = document.places
    ? [
        ...[...parsed.places].filter((id) => !goldPlaces.has(id)).map((id) => `+${id}`),
        ...[...goldPlaces].filter((id) => !parsed.places.has(id)).map((id) => `-${id}`),
      ]
    : [];
  if (wrong.length + missed.length + placeErrors.length === 0) continue;
  // The names that made each wrong country: what to fix.
  const { places } = matchArticle(vigie.matcher, { text: document.text, lang: null });
  const long = document.text.length > 400;
  const causes = wrong.map((id) => {
    const named = places.filter((place) => place.regions.includes(id));
    const names = named.map((place) =>
      long
        ? document.text.slice(Math.max(0, place.start - 40), place.end + 40)
        : document.text.slice(place.start, place.end),
    );
    return `${id}=${[...new Set(names)].join('|')}`;
  });
  // A long text is shown by its errors' surroundings and the names annotators gave the missed.
  const shown = long
    ? missed.map((id) => `${id}: ${document.names?.[id]?.join('|') ?? '?'}`).join('; ')
    : document.text;
  console.log(
    `${document.id}\t+${causes.join(',')}\t-${missed.join(',')}\t${shown.replace(/\s+/g, ' ')}${
      placeErrors.length > 0 ? `\tplaces ${placeErrors.join(' ')}` : ''
    }`,
  );
}
