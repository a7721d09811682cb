// How reading places scales with an article's names: a text repeating a phrase 5,000 and 50,000
// times. Linear reading takes about 10 × as long for 10 × the text; a test that compares each name
// with every other takes 100 ×, and an untrusted page of 1 MB took a worker seconds to a minute.
import { matchArticle } from '../src/rules/match.ts';
import { geoparseSystems } from './geoparse.ts';

export interface ScaleRow {
  phrase: string;
  small: number;
  large: number;
}

/** Phrases that each exercise a test of disambiguate.ts or regions.ts on many names. */
const PHRASES = [
  'Springfield and ',
  'Washington County met, ',
  'À Gaza, les ',
  'Chatham-Kent and ',
  'Austin Texas and ',
  'Tyler Delgado and ',
  'parts of western North America and ',
  'Ian Dallas said. ',
  'London, Ontario, ',
];

export async function benchGeoparseScale(): Promise<ScaleRow[]> {
  const systems = await geoparseSystems();
  const vigie = systems.find((system) => system.name.includes('(default)'));
  if (!vigie) throw new Error('bench geoparse-scale: no default system');
  const time = (text: string) => {
    const start = performance.now();
    matchArticle(vigie.matcher, { text, lang: null });
    return performance.now() - start;
  };
  time(PHRASES.join('').repeat(100));
  return PHRASES.map((phrase) => ({
    phrase,
    small: time(phrase.repeat(5_000)),
    large: time(phrase.repeat(50_000)),
  }));
}
