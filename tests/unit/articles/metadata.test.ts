// Metadata readers: titles without the site name, dates to UTC ISO, bylines from JSON-LD shapes.
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { cleanByline, readMetadata } from '../../../src/articles/metadata.ts';
import { pageDate, urlDate } from '../../../src/articles/page-date.ts';
import { chooseTitle, stripSiteName, type TitleCandidates } from '../../../src/articles/title.ts';
import { normaliseDate } from '../../../src/lib/dates.ts';

describe('stripSiteName', () => {
  it.each([
    [
      "Obama admits US gun laws are his 'biggest frustration' - BBC News",
      "Obama admits US gun laws are his 'biggest frustration'",
    ],
    ['Home | Le Journal', 'Home | Le Journal'],
    [
      "Gregory Szorc's Digital Home | Mercurial's Journey to Python 3",
      "Mercurial's Journey to Python 3",
    ],
    [
      'Le Conseil de sécurité - une session extraordinaire convoquée après de nouvelles frappes',
      'Le Conseil de sécurité - une session extraordinaire convoquée après de nouvelles frappes',
    ],
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

  it.each([
    [
      'Sahel : nouvelle attaque près de Ménaka : Le Journal',
      ['Le Journal'],
      'Sahel : nouvelle attaque près de Ménaka',
    ],
    ['DeepMind新电脑已可利用记忆自学_腾讯网', ['腾讯网'], 'DeepMind新电脑已可利用记忆自学'],
    ['LE JOURNAL / Raid dans l’Anbar', ['Le Journal'], 'Raid dans l’Anbar'],
    ['Le Journal', ['Le Journal'], 'Le Journal'],
    ['Sahel : nouvelle attaque', ['Le Monde'], 'Sahel : nouvelle attaque'],
  ])('%j with site names %j → %j', (title, names, expected) => {
    expect(stripSiteName(title, names)).toBe(expected);
  });
});

describe('chooseTitle', () => {
  const none: TitleCandidates = {
    headline: null,
    metaTitle: null,
    documentTitle: null,
    fullDocumentTitle: null,
  };
  const fromTitle = (full: string, stripped: string) => ({
    ...none,
    fullDocumentTitle: full,
    documentTitle: stripped,
  });
  it.each<[string, TitleCandidates, string | null, string | null]>([
    [
      'the JSON-LD headline first',
      { ...none, headline: 'Titre', metaTitle: 'Autre' },
      'h',
      'Titre',
    ],
    [
      'not a headline cut short',
      { ...none, headline: 'Un titre coupé…', metaTitle: 'Un titre coupé court' },
      null,
      'Un titre coupé court',
    ],
    [
      'og:title before <h1> and <title>',
      { ...fromTitle('A - S', 'A'), metaTitle: 'Og' },
      'H1',
      'Og',
    ],
    [
      'an <h1> inside <title> is <title> without decoration',
      fromTitle('Raid dans l’Anbar – Zone Militaire', 'Raid dans l’Anbar – Zone Militaire'),
      'raid dans l’anbar',
      'raid dans l’anbar',
    ],
    [
      '<title> before a shorter <h1> it does not contain',
      fromTitle(
        'Babies Who Eat Peanuts Early May Avoid Allergy',
        'Babies Who Eat Peanuts Early May Avoid Allergy',
      ),
      'Allergies Health Center',
      'Babies Who Eat Peanuts Early May Avoid Allergy',
    ],
    [
      'a longer <h1> before a <title> that does not contain it',
      fromTitle('Renouveau : une coïncidence ? – The Cradle', 'Renouveau : une coïncidence ?'),
      'Est-ce une coïncidence si la plus grande organisation renaît ?',
      'Est-ce une coïncidence si la plus grande organisation renaît ?',
    ],
    ['the <h1> alone', none, 'Seul titre', 'Seul titre'],
    [
      'an <h1> without its ¶ anchor',
      none,
      'Evolve: Shared Mutable History¶',
      'Evolve: Shared Mutable History',
    ],
    ['<title> alone', fromTitle('Seul - Site', 'Seul'), null, 'Seul'],
    ['nothing', none, null, null],
  ])('%s', (_, candidates, heading, expected) => {
    expect(chooseTitle(candidates, heading)).toBe(expected);
  });
});

describe('pageDate and urlDate', () => {
  it.each([
    ['2015-07-10 09:53:00 -0400', '2015-07-10T13:53:00.000Z'],
    ['2015-07-10T09:53:00 +02:00', '2015-07-10T07:53:00.000Z'],
    ['2019/02/14', '2019-02-14T00:00:00.000Z'],
    ['2017-11-03 03:01:00.000000', '2017-11-03T03:01:00.000Z'],
    ['14 février 2019', null],
  ])('pageDate(%j) → %j', (value, expected) => {
    expect(pageDate(value)).toBe(expected);
  });

  it.each([
    ['https://example.org/2019/02/14/raid-anbar/', '2019-02-14'],
    ['https://example.org/monde/2019/02/14', '2019-02-14'],
    ['https://example.org/2019/13/14/x', undefined],
    ['https://example.org/a?d=/2019/02/14/', undefined],
    ['https://example.org/12019/02/14/x', undefined],
    [undefined, undefined],
  ])('urlDate(%j) → %j', (url, expected) => {
    expect(urlDate(url)).toBe(expected);
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
      metaTitle: null,
      byline: 'Jeanne Martin',
      canonicalUrl: 'https://example.org/a',
    });
  });
});

describe('readMetadata: titles and dates the way news sites write them', () => {
  const read = (head: string, body = '', url?: string) =>
    readMetadata(load(`<html><head>${head}</head><body>${body}</body></html>`), url);
  const ld = (value: unknown, wrap = (json: string) => json) =>
    `<script type="application/ld+json">${wrap(JSON.stringify(value))}</script>`;
  const meta = (attribute: string, key: string, content: string) =>
    `<meta ${attribute}="${key}" content="${content}">`;

  it.each<[string, string, Partial<ReturnType<typeof read>>]>([
    [
      'entities encoded twice, a bullet before the site name',
      meta('property', 'og:title', 'A Budget Traveler&amp;#8217;s Guide to M&amp;amp;A') +
        '<title>Healthy Eating Plate &amp;bull; The Nutrition Source</title>' +
        ld({ '@type': 'NewsArticle', headline: 'Tom &#038; Jerry &lt;3' }),
      {
        metaTitle: 'A Budget Traveler’s Guide to M&A',
        documentTitle: 'Healthy Eating Plate',
        headline: 'Tom & Jerry <3',
      },
    ],
    [
      'JSON-LD in CDATA, inside @graph',
      ld(
        { '@graph': [{ '@type': 'NewsArticle', headline: 'Titre', datePublished: '2024-09-01' }] },
        (j) => `<![CDATA[${j}]]>`,
      ),
      { headline: 'Titre', publishedAt: '2024-09-01T00:00:00.000Z' },
    ],
    [
      'JSON-LD behind an HTML comment, with a raw newline in a string',
      `<script type="application/ld+json"><!--{"@type":"Article","headline":"Deux\nlignes"}--></script>`,
      { headline: 'Deux lignes' },
    ],
    [
      'an array headline, the site name cut by the publisher’s name',
      ld({
        '@type': 'BlogPosting',
        headline: ['Titre : Zone Militaire'],
        publisher: { name: 'Zone Militaire' },
      }),
      { headline: 'Titre' },
    ],
    [
      'the name where only it is in <title> (Wikipedia’s headline is a description)',
      `<title>New Zealand - Wikipedia</title>${ld({ '@type': 'Article', name: 'New Zealand', headline: 'country in Oceania' })}`,
      { headline: 'New Zealand' },
    ],
    [
      'the headline where the name is the site (aktualne.cz)',
      `<title>West Ham hrozí gigantům | Aktuálně.cz</title>${ld({ '@type': 'NewsArticle', name: 'Aktuálně.cz', headline: 'West Ham hrozí gigantům' })}`,
      { headline: 'West Ham hrozí gigantům' },
    ],
    [
      'dc:title before og:title, og:title without og:site_name',
      meta('property', 'og:title', 'Og - Le Journal') +
        meta('name', 'DC.title', 'Dublin Core') +
        meta('property', 'og:site_name', 'Le Journal'),
      { metaTitle: 'Dublin Core' },
    ],
    [
      'space-separated RDFa properties, twitter:title',
      meta('property', 'x:title twitter:title', 'Un titre sur Twitter | Le Journal'),
      { metaTitle: 'Un titre sur Twitter' },
    ],
    [
      'the earlier of article:published_time and JSON-LD datePublished',
      meta('property', 'article:published_time', '2024-12-07T12:43:39Z') +
        ld({ '@type': 'NewsArticle', datePublished: '2024-12-06T22:00:40Z' }),
      { publishedAt: '2024-12-06T22:00:40.000Z' },
    ],
    [
      'a published_time with a space before its offset',
      meta('property', 'article:published_time', '2015-07-10 09:53:00 -0400'),
      { publishedAt: '2015-07-10T13:53:00.000Z' },
    ],
    [
      'DC.date.issued and sailthru.date, whatever their case',
      meta('name', 'SailThru.Date', '2024-09-03 10:00'),
      { publishedAt: '2024-09-03T10:00:00.000Z' },
    ],
    [
      'parsely-page’s pub_date',
      `<meta name="parsely-page" content='{"title":"T","pub_date":"2024-04-20T04:20:00Z"}'>`,
      { publishedAt: '2024-04-20T04:20:00.000Z' },
    ],
  ])('%s', (_, head, expected) => {
    expect(read(head)).toMatchObject(expected);
  });

  it('takes a date from the URL only when the page has none', () => {
    const url = 'https://example.org/2019/02/14/raid/';
    expect(read('', '', url).publishedAt).toBe('2019-02-14T00:00:00.000Z');
    expect(read('<link rel="canonical" href="/monde/2019/02/15/raid">', '', url).publishedAt).toBe(
      '2019-02-15T00:00:00.000Z',
    );
    const dated = '<article><time datetime="2019-02-13T08:00:00Z">13</time></article>';
    expect(read('', dated, url).publishedAt).toBe('2019-02-13T08:00:00.000Z');
  });

  it('dates a page by its last update only when nothing gives its publication', () => {
    const modified = meta('property', 'article:modified_time', '2025-07-09T11:50:26Z');
    expect(read(modified).publishedAt).toBe('2025-07-09T11:50:26.000Z');
    expect(read(ld({ '@type': 'Article', dateModified: '2025-08-04' })).publishedAt).toBe(
      '2025-08-04T00:00:00.000Z',
    );
    const published = meta('property', 'article:published_time', '2019-08-16T00:00:00Z');
    expect(read(published + modified).publishedAt).toBe('2019-08-16T00:00:00.000Z');
    expect(read(modified, '', 'https://example.org/2019/02/14/raid/').publishedAt).toBe(
      '2019-02-14T00:00:00.000Z',
    );
  });
});

describe('bylines', () => {
  it.each([
    ['By Corey Kilgannon', 'Corey Kilgannon'],
    ['by: Laurie Oakes', 'Laurie Oakes'],
    ['Par Sébastien Farcis', 'Sébastien Farcis'],
    ['James Akinaka • 8h', 'James Akinaka'],
    ['Nicolas Perriault —', 'Nicolas Perriault'],
    ['Steven Musil January 18, 2017 11:00 PM PST @stevenmusil', 'Steven Musil'],
    ['Jeanne Martin @jmartin', 'Jeanne Martin'],
    ['Jeanne Martin 14/02/2019 à 10h', 'Jeanne Martin'],
    ['Jeanne Martin Mis à jour le 14 février', 'Jeanne Martin'],
    ['Jeanne Martin publié le 14 février', 'Jeanne Martin'],
    ['Denis Delbecq', 'Denis Delbecq'],
    ['/ Cory Doctorow / 10:08 am Fri', 'Cory Doctorow'],
    ['Posted by Ned Deily', 'Ned Deily'],
    ['By John Walk -', 'John Walk'],
    ['Jean-Pierre Filiu', 'Jean-Pierre Filiu'],
    ['  ', null],
  ])('cleanByline(%j) → %j', (value, expected) => {
    expect(cleanByline(value)).toBe(expected);
  });

  const read = (head: string, body = '') =>
    readMetadata(load(`<html><head>${head}</head><body>${body}</body></html>`), undefined);
  it.each([
    [
      'a URL in one author tag passes to the next tag',
      '<meta property="article:author" content="https://x.fr/auteur/1"><meta name="byl" content="By Corey Kilgannon">',
      '',
      'Corey Kilgannon',
    ],
    ['og:article:author', '<meta property="og:article:author" content="BBC News">', '', 'BBC News'],
    [
      'a class ending in byline, the blank ones skipped',
      '',
      '<em class="byline"> </em><span class="pb-byline">By <a>Erin Cunningham</a></span>',
      'Erin Cunningham',
    ],
  ])('%s', (_, head, body, expected) => {
    expect(read(head, body).byline).toBe(expected);
  });
});
