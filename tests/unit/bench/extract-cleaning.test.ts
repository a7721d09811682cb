// The added corpora's readers on small made-up sets in their layouts, and the worst-pages ranking.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEANING_CORPORA } from '../../../bench/extract-cleaning.ts';
import type { CorpusPage } from '../../../bench/extract-corpora.ts';
import { WCXB_CORPORA } from '../../../bench/extract-wcxb.ts';
import { findWorst, formatWorst } from '../../../bench/extract-worst.ts';

const MERGED = 'j-szulc+html-cleaning-dataset-merged';

/** Writes `files` (path → content) under a fresh folder and returns it. */
function writeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'vigie-corpora-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function readCorpus(id: string, root: string): CorpusPage[] {
  const corpus = [...CLEANING_CORPORA, ...WCXB_CORPORA].find((c) => c.id === id);
  if (!corpus) throw new Error(`no corpus ${id}`);
  return corpus.read(root);
}

describe('the HTML-cleaning corpora', () => {
  it('reads CleanEval without its <text> wrapper or URL line, and skips a page whose truth is empty', () => {
    const root = writeTree({
      [`${MERGED}/cleaneval-dev/input/1.html`]:
        '<text id="http://a.example/x" title="X">\n<html><body><p>Body</p></body></html>\n</text>\n',
      [`${MERGED}/cleaneval-dev/GoldStandard/1.txt`]:
        'URL: http://a.example/x\n\n<h>Title here\n\n<p>First &amp; second\n<l>Item\n',
      [`${MERGED}/cleaneval-dev/input/2.html`]:
        '<text id="http://b.example/">\n<html></html>\n</text>',
      [`${MERGED}/cleaneval-dev/GoldStandard/2.txt`]: 'URL: http://b.example/\n\n',
    });
    const pages = readCorpus('cleaneval', root);
    expect(pages.map((p) => p.name)).toEqual(['dev/1']);
    const [page] = pages;
    expect(page?.url).toBe('http://a.example/x');
    expect(page?.html).toBe('<html><body><p>Body</p></body></html>');
    expect(page?.body?.replace(/\s+/g, ' ').trim()).toBe('Title here First & second Item');
  });

  it("keeps Dragnet's article and leaves its comments out, reading windows-1252 truth", () => {
    const root = writeTree({
      [`${MERGED}/dragnet_data/input/7.html`]: '<html><body>x</body></html>',
      [`${MERGED}/dragnet_data/GoldStandard/7.txt`]: Buffer.from(
        'Caf\xe9 article text\n!@#$%^&*()  COMMENTS\nFirst!\n',
        'latin1',
      ),
    });
    expect(readCorpus('dragnet', root).map((p) => p.body?.trim())).toEqual(['Café article text']);
  });

  it("takes L3S-GN1's headline, full text and supplemental labels, each run by its nearest label", () => {
    const root = writeTree({
      [`${MERGED}/page-signal-master/input/a.html`]: '<html><body>x</body></html>',
      [`${MERGED}/page-signal-master/GoldStandard/a.html`]: `<html><head><style>.x-nc-sel2{}</style></head><body>
        <span class="x-nc-sel0">Menu <span class="x-nc-sel1">Headline</span> Login</span>
        <span class="x-nc-sel2"><p>Body <b>bold</b> <span class="x-nc-sel5">comment</span> end</p></span>
        <span class="x-nc-sel3">Caption</span><span class="x-nc-sel4">Related</span></body></html>`,
    });
    const [page] = readCorpus('l3s-gn1', root);
    expect(page?.body?.replace(/\s+/g, ' ').trim()).toBe('Headline Body bold end Caption');
  });
});

describe('WCXB', () => {
  it('reads the dev pages of one type with their title and date, from gzipped HTML', async () => {
    const { gzipSync } = await import('node:zlib');
    const truth = (type: string, text: string) =>
      JSON.stringify({
        url: `https://example.com/${type}`,
        _internal: { page_type: { primary: type } },
        ground_truth: { title: 'T', publish_date: '2025-09-04', main_content: text },
      });
    const dir = 'Murrough-Foley+web-content-extraction-benchmark/dev';
    const root = writeTree({
      [`${dir}/ground-truth/0001.json`]: truth('article', 'Article text'),
      [`${dir}/html/0001.html.gz`]: gzipSync('<html><body>Article text</body></html>'),
      [`${dir}/ground-truth/0002.json`]: truth('product', 'Product text'),
      [`${dir}/html/0002.html.gz`]: gzipSync('<html><body>Product</body></html>'),
    });
    const articles = readCorpus('wcxb-articles', root);
    expect(articles.map((p) => [p.name, p.body, p.title, p.publishedAt, p.url])).toEqual([
      ['0001', 'Article text', 'T', '2025-09-04', 'https://example.com/article'],
    ]);
    expect(articles[0]?.html).toContain('<body>Article text</body>');
    expect(readCorpus('wcxb', root)).toHaveLength(2);
  });
});

describe('findWorst', () => {
  const page = (name: string, body: string): CorpusPage => ({
    name,
    path: `/c/${name}`,
    html: '',
    url: '',
    body,
  });
  const good = page('good', 'one two three four five');
  const bad = page('bad', 'one two three four five');
  const tie = page('tie', 'one two three four five');

  it("ranks the first candidate's lowest F1 first; a tie goes to where another candidate did better", () => {
    const results = [
      [
        { page: good, text: 'one two three four five' },
        { page: bad, text: 'nothing in common here' },
        { page: tie, text: 'nothing in common here' },
      ],
      [
        { page: good, text: '' },
        { page: bad, text: '' },
        { page: tie, text: 'one two three four five' },
      ],
    ];
    const rows = findWorst([{ corpus: 'c', results }], 2);
    expect(rows.map((r) => [r.page.name, r.scores])).toEqual([
      ['tie', [0, 1]],
      ['bad', [0, 0]],
    ]);
    expect(formatWorst(['vigie', 'Readability'], rows)[2]).toBe(
      '| 1 | c | tie | 0.000 | 1.000 | 22 | /c/tie |',
    );
  });
});
