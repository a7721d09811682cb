// parseFeed over saved RSS 2.0, RSS 1.0, RSS 0.91 and Atom documents, and over documents that are not feeds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/feeds/parse.ts';
import { decodeBody } from '../../../src/lib/charset.ts';
import { PermanentError } from '../../../src/lib/errors.ts';

function fixture(name: string): string {
  return decodeBody(readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url)));
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected parseFeed to fail');
}

describe('parseFeed: RSS 2.0', async () => {
  const feed = await parseFeed(fixture('rss2-opex.xml'), {
    feedUrl: 'https://www.opex360.example/feed/',
  });
  const [first, second, third] = feed.items;

  it('reads the channel', () => {
    expect(feed).toMatchObject({
      title: 'Zone Militaire – opex360',
      link: 'https://www.opex360.example/',
      ttlMinutes: 30,
    });
    expect(feed.items).toHaveLength(3);
  });

  it('reads an item with content:encoded, dc:creator and a non-permalink guid', () => {
    expect(first).toMatchObject({
      guid: 'https://www.opex360.example/?p=12345',
      url: 'https://www.opex360.example/2024/09/01/raid-anbar/?utm_source=rss&utm_medium=rss',
      title:
        'Les forces américaines et irakiennes ont tué 15 membres de Daesh lors d’un raid mené dans le désert d’Al-Anbar',
      author: 'Laurent Lagneau',
      publishedAt: new Date('2024-09-01T08:30:00Z'),
    });
    expect(first?.summary).toBe(
      'En juin, le gouvernement irakien a dit souhaiter la fin des activités de la coalition antijihadiste « Inherent Resolve ». Des négociations avec Washington ont ensuite été lancées.',
    );
    expect(first?.contentHtml).toContain('<p>« Nous étions très près d’annoncer cet accord »');
  });

  it('resolves a relative link against the feed URL', () => {
    expect(second?.url).toBe('https://www.opex360.example/2024/08/30/mossoul-attaque/');
    expect(second?.title).toBe('Mossoul : l’EI revendique une attaque');
    expect(second?.publishedAt).toEqual(new Date('2024-08-30T15:05:00Z'));
    expect(second?.contentHtml).toBeUndefined();
  });

  it('keeps an item without link or valid date', () => {
    expect(third).toMatchObject({
      guid: 'tag:opex360.example,2024:breve-1',
      summary: 'Texte de la brève.',
    });
    expect(third?.url).toBeUndefined();
    expect(third?.publishedAt).toBeUndefined();
  });
});

describe('parseFeed: RSS 1.0 (RDF)', async () => {
  const feed = await parseFeed(fixture('rss1-rdf.xml'), { feedUrl: 'https://veille.example/rss' });

  it('reads items with dc:date and escaped HTML in the description', () => {
    expect(feed.title).toBe('Veille Sahel');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: 'https://veille.example/notes/42',
      url: 'https://veille.example/notes/42',
      title: 'Attaque d’un camp militaire près de Ménaka',
      summary: 'Un camp de l’armée malienne a été visé par une attaque revendiquée par l’EIGS.',
      author: 'Rédaction',
      publishedAt: new Date('2024-09-02T06:15:00Z'),
    });
    expect(feed.items[1]?.publishedAt).toEqual(new Date('2024-09-01T19:00:00Z'));
  });
});

describe('parseFeed: Atom', async () => {
  const feed = await parseFeed(fixture('atom-blog.xml'), {
    feedUrl: 'https://carnet.example/atom.xml',
  });
  const [first, second, third] = feed.items;

  it('reads entries with html titles, relative links, authors and content', () => {
    expect(feed).toMatchObject({ title: 'Carnet de terrain', link: 'https://carnet.example/' });
    expect(first).toMatchObject({
      guid: 'tag:carnet.example,2024:ei-camps',
      url: 'https://carnet.example/2024/12/ei-camps-syrie',
      title: 'L’État islamique veut libérer « 8 000 » djihadistes détenus',
      author: 'Jeanne Martin',
      publishedAt: new Date('2024-12-10T07:00:00Z'),
      summary: 'Le général Kurilla a révélé que le « chef » de l’Etat islamique avait été tué.',
    });
    expect(first?.contentHtml).toContain('<p>L’État islamique veut faire sortir');
  });

  it('survives an entry whose date does not parse (rss-parser would lose the whole feed)', () => {
    expect(second).toMatchObject({
      title: 'Entrée sans date valide',
      summary: 'Contenu seul, sans résumé.',
    });
    expect(second?.publishedAt).toBeUndefined();
  });

  it('does not let Date.parse guess a date from free text', () => {
    expect(third?.title).toBe('Entrée à la date en toutes lettres');
    expect(third?.publishedAt).toBeUndefined();
  });
});

describe('parseFeed: legacy and encodings', () => {
  it('reads RSS 0.91 with its external DTD and HTML entity names, fetching nothing', async () => {
    const feed = await parseFeed(fixture('rss091-dtd.xml'), {
      feedUrl: 'http://journal.example/rss',
    });
    expect(feed.title).toBe('Le Journal défense');
    expect(feed.items[0]).toMatchObject({
      title: 'Alep : la ligne de front s’est déplacée',
      summary: 'Les combats ont repris près d’Alep.',
      url: 'http://journal.example/alep.html',
    });
  });

  it('reads a windows-1252 feed declared in the XML prolog', async () => {
    const feed = await parseFeed(fixture('rss2-windows-1252.xml'), {
      feedUrl: 'https://hebdo.example/rss',
    });
    expect(feed.title).toBe('Défense & Sécurité — l’hebdo');
    expect(feed.items[0]?.summary).toBe(
      '« Une opération réussie », selon l’état-major. Coût : 2 € par habitant, œuvre commune.',
    );
  });
});

describe('parseFeed: not a feed', () => {
  it.each([
    ['an empty body', '', /not a feed \(empty body\)/],
    ['blank space', ' \n\t ', /not a feed \(empty body\)/],
    [
      'an HTML page',
      '<!DOCTYPE html><html><head><title>x</title></head><body><p>x</body></html>',
      /not a feed \(an HTML page\)/,
    ],
    [
      'XHTML',
      '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
      /not a feed \(an HTML page\)/,
    ],
    [
      'malformed XML',
      '<rss version="2.0"><channel><title>x</channel></rss>',
      /not a feed \(Unexpected close tag/,
    ],
    ['truncated XML', '<rss version="2.0"><channel><title>x</title><item>', /not a feed \(/],
    [
      'another XML document',
      '<urlset><url><loc>https://x.example/</loc></url></urlset>',
      /not a feed \(root element is not rss, rdf:RDF or feed\)/,
    ],
    ['plain text', 'Bonjour, ceci est un texte.', /not a feed \(/],
  ])('rejects %s', async (_name, text, message) => {
    const error = await failure(parseFeed(text, { feedUrl: 'https://x.example/feed' }));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toMatch(/^feeds: https:\/\/x\.example\/feed: /);
    expect(error.message).toMatch(message);
  });
});
