// Function words of the languages our sources write in, folded as the normaliser folds words: what language detection counts.
import { formsOf } from './normalise.ts';

/**
 * The most frequent function words of each language, as written. A word listed for two languages
 * tells nothing and is dropped from both (`de`, `que`, `en`…), so each list may be written plainly.
 * Some languages are listed only so that their texts are not taken for another (see language.ts).
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

/** The languages of `FUNCTION_WORDS`, in order: a function word's language is an index here. */
export const FUNCTION_WORD_LANGUAGES: readonly string[] = Object.keys(FUNCTION_WORDS);

const WORD_LANGUAGE = indexFunctionWords();

/** Folded function word → its language's index, without the words two languages share. */
function indexFunctionWords(): Map<string, number> {
  const index = new Map<string, number>();
  const shared = new Set<string>();
  FUNCTION_WORD_LANGUAGES.forEach((code, language) => {
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

/** The index in `FUNCTION_WORD_LANGUAGES` of the language `folded` is a function word of, or -1. */
export function functionWordLanguage(folded: string): number {
  return WORD_LANGUAGE.get(folded) ?? -1;
}

/**
 * Every listed function word, folded, those two languages share included ("de", "la"): the words
 * too common to tell two titles of one story apart (see stories/title-words.ts).
 */
export const LISTED_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  Object.values(FUNCTION_WORDS).flatMap((words) =>
    words.split(' ').map((word) => formsOf(word).folded),
  ),
);
