// Golden tests: saved pages of different site shapes against their expected article.
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/articles/extract.ts';
import { PermanentError } from '../../../src/lib/errors.ts';

interface Expected {
  file: string;
  url: string | null;
  title: string;
  publishedAt: string | null;
  byline: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  /** Every article paragraph (and subheading), each of which must come out as a block of its own. */
  paragraphs: string[];
  /** Boilerplate that must not appear in the text. */
  excluded: string[];
  /** Text the page repeats (captions, title) that may appear once at most. */
  atMostOnce: string[];
}

const PAGES = new URL('../../fixtures/pages/', import.meta.url);
const goldens: Expected[] = readdirSync(PAGES)
  .filter((name) => name.endsWith('.expected.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, PAGES), 'utf8')) as Expected);

/** Lower case followed by upper case across a missing space ("MossoulUne"), as glued blocks look. */
const GLUE = /\p{Ll}[.!?»:;,)\]]?\p{Lu}/gu;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe.each(goldens)('extractArticle on $file', (expected) => {
  const html = readFileSync(new URL(expected.file, PAGES));
  const article = extractArticle(html, expected.url ? { url: expected.url } : {});
  const blocks = article.text.split('\n\n');

  it('reads title, date, byline, language and canonical URL', () => {
    expect({
      url: article.url,
      title: article.title,
      publishedAt: article.publishedAt,
      byline: article.byline,
      lang: article.lang,
      canonicalUrl: article.canonicalUrl,
    }).toEqual({
      url: expected.url ?? expected.canonicalUrl,
      title: expected.title,
      publishedAt: expected.publishedAt,
      byline: expected.byline,
      lang: expected.lang,
      canonicalUrl: expected.canonicalUrl,
    });
  });

  it('keeps every paragraph as a block of its own, in order', () => {
    const wanted = expected.paragraphs.map(collapse);
    for (const paragraph of wanted) expect(blocks).toContain(paragraph);
    const positions = wanted.map((paragraph) => blocks.indexOf(paragraph));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('leaves out the boilerplate', () => {
    for (const text of expected.excluded) {
      const inArticle = expected.paragraphs.filter((paragraph) => paragraph.includes(text));
      expect(inArticle, 'a golden excludes text of its own article').toEqual([]);
      expect(article.text).not.toContain(collapse(text));
    }
    for (const text of expected.atMostOnce) {
      expect(occurrences(article.text, collapse(text))).toBeLessThanOrEqual(1);
    }
  });

  it('glues no words together and collapses whitespace', () => {
    const inSource = new Set(
      expected.paragraphs.flatMap((paragraph) => paragraph.match(GLUE) ?? []),
    );
    const glued = (article.text.match(GLUE) ?? []).filter((match) => !inSource.has(match));
    expect(glued).toEqual([]);
    for (const block of blocks) expect(block).toBe(collapse(block));
    expect(article.text).not.toMatch(/\n{3,}|Ã|â€/);
  });
});

describe('extractArticle edge cases', () => {
  const page = (body: string, head = '') =>
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

  it('separates blocks that cheerio would glue, and drops scripts inside paragraphs', () => {
    const html = page(
      '<article><div><p>Les forces sont entrées dans Mossoul<script>var x = "Une";</script></p><p>Une seconde offensive, menée au nord, a suivi.</p><ul><li>Alep, Homs</li><li>Raqqa</li></ul></div></article>',
    );
    const { text } = extractArticle(html);
    expect(text).toContain('Les forces sont entrées dans Mossoul\n\nUne seconde offensive');
    expect(text).not.toContain('var x');
  });

  it('takes the title from <title> without the site name when there is no og:title or h1', () => {
    const html = page(
      '<div class="content"><p>Un long paragraphe, avec des virgules, pour que ce bloc soit retenu comme texte.</p></div>',
      '<title>Sahel : nouvelle attaque près de Ménaka | Le Journal</title>',
    );
    expect(extractArticle(html).title).toBe('Sahel : nouvelle attaque près de Ménaka');
  });

  it('falls back to the feed item for the date and detects the language of the text', () => {
    const html = page(
      '<div class="content"><p>The Islamic State claimed responsibility for the attack near Mosul, officials said on Sunday, adding that several soldiers had been killed.</p></div>',
    );
    const article = extractArticle(html, {
      feedItem: { publishedAt: new Date('2024-09-01T08:00:00Z'), title: 'Feed title' },
    });
    expect(article).toMatchObject({
      publishedAt: '2024-09-01T08:00:00.000Z',
      lang: 'en',
      title: 'Feed title',
      url: null,
      canonicalUrl: null,
    });
  });

  it('reads a date-time without offset as UTC, whatever the host time zone', () => {
    const html = page(
      '<p>Texte.</p>',
      '<meta property="article:published_time" content="2024-09-01T10:00:00">',
    );
    expect(extractArticle(html).publishedAt).toBe('2024-09-01T10:00:00.000Z');
  });

  it('honours the charset of the Content-Type for a Buffer', () => {
    const bytes = iconv.encode(
      '<html><body><p>Mossoul, l’armée irakienne, 2 €</p></body></html>',
      'windows-1252',
    );
    const declared = extractArticle(bytes, { contentType: 'text/html; charset=windows-1252' });
    expect(declared.text).toBe('Mossoul, l’armée irakienne, 2 €');
    expect(extractArticle(bytes).text).toContain('\uFFFD');
  });

  it('survives a page nested ten thousand levels deep', () => {
    const html = page(
      `${'<div>'.repeat(10_000)}<p>Au fond, un paragraphe, enfin.</p>${'</div>'.repeat(10_000)}`,
    );
    expect(extractArticle(html).text).toBe('Au fond, un paragraphe, enfin.');
  });

  it.each([
    [
      'a PDF content type',
      '%PDF-1.7 ...',
      'application/pdf',
      /not an HTML page \(application\/pdf\)/,
    ],
    [
      'plain text',
      'Bonjour, ceci est un texte sans balises.',
      undefined,
      /not an HTML page \(no markup\)/,
    ],
    ['binary bytes', '\u0000\u0001\u0002<p>x</p>', undefined, /not an HTML page/],
  ])('rejects %s', (_name, body, contentType, message) => {
    const run = () => extractArticle(body, { url: 'https://x.example/a', contentType });
    expect(run).toThrow(PermanentError);
    expect(run).toThrow(message);
  });
});
