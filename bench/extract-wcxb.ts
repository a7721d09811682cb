// The WCXB development set for the extraction bench: 1,497 pages of 2025 with reviewed main text, title and date.
//
// Murrough Foley, "WCXB: A Multi-Type Web Content Extraction Benchmark" (2026, arXiv:2605.21097),
// github.com/Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0. Only `dev/` is read: the
// `test/` split is its authors' held-out set. Its truth was drafted with a language model, then
// checked by scripts and reviewed by people (its README, "Annotation Methodology").
// Fetch: git clone https://github.com/Murrough-Foley/web-content-extraction-benchmark \
//   "$VIGIE_CORPORA/Murrough-Foley+web-content-extraction-benchmark" (dev/ is 100 MB).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeBody } from '../src/lib/charset.ts';
import type { BodyCorpus } from './extract-cleaning.ts';
import type { CorpusPage } from './extract-corpora.ts';

const WCXB = 'Murrough-Foley+web-content-extraction-benchmark/dev';

interface WcxbTruth {
  url: string;
  _internal?: { page_type?: { primary?: string } };
  ground_truth: { title?: string; publish_date?: string; main_content?: string };
}

/** The dev pages of the given page type (article, forum, product…), or of every type. */
function readWcxb(corpora: string, type?: string): CorpusPage[] {
  const truthDir = join(corpora, WCXB, 'ground-truth');
  if (!existsSync(truthDir)) return [];
  return readdirSync(truthDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const truth = JSON.parse(readFileSync(join(truthDir, file), 'utf8')) as WcxbTruth;
      if (type !== undefined && truth._internal?.page_type?.primary !== type) return [];
      const name = file.replace(/\.json$/, '');
      const path = join(corpora, WCXB, 'html', `${name}.html.gz`);
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
    id: 'wcxb',
    title: 'WCXB dev, all 7 page types',
    read: (corpora) => readWcxb(corpora),
  },
];
