// The extraction bench's corpora, read from VIGIE_CORPORA: Readability's test pages and trafilatura's snippet sets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToText } from '../src/articles/text.ts';
import { decodeBody } from '../src/lib/charset.ts';

/** A page with human-made ground truth: the full body, or snippets that must and must not be kept. */
export interface CorpusPage {
  name: string;
  /** The file the HTML was read from, so a failing page can be opened. */
  path: string;
  html: string;
  url: string;
  body?: string;
  title?: string;
  /** The ground truth's publication time, when it has one. */
  publishedAt?: string;
  withs?: string[];
  withouts?: string[];
}

const READABILITY = 'mozilla+readability/test/test-pages';
const TRAFILATURA = 'adbar+trafilatura/tests';
const GO_TRAFILATURA = 'markusmobius+go-trafilatura';

/**
 * Readability's test pages that are an outlet's article (news, magazines, news sites' blogs),
 * not unit-test snippets, docs, wikis, fiction or home pages.
 */
// biome-ignore format: one list
export const READABILITY_NEWS = new Set([
  'aktualne', 'ars-1', 'article-author-tag', 'bbc-1', 'breitbart', 'bug-1255978', 'buzzfeed-1',
  'citylab-1', 'cnet', 'cnet-svg-classes', 'cnn', 'engadget', 'folha', 'gmw', 'guardian-1', 'heise',
  'herald-sun-1', 'la-nacion', 'lazy-image-2', 'lemonde-1', 'liberation-1',
  'lifehacker-post-comment-load', 'lifehacker-working', 'medicalnewstoday', 'msn', 'nytimes-1',
  'nytimes-2', 'nytimes-3', 'nytimes-4', 'qq', 'quanta-1', 'salon-1', 'schema-org-context-object',
  'seattletimes-1', 'spiceworks', 'telegraph', 'theverge', 'tmz-1', 'videos-1', 'videos-2', 'wapo-1',
  'wapo-2', 'webmd-1', 'webmd-2', 'wikia', 'wordpress', 'yahoo-1', 'yahoo-3', 'yahoo-4', 'youth',
]);

/** Readability's 130 test pages: source, expected content as text, expected title and date. */
export function readReadabilityPages(corpora: string): CorpusPage[] {
  const root = join(corpora, READABILITY);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const metadata = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8'));
      return {
        name,
        path: join(dir, 'source.html'),
        // Stored as UTF-8 whatever their <meta charset> says (qq's still says GB2312).
        html: readFileSync(join(dir, 'source.html'), 'utf8'),
        url: `http://fakehost/test/${name}/`,
        body: htmlToText(readFileSync(join(dir, 'expected.html'), 'utf8')),
        title: metadata.title ?? '',
        publishedAt: metadata.publishedTime ?? undefined,
      };
    });
}

interface SnippetEntry {
  file: string;
  with: string[];
  without: string[];
}

/**
 * trafilatura's evaluation pages with their snippets, plus the few go-trafilatura lists that
 * trafilatura's own file lacks; a page whose HTML is in neither folder is left out.
 */
export function readSnippetPages(corpora: string): CorpusPage[] {
  const dataFile = join(corpora, TRAFILATURA, 'evaldata.json');
  if (!existsSync(dataFile)) return [];
  const entries = Object.entries(JSON.parse(readFileSync(dataFile, 'utf8'))) as [
    string,
    SnippetEntry,
  ][];
  const known = new Set(entries.map(([, entry]) => entry.file));
  const extra = readGoEntries(corpora).filter(([, entry]) => !known.has(entry.file));
  const folders = [
    join(corpora, TRAFILATURA, 'eval'),
    join(corpora, GO_TRAFILATURA, 'test-files/comparison'),
  ];
  return [...entries, ...extra].flatMap(([url, entry]) => {
    const path = folders.map((folder) => join(folder, entry.file)).find((p) => existsSync(p));
    if (!path) return [];
    const html = decodeBody(readFileSync(path));
    return [{ name: entry.file, path, html, url, withs: entry.with, withouts: entry.without }];
  });
}

/** go-trafilatura keeps its lists as Go source: `"url": { File: "…", With: []string{…}, Without: … }`. */
function readGoEntries(corpora: string): [string, SnippetEntry][] {
  const path = join(corpora, GO_TRAFILATURA, 'scripts/comparison/data.go');
  if (!existsSync(path)) return [];
  const source = readFileSync(path, 'utf8');
  const goString = String.raw`"((?:[^"\\]|\\.)*)"`;
  const entry = new RegExp(`${goString}:\\s*\\{([\\s\\S]*?)\\n\\t\\},`, 'g');
  const strings = (text: string | undefined) =>
    [...(text ?? '').matchAll(new RegExp(goString, 'g'))].map(
      (m) => JSON.parse(`"${m[1]}"`) as string,
    );
  return [...source.matchAll(entry)].flatMap((match) => {
    const fields = match[2] ?? '';
    const file = strings(/File:\s*("[^\n]*")/.exec(fields)?.[1])[0];
    const withs = strings(/With:\s*\[\]string\{([^\n]*)\}/.exec(fields)?.[1]);
    const withouts = strings(/Without:\s*\[\]string\{([^\n]*)\}/.exec(fields)?.[1]);
    if (!file || withs.length === 0) return [];
    return [[JSON.parse(`"${match[1]}"`) as string, { file, with: withs, without: withouts }]];
  });
}
