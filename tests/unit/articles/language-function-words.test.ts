// The function-word path of detectLanguage: which texts it decides, that it agrees with franc, and what it leaves to franc.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_LANGUAGE,
  countSampleFunctionWords,
  detectArticleLanguage,
  detectLanguage,
  detectLanguageByTrigrams,
  languageOfFunctionWords,
} from '../../../src/articles/language.ts';
import { compileMatcher } from '../../../src/rules/compile.ts';
import { matchArticle } from '../../../src/rules/match.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

/** What the function words alone decide for `text`. */
const byFunctionWords = (text: string) => languageOfFunctionWords(countSampleFunctionWords(text));

/** News-like paragraphs the function words decide; franc must find the same language in each. */
const decided: [string, string][] = [
  [
    'fr',
    "Les forces irakiennes ont mené dans la nuit une opération contre une cellule de l'État islamique dans la province d'Anbar, selon un communiqué du ministère de la Défense. Plusieurs suspects ont été arrêtés et des armes saisies.",
  ],
  [
    'en',
    'Iraqi forces carried out an overnight raid against an Islamic State cell in Anbar province, the defence ministry said in a statement. Several suspects were arrested and weapons were seized, and officials said the operation had been planned for weeks.',
  ],
  [
    'es',
    'Las fuerzas iraquíes llevaron a cabo durante la noche una operación contra una célula del Estado Islámico en la provincia de Anbar, según un comunicado del Ministerio de Defensa. Varios sospechosos fueron detenidos y se incautaron armas.',
  ],
  [
    'de',
    'Irakische Sicherheitskräfte haben in der Nacht eine Zelle des Islamischen Staates in der Provinz Anbar angegriffen, wie das Verteidigungsministerium mitteilte. Mehrere Verdächtige wurden festgenommen und Waffen sichergestellt.',
  ],
  [
    'it',
    'Le forze irachene hanno condotto nella notte un’operazione contro una cellula dello Stato islamico nella provincia di Anbar, secondo un comunicato del ministero della Difesa. Diversi sospetti sono stati arrestati e sono state sequestrate armi.',
  ],
  [
    'pt',
    'As forças iraquianas realizaram durante a noite uma operação contra uma célula do Estado Islâmico na província de Anbar, segundo um comunicado do Ministério da Defesa. Vários suspeitos foram presos e as armas foram apreendidas pelos militares.',
  ],
  [
    'nl',
    'Irakese troepen hebben in de nacht een operatie uitgevoerd tegen een cel van Islamitische Staat in de provincie Anbar, zo meldt het ministerie van Defensie. Er werden meerdere verdachten opgepakt en er zijn wapens in beslag genomen.',
  ],
  [
    'ar',
    'نفذت القوات العراقية خلال الليل عملية ضد خلية تابعة لتنظيم الدولة الإسلامية في محافظة الأنبار، بحسب بيان صادر عن وزارة الدفاع. وقد تم اعتقال عدد من المشتبه بهم في المنطقة التي شهدت هجمات من قبل، كما أن القوات ضبطت أسلحة في هذه العملية.',
  ],
  [
    'ru',
    'Иракские силы провели ночью операцию против ячейки Исламского государства в провинции Анбар, как сообщило министерство обороны. Было задержано несколько подозреваемых, и это не первая такая операция, что подтвердил он журналистам.',
  ],
];

/** Texts the function words leave to franc: too short, mixed, or a language they never decide. */
const undecided: [string, string | null][] = [
  ['The Islamic State claimed the attack.', 'en'],
  ['Irak ordusu, Musul yakınlarında İslam Devleti militanlarına karşı operasyon başlattı.', 'tr'],
  ['دولت اسلامی مسئولیت این حمله در نزدیکی موصل را بر عهده گرفت و گفت که', 'fa'],
  ['Mossoul', null],
  ['12345 67890 12345 67890 12345 67890', null],
];

describe('function words', () => {
  it.each(decided)('decides %s, and franc agrees', (lang, text) => {
    expect(byFunctionWords(text)).toBe(lang);
    expect(detectLanguageByTrigrams(text)).toBe(lang);
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each(undecided)('leaves %j to franc (%s)', (text, lang) => {
    expect(byFunctionWords(text)).toBeNull();
    expect(detectLanguage(text)).toBe(lang);
  });

  it('takes no 400-character window of the samples for another language, and decides most', () => {
    const samples = readdirSync(FIXTURES).filter((name) => name.endsWith('.txt'));
    const found: (string | null)[] = [];
    for (const name of samples) {
      const text = readFileSync(new URL(name, FIXTURES), 'utf8');
      for (let start = 0; start + 400 <= text.length; start += 100) {
        found.push(byFunctionWords(text.slice(start, start + 400)));
      }
    }
    expect(found.filter((lang) => lang !== null && lang !== 'fr')).toEqual([]);
    expect(found.filter((lang) => lang === 'fr').length).toBeGreaterThan(found.length * 0.9);
  });

  it('does not count a word two languages share (de, que, en)', () => {
    expect(byFunctionWords('de que en de que en de que en de que en')).toBeNull();
  });
});

describe('detectArticleLanguage', () => {
  it.each(decided)('reads title and text as one (%s)', (lang, text) => {
    const title = text.slice(0, 60);
    expect(detectArticleLanguage(title, text.slice(60))).toBe(lang);
    expect(detectArticleLanguage(title, text)).toBe(detectLanguage(`${title}\n${text}`));
  });
});

describe('language detected while matching (ARTICLE_LANGUAGE)', () => {
  const matcher = compileMatcher({
    rules: [{ id: 'r', severity: 'medium', match: { any: ['forces', 'Anbar'] } }],
    regions: [{ id: 'iraq', names: ['Irak', 'Iraq'] }],
  });
  const detect = (title: string, text: string) =>
    matchArticle(matcher, { title, text }, { detectLanguage: ARTICLE_LANGUAGE }).lang;
  const samples = readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(new URL(name, FIXTURES), 'utf8'));
  const texts = [
    ...decided.map(([, text]) => text),
    ...undecided.map(([text]) => text),
    ...samples,
  ];

  it.each(texts.map((text) => [text.slice(0, 40), text]))(
    'gives what detectArticleLanguage gives: %j…',
    (_start, text) => {
      for (const cut of [0, 1, 30, 120, 390, 399, 400, 401]) {
        const title = text.slice(0, cut);
        const body = text.slice(cut);
        expect(detect(title, body)).toBe(detectArticleLanguage(title, body));
      }
    },
  );

  it('keeps a language the article declares', () => {
    const english = decided[1]?.[1] as string;
    const result = matchArticle(
      matcher,
      { title: '', text: english, lang: 'fr' },
      { detectLanguage: ARTICLE_LANGUAGE },
    );
    expect(result.lang).toBe('fr');
  });

  it('detects nothing unless asked', () => {
    expect(matchArticle(matcher, { text: decided[1]?.[1] as string }).lang).toBeNull();
  });
});
