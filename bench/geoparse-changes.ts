// `tsx bench/geoparse-changes.ts OTHER_CHECKOUT`: the places vigie reads differently from another
// checkout of it, on English texts nobody annotated with places.
//
// The geoparsing corpora at hand are tweets and sentences; the held-out measure is news. The
// extraction corpora's truth texts are news and web articles (L3S-GN1, Dragnet, CleanEval, WCXB dev
// articles in English: about 3,700 texts, read from VIGIE_CORPORA): a change to the gazetteer or to
// disambiguate.ts is read here page by page, each lost or gained reading shown where it stands.
import { join, resolve } from 'node:path';
import type { Matcher } from '../src/rules/compile.ts';
import { CLEANING_CORPORA } from './extract-cleaning.ts';
import type { CorpusPage } from './extract-corpora.ts';
import { WCXB_CORPORA } from './extract-wcxb.ts';

interface Reader {
  matcher: Matcher;
  read: (text: string) => Map<string, number>;
}

const CONTINENTS_AND_GROUPS = /^(africa|asia|europe|oceania|north-america|south-america|americas)$/;

/** A checkout's default reading: name as written → the region it is read as (its deepest id). */
async function readerOf(root: string): Promise<Reader> {
  const { geoparseSystems } = await import(join(root, 'bench/geoparse.ts'));
  const { matchArticle } = await import(join(root, 'src/rules/match.ts'));
  const systems: { name: string; matcher: Matcher }[] = await geoparseSystems();
  const system = systems.find((s) => s.name.includes('(default)'));
  if (!system) throw new Error(`geoparse-changes: ${root} has no default system`);
  return {
    matcher: system.matcher,
    read(text) {
      const readings = new Map<string, number>();
      const result = matchArticle(system.matcher, { text, lang: null });
      for (const place of result.places as { start: number; end: number; regions: string[] }[]) {
        const country = place.regions.filter((id) => !CONTINENTS_AND_GROUPS.test(id)).at(-1);
        const key = `${text.slice(place.start, place.end)}→${place.regions[0]} (${country})`;
        readings.set(key, place.start);
      }
      return readings;
    },
  };
}

/** English texts: a page whose opening has none of these words is skipped. */
const ENGLISH = /\b(the|and|of|with)\b/;

function texts(corpora: string): CorpusPage[] {
  const cleaning = CLEANING_CORPORA.filter((c) =>
    ['l3s-gn1', 'dragnet', 'cleaneval'].includes(c.id),
  );
  const wcxb = WCXB_CORPORA.filter((c) => c.id === 'wcxb-articles');
  return [...cleaning, ...wcxb]
    .flatMap((corpus) =>
      corpus.read(corpora).map((page) => ({ ...page, name: `${corpus.id}/${page.name}` })),
    )
    .filter((page) => ENGLISH.test((page.body ?? '').slice(0, 2000)));
}

const [other] = process.argv.slice(2);
if (!other) throw new Error('usage: tsx bench/geoparse-changes.ts OTHER_CHECKOUT');
const corpora = resolve(process.env.VIGIE_CORPORA ?? '/work/corpora');
const pages = texts(corpora);
if (pages.length === 0) throw new Error(`geoparse-changes: no truth texts under ${corpora}`);
const here = await readerOf(join(import.meta.dirname, '..'));
const there = await readerOf(resolve(other));
let changed = 0;
let lost = 0;
let gained = 0;
for (const page of pages) {
  const text = page.body ?? '';
  const now = here.read(text);
  const before = there.read(text);
  const gone = [...before.keys()].filter((key) => !now.has(key));
  const added = [...now.keys()].filter((key) => !before.has(key));
  if (gone.length === 0 && added.length === 0) continue;
  changed++;
  lost += gone.length;
  gained += added.length;
  console.log(page.name);
  const around = (at: number) => JSON.stringify(text.slice(Math.max(0, at - 40), at + 40));
  for (const key of gone) console.log(`  - ${key}  ${around(before.get(key) ?? 0)}`);
  for (const key of added) console.log(`  + ${key}  ${around(now.get(key) ?? 0)}`);
}
console.log(
  `\n${pages.length} texts; ${changed} read differently: ${lost} readings lost, ${gained} gained (against ${other}).`,
);
