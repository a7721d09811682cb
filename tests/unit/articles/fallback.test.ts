// The fallback layer: pages whose article the container misses come out whole, with the method that found them.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/articles/extract.ts';

const PARAGRAPHS = [
  'Les forces irakiennes ont repris, mardi 3 septembre, le contrôle du district de Rutba, dans la province d’Al-Anbar, après trois jours de combats contre des cellules de l’État islamique.',
  'Selon le commandement des opérations conjointes, quinze combattants ont été tués et plusieurs caches d’armes découvertes dans les vallées à l’ouest de la ville, près de la frontière syrienne.',
  'Les habitants déplacés pourraient regagner leurs maisons dans les prochains jours, a indiqué le gouverneur, qui a demandé des renforts pour sécuriser la route internationale vers la Jordanie.',
  'La coalition internationale a fourni un appui aérien, précise un communiqué, sans donner le nombre de frappes menées pendant l’opération ni les pertes subies par les forces irakiennes.',
];
const ARTICLE = PARAGRAPHS.join('\n\n');
const MARKUP = PARAGRAPHS.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
const BLOCKS = PARAGRAPHS.map((paragraph) => `<div>${paragraph}</div>`).join('\n');
const TEASER =
  'Abonnez-vous pour lire la suite de cet article et soutenir une rédaction indépendante qui enquête.';
const COMMENTS = Array.from(
  { length: 8 },
  (_, index) =>
    `<div>Je ne crois pas un mot de ce communiqué, qui ne dit rien des civils restés dans la ville ni des routes encore minées (lecteur ${index}).</div>`,
);
const LINKS = Array.from(
  { length: 12 },
  (_, index) => `<li><a href="/a${index}">Autre article numéro ${index} sur l’Irak</a></li>`,
).join('');

function page(head: string, body: string): Buffer {
  return Buffer.from(
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Rutba reprise</title>${head}</head><body>${body}</body></html>`,
  );
}

function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

describe('extractArticle falls back when the container misses the article', () => {
  it.each([
    [
      'in a block whose class reads like a widget, beside a teaser the scorer prefers',
      page(
        '',
        `<article><h1>Rutba reprise</h1><div class="entry-content"><p>${TEASER}</p></div></article>` +
          `<div class="widget">${BLOCKS}</div>`,
      ),
      'readable',
      `${TEASER}\n\n${ARTICLE}`,
    ],
    [
      'in an itemprop=articleBody aside that boilerplate removal drops',
      page(
        '',
        `<h1>Rutba reprise</h1><div class="article-content"><p>${TEASER}</p></div>` +
          `<aside class="sidebar comments" itemprop="articleBody">${BLOCKS}</aside>`,
      ),
      'itemprop',
    ],
    [
      'only in a JSON-LD @graph (an empty app shell), entities escaped',
      page(
        jsonLd({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebPage', name: 'Rutba' },
            {
              '@type': ['NewsArticle'],
              headline: 'Rutba reprise',
              articleBody: PARAGRAPHS.join('\n').replaceAll('’', '&#8217;'),
            },
          ],
        }),
        '<div id="app"></div>',
      ),
      'jsonld',
    ],
    [
      'only in a JSON-LD array, as HTML escaped twice',
      page(
        jsonLd([
          { '@type': 'Organization', name: 'X' },
          {
            '@type': 'ReportageNewsArticle',
            articleBody: MARKUP.replaceAll('&', '&amp;').replaceAll('<', '&lt;'),
          },
        ]),
        '<div id="app"><p>Chargement…</p></div>',
      ),
      'jsonld',
    ],
    [
      'in a BlogPosting nested as a WebPage mainEntity, as HTML',
      page(
        jsonLd({ '@type': 'WebPage', mainEntity: { '@type': 'BlogPosting', articleBody: MARKUP } }),
        '<main><p>Contenu réservé.</p></main>',
      ),
      'jsonld',
    ],
  ])('%s', (_name, html, method, text = ARTICLE) => {
    const article = extractArticle(html);
    expect(article.method).toBe(method);
    expect(article.text).toBe(text);
  });
});

describe('extractArticle reads an article the strict pass would leave empty', () => {
  const MENU = `<div class="menu" hidden><ul>${LINKS}</ul></div>`;
  it.each([
    [
      'under an app root marked aria-hidden while a modal was open',
      page(
        '',
        `<div id="app" aria-hidden="true">${MENU}<article><h1>Rutba reprise</h1>${MARKUP}</article></div>` +
          `<div role="dialog"><p>${TEASER}</p></div>`,
      ),
    ],
    [
      'in a body a paywall script hides',
      page(
        '',
        `<h1>Rutba reprise</h1><p>${TEASER}</p><div class="story" style="display: none">${MARKUP}</div>`,
      ),
      `${TEASER}\n\n${ARTICLE}`,
    ],
    [
      'under a distrusted class, the JSON-LD body a one-line summary',
      page(
        jsonLd({ '@type': 'NewsArticle', articleBody: 'Rutba reprise après trois jours.' }),
        `<h1>Rutba reprise</h1><div class="layout-with-sidebar">${MARKUP}</div>` +
          `<ul>${LINKS}${LINKS}${LINKS}</ul>`,
      ),
    ],
  ])('%s', (_name, html, text = ARTICLE) => {
    const article = extractArticle(html);
    expect(article.method).toBe('content');
    expect(article.text).toBe(text);
  });
});

describe('extractArticle keeps the container', () => {
  it('when the rest of the page is readers’ comments, in a section that holds most of it', () => {
    const comments = COMMENTS.map(
      (comment, index) =>
        `<li class="comment"><div class="comment-author">Lecteur ${index}</div>${comment}</li>`,
    );
    const html = page(
      '',
      `<div id="content"><div class="post"><h2>Rutba reprise</h2><div class="entry-content"><p>${PARAGRAPHS[0]}</p></div></div>` +
        `<div id="comments"><h3>8 Comments</h3><ol>${comments.join('')}</ol></div></div>`,
    );
    expect(extractArticle(html)).toMatchObject({ method: 'content', text: PARAGRAPHS[0] });
  });

  it('when the rest of the page is other stories, linked titles over their summaries', () => {
    const teasers = Array.from(
      { length: 8 },
      (_, index) =>
        `<dt><a href="/autre-${index}">Autre article ${index}</a></dt><dd>Résumé ${index} : le conseil municipal a voté lundi soir le budget des écoles, du nouveau pont et de l’aile de l’hôpital.</dd>`,
    );
    const html = page(
      '',
      `<div id="story"><h1>Rutba reprise</h1><p>${PARAGRAPHS[0]}</p></div>` +
        `<div class="lineup"><h3><a href="/region/">Plus de titres</a></h3><dl>${teasers.join('')}</dl></div>`,
    );
    expect(extractArticle(html)).toMatchObject({ method: 'content', text: PARAGRAPHS[0] });
  });

  it('when readers’ comments follow it under a "Comments" heading that names them', () => {
    const comments = Array.from(
      { length: 12 },
      (_, index) =>
        `<div id="c${index}"><p>Je ne crois pas un mot de ce communiqué, qui ne dit rien des civils restés dans la ville ni des routes minées (lecteur ${index}).</p></div><p class="posted">Posté par lecteur ${index}</p>`,
    );
    const html = page(
      '',
      `<div class="blog"><h3>Rutba reprise</h3><p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>` +
        `<h2 id="comments">Comments</h2>${comments.join('')}</div>`,
    );
    expect(extractArticle(html)).toMatchObject({
      method: 'content',
      text: `${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`,
    });
  });

  it('when the rest of the page is a sidebar that holds most of it, beside a one-line post', () => {
    const post = 'Des sculptures faites de fruits et de légumes, vues sur le site.';
    const html = page(
      '',
      `<div id="content"><div class="post"><p>${post}</p></div></div>` +
        `<div id="sidebar"><div class="sidebar-block">${COMMENTS.map((text) => `<p>${text}</p>`).join('')}</div></div>`,
    );
    expect(extractArticle(html)).toMatchObject({ method: 'content', text: post });
  });

  it('when a JSON-LD body is a teaser shorter than it', () => {
    const html = page(
      jsonLd({ '@type': 'NewsArticle', articleBody: PARAGRAPHS[0] }),
      `<article><h1>Rutba reprise</h1>${MARKUP}</article>`,
    );
    expect(extractArticle(html)).toMatchObject({ method: 'content', text: ARTICLE });
  });

  it('when the page has no more readable text than the container holds', () => {
    const html = page('', `<article><p>${PARAGRAPHS[0]}</p></article><ul>${LINKS}</ul>`);
    expect(extractArticle(html)).toMatchObject({ method: 'content', text: PARAGRAPHS[0] });
  });

  const PAGES = new URL('../../fixtures/pages/', import.meta.url);
  it.each(readdirSync(PAGES).filter((name) => name.endsWith('.html')))('on golden %s', (name) => {
    const article = extractArticle(readFileSync(new URL(name, PAGES)));
    expect(article.method).toBe('content');
    expect(article.text.length).toBeGreaterThan(500);
  });
});

describe('extractArticle on a page without text', () => {
  it.each([
    ['an empty body', page('', '')],
    ['only links and a heading', page('', `<h1>Rutba reprise</h1><nav><ul>${LINKS}</ul></nav>`)],
    ['invalid JSON-LD', page('<script type="application/ld+json">{"articleBody": </script>', '')],
  ])('%s: no text, method none', (_name, html) => {
    const article = extractArticle(html);
    expect(article).toMatchObject({ text: '', method: 'none', title: 'Rutba reprise' });
  });
});
