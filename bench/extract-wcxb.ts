// The WCXB sets for the extraction bench: 1,497 dev pages of 2025 with reviewed main text, title
// and date, and its test split.
//
// Murrough Foley, "WCXB: A Multi-Type Web Content Extraction Benchmark" (2026, arXiv:2605.21097),
// github.com/Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0. We develop on `dev/`. The
// `test/` split (511 pages, its authors' held-out set) is read only as `wcxb-test-articles`, for a
// figure measured once at the end of a session: its pages are never looked at to tune. Its truth was drafted with a language model, then
// checked by scripts and reviewed by people (its README, "Annotation Methodology").
// Fetch: git clone https://github.com/Murrough-Foley/web-content-extraction-benchmark \
//   "$VIGIE_CORPORA/Murrough-Foley+web-content-extraction-benchmark" (dev/ is 100 MB).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeBody } from '../src/lib/charset.ts';
import type { BodyCorpus } from './extract-cleaning.ts';
import type { CorpusPage } from './extract-corpora.ts';

const WCXB = 'Murrough-Foley+web-content-extraction-benchmark';

interface WcxbTruth {
  url: string;
  _internal?: { page_type?: { primary?: string } };
  ground_truth: { title?: string; publish_date?: string; main_content?: string };
}

/** The pages of a split of the given page type (article, forum, product…), or of every type. */
function readWcxb(corpora: string, type?: string, split: 'dev' | 'test' = 'dev'): CorpusPage[] {
  const truthDir = join(corpora, WCXB, split, 'ground-truth');
  if (!existsSync(truthDir)) return [];
  return readdirSync(truthDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const truth = JSON.parse(readFileSync(join(truthDir, file), 'utf8')) as WcxbTruth;
      if (type !== undefined && truth._internal?.page_type?.primary !== type) return [];
      const name = file.replace(/\.json$/, '');
      const path = join(corpora, WCXB, split, 'html', `${name}.html.gz`);
      if (!existsSync(path) || !truth.ground_truth.main_content?.trim()) return [];
      return [
        {
          name,
          path,
          html: decodeBody(gunzipSync(readFileSync(path))),
          url: truth.url,
          body: truth.ground_truth.main_content,
          title: truth.ground_truth.title ?? '',
          publishedAt: truth.ground_truth.publish_date || undefined,
        },
      ];
    });
}

export const WCXB_CORPORA: BodyCorpus[] = [
  {
    id: 'wcxb-articles',
    title: 'WCXB dev, articles',
    read: (corpora) => readWcxb(corpora, 'article'),
  },
  {
    id: 'wcxb-test-articles',
    title: 'WCXB test (held out by its authors), articles',
    read: (corpora) => readWcxb(corpora, 'article', 'test'),
  },
  {
    id: 'wcxb',
    title: 'WCXB dev, all 7 page types',
    read: (corpora) => readWcxb(corpora),
  },
];
