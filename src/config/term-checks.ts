// Catches rules that validate but would never match as meant: non-ISO languages, regex-looking terms, leading `*`, elision-only words.
import { tokenize } from '../rules/normalise.ts';
import type { PathProblem } from './issues.ts';
import type { ConfigFileName } from './schema.ts';

export type TermProblem = PathProblem & { file: ConfigFileName };

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Every language-code and term mistake of rules.yaml (and of the gazetteer's names), on the raw YAML. */
export function checkTermWriting(raw: Partial<Record<ConfigFileName, unknown>>): TermProblem[] {
  const rules = readList(raw['rules.yaml'], 'rules').flatMap((rule, index) =>
    checkRule(rule, ['rules', index]),
  );
  const regions = checkRegionTree(readList(raw['regions.yaml'], 'regions'), ['regions']);
  return [
    ...rules.map((problem) => ({ ...problem, file: 'rules.yaml' as const })),
    ...regions.map((problem) => ({ ...problem, file: 'regions.yaml' as const })),
  ];
}

function checkRule(rule: unknown, path: PropertyKey[]): PathProblem[] {
  const languages = readField(rule, 'languages');
  const languageProblems = Array.isArray(languages)
    ? languages.flatMap((code, index) => {
        const message = typeof code === 'string' ? describeLanguageProblem(code) : undefined;
        return message ? [{ path: [...path, 'languages', index], message }] : [];
      })
    : [];
  return [...languageProblems, ...checkItem(readField(rule, 'match'), [...path, 'match'])];
}

/** Walks a boolean node or a term, as the schema reads them; shapes it rejects are its to report. */
function checkItem(item: unknown, path: PropertyKey[]): PathProblem[] {
  if (typeof item === 'string') return checkTermAt(item, path);
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
  const record = item as Record<string, unknown>;
  if (typeof record.term === 'string') return checkTermAt(record.term, [...path, 'term']);
  if (Array.isArray(record.near)) {
    return record.near.flatMap((operand, index) => checkItem(operand, [...path, 'near', index]));
  }
  return (['all', 'any', 'none'] as const).flatMap((key) => {
    const list = record[key];
    return Array.isArray(list)
      ? list.flatMap((child, index) => checkItem(child, [...path, key, index]))
      : [];
  });
}

function checkRegionTree(regions: unknown[], path: PropertyKey[]): PathProblem[] {
  return regions.flatMap((region, index) => {
    const here = [...path, index];
    const names = (['names', 'adjectives'] as const).flatMap((key) =>
      readList(region, key).flatMap((name, i) => checkItem(name, [...here, key, i])),
    );
    return [...names, ...checkRegionTree(readList(region, 'children'), [...here, 'children'])];
  });
}

function checkTermAt(text: string, path: PropertyKey[]): PathProblem[] {
  const message = describeTermProblem(text);
  return message ? [{ path, message }] : [];
}

/** Why `text` would not match as its author means, or undefined when it is a plain term. */
export function describeTermProblem(text: string): string | undefined {
  // A term without a letter or digit is the schema's to report.
  if (!WORD_CHARACTER.test(text)) return undefined;
  if (looksLikeRegex(text)) return describeRegexTerm(text);
  if (/(^|\s)\*/.test(text)) {
    const fixed = text.replace(/(^|\s)\*+/g, '$1');
    return `term "${text}": a leading * matches nothing (terms match from the start of a word); write "${fixed}" or "${fixed.replace(/\*?$/, '*')}" for a prefix, and list the longer words you need`;
  }
  return describeElisionTerm(text);
}

const REGEX_CHARACTERS = /[()|?\\[\]]|\.[*+]|^\^|\$$/;

function looksLikeRegex(text: string): boolean {
  return REGEX_CHARACTERS.test(text);
}

function describeRegexTerm(text: string): string {
  const base = `term "${text}" looks like a regular expression, but terms are plain words (punctuation is ignored)`;
  const alternatives = text.includes('|') && !/[()[\]\\]/.test(text) ? text.split('|') : undefined;
  if (alternatives?.every((part) => WORD_CHARACTER.test(part))) {
    const list = alternatives.map((part) => JSON.stringify(part.trim())).join(', ');
    return `${base}: list the alternatives, any: [${list}]`;
  }
  const plain = rewriteRegex(text);
  if (plain !== undefined) return `${base}: write "${plain}"`;
  return `${base}: write each form as its own term in an any list, and "word*" for a prefix`;
}

/** `drone(s)?` → `drone*`, `drone.*` → `drone*`, `\bEI\b` → `EI`; undefined when more is left. */
function rewriteRegex(text: string): string | undefined {
  const plain = text
    .replace(/\\b|^\^|\$$/g, '')
    .replace(/\[([\p{L}\p{N}]+)\](?!\?)/gu, (whole, set: string) => foldCaseClass(set) ?? whole)
    .replace(/\((?:[\p{L}\p{N}]+)\)\?|\[[\p{L}\p{N}]+\]\?|[\p{L}\p{N}]\?|\.[*+]|\\w[*+]/gu, '*')
    .replace(/\*+/g, '*');
  if (looksLikeRegex(plain) || !WORD_CHARACTER.test(plain)) return undefined;
  return plain;
}

/** `[Dd]` → `D`: a class of one letter in both cases is what case-insensitive terms do anyway. */
function foldCaseClass(set: string): string | undefined {
  const first = set[0] as string;
  return [...set].every((c) => c.toLowerCase() === first.toLowerCase()) ? first : undefined;
}

/**
 * A term whose words are all cut before matching: French elisions (l' d' qu'…) and the English
 * possessive 's are removed from the text's words, so a term made only of them meets nothing.
 */
function describeElisionTerm(text: string): string | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0) {
    return `term "${text}" has no word left once elisions (l' d' qu'…) are cut: write the word that follows, e.g. "qu'ISIS" → "ISIS"`;
  }
  if (!tokens.every((token) => isAlwaysElided(token.folded))) return undefined;
  const words = tokens.map((token) => `${token.folded}'`).join(' ');
  return `term "${text}" can never match: ${words} is only ever written elided, and elisions are cut before matching; write the word that follows`;
}

/** Answers of isAlwaysElided: the regions' thousands of names share most of their words. */
const ELIDED = new Map<string, boolean>();

/** Whether `folded` is cut off a word as matching reads it (`l` in l'EI), asked of the tokenizer itself. */
function isAlwaysElided(folded: string): boolean {
  let elided = ELIDED.get(folded);
  if (elided === undefined) {
    const tokens = tokenize(`${folded}'x`);
    elided = tokens.length === 1 && tokens[0]?.folded === 'x';
    ELIDED.set(folded, elided);
  }
  return elided;
}

const ENGLISH_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const FRENCH_NAMES = new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' });
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A two-letter code ICU names, withdrawn ones (iw, in, ji…) excepted: ICU maps them to others. */
function isIso6391(code: string): boolean {
  if (!/^[a-z]{2}$/.test(code)) return false;
  const name = ENGLISH_NAMES.of(code);
  return name !== undefined && name !== code && Intl.getCanonicalLocales(code)[0] === code;
}

/** `french`, `français`, `arabic`… (folded) → their code; built on the first mistake (~0.1 s). */
let codeByName: Map<string, string> | undefined;

function indexLanguageNames(): Map<string, string> {
  if (codeByName) return codeByName;
  codeByName = new Map();
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      if (!isIso6391(code)) continue;
      for (const names of [ENGLISH_NAMES, FRENCH_NAMES]) {
        const name = names.of(code);
        if (name) codeByName.set(foldName(name), code);
      }
    }
  }
  return codeByName;
}

function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Why `code` is not an ISO 639-1 code as detection reports them, with the code meant; or undefined. */
export function describeLanguageProblem(code: string): string | undefined {
  const lower = code.toLowerCase();
  if (isIso6391(lower)) return undefined;
  const meant = guessLanguageCode(code);
  const hint = meant ? ` (did you mean "${meant}"?)` : ' (two letters, e.g. fr, en, ar)';
  return `"${code}" is not an ISO 639-1 language code${hint}`;
}

function guessLanguageCode(code: string): string | undefined {
  const named = indexLanguageNames().get(foldName(code));
  if (named) return named;
  try {
    // fra, fre, eng, iw, fr-FR: the language part as ICU canonicalises it.
    const language = Intl.getCanonicalLocales(code)[0]?.split('-')[0];
    return language && isIso6391(language) ? language : undefined;
  } catch {
    return undefined;
  }
}

function readField(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function readList(value: unknown, key: string): unknown[] {
  const list = readField(value, key);
  return Array.isArray(list) ? list : [];
}
