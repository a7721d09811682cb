// Reads the words around a place name to tell which place it is, or whether it is a place at all: qualifiers, cues, person names, adjectives.
import type { AdjectivePolicy, Matcher } from './compiled.ts';
import type { Scan } from './scan.ts';

/** A candidate reading of a name in the text: `weak` when it counts only with context. */
export interface Candidate {
  region: number;
  first: number;
  last: number;
  weak: boolean;
  /** Whether the name is one of the region's adjectives ("française"), not one of its names. */
  adjective: boolean;
}

export type { AdjectivePolicy } from './compiled.ts';

/** The title (segment 0) and text (segment 1) the scan read, for the characters between tokens. */
export type Segments = readonly [string, string];

// Names that are also common first names: followed by a capitalised word, a person ("Jordan
// Henderson", "Chad Smith", "Georgia O'Keeffe", "Florence Parly").
const FIRST_NAMES = new Set(
  'jordan chad georgia victoria florence sydney austin paris lincoln jackson orlando israel india china charlotte eugene marion madison dallas phoenix aurora savannah brooklyn trinidad adelaide camden chelsea virginia carolina kenya salem troy york denver elizabeth alexandria beverly lorraine'.split(
    ' ',
  ),
);
// Capitalised words after a first name that make it a place again ("Jordan Valley", "Victoria Falls").
const PLACE_WORDS = new Set(
  'valley river basin lake falls harbour harbor airport city county state province region island islands bay street square avenue road gulf sea coast border capital west east north south central'.split(
    ' ',
  ),
);
const HONORIFICS = new Set('mr mrs ms miss dr sir lady m mme mlle monsieur madame'.split(' '));
// Words that make a name shared by a country and a state the state ("Georgia's governor").
const DIVISION_CUES = new Set(
  'governor governors gouverneur gouverneure legislature statehouse senator senators sénateur'.split(
    ' ',
  ),
);
// "City, State": the qualifier reads so in the press of these countries (Paris, Texas; London, Ontario).
const QUALIFYING_COUNTRIES = new Set(['united-states', 'canada', 'australia']);
const LIST_WORDS = new Set(['and', 'et', 'or', 'ou', '&']);
// An adjective about language, cuisine or culture, not the state ("French cuisine", "la langue arabe").
const CULTURE_WORDS = new Set(
  'cuisine food wine wines language languages speaking speaker speakers accent fries toast dish dishes cooking cheese fashion literature music film films novel poetry translation translated subtitles dialect langue langues vin vins gastronomie mode littérature musique cinéma roman traduction traduit sous-titres dialecte accent parle parlent parler parlé couramment apprendre appris apprend enseigne version'.split(
    ' ',
  ),
);
const LANGUAGE_BEFORE = new Set(['in', 'en', 'speak', 'speaks', 'spoke', 'from', 'into']);

/** The few words read around a candidate, from the scan's tokens and the segment texts. */
class Words {
  constructor(
    readonly scan: Scan,
    readonly segments: Segments,
  ) {}

  text(token: number): string {
    const segment = this.segments[this.scan.tokenSegment[token] as number] ?? '';
    return segment.slice(this.scan.tokenStart[token], this.scan.tokenEnd[token]);
  }

  folded(token: number): string {
    if (token < 0 || token >= this.scan.tokenCount) return '';
    return this.text(token).toLowerCase();
  }

  /** The characters between token `a` and the next token, or null across segments. */
  between(a: number): string | null {
    const b = a + 1;
    if (b >= this.scan.tokenCount || this.scan.tokenSegment[a] !== this.scan.tokenSegment[b]) {
      return null;
    }
    const segment = this.segments[this.scan.tokenSegment[a] as number] ?? '';
    return segment.slice(this.scan.tokenEnd[a], this.scan.tokenStart[b]);
  }

  capitalised(token: number): boolean {
    if (token < 0 || token >= this.scan.tokenCount) return false;
    const first = this.text(token).charAt(0);
    return first !== first.toLowerCase() && first === first.toUpperCase();
  }

  /** Whether most words of the token's segment are capitalised (a headline in title case). */
  titleCase(token: number): boolean {
    const segment = this.scan.tokenSegment[token];
    let words = 0;
    let capitals = 0;
    for (let t = 0; t < this.scan.tokenCount && words < 40; t++) {
      if (this.scan.tokenSegment[t] !== segment) continue;
      words++;
      if (this.capitalised(t)) capitals++;
    }
    return words >= 4 && capitals * 2 > words;
  }
}

/**
 * The candidates the words around them leave (SPEC §2, issue 14 part 2): a person's name is no
 * place; a qualifier ("Paris, Texas") or a cue ("Georgia's governor") picks among homonyms; an
 * adjective counts as the adjectives policy says; then, of the readings of one name, those its
 * context supports (a parent or sibling named elsewhere) win over the others.
 */
export function readContext(
  matcher: Matcher,
  scan: Scan,
  segments: Segments,
  candidates: Candidate[],
  adjectives: AdjectivePolicy,
): Candidate[] {
  if (candidates.length === 0) return candidates;
  const words = new Words(scan, segments);
  let kept = dropPersonNames(words, candidates);
  kept = applyQualifiers(matcher, words, kept);
  kept = applyDivisionCues(matcher, words, kept);
  if (adjectives !== 'always') kept = filterAdjectives(matcher, words, kept, adjectives);
  return preferSupported(matcher, kept);
}

/** A person's name is no place: "Jordan Henderson" names neither Jordan nor Henderson, Nevada. */
function dropPersonNames(words: Words, candidates: Candidate[]): Candidate[] {
  let people: Set<number> | undefined;
  for (const c of candidates) {
    if (!isPersonName(words, c)) continue;
    people ??= new Set();
    for (let t = c.first; t <= c.last + 1; t++) people.add(t);
  }
  if (!people) return candidates;
  const names = people;
  return candidates.filter((c) => !names.has(c.first));
}

function isPersonName(words: Words, c: Candidate): boolean {
  const before = words.folded(c.first - 1);
  if (HONORIFICS.has(before) && words.capitalised(c.first) && isSpaced(words, c.first - 1)) {
    return true;
  }
  if (c.first !== c.last || !FIRST_NAMES.has(words.folded(c.first))) return false;
  const next = c.last + 1;
  if (!words.capitalised(next) || words.between(c.last) !== ' ') return false;
  if (PLACE_WORDS.has(words.folded(next)) || words.titleCase(c.first)) return false;
  return true;
}

function isSpaced(words: Words, token: number): boolean {
  const gap = words.between(token);
  return gap === ' ' || gap === '. ';
}

/** The regions of a candidate's tree: itself and its ancestors. */
function lineage(matcher: Matcher, region: number): number[] {
  const up: number[] = [];
  for (let r = region; r !== -1; r = matcher.regions[r]?.parent ?? -1) up.push(r);
  return up;
}

function countryOf(matcher: Matcher, region: number): number {
  const up = lineage(matcher, region);
  return up[up.length - 1] ?? -1;
}

/** Groups candidates by span: the readings of one name. */
function bySpan(candidates: Candidate[]): Map<number, Candidate[]> {
  const spans = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const key = c.first * 65_536 + c.last;
    const list = spans.get(key);
    if (list) list.push(c);
    else spans.set(key, [c]);
  }
  return spans;
}

/**
 * "X, Y" where Y is a place: the readings of X inside Y win ("Alexandria, Virginia"); when none is
 * and Y is a state or province of a country whose press writes "City, State", X is some other
 * place in Y and counts for none of its readings ("Paris, Texas"), unless a list goes on after Y.
 */
function applyQualifiers(matcher: Matcher, words: Words, candidates: Candidate[]): Candidate[] {
  const spans = bySpan(candidates);
  const dropped = new Set<Candidate>();
  for (const readings of spans.values()) {
    const x = readings[0] as Candidate;
    const gap = words.between(x.last);
    if (gap !== ', ' && gap !== ',' && gap !== ' (') continue;
    const ys = candidates.filter((c) => c.first === x.last + 1 && !c.adjective);
    if (ys.length === 0) continue;
    const yRegions = new Set(ys.map((y) => y.region));
    const inside = readings.filter((r) =>
      lineage(matcher, r.region).some((up) => up !== r.region && yRegions.has(up)),
    );
    if (inside.length > 0) {
      for (const r of readings) if (!inside.includes(r)) dropped.add(r);
      for (const r of inside) r.weak = false;
      continue;
    }
    const yLast = ys[0]?.last ?? x.last;
    if (LIST_WORDS.has(words.folded(yLast + 1))) continue;
    const states = ys.some((y) => {
      const parent = matcher.regions[y.region]?.parent ?? -1;
      const id = parent === -1 ? '' : (matcher.regions[parent]?.id ?? '');
      return !y.weak && QUALIFYING_COUNTRIES.has(id);
    });
    if (states) for (const r of readings) dropped.add(r);
  }
  return dropped.size === 0 ? candidates : candidates.filter((c) => !dropped.has(c));
}

/** "Georgia's governor", "governor of Georgia", "state of Georgia": of its readings, the state. */
function applyDivisionCues(matcher: Matcher, words: Words, candidates: Candidate[]): Candidate[] {
  const dropped = new Set<Candidate>();
  for (const readings of bySpan(candidates).values()) {
    if (readings.length < 2) continue;
    const x = readings[0] as Candidate;
    const after = words.folded(x.last + 1);
    const before = words.folded(x.first - 1);
    const before2 = words.folded(x.first - 2);
    const cued =
      DIVISION_CUES.has(after) ||
      ((before === 'of' || before === 'de') &&
        (DIVISION_CUES.has(before2) || before2 === 'state' || before2 === 'état'));
    if (!cued) continue;
    const divisions = readings.filter((r) => {
      const parent = matcher.regions[r.region]?.parent ?? -1;
      return parent !== -1 && matcher.regions[parent]?.parent === -1;
    });
    if (divisions.length === 0) continue;
    for (const r of readings) if (!divisions.includes(r)) dropped.add(r);
    for (const r of divisions) r.weak = false;
  }
  return dropped.size === 0 ? candidates : candidates.filter((c) => !dropped.has(c));
}

function filterAdjectives(
  matcher: Matcher,
  words: Words,
  candidates: Candidate[],
  policy: AdjectivePolicy,
): Candidate[] {
  if (!candidates.some((c) => c.adjective)) return candidates;
  const named = new Set<number>();
  if (policy === 'context') {
    for (const c of candidates) if (!c.adjective) named.add(countryOf(matcher, c.region));
  }
  return candidates.filter((c) => {
    if (!c.adjective) return true;
    if (policy === 'context') return named.has(countryOf(matcher, c.region));
    return !aboutCulture(words, c);
  });
}

/** "French cuisine", "cuisine française", "parle l'anglais", "in Arabic", "le russe et l'arabe". */
function aboutCulture(words: Words, c: Candidate): boolean {
  const after = words.folded(c.last + 1);
  const before = words.folded(c.first - 1);
  const before2 = words.folded(c.first - 2);
  if (CULTURE_WORDS.has(after) || CULTURE_WORDS.has(before) || CULTURE_WORDS.has(before2)) {
    return true;
  }
  if (LANGUAGE_BEFORE.has(before) && !words.capitalised(c.last + 1)) return true;
  // French: a language is a noun after an article ("l'anglais", "le russe"), a state adjective follows one.
  const elided = words.between(c.first - 1);
  const article = before === 'le' || (before === 'l' && elided === "'") || before === 'l’';
  return article && /^\p{Ll}/u.test(words.text(c.first));
}

/**
 * Of the readings of one name, those whose parent or sibling another name supports win
 * ("Alexandria" beside "Cairo"); when none has support, all stay (weak ones then need it anyway).
 */
function preferSupported(matcher: Matcher, candidates: Candidate[]): Candidate[] {
  const spans = bySpan(candidates);
  if (spans.size === candidates.length) return candidates;
  const dropped = new Set<Candidate>();
  for (const readings of spans.values()) {
    if (readings.length < 2) continue;
    const others = candidates.filter((c) => !readings.includes(c) && !c.weak);
    const supported = new Set<number>();
    for (const c of others) for (const up of lineage(matcher, c.region)) supported.add(up);
    const backed = readings.filter((r) => isBacked(matcher, r.region, supported));
    if (backed.length === 0 || backed.length === readings.length) continue;
    for (const r of readings) if (!backed.includes(r)) dropped.add(r);
    for (const r of backed) r.weak = false;
  }
  return dropped.size === 0 ? candidates : candidates.filter((c) => !dropped.has(c));
}

/** An ancestor supported, or (below the countries) a sibling: Georgia the state beside Atlanta. */
function isBacked(matcher: Matcher, region: number, supported: Set<number>): boolean {
  const parent = matcher.regions[region]?.parent ?? -1;
  if (parent === -1) return false;
  for (let r = parent; r !== -1; r = matcher.regions[r]?.parent ?? -1) {
    if (supported.has(r)) return true;
  }
  return hasSupportedSibling(matcher, region, supported);
}

function hasSupportedSibling(matcher: Matcher, region: number, supported: Set<number>): boolean {
  const parent = matcher.regions[region]?.parent ?? -1;
  const siblings = parent === -1 ? matcher.topRegions : (matcher.regions[parent]?.children ?? []);
  return siblings.some((sibling) => sibling !== region && supported.has(sibling));
}
