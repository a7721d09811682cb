// `tsx bench/geoparse-explain.ts "text"…`: which names vigie's default reading found in a text, for error analysis.

import { matchArticle } from '../src/rules/match.ts';
import { geoparseSystems } from './geoparse.ts';

const systems = await geoparseSystems();
const vigie = systems.find((system) => system.name.includes('(default)'));
if (!vigie) throw new Error('geoparse-explain: no default system');
for (const text of process.argv.slice(2)) {
  const result = matchArticle(vigie.matcher, { text, lang: null });
  const names = result.places.map(
    (place) => `${text.slice(place.start, place.end)} → ${place.regions.join(' < ')}`,
  );
  console.log(`${text}\n  ${names.join('\n  ')}`);
}
