import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { random, sampleParagraphs } from './samples.ts';

/** The samples of ../shared/samples, as copied into the test fixtures. */
const PAGE_BYTES = 30_000;
/** About a third of a page is the article's own text, the rest the site around it. */
const BODY_BYTES = 10_000;

export interface SiteOptions {
  feeds: number;
  itemsPerFeed: number;
  /** Part of every link, so that no run finds the articles of another one stored. */
  runId: string;
}

export interface NewsSite {
  url: string;
  feedUrls: string[];
  articles: number;
  pageBytes: number;
  /** Requests served, by kind: a check that the pipeline fetched what it was given. */
  served: { feeds: number; pages: number };
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Story {
  title: string;
  summary: string;
  paragraphs: string[];
  publishedAt: Date;
}

/**
 * Titles join the starts of two paragraphs and bodies draw about 10 KB of paragraphs in a random
 * order, so that story grouping (SimHash, title overlap) sees distinct articles, as in a real feed.
 */
function buildStories(count: number, now: Date): Story[] {
  const paragraphs = sampleParagraphs({ oneLine: true });
  const next = random(3);
  const pick = () => paragraphs[Math.floor(next() * paragraphs.length)] as string;
  const words = (text: string, n: number) => text.split(' ').slice(0, n).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const body: string[] = [];
    for (let size = 0; size < BODY_BYTES; size += Buffer.byteLength(body.at(-1) ?? '')) {
      body.push(pick());
    }
    return {
      title: `${words(pick(), 7)} : ${words(pick(), 6)}`.replace(/[,.;]/g, ''),
      summary: words(body[0] ?? '', 40),
      paragraphs: body,
      publishedAt: new Date(now.getTime() - i * 60_000),
    };
  });
}

const SECTIONS = [
  'International',
  'Moyen-Orient',
  'Afrique',
  'Sahel',
  'Europe',
  'Défense',
  'Terrorisme',
  'Renseignement',
  'Analyses',
  'Entretiens',
  'Vidéos',
  'Podcasts',
];

function siteHeader(): string {
  const nav = SECTIONS.map(
    (s) => `<li class="menu-item"><a href="/rubrique/${s.toLowerCase()}">${s}</a></li>`,
  ).join('');
  return (
    '<div class="cookie-consent" role="dialog"><p>Nous utilisons des cookies pour mesurer ' +
    "l'audience et personnaliser les contenus.</p><button>Accepter</button><button>Refuser</button></div>" +
    `<header class="site-header"><div class="logo"><a href="/">La Vigie du Monde</a></div>` +
    `<nav class="main-nav"><ul>${nav}</ul></nav>` +
    '<form class="search" action="/recherche"><input type="search" name="q"></form></header>' +
    '<div class="breadcrumb"><a href="/">Accueil</a> › <a href="/rubrique/international">International</a></div>'
  );
}

function shareBar(): string {
  const networks = ['Facebook', 'Twitter', 'LinkedIn', 'WhatsApp', 'E-mail', 'Imprimer'];
  const links = networks.map((n) => `<li><a href="https://share.example/${n}">${n}</a></li>`);
  return `<ul class="social-share">${links.join('')}</ul>`;
}

/** The sidebar and footer: many short links, as on a news site's every page. */
function siteAside(stories: Story[], from: number): string {
  const mostRead = Array.from({ length: 10 }, (_, k) => {
    const story = stories[(from + 7 * k + 1) % stories.length] as Story;
    return `<li><a href="/article/${(from + k) % 97}">${escapeHtml(story.title)}</a></li>`;
  }).join('');
  return (
    `<aside class="sidebar"><section class="most-read"><h2>Les plus lus</h2><ol>${mostRead}</ol></section>` +
    '<section class="newsletter"><h2>Newsletter</h2><form><input type="email"><button>' +
    "S'inscrire</button></form></section></aside>"
  );
}

function siteFooter(): string {
  const columns = SECTIONS.map(
    (s) =>
      `<div class="footer-col"><h3>${s}</h3><ul>` +
      ['Actualité', 'Décryptages', 'Archives', 'Cartes']
        .map((l) => `<li><a href="/rubrique/${s.toLowerCase()}/${l.toLowerCase()}">${l}</a></li>`)
        .join('') +
      '</ul></div>',
  ).join('');
  return `<footer class="site-footer">${columns}<p>© La Vigie du Monde. Tous droits réservés.</p></footer>`;
}

function pageHead(story: Story, url: string): string {
  const title = escapeHtml(story.title);
  const style = `.site-header{display:flex}.menu-item{margin:0 4px}`.repeat(24);
  const tracking = `window.dataLayer=window.dataLayer||[];dataLayer.push({page:"${url}"});`.repeat(
    12,
  );
  return (
    `<head><meta charset="utf-8"><title>${title} – La Vigie du Monde</title>` +
    `<meta name="description" content="${escapeHtml(story.summary)}">` +
    `<meta property="og:title" content="${title}"><meta property="og:url" content="${url}">` +
    `<link rel="canonical" href="${url}">` +
    `<meta property="article:published_time" content="${story.publishedAt.toISOString()}">` +
    `<style>${style}</style><script>${tracking}</script></head>`
  );
}

/** Header, nav, share bar, article, a "read also" box, sidebar and footer, padded to about 30 KB. */
function articlePage(stories: Story[], index: number, url: string): string {
  const story = stories[index] as Story;
  const paragraphs = story.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  const readAlso = `<div class="lire-aussi"><a href="/article/${index + 1}">Lire aussi : ${escapeHtml(
    (stories[(index + 1) % stories.length] as Story).title,
  )}</a></div>`;
  paragraphs.splice(3, 0, readAlso);
  const article =
    `<article><header class="article-header"><h1>${escapeHtml(story.title)}</h1>` +
    `<p class="byline">Par la rédaction</p><p class="dateline"><time datetime="${story.publishedAt.toISOString()}">` +
    `${story.publishedAt.toUTCString()}</time></p>${shareBar()}</header>` +
    `<div class="article-body">${paragraphs.join('\n')}</div>${shareBar()}</article>`;
  const html =
    `<!DOCTYPE html><html lang="fr">${pageHead(story, url)}<body>${siteHeader()}` +
    `<main class="layout"><div class="col-main">${article}</div>${siteAside(stories, index)}</main>` +
    `${siteFooter()}`;
  return `${html}${pageState(stories, index, PAGE_BYTES - Buffer.byteLength(html))}</body></html>`;
}

/**
 * The inline JSON state that script-heavy news sites ship (recommendations, here other stories'
 * teasers), as long as the page needs to reach about 30 KB.
 */
function pageState(stories: Story[], index: number, bytes: number): string {
  const related: { title: string; url: string; summary: string }[] = [];
  let size = 0;
  for (let k = 1; size < bytes - 120; k++) {
    const story = stories[(index + 13 * k) % stories.length] as Story;
    const teaser = { title: story.title, url: `/article/${k}`, summary: story.summary };
    related.push(teaser);
    size += Buffer.byteLength(JSON.stringify(teaser)) + 1;
  }
  const state = JSON.stringify({ page: { id: index, section: 'international' }, related });
  return `<script type="application/json" id="page-state">${state.replace(/</g, '\\u003c')}</script>`;
}

function rssFeed(stories: Story[], links: string[], title: string): string {
  const items = stories.map(
    (story, i) =>
      `<item><title>${escapeHtml(story.title)}</title><link>${links[i]}</link>` +
      `<guid isPermaLink="true">${links[i]}</guid><pubDate>${story.publishedAt.toUTCString()}</pubDate>` +
      `<description>${escapeHtml(story.summary)}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>http://127.0.0.1/</link>\n${items.join('\n')}\n</channel></rss>\n`;
}

/** Every response is built before the clock starts, so serving costs the benchmark next to nothing. */
export async function startNewsSite(options: SiteOptions): Promise<NewsSite> {
  const routes = new Map<string, { type: string; body: Buffer }>();
  const served = { feeds: 0, pages: 0 };
  const server: Server = createServer((request, response) => {
    const route = routes.get(request.url ?? '/');
    if (!route) {
      response.writeHead(404).end('not found');
      return;
    }
    if (route.type.startsWith('text/html')) served.pages++;
    else served.feeds++;
    response.writeHead(200, { 'content-type': route.type, 'content-length': route.body.length });
    response.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const total = options.feeds * options.itemsPerFeed;
  const stories = buildStories(total, new Date());
  const feedUrls: string[] = [];
  let pageBytes = 0;
  for (let f = 0; f < options.feeds; f++) {
    const slice = stories.slice(f * options.itemsPerFeed, (f + 1) * options.itemsPerFeed);
    const paths = slice.map((_, i) => `/${options.runId}/site-${f}/article-${i}.html`);
    paths.forEach((path, i) => {
      const body = Buffer.from(articlePage(stories, f * options.itemsPerFeed + i, origin + path));
      pageBytes += body.length;
      routes.set(path, { type: 'text/html; charset=utf-8', body });
    });
    const feedPath = `/${options.runId}/site-${f}/feed.xml`;
    const xml = rssFeed(
      slice,
      paths.map((path) => origin + path),
      `Site ${f}`,
    );
    routes.set(feedPath, { type: 'application/rss+xml; charset=utf-8', body: Buffer.from(xml) });
    feedUrls.push(origin + feedPath);
  }
  return {
    url: origin,
    feedUrls,
    articles: total,
    pageBytes: pageBytes / total,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
