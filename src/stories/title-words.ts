// The content words of a title, as `stories.title_words` stores them for the story lookup's index.
import { formsOf } from '../rules/normalise.ts';
import { titleTokens } from './simhash.ts';

/**
 * Function words of the languages our sources write in, left out of the index: "de", "la", "the"
 * are in nearly every title and would make every story a candidate. A copy, not the language
 * detector's list (rules/function-words.ts drops words two languages share, which are exactly the
 * ones to leave out here), and frozen: stored rows were indexed with it, so changing it means a
 * migration that recomputes `stories.title_words`.
 */
const FUNCTION_WORDS = [
  'le la les des du un une et est sont dans pour sur avec par au aux ce cette ces il ils elle elles qui que leur leurs ont été pas plus mais son sa ses nous vous était sera selon lors après entre depuis contre ou où en ne se de à',
  'the and of to in is was were are for that with on by from at as it be been has have had this which said after their not but they he she its who will would an or',
  'el la los las de del y en que por con para una un es se lo como su sus fue este esta pero sobre más también han hasta desde tras entre no ha muy sin fueron según durante',
  'der die das und ist den dem des von zu mit sich auf für nicht ein eine im auch wird wurde dass bei nach aus hat sind werden einer eines sie es noch an in um wie',
  'il di che della delle degli dei del gli nel nella per sono non con alla anche ha si più questo questa essere stato stata dal dalla sul sulla ad ed lo un una tra hanno è',
  'o os a as do da dos das em no na nos nas não uma um com para que por mais foi ser ao aos pelo pela seu sua também é se de e como sobre este esta entre desde foram pelos pelas são ainda disse tem seus suas até',
  'de het een van en is dat op te zijn niet met voor die er ook aan bij werd om wordt heeft naar maar zich als in hij ze uit door over na tot nog',
  've bir bu da de için ile olarak daha gibi çok kadar sonra ise olan en ama göre',
  'и в не на что с по он как это из за к о от для его было был она они но то же все так',
  'і в не на що з по він як це із за до від для його було був вона вони але та й ще',
  'في من على إلى عن أن التي الذي هذا هذه ذلك مع كان قد لم بعد بين حيث كما أو ما لا عند و',
  'و در به از که این را با است برای آن می بود شد یک هم تا',
  'کے کی میں ہے اور کو سے نے کہ ہیں تھا یہ وہ',
  'د په او چې له دا سره کې هم یو دی',
  'da a na ta ya ba wani wata cikin kuma ne ce su sun shi an za yi',
];

const FOLDED_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  FUNCTION_WORDS.flatMap((words) => words.split(' ').map((word) => formsOf(word).folded)),
);

/**
 * The title's words without function words: two titles of one story share some of these, unless
 * every word they share is a function word (then the lookup's index cannot find the other story).
 */
export function titleContentWords(title: string): string[] {
  return titleTokens(title).filter((word) => !FOLDED_FUNCTION_WORDS.has(word));
}
