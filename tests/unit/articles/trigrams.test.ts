// TrigramDetector gives franc's answer, with only the models asked for built.
import { readdirSync, readFileSync } from 'node:fs';
import { franc } from 'franc';
import { data } from 'franc/data.js';
import { describe, expect, it } from 'vitest';
import { MIN_LETTERS, TRIGRAM_LANGUAGES } from '../../../src/articles/language.ts';
import { TrigramDetector } from '../../../src/articles/trigrams.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

/** Texts of every script and many languages: slices of the samples, and each model's own trigrams. */
function texts(): string[] {
  const samples = readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(new URL(name, FIXTURES), 'utf8'));
  const slices = samples.flatMap((text) =>
    Array.from({ length: 40 }, (_, i) => text.slice(i * 97, i * 97 + 20 + ((i * 37) % 400))),
  );
  // A language's most frequent trigrams, as text: close to that language and to its neighbours.
  const models = Object.values(data).flatMap((languages) =>
    Object.values(languages).flatMap((model) => {
      const trigrams = model.split('|');
      return [trigrams.slice(-60).join(''), trigrams.slice(-200, -120).join(' ')];
    }),
  );
  // Two close languages' trigrams mixed: near ties, where the distance's every term counts.
  const mixed = Object.values(data).flatMap((languages) => {
    const allowed = TRIGRAM_LANGUAGES.filter((language) => language in languages);
    return allowed.flatMap((a) =>
      allowed.flatMap((b) =>
        [20, 40, 80].map((n) =>
          [
            ...(languages[a] as string).split('|').slice(-n),
            ...(languages[b] as string).split('|').slice(-n - 7, -7),
          ].join(' '),
        ),
      ),
    );
  });
  return [
    ...slices,
    ...models,
    ...mixed,
    '',
    '12345 67890 12345 67890 12345',
    'שלום עולם, זהו טקסט בעברית לבדיקה',
    'Мали: в Бамако прошли переговоры о мире',
    'Президент України заявив про нові санкції',
    '外交部发言人表示中国将继续推动和平谈判进程',
    'Mixed текст with два scripts и more words',
  ];
}

describe('TrigramDetector', () => {
  it("answers as franc with the same languages and minimum length, on every script's texts", () => {
    const detector = new TrigramDetector(TRIGRAM_LANGUAGES, MIN_LETTERS);
    const all = texts();
    const differing = all.filter(
      (text) =>
        detector.detect(text) !== franc(text, { only: TRIGRAM_LANGUAGES, minLength: MIN_LETTERS }),
    );
    expect(all.length).toBeGreaterThan(500);
    expect(differing).toEqual([]);
  });

  it('answers und below the minimum length or outside the languages asked for', () => {
    const detector = new TrigramDetector(['fra', 'eng'], 10);
    expect(detector.detect('Bonjour')).toBe('und');
    expect(detector.detect('Исламское государство взяло на себя ответственность')).toBe('und');
    expect(detector.detect("L'armée a annoncé une opération près de Mossoul")).toBe('fra');
  });
});
