// More body corpora for the extraction bench: the HTML-cleaning sets (CleanEval, CleanPortalEval, Dragnet, L3S-GN1).
//
// Read from j-szulc/html-cleaning-dataset-merged (a mirror of the original sets in one layout:
// <set>/input/<name>.html beside <set>/GoldStandard/<name>.txt), prepared as the Web Content
// Extraction Benchmark does (Bevendorff et al., SIGIR 2023, chatnoir-eu/web-content-extraction-benchmark,
// src/extraction_benchmark/dataset_readers.py), except Dragnet's comments, left out of the truth here.
// Fetch: git clone https://github.com/j-szulc/html-cleaning-dataset-merged \
//   "$VIGIE_CORPORA/j-szulc+html-cleaning-dataset-merged" (235 MB; its README leaves the rights with
// each set's owners: CleanEval (ACL SIGWAC, 2007), CleanPortalEval (ppke-nlpg), Dragnet (Moz,
// seomoz/dragnet_data), L3S-GN1 (Kohlschütter et al., WSDM 2010, via geodrome/page-signal)).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { decodeBody } from '../src/lib/charset.ts';
import type { CorpusPage } from './extract-corpora.ts';

const MERGED = 'j-szulc+html-cleaning-dataset-merged';

/** A corpus with a whole-body ground truth, by the short name VIGIE_BENCH_CORPORA selects it with. */
export interface BodyCorpus {
  id: string;
  title: string;
  read(corpora: string): CorpusPage[];
}

/**
 * The pairs of a set's folder that have both the HTML and the truth, in name order; a page whose
 * truth is empty (a portal or error page with no main text) is left out.
 */
function readPairs(
  root: string,
  toPage: (name: string, html: Buffer, truth: Buffer, path: string) => CorpusPage,
): CorpusPage[] {
  const gold = join(root, 'GoldStandard');
  if (!existsSync(gold)) return [];
  return readdirSync(gold)
    .filter((file) => file.endsWith('.txt') || file.endsWith('.html'))
    .sort()
    .flatMap((file) => {
      const name = file.replace(/\.(txt|html)$/, '');
      const path = join(root, 'input', `${name}.html`);
      if (!existsSync(path)) return [];
      const page = toPage(name, readFileSync(path), readFileSync(join(gold, file)), path);
      return page.body?.trim() ? [page] : [];
    });
}

/** Truth files are UTF-8, except some of Dragnet's, in windows-1252. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * CleanEval's layout (CleanPortalEval uses it too): the HTML wrapped in `<text id="URL" …>`, the
 * truth a `URL: …` line then text with `<p>`, `<h>`, `<l>` marks before each block.
 */
function readCleanEval(root: string): CorpusPage[] {
  return readPairs(root, (name, html, truth, path) => {
    const gold = decodeText(truth);
    const url = /^\s*URL: (\S+)/.exec(gold)?.[1] ?? `http://cleaneval.invalid/${name}`;
    const body = load(gold.replace(/^\s*URL:[^\n]*/, '')).text();
    const page = decodeBody(html).replace(/^\s*<text [^>]*>\s*|\s*<\/text>\s*$/g, '');
    return { name, path, html: page, url, body };
  });
}

/** Dragnet's corrected texts put the comments after a `!@#$%^&*()  COMMENTS` line: the article is before it. */
function readDragnet(root: string): CorpusPage[] {
  return readPairs(root, (name, html, truth, path) => {
    const body = decodeText(truth).split(/^!@#\$%\^&\*\(\)\s+COMMENTS\s*$/m)[0] ?? '';
    return { name, path, html: decodeBody(html), url: `http://dragnet.invalid/${name}`, body };
  });
}

/** L3S-GN1's labels: headline, full text and supplemental text are the content (as WCXB takes them). */
const L3S_CONTENT = new Set(['x-nc-sel1', 'x-nc-sel2', 'x-nc-sel3']);
const L3S_LABEL = /\bx-nc-sel\d\b/;

/** L3S-GN1 (Google News, 2010): the annotated copy labels each run of text by its nearest `x-nc-selN` span. */
function readL3S(root: string): CorpusPage[] {
  return readPairs(root, (name, html, truth, path) => {
    const $ = load(decodeText(truth));
    const parts: string[] = [];
    const walk = (node: AnyNode, content: boolean) => {
      if (node.type === 'text') {
        if (content) parts.push(node.data);
        return;
      }
      if (!('children' in node) || !('name' in node)) return;
      if (node.name === 'script' || node.name === 'style') return;
      const label = L3S_LABEL.exec(node.attribs.class ?? '')?.[0];
      const inside = label === undefined ? content : L3S_CONTENT.has(label);
      for (const child of node.children) walk(child, inside);
    };
    for (const node of $('body').contents().toArray()) walk(node, false);
    const body = parts.join(' ');
    return { name, path, html: decodeBody(html), url: `http://l3s-gn1.invalid/${name}`, body };
  });
}

export const CLEANING_CORPORA: BodyCorpus[] = [
  {
    id: 'cleaneval',
    title: 'CleanEval (dev + final)',
    read: (corpora) => [
      ...readCleanEval(join(corpora, MERGED, 'cleaneval-dev')).map(named('dev/')),
      ...readCleanEval(join(corpora, MERGED, 'cleaneval-final')).map(named('final/')),
    ],
  },
  {
    id: 'cleanportaleval',
    title: 'CleanPortalEval',
    read: (corpora) => readCleanEval(join(corpora, MERGED, 'CleanPortalEval-master')),
  },
  {
    id: 'dragnet',
    title: 'Dragnet',
    read: (corpora) => readDragnet(join(corpora, MERGED, 'dragnet_data')),
  },
  {
    id: 'l3s-gn1',
    title: 'L3S-GN1 (Google News)',
    read: (corpora) => readL3S(join(corpora, MERGED, 'page-signal-master')),
  },
];

function named(prefix: string): (page: CorpusPage) => CorpusPage {
  return (page) => ({ ...page, name: `${prefix}${page.name}` });
}
