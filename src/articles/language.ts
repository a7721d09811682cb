// Language of a text as an ISO 639-1 code: by its function words when they are clear, else by franc's trigrams.
import { franc } from 'franc';
import { formsOf, nextWord } from '../rules/normalise.ts';

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

const ONLY = Object.keys(LANGUAGES);

/**
 * Both paths look at the start of the text only. Trigram statistics settle well before this: on the
 * samples, 200-character slices were all classified right, and franc's cost grows with length
 * (0.14 ms at 300 characters, 0.7 ms at 2,000).
 */
const SAMPLE_LENGTH = 400;

/** Below this many letters a guess is noise. */
const MIN_LETTERS = 20;

/**
 * The most frequent function words of each language, as written. A word listed for two languages
 * tells nothing and is dropped from both (`de`, `que`, `en`…), so each list may be written plainly.
 * The languages under `GUARDS` are never decided here (franc is more reliable on them): their words
 * only keep, say, a Persian text from being taken for Arabic or a Hausa one for Portuguese.
 */
const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  fr: 'le la les des du un une et est sont dans pour sur avec par au aux ce cette ces il ils elle elles qui que leur leurs ont été pas plus mais son sa ses nous vous était sera selon lors après entre depuis contre ou où en ne se été',
  en: 'the and of to in is was were are for that with on by from at as it be been has have had this which said after their not but they he she its who will would an or',
  es: 'el la los las de del y en que por con para una un es se lo como su sus fue este esta pero sobre más también han hasta desde tras entre no ha muy sin fueron según durante',
  de: 'der die das und ist den dem des von zu mit sich auf für nicht ein eine im auch wird wurde dass bei nach aus hat sind werden einer eines sie es noch an in um wie',
  it: 'il di che della delle degli dei del gli nel nella per sono non con alla anche ha si più questo questa essere stato stata dal dalla sul sulla ad ed lo un una tra hanno è',
  pt: 'o os a as do da dos das em no na nos nas não uma um com para que por mais foi ser ao aos pelo pela seu sua também é se de e como sobre este esta entre desde foram pelos pelas são ainda disse tem seus suas até',
  nl: 'de het een van en is dat op te zijn niet met voor die er ook aan bij werd om wordt heeft naar maar zich als in hij ze uit door over na tot nog',
  tr: 've bir bu da de için ile olarak daha gibi çok kadar sonra ise olan en ama göre',
  ru: 'и в не на что с по он как это из за к о от для его было был она они но то же все так',
  uk: 'і в не на що з по він як це із за до від для його було був вона вони але та й ще',
  ar: 'في من على إلى عن أن التي الذي هذا هذه ذلك مع كان قد لم بعد بين حيث كما أو ما لا عند و',
  fa: 'و در به از که این را با است برای آن می بود شد یک هم تا',
  ur: 'کے کی میں ہے اور کو سے نے کہ ہیں تھا یہ وہ',
  ps: 'د په او چې له دا سره کې هم یو دی',
  ha: 'da a na ta ya ba wani wata cikin kuma ne ce su sun shi an za yi',
};

const GUARDS = new Set(['fa', 'ur', 'ps', 'ha']);

/** A language is decided by its function words when it has this many in the sample… */
const MIN_FUNCTION_WORDS = 5;
/** …and this many times as many as any other language. */
const MIN_MARGIN = 3;

const CODES = Object.keys(FUNCTION_WORDS);
const WORD_LANGUAGE = indexFunctionWords();

/** Folded function word → index in `CODES`, without the words two languages share. */
function indexFunctionWords(): Map<string, number> {
  const index = new Map<string, number>();
  const shared = new Set<string>();
  CODES.forEach((code, language) => {
    for (const word of (FUNCTION_WORDS[code] as string).split(' ')) {
      const folded = formsOf(word).folded;
      const known = index.get(folded);
      if (known !== undefined && known !== language) shared.add(folded);
      index.set(folded, language);
    }
  });
  for (const word of shared) index.delete(word);
  return index;
}

/** `fr`, `en`, `ar`… or null when the text is too short or undetermined. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_LENGTH);
  return languageOfFunctionWords(sample) ?? detectLanguageByTrigrams(sample);
}

/**
 * The language of an article classified as `${title}\n${text}`, without building that whole
 * string: only its start is read.
 */
export function detectArticleLanguage(title: string, text: string): string | null {
  return detectLanguage(`${title}\n${text.slice(0, SAMPLE_LENGTH)}`);
}

/** The language whose function words clearly dominate the sample, or null to ask franc. */
export function languageOfFunctionWords(sample: string): string | null {
  const counts = new Int32Array(CODES.length);
  const bounds = new Int32Array(3);
  for (let i = nextWord(sample, 0, bounds); i !== -1; i = nextWord(sample, i, bounds)) {
    const start = bounds[0] as number;
    const end = bounds[1] as number;
    if (end - start > 8 || start === end) continue; // function words are short
    const language = WORD_LANGUAGE.get(formsOf(sample.slice(start, end)).folded);
    if (language !== undefined) counts[language] = (counts[language] as number) + 1;
  }
  return dominantLanguage(counts);
}

function dominantLanguage(counts: Int32Array): string | null {
  let best = 0;
  for (let i = 1; i < counts.length; i++)
    if ((counts[i] as number) > (counts[best] as number)) best = i;
  const top = counts[best] as number;
  let second = 0;
  for (let i = 0; i < counts.length; i++)
    if (i !== best) second = Math.max(second, counts[i] as number);
  const code = CODES[best] as string;
  if (top < MIN_FUNCTION_WORDS || top < MIN_MARGIN * second || GUARDS.has(code)) return null;
  return code;
}

/** franc over the sample: slower, but it knows every language of `LANGUAGES` and short texts. */
export function detectLanguageByTrigrams(sample: string): string | null {
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  const code = franc(sample, { only: ONLY, minLength: MIN_LETTERS });
  return LANGUAGES[code] ?? null;
}

/** The primary subtag of a BCP 47 tag (`fr-FR` → `fr`), or null when it is not a language. */
export function primaryLanguage(tag: string | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}
