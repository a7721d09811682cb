// An article's title: the site name cut off, and the choice between JSON-LD, og:title, <h1> and <title>.
import { collapseWhitespace } from './text.ts';

/** What the page offers as its title, each already without its site name. */
export interface TitleCandidates {
  /** The JSON-LD article's `headline`. */
  headline: string | null;
  /** dc:title, og:title, twitter:title and their kin, first found. */
  metaTitle: string | null;
  /** `<title>` without its site part. */
  documentTitle: string | null;
  /** `<title>` as written, whitespace collapsed. */
  fullDocumentTitle: string | null;
}

/** Separators a site name is joined with, most telling first; ` : ` only next to a known site name. */
const SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' :: ', ' » ', ' · ', ' • '];
const NAMED_SEPARATORS = [...SEPARATORS, ' : ', ': ', ' / ', '_', ' _'];
/** A site part longer than this is part of the title (`Irak - Syrie : la coalition frappe`). */
const MAX_SITE_WORDS = 6;
/** In front, a site name is short (`Le Monde.fr – …`); `Le Conseil de sécurité - …` is a title. A `|` says site name whatever its length. */
const MAX_LEADING_SITE_WORDS = 3;
/** Below this the cut left too little: `Home | Le Journal` stays whole. */
const MIN_TITLE_WORDS = 3;
/** A headline cut to a length ("…", "..."), as Google's 110-character advice makes some sites do. */
const TRUNCATED = /(?:…|\.\.\.)$/;

/**
 * `Title | Site`, `Title - Site`, `Site » Title`: the known `siteNames` are cut with any
 * separator; otherwise the shorter side is cut when it is short (a name, not half a title) and
 * what remains is long enough to be a title.
 */
export function stripSiteName(title: string, siteNames: string[] = []): string {
  const text = collapseWhitespace(title);
  return stripKnownName(text, siteNames) ?? stripUnknownName(text) ?? text;
}

/** Only the known `siteNames`: what a JSON-LD headline may carry. */
export function stripKnownSiteName(title: string, siteNames: string[]): string {
  const text = collapseWhitespace(title);
  return stripKnownName(text, siteNames) ?? text;
}

function stripKnownName(text: string, siteNames: string[]): string | undefined {
  const lower = text.toLowerCase();
  for (const name of siteNames.map((site) => collapseWhitespace(site).toLowerCase())) {
    if (name === '' || name === lower) continue;
    for (const separator of NAMED_SEPARATORS) {
      if (lower.endsWith(separator + name)) {
        return text.slice(0, text.length - name.length - separator.length).trim();
      }
      if (lower.startsWith(name + separator))
        return text.slice(name.length + separator.length).trim();
    }
  }
  return;
}

function stripUnknownName(text: string): string | undefined {
  for (const separator of SEPARATORS) {
    const at = text.lastIndexOf(separator);
    // `« 8 000 » djihadistes`: a closing guillemet is no separator.
    if (at <= 0 || (separator === ' » ' && text.includes('«'))) continue;
    const head = text.slice(0, at);
    const tail = text.slice(at + separator.length);
    const cutTail = wordCount(head) >= wordCount(tail);
    const [kept, cut] = cutTail ? [head, tail] : [tail, head];
    const maxWords = cutTail || separator === ' | ' ? MAX_SITE_WORDS : MAX_LEADING_SITE_WORDS;
    const isName = wordCount(cut) <= maxWords && wordCount(kept) >= MIN_TITLE_WORDS;
    return isName ? kept : undefined;
  }
  return;
}

/**
 * The title, in Readability's order: the JSON-LD headline unless it was cut short, og:title and kin,
 * then <title> without its site part. An <h1> that <title> contains is the same title without
 * the site's decoration, so it is taken; an <h1> that <title> does not confirm is taken only if
 * it says more than <title>: a short one is often a section name ("Allergies Health Center").
 */
export function chooseTitle(
  candidates: TitleCandidates,
  headingText: string | null,
): string | null {
  const { headline, metaTitle, documentTitle, fullDocumentTitle } = candidates;
  // Sphinx and other doc tools end headings with a `¶` anchor.
  const heading = headingText?.replace(/\s*¶$/, '') || null;
  if (headline && !TRUNCATED.test(headline)) {
    return fullerHeadline(headline, [heading, metaTitle, documentTitle]) ?? headline;
  }
  if (metaTitle) return metaTitle;
  if (!heading) return documentTitle ?? headline;
  if (!documentTitle || !fullDocumentTitle) return heading;
  if (comparable(fullDocumentTitle).includes(comparable(heading))) return heading;
  return wordCount(heading) >= wordCount(documentTitle) ? heading : documentTitle;
}

/**
 * A title that holds the headline and more (a kicker, `Nutzerbasierte Abrechnung: …`) and that
 * two of <h1>, og:title and <title> give: faz.net's JSON-LD headline leaves the kicker out.
 */
function fullerHeadline(headline: string, titles: Array<string | null>): string | undefined {
  const wanted = comparable(headline);
  return titles.find((title, index) => {
    if (!title) return false;
    const fuller = comparable(title);
    if (fuller === wanted || !fuller.includes(wanted)) return false;
    return titles.some((other, at) => at !== index && other && comparable(other) === fuller);
  }) as string | undefined;
}

/** Case, quote marks and white space aside. */
function comparable(title: string): string {
  return collapseWhitespace(title)
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″«»]/g, '"');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
