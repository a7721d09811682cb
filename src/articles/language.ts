// Language of a text as an ISO 639-1 code: by its function words when they are clear, else by franc's trigrams.
import { FUNCTION_WORD_LANGUAGES, functionWordLanguage } from '../rules/function-words.ts';
import type { LanguageDetector } from '../rules/match.ts';
import { formsOf, nextWord } from '../rules/normalise.ts';
import { TrigramDetector } from './trigrams.ts';

/** franc's ISO 639-3 codes we accept, with their ISO 639-1 code. A short list is faster and less often wrong. */
const LANGUAGES: Readonly<Record<string, string>> = {
  fra: 'fr',
  eng: 'en',
  arb: 'ar',
  deu: 'de',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  rus: 'ru',
  ukr: 'uk',
  tur: 'tr',
  pes: 'fa',
  urd: 'ur',
  pbu: 'ps',
  heb: 'he',
  hau: 'ha',
  cmn: 'zh',
};

export const TRIGRAM_LANGUAGES = Object.keys(LANGUAGES);

/**
 * Both paths look at the start of the text only: the function words of the words that start in
 * its first 400 characters, franc on those characters. Trigram statistics settle well before this:
 * on the samples, 200-character slices were all classified right, and franc's cost grows with
 * length (0.14 ms at 300 characters, 0.7 ms at 2,000).
 */
const SAMPLE_LENGTH = 400;

/** Below this many letters a guess is noise. */
export const MIN_LETTERS = 20;

/** franc, with only the trigram models of `LANGUAGES` built, when first needed (trigrams.ts). */
const trigrams = new TrigramDetector(TRIGRAM_LANGUAGES, MIN_LETTERS);

/**
 * Languages never decided by their function words (franc is more reliable on them): their words
 * only keep, say, a Persian text from being taken for Arabic or a Hausa one for Portuguese.
 */
const GUARDS = new Set(['fa', 'ur', 'ps', 'ha']);

/** A language is decided by its function words when it has this many in the sample… */
const MIN_FUNCTION_WORDS = 5;
/** …and this many times as many as any other language. */
const MIN_MARGIN = 3;

/** `fr`, `en`, `ar`… or null when the text is too short or undetermined. */
export function detectLanguage(text: string): string | null {
  return languageOfSample(countSampleFunctionWords(text), text.slice(0, SAMPLE_LENGTH));
}

/**
 * The language of an article classified as `${title}\n${text}`, without building that whole
 * string: only its start is read.
 */
export function detectArticleLanguage(title: string, text: string): string | null {
  return detectLanguage(`${title}\n${text.slice(0, SAMPLE_LENGTH)}`);
}

/**
 * The language of an article whose function words were counted while matching it (see
 * `MatchOptions.detectLanguage`): the same answer as `detectArticleLanguage(title, text)`.
 */
function languageOfArticle(counts: Int32Array, title: string, text: string): string | null {
  return languageOfSample(
    counts,
    `${title}\n${text.slice(0, SAMPLE_LENGTH)}`.slice(0, SAMPLE_LENGTH),
  );
}

/** For `matchArticle`: the same answer as `detectArticleLanguage`, from the function words the match counted. */
export const ARTICLE_LANGUAGE: LanguageDetector = {
  sampleLength: SAMPLE_LENGTH,
  detect: languageOfArticle,
};

function languageOfSample(counts: Int32Array, sample: string): string | null {
  return languageOfFunctionWords(counts) ?? detectLanguageByTrigrams(sample);
}

/**
 * Function words per language (indexed as `FUNCTION_WORD_LANGUAGES`) among the words of `text`
 * that start in its sample. The matcher counts the same from its own scan (`countFunctionWords`
 * in rules/scan.ts); this one is for texts that are not being matched (extraction).
 */
export function countSampleFunctionWords(text: string): Int32Array {
  const counts = new Int32Array(FUNCTION_WORD_LANGUAGES.length);
  const bounds = new Int32Array(3);
  for (let i = nextWord(text, 0, bounds); i !== -1; i = nextWord(text, i, bounds)) {
    const start = bounds[0] as number;
    const end = bounds[1] as number;
    if (start >= SAMPLE_LENGTH) break;
    if (start === end) continue;
    const language = functionWordLanguage(formsOf(text.slice(start, end)).folded);
    if (language !== -1) counts[language] = (counts[language] as number) + 1;
  }
  return counts;
}

/** The language whose function words clearly dominate, or null to ask franc. */
export function languageOfFunctionWords(counts: Int32Array): string | null {
  let best = 0;
  for (let i = 1; i < counts.length; i++) {
    if ((counts[i] as number) > (counts[best] as number)) best = i;
  }
  const top = counts[best] as number;
  let second = 0;
  for (let i = 0; i < counts.length; i++) {
    if (i !== best) second = Math.max(second, counts[i] as number);
  }
  const code = FUNCTION_WORD_LANGUAGES[best] as string;
  if (top < MIN_FUNCTION_WORDS || top < MIN_MARGIN * second || GUARDS.has(code)) return null;
  return code;
}

/** franc over the sample: slower, but it knows every language of `LANGUAGES` and short texts. */
export function detectLanguageByTrigrams(sample: string): string | null {
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  const code = trigrams.detect(sample);
  return LANGUAGES[code] ?? null;
}

/** The primary subtag of a BCP 47 tag (`fr-FR` → `fr`), or null when it is not a language. */
export function primaryLanguage(tag: string | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}
