// detectLanguage and primaryLanguage, over the samples and short texts in the languages our sources use.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage, primaryLanguage } from '../../../src/articles/language.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const samples = readdirSync(FIXTURES).filter((name) => name.endsWith('.txt'));

describe('detectLanguage', () => {
  it.each(samples)('finds French in %s', (name) => {
    expect(detectLanguage(readFileSync(new URL(name, FIXTURES), 'utf8'))).toBe('fr');
  });

  it.each([
    [
      'The Islamic State claimed responsibility for the attack near Mosul on Sunday, officials said.',
      'en',
    ],
    ['أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم قرب الموصل يوم الأحد', 'ar'],
    ['Der Islamische Staat hat sich zu dem Anschlag in der Nähe von Mossul bekannt.', 'de'],
    ['El Estado Islámico reivindicó el atentado cerca de Mosul, según las autoridades.', 'es'],
    ['Исламское государство взяло на себя ответственность за нападение под Мосулом.', 'ru'],
    ['Irak ordusu, Musul yakınlarında İslam Devleti militanlarına karşı operasyon başlattı.', 'tr'],
    ['دولت اسلامی مسئولیت این حمله در نزدیکی موصل را بر عهده گرفت و گفت که', 'fa'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each([
    '',
    'Mossoul',
    '2024-09-01 12:00',
    '!!! ??? ...',
    '12345 67890 12345 67890 12345 67890',
  ])('gives null for %j', (text) => {
    expect(detectLanguage(text)).toBeNull();
  });

  it('decides on the start of the text only, however long the rest', () => {
    const french = readFileSync(new URL('fr-jihad-mondial-2016-11.txt', FIXTURES), 'utf8');
    const english = ' The group claimed the attack in a statement on its news agency.'.repeat(500);
    expect(detectLanguage(french.slice(0, 600) + english)).toBe('fr');
  });
});

describe('primaryLanguage', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['FR', 'fr'],
    ['en_US', 'en'],
    [' ar ', 'ar'],
    ['', null],
    ['x-default', null],
    [undefined, null],
  ])('%j → %j', (tag, lang) => {
    expect(primaryLanguage(tag)).toBe(lang);
  });
});
