// The metadata scorer: title exact with a site part forgiven, date to the UTC or local day, bylines.
import { describe, expect, it } from 'vitest';
import {
  dayOf,
  type MetadataPage,
  scoreMetadata,
  titleMatches,
} from '../../../bench/extract-metadata.ts';

describe('titleMatches', () => {
  it.each([
    ['Raid  dans\nl’Anbar', 'Raid dans l’Anbar', true],
    ['Raid dans l’Anbar', 'Raid dans l’Anbar - Le Monde', true],
    ['Raid dans l’Anbar', 'Le Monde | Raid dans l’Anbar', true],
    ['Mozilla', 'Mozilla - Wikipedia', true],
    ['Irak', 'Irak - Syrie : la coalition frappe les positions de l’EI au nord', false],
    ['Irak - Syrie', 'Irak - Syrie : la coalition frappe', false],
    ['L’EI « 8 000', 'L’EI « 8 000 » djihadistes', false],
    ['raid dans l’anbar', 'Raid dans l’Anbar', false],
    ['', '', true],
    ['', 'Titre', false],
  ])('%j against %j → %s', (actual, expected, right) => {
    expect(titleMatches(actual, expected)).toBe(right);
  });
});

describe('dayOf', () => {
  it.each([
    ['2021-11-01T10:52:50+0100', '2021-11-01'],
    ['2015-07-24T00:36:09+01:00', '2015-07-23'],
    ['2017-11-03 03:01:00.000000', '2017-11-03'],
    ['2018-04-05T06:00', '2018-04-05'],
    ['2024-06-25', '2024-06-25'],
    ['April 28, 2019', null],
    [null, null],
  ])('%j → %j', (value, expected) => {
    expect(dayOf(value)).toBe(expected);
  });
});

describe('scoreMetadata', () => {
  const page = (
    name: string,
    expected: Partial<MetadataPage['expected']>,
    actual: Partial<MetadataPage['actual']>,
  ): MetadataPage => ({
    name,
    expected: { title: null, publishedTime: null, byline: null, ...expected },
    actual: { title: '', publishedAt: null, byline: null, ...actual },
  });

  it('scores each field over the pages whose ground truth has it, and names the misses', () => {
    const score = scoreMetadata([
      page(
        'a',
        { title: 'Titre | Site', byline: 'By Jeanne Martin' },
        { title: 'Titre', byline: 'jeanne martin' },
      ),
      page(
        'b',
        { title: 'Autre', publishedTime: '2015-07-24T00:36:09+01:00' },
        { title: 'Faux', publishedAt: '2015-07-23T23:36:09.000Z' },
      ),
      page(
        'c',
        { publishedTime: '2015-07-24T23:30:00-04:00' },
        { publishedAt: '2015-07-25T03:30:00.000Z' },
      ),
    ]);
    expect(score.pages).toBe(3);
    expect(score.title).toEqual({ right: 1, total: 2, accuracy: 0.5, misses: ['b'] });
    expect(score.byline).toMatchObject({ right: 1, total: 1 });
    expect(score.date).toMatchObject({ right: 2, total: 2, misses: [] });
    expect(score.dateLocal).toMatchObject({ right: 2, total: 2 });
  });

  it('tells the UTC day from the page’s own day', () => {
    const late = page(
      'late',
      { publishedTime: '2015-07-24T23:30:00-04:00' },
      { publishedAt: '2015-07-24T12:00:00.000Z' },
    );
    const score = scoreMetadata([late]);
    expect(score.date.right).toBe(0);
    expect(score.dateLocal.right).toBe(1);
  });
});
