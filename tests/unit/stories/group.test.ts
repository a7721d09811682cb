import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_DISTANCE,
  type StoryCandidate,
  sameStory,
} from '../../../src/stories/group.ts';
import { hammingDistance, jaccard, simhash, titleTokens } from '../../../src/stories/simhash.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const samples = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(FIXTURES, name), 'utf8') }));
const T0 = new Date('2024-09-01T10:00:00Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

function candidate(title: string, text: string, publishedAt = T0): StoryCandidate {
  return { signature: simhash(text), titleTokens: titleTokens(title), publishedAt };
}

/** The same article as another site frames it: its own masthead and footer. */
function reframed(text: string): string {
  return [
    'International — Publié le 2 septembre à 07h12',
    text,
    'Lire aussi : nos autres articles sur la région. © Tous droits réservés.',
  ].join('\n');
}

/** The article with a few words replaced, as an updated version reads. */
function edited(text: string, changes = 4): string {
  const words = text.split(' ');
  const step = Math.floor(words.length / (changes + 1));
  return words
    .map((word, i) => (i > 0 && i % step === 0 && i / step <= changes ? 'modifié' : word))
    .join(' ');
}

describe('simhash', () => {
  it('is 16 hex digits, stable, and 0 bits from itself', () => {
    const signature = simhash('Les forces irakiennes ont tué 15 membres de Daech');
    expect(signature).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash('Les forces irakiennes ont tué 15 membres de Daech')).toBe(signature);
    expect(hammingDistance(signature, signature)).toBe(0);
  });

  it('ignores case, accents and punctuation (it hashes folded tokens)', () => {
    expect(simhash("L'État islamique revendique l'attentat.")).toBe(
      simhash('l’ETAT ISLAMIQUE revendique -- l’attentat'),
    );
  });

  it.each([
    ['0000000000000000', 'ffffffffffffffff', 64],
    ['8000000000000001', '0000000000000000', 2],
    ['00000000ffffffff', '00000000fffffffe', 1],
  ])('counts differing bits: %s vs %s = %i', (a, b, distance) => {
    expect(hammingDistance(a, b)).toBe(distance);
  });

  it('refuses a malformed signature', () => {
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(/invalid signature/);
  });
});

describe('titleTokens and jaccard', () => {
  it('folds and deduplicates title words, dropping one-letter words', () => {
    expect(titleTokens("L'EI frappe à Mossoul, l'EI recule")).toEqual([
      'ei',
      'frappe',
      'mossoul',
      'recule',
    ]);
  });

  it.each([
    [['a', 'b'], ['a', 'b'], 1],
    [['a', 'b'], ['c'], 0],
    [['a', 'b', 'c'], ['b', 'c', 'd'], 0.5],
    [[], [], 0],
  ])('jaccard(%j, %j) = %d', (a, b, expected) => {
    expect(jaccard(a, b)).toBe(expected);
  });
});

describe('sameStory over the samples', () => {
  it.each(samples)('$name with another masthead and footer is the same story', ({ text }) => {
    const a = candidate('Titre du site A', text);
    const b = candidate('Une autre manchette sans rapport', reframed(text), hours(5));
    expect(hammingDistance(a.signature, b.signature)).toBeLessThanOrEqual(DEFAULT_MAX_DISTANCE);
    expect(sameStory(a, b)).toBe(true);
  });

  it.each(samples)('$name with a few words changed is the same story', ({ text }) => {
    const a = candidate('Titre', text);
    const b = candidate('Autre titre', edited(text), hours(1));
    expect(sameStory(a, b)).toBe(true);
  });

  const pairs = samples.flatMap((a, i) =>
    samples.slice(i + 1).map((b) => [a.name, b.name, a.text, b.text]),
  );
  it.each(pairs)('%s and %s are different stories', (_a, _b, textA, textB) => {
    expect(
      sameStory(candidate('Titre A', textA as string), candidate('Titre B', textB as string)),
    ).toBe(false);
  });

  it('is not the same story beyond the window, however close the text', () => {
    const text = samples[0]?.text ?? '';
    expect(sameStory(candidate('A', text), candidate('A', text, hours(49)))).toBe(false);
    expect(
      sameStory(candidate('A', text), candidate('A', text, hours(49)), {
        windowMs: 72 * 3_600_000,
      }),
    ).toBe(true);
  });

  it('groups one story told in other words by its title', () => {
    const title = "Irak : quinze membres de l'État islamique tués lors d'un raid dans l'Anbar";
    const a = candidate(title, 'Texte de la première agence, rédigé à sa manière.');
    const b = candidate(
      "Irak: quinze membres de l'Etat islamique tués dans un raid dans l'Anbar",
      'Une autre dépêche, avec de tout autres phrases.',
      hours(2),
    );
    expect(sameStory(a, b)).toBe(true);
    expect(sameStory(a, b, { titleJaccard: 0.95 })).toBe(false);
  });

  it('does not group on short generic titles alone', () => {
    const a = candidate('Attentat à Bagdad', 'Un premier texte sur un attentat.');
    const b = candidate(
      'Attentat à Bagdad',
      'Un autre texte sur un autre attentat, des mois plus tard.',
    );
    expect(sameStory(a, b)).toBe(false);
  });
});
