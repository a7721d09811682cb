// `npx tsx bench/focus.ts`: which countries the samples are found to be about, for several focus settings, against labels.
// Each sample is read twice, as its .txt (first line as title) and as its page through the extractor,
// so a lead that starts with a date line or a blog's motto is measured too.
import { readFileSync } from 'node:fs';
import { readDocument } from '../src/articles/document.ts';
import { readHtmlDocument } from '../src/articles/html-document.ts';
import { loadConfig } from '../src/config/load.ts';
import { compileMatcher, type Matcher } from '../src/rules/compile.ts';
import type { FocusSettings } from '../src/rules/focus.ts';
import { matchArticle } from '../src/rules/match.ts';

/** What each sample is about, by reading it: the countries where its events take place. */
const LABELS: { files: string[]; about: string[] }[] = [
  // Baghdadi's guards fight foreign fighters near Hajin (Syria); his Iraqi past is half the article.
  {
    files: ['fr-baghdadi-complot-2019-02.txt', 'pages/windows-1252-baghdadi.html'],
    about: ['syria', 'iraq'],
  },
  // Islamic State prisoners in the camps of north-east Syria; American generals speak.
  {
    files: ['fr-ei-camps-syrie-2024-12.txt', 'pages/jsonld-graph-ei-camps.html'],
    about: ['syria'],
  },
  // Islamic State's renewal in Iraq; the United States, Israel and Gaza as context.
  { files: ['fr-isis-irak-renouveau-2024-01.txt', 'pages/news-isis-irak.html'], about: ['iraq'] },
  // A weekly round-up: mostly Syria and Iraq (Mosul, Aleppo), then Sinai, Libya, France.
  {
    files: ['fr-jihad-mondial-2016-11.txt', 'pages/amp-jihad-mondial.html'],
    about: ['syria', 'iraq'],
  },
  // A raid in Anbar by American and Iraqi forces; Israel and Tehran named once, in passing.
  { files: ['fr-raid-anbar-2024-09.txt', 'pages/wordpress-raid-anbar.html'], about: ['iraq'] },
];

const SETTINGS: (FocusSettings & { name: string })[] = [
  { name: 'every country named (before)', share: 0, leadChars: 0, leadShare: 0 },
  { name: 'share ≥ 0.15', share: 0.15, leadChars: 0, leadShare: 1 },
  { name: 'share ≥ 0.2', share: 0.2, leadChars: 0, leadShare: 1 },
  { name: 'share ≥ 0.25', share: 0.25, leadChars: 0, leadShare: 1 },
  { name: 'share ≥ 0.3', share: 0.3, leadChars: 0, leadShare: 1 },
  { name: 'title/lead 200 only, share ≥ 0', share: 1.01, leadChars: 200, leadShare: 0 },
  { name: 'share ≥ 0.2 or title (≥ 0.1)', share: 0.2, leadChars: 0, leadShare: 0.1 },
  { name: 'share ≥ 0.2 or title/lead 150 (≥ 0.1)', share: 0.2, leadChars: 150, leadShare: 0.1 },
  { name: 'share ≥ 0.2 or title/lead 200 (≥ 0.1)', share: 0.2, leadChars: 200, leadShare: 0.1 },
  { name: 'share ≥ 0.25 or title/lead 200 (≥ 0.1)', share: 0.25, leadChars: 200, leadShare: 0.1 },
  { name: 'share ≥ 0.2 or title/lead 400 (≥ 0.05)', share: 0.2, leadChars: 400, leadShare: 0.05 },
  { name: 'share ≥ 0.2 or title/lead 400 (≥ 0)', share: 0.2, leadChars: 400, leadShare: 0 },
];

const config = await loadConfig('config');
const documents = LABELS.flatMap(({ files, about }) =>
  files.map((file) => ({
    file,
    about,
    document: readDocument(file, readFileSync(`tests/fixtures/${file}`), readHtmlDocument),
  })),
);

console.log(
  '| settings | about found | named in passing, counted | missed | extra (sample: countries) |',
);
console.log('| --- | ---: | ---: | ---: | --- |');
for (const settings of SETTINGS) {
  const matcher = compileMatcher({ rules: [], regions: config.regions, focus: settings });
  let found = 0;
  let extra = 0;
  let missed = 0;
  const extras: string[] = [];
  for (const { file, about, document } of documents) {
    const countries = focusCountries(matcher, document);
    found += about.filter((id) => countries.includes(id)).length;
    missed += about.filter((id) => !countries.includes(id)).length;
    const wrong = countries.filter((id) => !about.includes(id));
    extra += wrong.length;
    const shown = wrong.length > 3 ? [...wrong.slice(0, 3), '…'] : wrong;
    if (wrong.length > 0)
      extras.push(`${file.replace(/^pages\//, '').slice(0, 14)}: ${shown.join(' ')}`);
  }
  const total = documents.reduce((sum, doc) => sum + doc.about.length, 0);
  console.log(
    `| ${settings.name} | ${found}/${total} | ${extra} | ${missed} | ${extras.slice(0, 4).join('; ')}${extras.length > 4 ? '…' : ''} |`,
  );
}

function focusCountries(matcher: Matcher, document: { title: string; text: string }): string[] {
  const topLevel = new Set(matcher.topRegions.map((index) => matcher.regions[index]?.id));
  return matchArticle(matcher, document, { hits: false }).focus.filter((id) => topLevel.has(id));
}
