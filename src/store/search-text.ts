// The text that full-text search reads: title and text, lower-cased, accents stripped, as SQL.
import { type RawBuilder, sql } from 'kysely';

// The same on PostgreSQL and PGlite: `unaccent` is an extension PGlite does not load by default, and
// `lower()` under PGlite's C locale changes only ASCII letters; `translate()` to ASCII first and then
// `lower()` folds the accented Latin letters alike everywhere. Other scripts are searched as written
// (and lower-cased where the database's locale knows how).
//
// Migration 0010 stores `SEARCH_VECTOR` in `articles.search_vector`: changing anything here
// changes only databases created afterwards, so it needs a new migration that redefines the column.

// Each letter of ACCENTED becomes the letter at the same place in PLAIN.
const PAIRS: readonly (readonly [string, string])[] = [
  ['ÀÁÂÃÄÅĀĂĄàáâãäåāăą', 'a'],
  ['ÇĆĈĊČçćĉċč', 'c'],
  ['ĎĐďđ', 'd'],
  ['ÈÉÊËĒĔĖĘĚèéêëēĕėęě', 'e'],
  ['ĜĞĠĢĝğġģ', 'g'],
  ['ĤĦĥħ', 'h'],
  ['ÌÍÎÏĨĪĬĮİìíîïĩīĭįı', 'i'],
  ['Ĵĵ', 'j'],
  ['Ķķ', 'k'],
  ['ĹĻĽĿŁĺļľŀł', 'l'],
  ['ÑŃŅŇñńņň', 'n'],
  ['ÒÓÔÕÖØŌŎŐòóôõöøōŏő', 'o'],
  ['ŔŖŘŕŗř', 'r'],
  ['ŚŜŞŠśŝşšȘș', 's'],
  ['ŢŤŦţťŧȚț', 't'],
  ['ÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűų', 'u'],
  ['Ŵŵ', 'w'],
  ['ÝŸŶýÿŷ', 'y'],
  ['ŹŻŽźżž', 'z'],
  ['’‘ʼ', "'"],
];

const ACCENTED = PAIRS.map(([letters]) => letters).join('');
const PLAIN = PAIRS.map(([letters, plain]) => plain.repeat([...letters].length)).join('');

/** SQL text literal ('' doubles a quote). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `expression` folded: accented Latin letters to plain ones, then lower case. */
export function foldSql(expression: string): string {
  return `lower(translate(${expression}, ${literal(ACCENTED)}, ${literal(PLAIN)}))`;
}

/** A value folded the same way in SQL, so that a search and the text it searches agree. */
export function foldValue(value: string): RawBuilder<string> {
  return sql<string>`lower(translate(${value}::text, ${sql.raw(literal(ACCENTED))}, ${sql.raw(literal(PLAIN))}))`;
}

/** The same folding in JavaScript, for tests and for showing what a search looks for. */
export function foldText(text: string): string {
  const accented = [...ACCENTED];
  const plain = [...PLAIN];
  const map = new Map(accented.map((letter, index) => [letter, plain[index] ?? letter]));
  return [...text]
    .map((letter) => map.get(letter) ?? letter)
    .join('')
    .toLowerCase();
}

/**
 * Characters of an article's text that search reads: a tsvector holds at most 1 MB, and an
 * article's text is untrusted; past this many characters the rest is not searched.
 */
export const SEARCHED_TEXT_CHARS = 100_000;

/** The tsvector of an article, as raw SQL over the columns of `articles`. */
export const SEARCH_VECTOR = `to_tsvector('simple'::regconfig, ${foldSql(
  `title || ' ' || left(text, ${SEARCHED_TEXT_CHARS})`,
)})`;
