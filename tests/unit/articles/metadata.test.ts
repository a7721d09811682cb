// Metadata readers: titles without the site name, dates to UTC ISO, bylines from JSON-LD shapes.
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readMetadata, stripSiteName } from '../../../src/articles/metadata.ts';
import { normaliseDate } from '../../../src/feeds/dates.ts';

describe('stripSiteName', () => {
  it.each([
    ['Raid dans l’Anbar | Zone Militaire', 'Raid dans l’Anbar'],
    ['Raid dans l’Anbar - Zone Militaire', 'Raid dans l’Anbar'],
    [
      'Le Monde.fr – Irak : l’EI revendique un attentat à Bagdad',
      'Irak : l’EI revendique un attentat à Bagdad',
    ],
    ['Irak - Syrie : la coalition frappe - Le Journal', 'Irak - Syrie : la coalition frappe'],
    ['Un titre sans séparateur', 'Un titre sans séparateur'],
  ])('%j → %j', (title, expected) => {
    expect(stripSiteName(title)).toBe(expected);
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2024-09-01T10:00:00+02:00', '2024-09-01T08:00:00.000Z'],
    ['2024-09-01T10:00:00', '2024-09-01T10:00:00.000Z'],
    ['2024-09-01 10:00', '2024-09-01T10:00:00.000Z'],
    ['2024-09-01', '2024-09-01T00:00:00.000Z'],
    ['Sun, 01 Sep 2024 08:30:00 +0000', '2024-09-01T08:30:00.000Z'],
    ['Sun, 1 Sep 2024 08:30 PDT', '2024-09-01T15:30:00.000Z'],
    ['2024-09-01T10:00:00.123+0200', '2024-09-01T08:00:00.123Z'],
    ['dimanche 1 septembre 2024', null],
    ['dim., 01 sept. 2024 08:30:00 +0200', null],
    ['1 2024', null],
    ['0001-01-01T00:00:00Z', null],
    ['', null],
  ])('%j → %j', (value, expected) => {
    expect(normaliseDate(value)).toBe(expected);
  });
});

describe('readMetadata: JSON-LD authors', () => {
  const page = (ld: unknown) =>
    load(
      `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body></body></html>`,
    );
  it.each([
    [{ '@type': 'NewsArticle', author: 'Jeanne Martin' }, 'Jeanne Martin'],
    [
      { '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Jeanne Martin' } },
      'Jeanne Martin',
    ],
    [{ '@type': 'Article', author: [{ name: 'A. Un' }, { name: 'B. Deux' }] }, 'A. Un, B. Deux'],
    [
      {
        '@graph': [
          { '@type': 'Article', author: { '@id': '#p' } },
          { '@type': 'Person', '@id': '#p', name: 'Nom Référencé' },
        ],
      },
      'Nom Référencé',
    ],
    [
      [
        { '@type': 'BreadcrumbList' },
        { '@type': 'BlogPosting', author: { name: 'Dans un tableau' } },
      ],
      'Dans un tableau',
    ],
  ])('%j → %s', (ld, byline) => {
    expect(readMetadata(page(ld), undefined).byline).toBe(byline);
  });
});

describe('readMetadata: which source answers, as the CSS selectors chose them', () => {
  const read = (head: string, body: string, url?: string) =>
    readMetadata(load(`<html lang="fr-FR"><head>${head}</head><body>${body}</body></html>`), url);
  const ld = (value: unknown) =>
    `<script type="Application/LD+JSON">${JSON.stringify(value)}</script>`;

  it('prefers article:published_time, then JSON-LD, then other meta tags, then <time>', () => {
    const time = '<article><time datetime="2024-09-04T00:00:00Z">4 sept.</time></article>';
    const other = '<meta name="date" content="2024-09-03T00:00:00Z">';
    const json = ld({ '@type': 'NewsArticle', datePublished: '2024-09-02T00:00:00Z' });
    const og = '<meta property="article:published_time" content="2024-09-01T00:00:00Z">';
    expect(read(og + json + other, time).publishedAt).toBe('2024-09-01T00:00:00.000Z');
    expect(read(json + other, time).publishedAt).toBe('2024-09-02T00:00:00.000Z');
    expect(read(other, time).publishedAt).toBe('2024-09-03T00:00:00.000Z');
    expect(read('', time).publishedAt).toBe('2024-09-04T00:00:00.000Z');
  });

  it('skips a date or an author inside the comments', () => {
    const comments =
      '<div id="comments"><time datetime="2024-01-01T00:00:00Z">x</time><a rel="author">Lecteur</a></div>';
    const own =
      '<time datetime="2024-09-05T00:00:00Z">y</time><a rel="Author">Par Jeanne Martin</a>';
    expect(read('', comments + own)).toMatchObject({
      publishedAt: '2024-09-05T00:00:00.000Z',
      byline: 'Jeanne Martin',
      lang: 'fr',
    });
  });

  it('reads only the first tag of a kind: a blank one passes to the next kind', () => {
    const head =
      '<meta property="og:title" content=" "><meta property="og:title" content="Second">' +
      '<meta name="author" content="https://example.org/jeanne">' +
      '<link rel="Shortlink CANONICAL" href="/a?utm_source=x">';
    const body = '<span class="entry-author">Jeanne Martin</span>';
    expect(read(head, body, 'https://example.org/page')).toMatchObject({
      ogTitle: null,
      byline: 'Jeanne Martin',
      canonicalUrl: 'https://example.org/a',
    });
  });
});
