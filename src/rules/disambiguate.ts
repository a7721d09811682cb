// Reads the words around a place name to tell which place it is, or whether it is a place at all: qualifiers, cues, person names, adjectives.
import type { AdjectivePolicy, Matcher } from './compiled.ts';
import { FoldedSet, isAsciiAt } from './folded-set.ts';
import { LISTED_FUNCTION_WORDS } from './function-words.ts';
import { MORE_GIVEN_NAMES, PLACE_FIRST_NAMES, TOWN_FIRST_NAMES } from './given-names.ts';
import { formsOf } from './normalise.ts';
import type { Scan } from './scan.ts';

/** A candidate reading of a name in the text: `weak` when it counts only with context. */
export interface Candidate {
  region: number;
  first: number;
  last: number;
  weak: boolean;
  /** Whether the name is one of the region's adjectives ("française"), not one of its names. */
  adjective: boolean;
  /** Whether the name is an abbreviation that is also a word ("Mo."), or a postal code ("NH"): see regions.ts. */
  abbreviation: Abbreviation;
}

export type { AdjectivePolicy } from './compiled.ts';

/** How a name abbreviates its place: with a dot ("Mo.") or as a postal code ("NH"); false if not. */
export type Abbreviation = false | 'dotted' | 'postal';

/** The title (segment 0) and text (segment 1) the scan read, for the characters between tokens. */
export type Segments = readonly [string, string];

// Names that are also common first names: followed by a capitalised word, a person ("Jordan
// Henderson", "Chad Smith", "Georgia O'Keeffe", "Florence Parly").
const FIRST_NAMES = new Set(
  'jordan chad georgia victoria florence sydney austin lincoln jackson orlando charlotte eugene marion madison dallas phoenix aurora savannah brooklyn adelaide camden chelsea virginia carolina salem troy elizabeth alexandria beverly lorraine vladimir kent nelson irving hassan salvador santiago brent norman hannibal juliet kobe halle kanye brittany lara odessa'.split(
    ' ',
  ),
);
// Particles of Arabic family names after a given name: "Hassan al-Senied", "Ali bin Hassan".
const NAME_PARTICLES = new FoldedSet(['al', 'el', 'bin', 'ibn', 'abu', 'ould', 'ag']);
// Capitalised words after a first name that make it a place again ("Jordan Valley", "Victoria Falls",
// "Ferguson Police").
const PLACE_WORDS = new Set(
  'valley river basin lake lakes falls harbour harbor haven airport city county state province region island islands bay street st square avenue road highway bridge station gulf sea coast beach border capital west east north south central national park canyon creek springs heights hills mount mountain mountains forest peninsula township borough village town district police dept department council mayor residents officials protest protests protesters school schools university college hospital museum library zoo'.split(
    ' ',
  ),
);
// Honorifics and titles before a name: "Dr Jordan", "President Morsi", "le ministre Lecornu".
const HONORIFICS = new Set(
  `mr mrs ms miss dr sir lady m mme mlle monsieur madame rep sen gov gen col sgt capt lt adm prof rev queen king prince princess reine roi
  president président presidente minister ministre chancellor premier mayor maire judge juge justice senator sénateur governor gouverneur
  pope pape sheikh cheikh emir émir sultan ayatollah general général colonel captain commander coach bishop évêque cardinal rabbi imam
  secretary secrétaire ambassador ambassadeur chairman detective sergeant lieutenant inspector commissioner
  lord baron baroness duke duchess earl countess dame`.split(/\s+/),
);
// Common given names (English, French, and others frequent in the news): before a place's name, the
// place is a surname ("Michael Jordan", "Denzel Washington", "Whitney Houston", "Jack London").
const CURATED_GIVEN_NAMES =
  `abdallah abdel abdullah ahmad ahmed ali bashar faisal hamid hasan hassan hussein hussain ibrahim ismail jamal karim khaled khalid mahmoud majid mohamad mohamed mohammad mohammed moustafa mustafa nasser omar osman samir tariq walid youssef yusuf ziad
  aaron adam adrian alan albert alex alexander alexandre alice alain amanda amy andrew andré andy angela anna anne anthony antoine antonio arnaud arthur ashley barbara ben benjamin benoît bernard beth betty bill billy bob bobby brad bradley brandon brian bruce bruno bryan carl carlos carol caroline catherine cathy charles charlie chris christian christine christophe christopher cindy claire claude colin craig cynthia damien dan daniel danny david dean deborah denis dennis denzel derek diana diane dominique don donald donna doug douglas dylan ed eddie edward elizabeth emily emma emmanuel eric erik ethan eugene éric fabien fernando florian francis françois frank fred frederick frédéric gary george gérard gilles glen glenn grace greg gregory guillaume guy harold harry heather helen henri henry howard hugo ian isabelle jack jacob jacques james jamie jane janet jason jean jeff jeffrey jennifer jeremy jerome jérôme jerry jessica jim jimmy joe joel john johnny jon jonathan jose joseph josh joshua julia julie julien justin karen kate katherine kathy keith kelly ken kenneth kevin kim kyle larry laura laurent lauren lee leo linda lisa louis luc lucas luke marc marco marcus margaret maria marie mark martin mary matt matthew maxime melissa michael michel michelle mike mohamed muhammad nancy nathan nick nicholas nicolas nicole noah olivier oliver pamela pascal patricia patrick paul peter philip philippe phil pierre rachel ralph randy raymond rebecca richard rick rob robert robin roger ron ronald rose roy russell ryan sam samuel sandra sarah scott sean sébastien sharon shawn stephen steve steven stéphane susan sylvie teresa terry thierry thomas tim timothy todd tom tony travis valérie vincent walter wayne whitney william willie yann yves zachary clark etienne étienne frederic georges johan karel leopold léopold marcel maurice manuel rene rené roland serge willy louise ray jay cal lew jonny curt`.split(
    /\s+/,
  );
/** The hand-made list: what the gazetteer's build reads town names against (a town named "David"). */
export const GIVEN_NAMES = new FoldedSet(CURATED_GIVEN_NAMES);
/**
 * Before a place's name, a given name makes it a surname: the hand-made list and Moby's English
 * given names (given-names.ts: "Simon Godfrey", "Maggy London", "Justina Ireland").
 */
const SURNAME_CUES = new FoldedSet([
  ...CURATED_GIVEN_NAMES,
  ...MORE_GIVEN_NAMES.split(/\s+/),
  // Initials the American press writes as given names: "AJ Kulp", "TJ Ford".
  ...'aj cj dj jj pj rj tj'.split(' '),
  // Romanised given names faker lists only in Cyrillic or kana ("Andriy Shevchenko", "Hiro Ito").
  ...`andriy andrii oleksiy aleksei alexey serhiy serhii dmitry dmytro yuriy yury mikhail mykhailo
  mykola vitaly vitaliy volodymyr ihor oleh pavlo yevgeny evgeny yevhen anatoly anatoliy vasyl
  gennady valeriy arseniy arseny yuliya nataliya oksana lyudmila halyna vadym kostiantyn grigory
  hryhoriy ramzan kassym nursultan hiro hiroshi takeshi koji yuki akira makoto satoshi shinzo
  junichiro yoshihiko naoto yukio fumio yoshihide shigeru haruki kazuo keiko ichiro shohei hideki
  masahiro tomohiro daisuke yusuke shinji kenta haruto yuto`.split(/\s+/),
]);
/** Given names that name only towns: before a capitalised word, a person's ("Alicia Souza"). */
const TOWN_FIRST = new FoldedSet(TOWN_FIRST_NAMES.split(/\s+/));
/** Given names that name places: before a place that is not theirs, a person's ("Tyler Delgado"). */
const PLACE_FIRST = new FoldedSet(PLACE_FIRST_NAMES.split(/\s+/));
// Words that make a name shared by a country and a state the state ("Georgia's governor").
const DIVISION_CUES = new Set(
  'governor governors gouverneur gouverneure legislature statehouse senator senators sénateur'.split(
    ' ',
  ),
);
// "City, State": the qualifier reads so in the press of these countries (Paris, Texas; London, Ontario).
const QUALIFYING_COUNTRIES = new Set(['united-states', 'canada', 'australia']);
const LIST_WORDS = new Set(['and', 'et', 'or', 'ou', '&']);
const QUALIFIER_WORDS = new Set(['in', 'dans', 'au', 'aux', 'en', 'le', 'la', 'les']);
// An adjective about language, cuisine or culture, not the state ("French cuisine", "la langue arabe").
const CULTURE_WORDS = foldedWords(
  'cuisine food wine wines language languages speaking speaker speakers accent fries toast dish dishes cooking cheese fashion literature music film films novel poetry translation translated subtitles dialect langue langues vin vins gastronomie mode littérature musique cinéma roman traduction traduit sous-titres dialecte accent parle parlent parler parlé couramment apprendre appris apprend enseigne version recette recettes pâtisserie moutarde salade gâteau yaourt peinture',
);
// After an adjective only (before it, "the pain of Syrian refugees"): a food, a breed, a style.
const CULTURE_NOUNS = foldedWords(
  'chard yogurt yoghurt oven ovens breakfast radish radishes dough pastry pastries bread dressing mustard salad sauce cake waffle waffles muffin muffins roast blend horn shepherd bulldog terrier mastiff poodle expressionist expressionism impressionist impressionism design usage spelling grammar word words recipe recipes dessert whisky whiskey vodka sausage roulette goddess god gods mythology restaurant restaurants cotton pie pies edition door doors evergreen script scripts alphabet style licorice liquorice cocktail cocktails',
);
const LANGUAGE_BEFORE = new FoldedSet(['in', 'en', 'speak', 'speaks', 'spoke', 'from', 'into']);
const ARTICLE_LE = new FoldedSet(['le']);

const SPACES = /^[ \u00a0\t]+$/;

const UPPER = 1;
const LOWER = -1;
const NO_CASE = 0;

/** A set of words written as one string, compared folded. */
function foldedWords(list: string): FoldedSet {
  return new FoldedSet(list.split(/\s+/));
}

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

  /** The token's length in characters, 0 outside the text: checked before anything is sliced. */
  length(token: number): number {
    if (token < 0 || token >= this.scan.tokenCount) return 0;
    return (this.scan.tokenEnd[token] as number) - (this.scan.tokenStart[token] as number);
  }

  /** The character code `offset` characters after the token, NaN past the end of its segment. */
  charAfter(token: number, offset = 0): number {
    const segment = this.segments[this.scan.tokenSegment[token] as number] ?? '';
    return segment.charCodeAt((this.scan.tokenEnd[token] as number) + offset);
  }

  /** The characters between token `a` and the next token, or null across segments. */
  between(a: number): string | null {
    const b = a + 1;
    if (b >= this.scan.tokenCount || this.scan.tokenSegment[a] !== this.scan.tokenSegment[b]) {
      return null;
    }
    const segment = this.segments[this.scan.tokenSegment[a] as number] ?? '';
    const gap = segment.slice(this.scan.tokenEnd[a], this.scan.tokenStart[b]);
    // Spaces doubled or non-breaking (pages extracted, pasted) read as one: "President  Alvaro Uribe".
    if (gap.length === 1) return gap === '\u00a0' ? ' ' : gap;
    // Most gaps of two characters or more open with punctuation (", "): no pattern is run on them.
    const first = gap.charCodeAt(0);
    if (first !== 0x20 && first !== 0xa0 && first !== 0x09) return gap;
    return SPACES.test(gap) ? ' ' : gap;
  }

  /**
   * Whether the token, `min` to `max` characters long, is in `set` lower-cased: `set.has(foldedIf(…))`
   * without slicing the many tokens that are in no set.
   */
  isIn(token: number, min: number, max: number, set: FoldedSet): boolean {
    const length = this.length(token);
    if (length < min || length > max) return false;
    const segment = this.segments[this.scan.tokenSegment[token] as number] ?? '';
    const start = this.scan.tokenStart[token] as number;
    return set.hasAt(segment, start, start + length);
  }

  /** The token lower-cased when it is `min` to `max` characters long, else '' (nothing sliced). */
  foldedIf(token: number, min: number, max: number): string {
    const length = this.length(token);
    return length >= min && length <= max ? this.folded(token) : '';
  }

  capitalised(token: number): boolean {
    return this.letterCase(token) === UPPER;
  }

  /** Whether the token starts with a lower-case letter (of a script that has case). */
  lowerCase(token: number): boolean {
    return this.letterCase(token) === LOWER;
  }

  /** The case of the token's first letter: UPPER, LOWER, or NO_CASE (Arabic, a digit, outside). */
  private letterCase(token: number): number {
    if (token < 0 || token >= this.scan.tokenCount) return NO_CASE;
    const segment = this.segments[this.scan.tokenSegment[token] as number] ?? '';
    const code = segment.charCodeAt(this.scan.tokenStart[token] as number);
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) return UPPER;
      return code >= 0x61 && code <= 0x7a ? LOWER : NO_CASE;
    }
    const first = String.fromCharCode(code);
    const lower = first.toLowerCase();
    const upper = first.toUpperCase();
    if (first !== lower && first === upper) return UPPER;
    return first !== upper && first === lower ? LOWER : NO_CASE;
  }

  /** The character code just before the token, NaN at the start of its segment. */
  charBefore(token: number): number {
    const segment = this.segments[this.scan.tokenSegment[token] as number] ?? '';
    return segment.charCodeAt((this.scan.tokenStart[token] as number) - 1);
  }

  /** The two characters before the token: "l'" of an elided article. */
  twoBefore(token: number): string {
    const segment = this.segments[this.scan.tokenSegment[token] as number] ?? '';
    const start = this.scan.tokenStart[token] as number;
    return segment.slice(Math.max(0, start - 2), start);
  }

  /**
   * Whether the token's segment is a headline in title case: most words capitalised, and at most
   * one lower-case word of 4 letters or more ("Jordan Bardella et Marine Le Pen ont tenu meeting"
   * is a sentence full of names, not a headline).
   */
  titleCase(token: number): boolean {
    const segment = this.scan.tokenSegment[token];
    let words = 0;
    let capitals = 0;
    let longLower = 0;
    for (let t = 0; t < this.scan.tokenCount && words < 40; t++) {
      if (this.scan.tokenSegment[t] !== segment) continue;
      words++;
      if (this.capitalised(t)) capitals++;
      else if (this.length(t) >= 4 && /^\p{Ll}/u.test(this.text(t))) longLower++;
    }
    return words >= 4 && capitals * 2 > words && longLower <= 1;
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
  let kept = dropPersonNames(matcher, words, candidates);
  kept = dropSaintsInstitutions(words, kept);
  kept = dropStreetNames(words, kept);
  kept = dropNamedThings(matcher, words, kept);
  kept = dropTeamNames(matcher, words, kept);
  kept = dropAcronyms(matcher, words, kept);
  kept = dropPronounUs(words, kept);
  kept = dropCompoundParts(matcher, words, kept);
  kept = dropLowercase(words, kept);
  confirmAbbreviations(words, kept);
  weakenNamesOfThings(matcher, words, kept);
  kept = applyQualifiers(matcher, words, kept);
  kept = applyDivisionCues(matcher, words, kept);
  confirmAfterA(words, kept);
  if (adjectives !== 'always') kept = filterAdjectives(matcher, words, kept, adjectives);
  return preferSupported(matcher, kept);
}

/** Of the first tokens of a segment, the share that must be capitalised for it to be read as cased. */
const CASED_SHARE = 0.05;
const CASED_SAMPLE = 200;

/**
 * A place's name written in lower case in a text that writes names with capitals is a word: "a
 * pleasant surprise" (Surprise, Arizona), "independence" (Missouri), "western region" (Iceland's
 * Vesturland), "an abusive moron" (Morón). In 621 news pages of L3S-GN1, 50 of the 60 such
 * readings were words (BENCHMARKS.md); even with its country named, "surprise" is no place, so
 * the reading goes. Adjectives are lower case in French ("l'armée irakienne"), and a text all in
 * lower case (a tweet, a corpus lower-cased on purpose) gives no such hint: both are kept.
 */
function dropLowercase(words: Words, candidates: Candidate[]): Candidate[] {
  let cased: boolean[] | undefined;
  let dropped: Set<Candidate> | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (c.adjective) continue;
    // Arabic, Chinese and other scripts without case say nothing either way.
    if (!words.lowerCase(c.first)) continue;
    let capital = false;
    for (let t = c.first; t <= c.last && !capital; t++) capital = words.capitalised(t);
    // A name opening in lower case ("east Jerusalem") gives way to a name that starts inside it and
    // runs past it: "western North America" is not Ghana's Western North.
    // "new England coach": "new" in lower case is the adjective, not New England's.
    if (capital && !overlapped(candidates, i) && words.folded(c.first) !== 'new') continue;
    cased ??= casedSegments(words);
    if (!cased[words.scan.tokenSegment[c.first] as number]) continue;
    dropped ??= new Set();
    dropped.add(c);
  }
  const gone = dropped;
  return gone ? candidates.filter((c) => !gone.has(c)) : candidates;
}

/**
 * Whether another candidate starts inside the name of candidate `i` and ends after it. Candidates
 * come sorted by first token (keepLongestMentions): only the next few are read, so that a text of
 * many names costs no more than its names.
 */
function overlapped(candidates: Candidate[], i: number): boolean {
  const c = candidates[i] as Candidate;
  for (let j = i + 1; j < candidates.length; j++) {
    const other = candidates[j] as Candidate;
    if (other.first > c.last) break;
    if (other.first > c.first && other.last > c.last) return true;
  }
  return false;
}

/** The readings of candidate `i`'s name (its span), its neighbours in the sorted list. */
function readingsOf(candidates: Candidate[], i: number): Candidate[] {
  const c = candidates[i] as Candidate;
  let start = i;
  while (start > 0 && sameSpan(candidates[start - 1] as Candidate, c)) start--;
  let end = i + 1;
  while (end < candidates.length && sameSpan(candidates[end] as Candidate, c)) end++;
  return candidates.slice(start, end);
}

/** Per segment (title, text): whether enough of its first words start with a capital. */
function casedSegments(words: Words): boolean[] {
  const tokens = [0, 0];
  const capitals = [0, 0];
  for (let t = 0; t < words.scan.tokenCount; t++) {
    const segment = words.scan.tokenSegment[t] as number;
    // The title's tokens come first: once the text's sample is read, nothing is left to count.
    if ((tokens[segment] ?? 0) >= CASED_SAMPLE) {
      if (segment === 1) break;
      continue;
    }
    tokens[segment] = (tokens[segment] ?? 0) + 1;
    if (words.capitalised(t)) capitals[segment] = (capitals[segment] ?? 0) + 1;
  }
  return tokens.map((count, segment) => (capitals[segment] ?? 0) > count * CASED_SHARE);
}

/** A person's name is no place: "Jordan Henderson" names neither Jordan nor Henderson, Nevada. */
function dropPersonNames(matcher: Matcher, words: Words, candidates: Candidate[]): Candidate[] {
  let people: Set<number> | undefined;
  let surnames: Set<string> | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    const article = isArticleAndWord(words, c);
    const afterPlace = !article && isSurnameAfterPlaceName(matcher, words, candidates, i);
    const surname = afterPlace || (!article && isSurname(words, c));
    if (!article && !surname && !isPersonName(matcher, words, candidates, i)) continue;
    people ??= new Set();
    // "Tyler Delgado": Tyler is no more a place than Delgado.
    if (afterPlace) people.add(c.first - 1);
    // A first name takes the word after it along (Henderson of "Jordan Henderson"); a surname, or
    // an article and a word, only themselves ("Ilona Richardson, Coeur d'Alene"; "Le port d'Odessa").
    const last = article || surname ? c.last : c.last + 1;
    for (let t = c.first; t <= last; t++) people.add(t);
    if (article) continue;
    surnames ??= new Set();
    // The surname: the name itself, or the capitalised word after a first name ("President Morsi
    // said" takes "said" along, and Morsi is the surname).
    surnames.add(words.folded(last > c.last && words.capitalised(last) ? last : c.last));
  }
  if (!people) return candidates;
  const names = people;
  const known = surnames ? placesNamedAsPeople(matcher, words, candidates, names, surnames) : null;
  return candidates.filter(
    (c) =>
      !names.has(c.first) && !(known && c.first === c.last && known.has(words.folded(c.first))),
  );
}

const SAINTS = new FoldedSet(['st', 'saint', 'ste']);
const SAINTS_INSTITUTIONS = foldedWords(
  'church cathedral hospital school college university academy chapel abbey basilica parish priory convent seminary infirmary day catholic anglican episcopal primary elementary medical',
);

/**
 * A saint's name in the possessive before a church, a school or a hospital names the institution:
 * "St Mary's church in Auckland" is not Jamaica's parish of St Mary. "St. Louis's mayor" stays.
 */
function dropSaintsInstitutions(words: Words, candidates: Candidate[]): Candidate[] {
  return keepUnless(candidates, (c) => {
    if (c.first === c.last || !words.isIn(c.first, 2, 5, SAINTS)) return false;
    const apostrophe = words.charAfter(c.last);
    if (apostrophe !== 0x27 && apostrophe !== 0x2019) return false;
    // The scan cuts the possessive off the word: the institution is the next token.
    const s = words.charAfter(c.last, 1);
    return (s === 0x73 || s === 0x53) && words.isIn(c.last + 1, 3, 12, SAINTS_INSTITUTIONS);
  });
}

const STREETS = foldedWords('road street avenue ave lane boulevard blvd drive');

/**
 * A place's name before "Road", "Street", "Avenue"... names a street, wherever it runs: "the Dublin
 * Road on the outskirts of Omagh" is in Northern Ireland, "Bloomfield Road" a ground in Blackpool.
 */
function dropStreetNames(words: Words, candidates: Candidate[]): Candidate[] {
  return keepUnless(
    candidates,
    (c) =>
      (words.charAfter(c.last) === 0x20 &&
        words.capitalised(c.last + 1) &&
        words.between(c.last) === ' ' &&
        words.isIn(c.last + 1, 3, 9, STREETS)) ||
      atCorner(words, c),
  );
}

const CORNERS = foldedWords('corner corners intersection');
const OF = foldedWords('of');

/** "on the corner of Bedford and Brighton": two streets, wherever towns of their names lie. */
function atCorner(words: Words, c: Candidate): boolean {
  let t = c.first - 1;
  for (let n = 0; n < 5 && t > 0; n++, t--) {
    // Read on the token's first letter before its gap is sliced: most names follow a word in
    // lower case.
    if (words.isIn(t, 2, 2, OF))
      return words.between(t) === ' ' && words.isIn(t - 1, 6, 12, CORNERS);
    if (!words.capitalised(t) && !words.isIn(t, 1, 3, LIST_FOLDED)) return false;
    if (words.between(t) !== ' ') return false;
  }
  return false;
}

// Words after a place's name that make the whole a company's ("Energy XXI Bermuda Ltd"), an
// agreement's ("the Paris Agreement", "the Kyoto Protocol") or a university's ("Boston
// University", "Boston College").
const COMPANY_SUFFIXES = foldedWords('ltd limited inc incorporated corp llc plc gmbh holdings');
const AGREEMENTS = foldedWords(
  'agreement agreements accord accords protocol protocols convention conventions treaty consensus',
);
const UNIVERSITIES = foldedWords('university college');
const UNIVERSITY_OF = foldedWords('university universities');

/**
 * A place's name inside the name of a company, an agreement or a university names that thing, not
 * the place: "Energy XXI Bermuda Ltd", "the Paris Agreement", "the University of Illinois Chicago",
 * "Boston College". A country stays before an agreement ("the Iran Accord" is about Iran).
 */
function dropNamedThings(matcher: Matcher, words: Words, candidates: Candidate[]): Candidate[] {
  return keepUnless(candidates, (c) => {
    if (c.adjective) return false;
    const next = c.last + 1;
    const after = words.charAfter(c.last);
    if ((after === 0x20 || after === 0x2c) && words.capitalised(next)) {
      const before = words.between(c.last);
      if ((before === ' ' || before === ', ') && words.isIn(next, 2, 12, COMPANY_SUFFIXES)) {
        return true;
      }
      if (before === ' ') {
        if (words.isIn(next, 6, 11, AGREEMENTS) && !isTop(matcher, c.region)) return true;
        if (words.isIn(next, 7, 10, UNIVERSITIES)) return true;
      }
    }
    return inUniversityName(words, c) || ofAmerica(words, c);
  });
}

const AMERICA = foldedWords('america');
const STATES = foldedWords('states');

/**
 * "Nintendo of America", "Boy Scouts of America": the country is "the United States"; a capitalised
 * word and "of" before "America" make an organisation's name (as "Bank of America" in not-places).
 */
function ofAmerica(words: Words, c: Candidate): boolean {
  return (
    c.first === c.last &&
    words.isIn(c.first, 7, 7, AMERICA) &&
    words.isIn(c.first - 1, 2, 2, OF) &&
    words.between(c.first - 1) === ' ' &&
    words.between(c.first - 2) === ' ' &&
    words.capitalised(c.first - 2) &&
    !words.isIn(c.first - 2, 6, 6, STATES)
  );
}

/**
 * "the University of Illinois Chicago": every capitalised name after "University of"; not a place
 * after a word in lower case ("the University of Texas at Austin" is in Austin).
 */
function inUniversityName(words: Words, c: Candidate): boolean {
  let t = c.first - 1;
  for (let n = 0; n < 4 && t > 0; n++, t--) {
    if (words.isIn(t, 2, 2, OF)) {
      return words.between(t) === ' ' && words.isIn(t - 1, 10, 12, UNIVERSITY_OF);
    }
    if (!words.capitalised(t) || words.between(t) !== ' ') return false;
  }
  return false;
}

// Plurals after a place's name that are no team: "the Florida Keys", "the Yorkshire Dales".
const NOT_TEAMS = foldedWords(
  'keys dales downs broads fields flats plains rapids sands shores woods glades highlands lowlands midlands wetlands islands isles levels rockies forces troops veterans rebels militants fighters measles',
);
// Words after a city's name that make it a club's: "Manchester United", "Bolton Wanderers".
const CLUB_AFTER = foldedWords('united fc afc rovers wanderers athletic albion hotspur');
// Words before a city's name that make it a club's: "Werder Bremen", "PSV Eindhoven", "FC Porto".
const CLUB_BEFORE = foldedWords(
  'fc ac afc real werder psv bayern borussia atletico atlético inter olympique sporting dynamo dinamo spartak lokomotiv hertha eintracht',
);

/**
 * A sports club is no place (our annotators', GeoCorpora's and analysts' reading): a place's name
 * before a capitalised plural ("the Edmonton Oilers", "Toronto Maple Leafs") or a club's word
 * ("Manchester United", "PSV Eindhoven"). A country stays: a national team counts. The city's name
 * alone stays too: "Edmonton, which has dropped six straight" is the club, but taking every
 * "Edmonton" of such a text for it lost 0.005 on the news texts only scored.
 */
function dropTeamNames(matcher: Matcher, words: Words, candidates: Candidate[]): Candidate[] {
  return keepUnless(
    candidates,
    (c) => !c.adjective && !isTop(matcher, c.region) && isTeamName(words, c),
  );
}

function isTeamName(words: Words, c: Candidate): boolean {
  const next = c.last + 1;
  if (
    words.charAfter(c.last) === 0x20 &&
    words.capitalised(next) &&
    words.between(c.last) === ' '
  ) {
    // In a headline in title case, every word is capitalised: "California Measles Outbreak".
    if (words.isIn(next, 2, 9, CLUB_AFTER)) return !words.titleCase(c.first);
    // "Toronto Maple Leafs", "Boston Red Sox": one capitalised word may come first.
    const plural = isPlural(words, next)
      ? next
      : words.between(next) === ' ' &&
          !PLACE_WORDS.has(words.folded(next)) &&
          isPlural(words, next + 1)
        ? next + 1
        : -1;
    if (plural !== -1 && isTeamPlural(words, plural)) return !words.titleCase(c.first);
  }
  return (
    words.capitalised(c.first - 1) &&
    words.isIn(c.first - 1, 2, 9, CLUB_BEFORE) &&
    words.between(c.first - 1) === ' '
  );
}

function isTeamPlural(words: Words, token: number): boolean {
  const folded = words.folded(token);
  return (
    !PLACE_WORDS.has(folded) &&
    !words.isIn(token, 5, 14, EVENTS) &&
    !words.isIn(token, 4, 12, NOT_TEAMS) &&
    !words.isIn(token, 3, 11, THINGS) &&
    !words.isIn(token, 4, 11, ORGANISATION_WORDS)
  );
}

/**
 * "the Miami Herald", "the Calgary Flames", "the Jamestown Foundation": after "the", a place's name
 * before a paper's or a body's word, or a capitalised plural (a team), names that thing, which
 * counts for the place only where the text is otherwise about its country. Not a country, nor
 * before a word that makes it a place ("the Ohio River", "the Houston Police"). Every capitalised
 * word was tried: "the San Francisco Earthquake", "the London Beer Flood" are events there, and
 * GeoCorpora lost 0.003.
 */
function weakenNamesOfThings(matcher: Matcher, words: Words, candidates: Candidate[]): void {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (c.weak || c.adjective || !words.capitalised(c.first)) continue;
    if (words.folded(c.first - 1) !== 'the' || words.between(c.first - 1) !== ' ') continue;
    const next = c.last + 1;
    if (words.between(c.last) !== ' ' || !words.capitalised(next)) continue;
    if (!words.isIn(next, 3, 11, THINGS) && !isPlural(words, next)) continue;
    if (PLACE_WORDS.has(words.folded(next)) || words.isIn(next, 5, 14, EVENTS)) continue;
    if (isTop(matcher, c.region)) continue;
    // A name of several readings is left to them: weakened, "the Washington Times" was the state's.
    if (readingsOf(candidates, i).length > 1) continue;
    c.weak = true;
  }
}
/** A capitalised plural: a team's name ("the Calgary Flames", "the Boston Bruins"). */
function isPlural(words: Words, token: number): boolean {
  const length = words.length(token);
  // Read on its last two letters, in place: charAfter(token, -1) is the last.
  return (
    length >= 5 &&
    words.charAfter(token, -1) === 0x73 &&
    words.charAfter(token, -2) !== 0x73 &&
    words.capitalised(token)
  );
}
// Plurals that name what happened there: "the Beijing Games", "the London Olympics".
const EVENTS = foldedWords(
  'games olympics paralympics talks protests riots attacks bombings killings shootings floods elections hearings trials championships finals negotiations conventions accords',
);
// Papers and bodies named after their town: "the Miami Herald", "the Jamestown Foundation".
const THINGS = foldedWords(
  'herald post times tribune globe journal star sun daily chronicle gazette examiner observer standard telegraph courier record register reporter inquirer bee foundation institute society association council company corporation group club symphony orchestra opera ballet',
);

// Words before a name that make it a place: "in Houston", "from Bangkok", "à Lyon".
const LOCATIVES = new FoldedSet(
  'in at from near to into across outside inside around à au aux en dans près vers depuis'.split(
    ' ',
  ),
);

/**
 * Once named in full, a person is named by the surname alone: "Mohamed Morsi… President Morsi…
 * Morsi said" (one sense per text). Not a country ("Michael Jordan" and Jordan the kingdom), nor a
 * name the text also writes as a place: after "in", "at", "from"…, beside a comma and a capital
 * ("Austin, TX"; "Tucson, Arizona"), or opening a line ("WASHINGTON -- NASA's plan").
 */
function placesNamedAsPeople(
  matcher: Matcher,
  words: Words,
  candidates: Candidate[],
  people: Set<number>,
  surnames: Set<string>,
): Set<string> {
  const known = new Set<string>();
  const placed = new Set<string>();
  for (const c of candidates) {
    if (c.first !== c.last || people.has(c.first)) continue;
    if ((matcher.regions[c.region]?.parent ?? -1) === -1) continue;
    const name = words.folded(c.first);
    if (!surnames.has(name)) continue;
    const after = words.between(c.last);
    const before = words.between(c.first - 1);
    if (
      words.isIn(c.first - 1, 1, 7, LOCATIVES) ||
      ((after === ', ' || after === ',') && words.capitalised(c.last + 1)) ||
      ((before === ', ' || before === ',') && words.capitalised(c.first - 1)) ||
      opensLine(words, c.first)
    ) {
      placed.add(name);
    } else {
      known.add(name);
    }
  }
  for (const name of placed) known.delete(name);
  return known;
}

function isPersonName(matcher: Matcher, words: Words, candidates: Candidate[], i: number): boolean {
  const c = candidates[i] as Candidate;
  const honorific = words.length(c.first - 1);
  if (
    honorific > 0 &&
    honorific <= 13 &&
    words.capitalised(c.first - 1) &&
    HONORIFICS.has(words.folded(c.first - 1)) &&
    words.capitalised(c.first) &&
    isSpaced(words, c.first - 1)
  ) {
    return true;
  }
  // The first names are 4 to 12 letters long: most names are left before anything is sliced.
  const length = words.length(c.first);
  if (c.first !== c.last || length < 4 || length > 12) return false;
  const next = c.last + 1;
  // "Hassan al-Senied", "Omar bin Laden": a given name before the particle of a family name.
  // The particle first: the given-name lists are large, and most names are followed by none.
  if (
    words.isIn(next, 2, 4, NAME_PARTICLES) &&
    words.between(c.last) === ' ' &&
    (words.between(next) === '-' || words.between(next) === ' ') &&
    words.capitalised(next + 1) &&
    (FIRST_NAMES.has(words.folded(c.first)) ||
      words.isIn(c.first, 2, 13, SURNAME_CUES) ||
      words.isIn(c.first, 2, 13, TOWN_FIRST))
  ) {
    return true;
  }
  // A capitalised word one space after: tested on characters first, most place names have none.
  if (words.charAfter(c.last) !== 0x20 || !words.capitalised(next)) return false;
  if (words.between(c.last) !== ' ') return false;
  const curated = FIRST_NAMES.has(words.folded(c.first));
  // A town named like a person ("Alicia Souza", "Sebastian Vettel"), unless a place follows; a
  // city or a division of a hand-made given name too ("Brandon Marshall", "Nancy Hopkins"), but
  // no country. Not the given names that also name places ("London Heathrow", "Florida Gov.").
  if (
    !curated &&
    !words.isIn(c.first, 4, 12, TOWN_FIRST) &&
    (!words.isIn(c.first, 4, 12, SURNAME_CUES) ||
      readingsOf(candidates, i).some((r) => isTop(matcher, r.region)))
  ) {
    return false;
  }
  for (let j = i + 1; j < candidates.length; j++) {
    const other = candidates[j] as Candidate;
    if (other.first > next) break;
    if (other.first !== next) continue;
    if (!curated) return false;
    // The country or state of one of its readings after the name qualifies it: "Austin Texas",
    // "Florence Italy"; not "Georgia Hesse" nor "Elizabeth France".
    const within = (reading: Candidate) => lineage(matcher, reading.region).includes(other.region);
    if (readingsOf(candidates, i).some(within)) return false;
  }
  // An acronym after the name is no surname ("Kent PCC", "Israel STARTED"); in a line of capitals,
  // a town's given name before a word in capitals still is one ("AMOS GILBOA IN ISRAEL'S MA'ARIV").
  const capitals = (token: number) => words.text(token) === words.text(token).toUpperCase();
  if (capitals(next) && (curated || !capitals(c.first))) return false;
  if (PLACE_WORDS.has(words.folded(next)) || words.titleCase(c.first)) return false;
  return true;
}

/** A place's one-word name after a given name and a space is a surname: "Rep. Jim Jordan". */
function isSurname(words: Words, c: Candidate): boolean {
  if (c.first !== c.last || !words.capitalised(c.first)) return false;
  // After a middle initial, the given name before it: "Thomas F. Birmingham", "Samuel L. Jackson".
  const initial = c.first - 1;
  const skip = words.length(initial) === 1 && words.between(initial) === '. ' ? 1 : 0;
  if (skip === 1 && !words.capitalised(initial)) return false;
  const given = c.first - 1 - skip;
  if (skip === 1) {
    if (words.between(given) !== ' ' || !words.capitalised(given)) return false;
    return words.isIn(given, 2, 13, SURNAME_CUES) || words.isIn(given, 2, 13, PLACE_FIRST);
  }
  // The given names are 2 to 13 letters long: most tokens are left before anything is sliced.
  if (words.charBefore(c.first) !== 0x20 || !words.capitalised(given)) return false;
  if (words.between(given) !== ' ') return false;
  // A name in capitals after one that is not opens a dateline: "By Francois Murphy PARIS, Jan 8".
  if (isCapitals(words, c.first, 2, 40) && !isCapitals(words, given, 2, 40)) return false;
  if (words.isIn(given, 2, 13, SURNAME_CUES)) return true;
  // A given name with accents ("María Ramos", "Zoë Kravitz") is listed folded.
  const length = words.length(given);
  if (length > 13) return false;
  const text = words.text(given);
  if (isAsciiAt(text, 0, length)) return false;
  const { folded } = formsOf(text);
  return SURNAME_CUES.hasAt(folded, 0, folded.length);
}

/**
 * A place after a given name that names a place ("Tyler", "Claudio", "Brent") is a surname unless
 * the two are a place and its own state or town ("Aurora Colorado", "Salem Oregon"): "Tyler
 * Delgado" names neither Tyler, Texas, nor Delgado, El Salvador. Not when either is a country or a
 * state ("Chad Sudan", "Victoria Tasmania" in a list).
 */
function isSurnameAfterPlaceName(
  matcher: Matcher,
  words: Words,
  candidates: Candidate[],
  i: number,
): boolean {
  const c = candidates[i] as Candidate;
  if (c.first !== c.last || c.adjective || !words.capitalised(c.first)) return false;
  const given = c.first - 1;
  if (words.charBefore(c.first) !== 0x20 || !words.capitalised(given)) return false;
  if (words.between(given) !== ' ' || !words.isIn(given, 4, 13, PLACE_FIRST)) return false;
  if (isCapitals(words, c.first, 2, 40) !== isCapitals(words, given, 2, 40)) return false;
  // Every reading of either name: "Virginia" is also a town of South Africa, and the state's.
  const own = readingsOf(candidates, i);
  const before: Candidate[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const other = candidates[j] as Candidate;
    if (other.first < given) break;
    if (other.first !== given) continue;
    // A longer name opens on the given name ("Aurora Colorado Springs"): not a person's.
    if (other.last !== given) return false;
    before.push(other);
  }
  for (const reading of [...own, ...before]) {
    if (isCountryOrState(matcher, reading.region)) return false;
  }
  for (const a of before) {
    const up = lineage(matcher, a.region);
    for (const b of own) {
      if (up.includes(b.region) || lineage(matcher, b.region).includes(a.region)) return false;
    }
  }
  return true;
}

/**
 * The candidates but those `drops` says go, each asked against the whole list; the same array
 * when none goes (most texts).
 */
function keepUnless(candidates: Candidate[], drops: (c: Candidate) => boolean): Candidate[] {
  let gone: Set<Candidate> | undefined;
  for (const c of candidates) {
    if (!drops(c)) continue;
    gone ??= new Set();
    gone.add(c);
  }
  const dropped = gone;
  return dropped ? candidates.filter((c) => !dropped.has(c)) : candidates;
}

/** A country or a group: a region with no parent. */
function isTop(matcher: Matcher, region: number): boolean {
  return (matcher.regions[region]?.parent ?? -1) === -1;
}

/** A country, a group or a first-level division: a state, a province. */
function isCountryOrState(matcher: Matcher, region: number): boolean {
  const parent = matcher.regions[region]?.parent ?? -1;
  return parent === -1 || (matcher.regions[parent]?.parent ?? -1) === -1;
}

/**
 * A word of 2 to 4 capitals among words in lower case is an acronym, not the place whose name it
 * spells: "ISNA" (Iran's news agency) is not Isna in Egypt, "NAIC" not Naic in the Philippines,
 * "UVA" not Uva in Russia, "IMO" not Imo State. The gazetteer spells the acronyms it means
 * case-sensitively ("UAE", "NSW", "FATA"): those stay. So do countries ("IRAN" in a tweet), a
 * hashtag ("#GAZA"), a dateline opening its line ("GAZA (AP) —") and words in capitals.
 */
function dropAcronyms(matcher: Matcher, words: Words, candidates: Candidate[]): Candidate[] {
  return keepUnless(candidates, (c) => {
    if (c.first !== c.last || !isCapitals(words, c.first, 2, 4)) return false;
    if (isTop(matcher, c.region)) return false;
    if (words.charBefore(c.first) === 0x23 || (opensLine(words, c.first) && isDateline(words, c))) {
      return false;
    }
    if (isCapitals(words, c.first - 1, 2, 40) || isCapitals(words, c.last + 1, 2, 40)) return false;
    return !matcher.casedWords.has(words.text(c.first));
  });
}

// Words before "US" in capitals that make it the pronoun: "CONTACT US", "JOIN US TODAY", "LET US".
const PRONOUN_CUES = new FoldedSet(
  'contact join follow email call help let tell show give send visit about with for to among like'.split(
    ' ',
  ),
);

const AFTER_PRONOUN = new FoldedSet('at on in to for and or now today here'.split(' '));

/** "US" after a verb or a preposition in capitals is "us": "PLEASE CONTACT US AT…", not the country. */
function dropPronounUs(words: Words, candidates: Candidate[]): Candidate[] {
  return keepUnless(candidates, (c) => {
    if (c.first !== c.last || words.length(c.first) !== 2 || words.text(c.first) !== 'US') {
      return false;
    }
    const before = c.first - 1;
    if (!isCapitals(words, before, 2, 7) || !words.isIn(before, 2, 7, PRONOUN_CUES)) return false;
    // A noun in capitals after it makes it the adjective: "SUPPORT FOR US TROOPS".
    const next = c.last + 1;
    const adjective =
      words.between(c.last) === ' ' &&
      isCapitals(words, next, 2, 40) &&
      !words.isIn(next, 2, 5, AFTER_PRONOUN);
    return !adjective;
  });
}

/** Whether only spaces stand between the token and the start of its line. */
function opensLine(words: Words, token: number): boolean {
  const segment = words.segments[words.scan.tokenSegment[token] as number] ?? '';
  for (let i = (words.scan.tokenStart[token] as number) - 1; i >= 0; i--) {
    const code = segment.charCodeAt(i);
    if (code === 0x0a) return true;
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false;
  }
  return true;
}

/**
 * After a name opening its line: a comma, a colon ("PUNE: The police…"), a bracket or a dash, or the
 * end of the line: "GAZA (AP) —", "OSLO, Dec. 10", "KIEV" alone on its line.
 */
function isDateline(words: Words, c: Candidate): boolean {
  let offset = 0;
  while (words.charAfter(c.last, offset) === 0x20) offset++;
  const next = words.charAfter(c.last, offset);
  if (Number.isNaN(next) || next === 0x0a || next === 0x0d) return true;
  // Not a hyphen: "IBA - Ion Beam Analysis" is a glossary's line.
  if (next === 0x28 || next === 0x2013 || next === 0x2014) return offset > 0;
  return offset === 0 && (next === 0x2c || next === 0x3a);
}

/** Whether the token is `min` to `max` letters A–Z, all capitals (checked before anything is sliced). */
function isCapitals(words: Words, token: number, min: number, max: number): boolean {
  const length = words.length(token);
  if (length < min || length > max) return false;
  const segment = words.segments[words.scan.tokenSegment[token] as number] ?? '';
  const start = words.scan.tokenStart[token] as number;
  for (let i = start; i < start + length; i++) {
    const code = segment.charCodeAt(i);
    if (code < 0x41 || code > 0x5a) return false;
  }
  return true;
}

const ARTICLES = new FoldedSet(['la', 'le', 'les', 'des', 'the', 'el', 'al']);

/**
 * An article and words in lower case are no name, though a place is called so: "La source"
 * opening a sentence is not La Source (Monaco), "The hill" not The Hill, "Des plaines inondées"
 * not Des Plaines (Illinois), "Des moines" not Des Moines.
 */
function isArticleAndWord(words: Words, c: Candidate): boolean {
  if (c.last === c.first || !words.isIn(c.first, 2, 3, ARTICLES)) return false;
  for (let t = c.first + 1; t <= c.last; t++) if (!words.lowerCase(t)) return false;
  return true;
}

const HYPHEN = 0x2d;
const PREFIXES = new Set('pro anti ex non post pre pré neo néo mid super ultra'.split(' '));

/**
 * A place below the countries after a capitalised word and a hyphen, a word that names nothing,
 * is the end of a longer name the gazetteer lacks: "Hénin-Beaumont" is not Beaumont (Texas),
 * "Chatham-Kent" not Kent. Countries stay ("Hamas-Israel war"), two places joined ("Gaza-Israel"),
 * a prefix ("Pro-Moscow"), a place before the hyphen ("Seattle-Tacoma") and a party tag ("R-Ohio").
 */
function dropCompoundParts(matcher: Matcher, words: Words, candidates: Candidate[]): Candidate[] {
  let parts: Set<number> | undefined;
  let span = -1;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (words.charBefore(c.first) !== HYPHEN || c.adjective) continue;
    if ((matcher.regions[c.region]?.parent ?? -1) === -1) continue;
    const glued = c.first - 1;
    if (words.between(glued) !== '-' || !words.capitalised(glued)) continue;
    if (PREFIXES.has(words.foldedIf(glued, 2, 5)) || isPartyTag(words, glued)) continue;
    // A name that holds the word before the hyphen starts at most the longest name's length before.
    if (span < 0) for (const other of candidates) span = Math.max(span, other.last - other.first);
    let named = false;
    for (let j = i - 1; j >= 0 && !named; j--) {
      const other = candidates[j] as Candidate;
      if (other.first < glued - span) break;
      named = other.first <= glued && other.last >= glued;
    }
    if (named) continue;
    parts ??= new Set();
    parts.add(c.first);
  }
  if (!parts) return candidates;
  const gone = parts;
  return candidates.filter((c) => !gone.has(c.first));
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

/**
 * The readings of each name: candidates come sorted by span (keepLongestMentions), so the readings
 * of one span are side by side.
 */
function bySpan(candidates: Candidate[]): Candidate[][] {
  const spans: Candidate[][] = [];
  let last: Candidate | undefined;
  for (const c of candidates) {
    if (last && last.first === c.first && last.last === c.last) spans[spans.length - 1]?.push(c);
    else spans.push([c]);
    last = c;
  }
  return spans;
}

/** Where the qualifier starts after "X, ": past a preposition ("Paris, au Texas", "London, dans l'Ontario"). */
function qualifierStart(words: Words, token: number): number {
  let t = token;
  while (t < token + 2 && QUALIFIER_WORDS.has(words.foldedIf(t, 2, 4))) t++;
  return t;
}

function sameSpan(a: Candidate, b: Candidate): boolean {
  return a.first === b.first && a.last === b.last;
}

/** Whether some name has several readings (most articles: none). */
function hasHomonyms(candidates: Candidate[]): boolean {
  for (let i = 1; i < candidates.length; i++) {
    const a = candidates[i - 1] as Candidate;
    const b = candidates[i] as Candidate;
    if (a.first === b.first && a.last === b.last) return true;
  }
  return false;
}

/**
 * "X, Y" where Y is a place: the readings of X inside Y win ("Alexandria, Virginia"); when none is
 * and Y is a state or province of a country whose press writes "City, State", X is some other
 * place in Y and counts for none of its readings ("Paris, Texas"), unless a list goes on after Y.
 */
function applyQualifiers(matcher: Matcher, words: Words, candidates: Candidate[]): Candidate[] {
  let dropped: Set<Candidate> | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const x = candidates[i] as Candidate;
    const after = words.charAfter(x.last);
    // ',' or ' (': checked on characters, since most names have neither after them.
    if (after !== 0x2c && (after !== 0x20 || words.charAfter(x.last, 1) !== 0x28)) continue;
    const gap = words.between(x.last);
    if (gap !== ', ' && gap !== ',' && gap !== ' (') continue;
    // Sorted by span: the readings of X are from i on, those of the name after it follow.
    let end = i + 1;
    while (end < candidates.length && sameSpan(candidates[end] as Candidate, x)) end++;
    const readings = candidates.slice(i, end);
    i = end - 1;
    const yFirst = qualifierStart(words, x.last + 1);
    const ys: Candidate[] = [];
    for (let k = end; k < candidates.length; k++) {
      const c = candidates[k] as Candidate;
      if (c.first > yFirst) break;
      if (c.first === yFirst && !c.adjective) ys.push(c);
    }
    if (ys.length === 0) continue;
    dropped ??= new Set();
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
    // A name that follows another place's and a comma is an item of a list: "salons in Seoul,
    // Nairobi, New York" do not put Nairobi in New York.
    if (followsListedPlace(words, candidates, i)) continue;
    const states = ys.some((y) => {
      const parent = matcher.regions[y.region]?.parent ?? -1;
      const id = parent === -1 ? '' : (matcher.regions[parent]?.id ?? '');
      return !y.weak && QUALIFYING_COUNTRIES.has(id);
    });
    // "Queenstown, New Zealand": a town after which its country is named is a town there, not
    // South Africa's Queenstown. Not a country before a country ("Kenya, Uganda"), not in a list
    // ("Arkansas, Georgia, Kentucky"), not before a country's name that is also a state's.
    const y = ys[0] as Candidate;
    const listed = (words.between(yLast) ?? '').startsWith(',') && words.capitalised(yLast + 1);
    const country =
      ys.length === 1 &&
      !y.weak &&
      isTop(matcher, y.region) &&
      !listed &&
      !readings.some((r) => isTop(matcher, r.region));
    if (states || country) {
      for (const r of readings) dropped.add(r);
    }
  }
  const gone = dropped;
  return !gone || gone.size === 0 ? candidates : candidates.filter((c) => !gone.has(c));
}

/** Whether the candidate at `i` comes right after another place's name and a comma. */
function followsListedPlace(words: Words, candidates: Candidate[], i: number): boolean {
  const x = candidates[i] as Candidate;
  const gap = words.between(x.first - 1);
  if (gap !== ', ' && gap !== ',') return false;
  for (let j = i - 1; j >= 0; j--) {
    const other = candidates[j] as Candidate;
    if (other.last === x.first - 1) return true;
    if (other.last < x.first - 4) return false;
  }
  return false;
}

const DOT = 0x2e;
const PARTIES = new Set(['D', 'R', 'I']);

/**
 * A state's abbreviation that is also a word or a name ("Mo.", "Ga.", "Ill.", "Ont."; `~=Mo.` in
 * the curation) counts where the press writes it: with its dot, after "Town, " ("Ferguson, Mo.",
 * a dateline) or in a party tag ("Sen. Rand Paul, R-Ky."). A postal code ("NH", "IN", "MD") is
 * also initials and a word in capitals: it counts only after a place's name and before no other
 * capitalised word ("Concord, NH 03301", "Hanover, NH, where"; not "Jane Doe, MD" nor "Boston,
 * MA Smith").
 */
function confirmAbbreviations(words: Words, candidates: Candidate[]): void {
  let placeEnds: Set<number> | undefined;
  for (const c of candidates) {
    if (!c.weak || !c.abbreviation || c.first !== c.last) continue;
    const before = c.first - 1;
    const dotted = words.charAfter(c.last) === DOT || words.text(c.first).endsWith('.');
    // A postal code is never written with dots: "Jane Doe, M.D." is no Maryland.
    if (dotted && c.abbreviation === 'postal') continue;
    if (!dotted) {
      placeEnds ??= new Set(candidates.map((other) => other.last));
      const closed = !words.capitalised(c.last + 1) || words.between(c.last) !== ' ';
      const qualifier = words.between(before) === ', ' && placeEnds.has(before) && closed;
      if (qualifier || isPartyTag(words, before)) c.weak = false;
      continue;
    }
    const gap = words.between(before);
    const qualifier = gap === ', ' && words.capitalised(before);
    if (qualifier || isPartyTag(words, before)) c.weak = false;
  }
}

/** A party's letter and a hyphen before the token: the "R-" of "(R-Ohio)", "D-N.Y.". */
function isPartyTag(words: Words, token: number): boolean {
  return (
    words.length(token) === 1 && words.between(token) === '-' && PARTIES.has(words.text(token))
  );
}

/** "Georgia's governor", "governor of Georgia", "state of Georgia": of its readings, the state. */
function applyDivisionCues(matcher: Matcher, words: Words, candidates: Candidate[]): Candidate[] {
  if (!hasHomonyms(candidates)) return candidates;
  const dropped = new Set<Candidate>();
  for (const readings of bySpan(candidates)) {
    if (readings.length < 2) continue;
    const x = readings[0] as Candidate;
    const after = words.folded(x.last + 1);
    const before = words.folded(x.first - 1);
    const before2 = words.folded(x.first - 2);
    const of = before === 'of' || before === 'de';
    const cued =
      DIVISION_CUES.has(after) ||
      (of && (DIVISION_CUES.has(before2) || before2 === 'state' || before2 === 'état'));
    if (!cued) continue;
    const divisions = readings.filter((r) => {
      const parent = matcher.regions[r.region]?.parent ?? -1;
      return parent !== -1 && matcher.regions[parent]?.parent === -1;
    });
    // Of the states, those that need no context: "governor of Florida" is not Uruguay's Florida.
    const strong = divisions.filter((r) => !r.weak);
    const chosen = strong.length > 0 ? strong : divisions;
    if (chosen.length === 0) continue;
    for (const r of readings) if (!chosen.includes(r)) dropped.add(r);
    for (const r of chosen) r.weak = false;
  }
  return dropped.size === 0 ? candidates : candidates.filter((c) => !dropped.has(c));
}

/**
 * French "à" before a capitalised name introduces a town ("un point de deal à Nice", "à Djibo"),
 * "au" a region or a country ("au Tigré", where "le Tigre" is the Tigris): a name that counts
 * only with context (a common word too) counts there on its own. Not an abbreviation: "à La Poste"
 * is not in Louisiana; not beside a reading of the name that needs no context: "à Gaza" is still
 * the Strip, not Mozambique's province.
 */
function confirmAfterA(words: Words, candidates: Candidate[]): void {
  const confirmed: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (!c.weak || c.adjective || c.abbreviation || !words.capitalised(c.first)) continue;
    const before = words.foldedIf(c.first - 1, 1, 2);
    if (before !== 'à' && before !== 'au') continue;
    if (words.between(c.first - 1) !== ' ') continue;
    if (readingsOf(candidates, i).some((other) => !other.weak)) continue;
    confirmed.push(c);
  }
  for (const c of confirmed) c.weak = false;
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
    return !aboutCulture(words, c) && !opensOrganisationName(words, c);
  });
}

// Capitalised words after an adjective that make it an organisation's name ("American College of
// Sports Medicine", "American Express"): no more about the state than "Bank of America".
const ORGANISATION_WORDS = foldedWords(
  'association society college institute foundation express airlines airways idol legion apparel eagle academy federation league union journal review magazine post times cross crescent gladiators',
);

function opensOrganisationName(words: Words, c: Candidate): boolean {
  // Up to two capitalised words may come between: "American Heart Association", "American Civil
  // Liberties Union".
  for (let t = c.last + 1; t <= c.last + 3; t++) {
    if (!words.capitalised(t) || words.between(t - 1) !== ' ') return false;
    if (words.isIn(t, 4, 11, ORGANISATION_WORDS)) return true;
  }
  return false;
}

// Names that are only languages or scripts: a list of adjectives holding one is a list of
// languages ("Arabic, Chinese, and Thai"; "English, Brazilian Portuguese, Danish, French").
const LANGUAGES_ONLY = foldedWords(
  'arabic hebrew mandarin cantonese hindi urdu swahili latin cyrillic devanagari sanskrit yiddish esperanto tagalog farsi tamil telugu bengali punjabi gujarati marathi catalan hangul kanji',
);

/** Whether the adjective stands in a list of capitalised words that holds a language's name. */
function inListOfLanguages(words: Words, c: Candidate): boolean {
  return listHoldsLanguage(words, c.last + 1, 1) || listHoldsLanguage(words, c.first - 1, -1);
}

/** Walks a list of capitalised words from `from`, one way, for a language's name. */
function listHoldsLanguage(words: Words, from: number, step: 1 | -1): boolean {
  let t = from;
  for (let n = 0; n < 12; n++, t += step) {
    // The token is read before its gap is sliced: most adjectives stand in no list.
    const listWord = words.isIn(t, 2, 3, LIST_FOLDED);
    if (!listWord && !words.capitalised(t)) return false;
    const gap = step === 1 ? words.between(t - 1) : words.between(t);
    if (gap !== ' ' && gap !== ', ' && gap !== ',') return false;
    if (!listWord && words.isIn(t, 4, 10, LANGUAGES_ONLY)) return true;
  }
  return false;
}
const LIST_FOLDED = foldedWords('and or');

/** "French cuisine", "cuisine française", "parle l'anglais", "in Arabic", "le russe et l'arabe". */
function aboutCulture(words: Words, c: Candidate): boolean {
  if (inListOfLanguages(words, c)) return true;
  // The culture words are 3 to 12 letters long, the words before a language 2 to 6.
  if (
    words.isIn(c.last + 1, 3, 12, CULTURE_WORDS) ||
    (words.isIn(c.last + 1, 3, 14, CULTURE_NOUNS) &&
      (words.between(c.last) === ' ' || words.between(c.last) === '-')) ||
    words.isIn(c.first - 1, 2, 12, CULTURE_WORDS) ||
    words.isIn(c.first - 2, 3, 12, CULTURE_WORDS)
  ) {
    return true;
  }
  // "in English", "in Arabic and French"; not an adjective before its noun: "in British clinics".
  if (words.isIn(c.first - 1, 2, 12, LANGUAGE_BEFORE) && !words.capitalised(c.last + 1)) {
    const next = c.last + 1;
    const noun =
      words.lowerCase(next) &&
      words.between(c.last) === ' ' &&
      !LISTED_FUNCTION_WORDS.has(words.folded(next)) &&
      !LIST_WORDS.has(words.folded(next));
    if (!noun) return true;
  }
  // French: a language is a noun after its article ("l'anglais", "le russe"); a state adjective
  // follows its noun ("l'armée russe"). Elisions are not tokens: read the characters before.
  if (words.capitalised(c.first)) return false;
  const elided = words.twoBefore(c.first).toLowerCase();
  return words.isIn(c.first - 1, 2, 12, ARTICLE_LE) || elided === "l'" || elided === 'l’';
}

/**
 * Of the readings of one name, those whose parent or sibling another name supports win
 * ("Alexandria" beside "Cairo"); when none has support, the readings that need no context.
 */
function preferSupported(matcher: Matcher, candidates: Candidate[]): Candidate[] {
  if (!hasHomonyms(candidates)) return candidates;
  const dropped = new Set<Candidate>();
  const added: Candidate[] = [];
  // How many readings that need no context lie in each region: counted once for the whole text,
  // not again for each name with homonyms (a long text of them took seconds).
  const inside = new Map<number, number>();
  const count = (c: Candidate, by: number, into: Map<number, number>) => {
    for (const up of lineage(matcher, c.region)) into.set(up, (into.get(up) ?? 0) + by);
  };
  for (const c of candidates) if (!c.weak) count(c, 1, inside);
  for (const readings of bySpan(candidates)) {
    if (readings.length < 2) continue;
    // What all the readings lie in tells none apart: "Hillsboro" backs Washington County, Oregon,
    // not the 29 others through the United States.
    const shared = sharedAncestors(matcher, readings);
    // The other names' readings that need no context, and the regions they lie in.
    const own = new Map<number, number>();
    for (const r of readings) if (!r.weak) count(r, 1, own);
    const supported: Support = {
      has: (region) =>
        (inside.get(region) ?? 0) > (own.get(region) ?? 0) && !shared.includes(region),
    };
    // Against a country's reading, its rival's country named is no support: "Georgia and the
    // United States" is still the country; a sibling or a state is ("Atlanta, Georgia").
    const countries = !readings.some((r) => (matcher.regions[r.region]?.parent ?? -1) === -1);
    const backed = readings.filter((r) => isBacked(matcher, r.region, supported, countries));
    if (backed.length === readings.length) {
      // Every reading backed: one that needs context keeps its place beside one that needs none
      // only with a place inside it named. "Washington" beside "Texas" is the capital; beside
      // "Seattle", the state too.
      if (readings.some((r) => !r.weak)) {
        for (const r of readings) if (r.weak && !supported.has(r.region)) dropped.add(r);
      }
      continue;
    }
    if (backed.length === 0) {
      // No support either way: the reading that needs no context (the larger place) is the name's;
      // a weak one no longer counts through its country named elsewhere.
      if (readings.some((r) => !r.weak)) {
        for (const r of readings) if (r.weak) dropped.add(r);
        continue;
      }
      // None needs no context and all lie in one region: the name is some place there. A name of
      // several words ("Orange County", 8 states) counts for it; one word may be a person's
      // (Jackson), and counts for none of its readings.
      for (const r of readings) dropped.add(r);
      const x = readings[0] as Candidate;
      const where = shared[0];
      if (where !== undefined && x.last > x.first) {
        added.push({
          region: where,
          first: x.first,
          last: x.last,
          weak: false,
          adjective: false,
          abbreviation: false,
        });
      }
      continue;
    }
    for (const r of readings) {
      if (backed.includes(r)) continue;
      dropped.add(r);
      // A reading dropped backs nothing: Stamford, Connecticut, gone for "Stamford Bridge" in
      // London, no longer makes Manchester, New Hampshire, of "Manchester City".
      if (!r.weak) count(r, -1, inside);
    }
    for (const r of backed) {
      if (r.weak) count(r, 1, inside);
      r.weak = false;
    }
  }
  if (dropped.size === 0 && added.length === 0) return candidates;
  return [...candidates.filter((c) => !dropped.has(c)), ...added];
}

/** The regions the text's other names support. */
interface Support {
  has(region: number): boolean;
}

/** The regions all the readings lie in (their common ancestors, nearest first). */
function sharedAncestors(matcher: Matcher, readings: Candidate[]): number[] {
  const first = readings[0] as Candidate;
  let shared = lineage(matcher, first.region).slice(1);
  for (const r of readings) {
    const up = lineage(matcher, r.region);
    shared = shared.filter((region) => region !== r.region && up.includes(region));
  }
  return shared;
}

/**
 * Below the countries: itself supported (a place inside it named: Georgia the state beside
 * Atlanta), an ancestor (a country only when `countries`), or a sibling (Georgia beside Alabama).
 */
function isBacked(
  matcher: Matcher,
  region: number,
  supported: Support,
  countries: boolean,
): boolean {
  const parent = matcher.regions[region]?.parent ?? -1;
  if (parent === -1) return false;
  // A place inside it named: "Atlanta" makes "Georgia" the state.
  if (supported.has(region)) return true;
  for (let r = parent; r !== -1; r = matcher.regions[r]?.parent ?? -1) {
    const top = (matcher.regions[r]?.parent ?? -1) === -1;
    if (supported.has(r) && (countries || !top)) return true;
  }
  return hasSupportedSibling(matcher, region, supported);
}

function hasSupportedSibling(matcher: Matcher, region: number, supported: Support): boolean {
  const parent = matcher.regions[region]?.parent ?? -1;
  const siblings = parent === -1 ? matcher.topRegions : (matcher.regions[parent]?.children ?? []);
  return siblings.some((sibling) => sibling !== region && supported.has(sibling));
}
