// Where `vigie classify`'s start goes, phase by phase, in a fresh process: bundled by bench/start.ts
// as dist/ is, run by node, one JSON object of milliseconds on stdout.
import { readFileSync } from 'node:fs';

const times: Record<string, number> = {};
let last = 0;
function mark(name: string): void {
  const now = performance.now();
  times[name] = now - last;
  last = now;
}

const [configDir = 'config', file = 'tests/fixtures/fr-raid-anbar-2024-09.txt'] =
  process.argv.slice(2);
mark('node start');
await import('commander');
mark('import commander');
const { configCacheKey, loadConfig } = await import('../src/config/load.ts');
mark('import config/load.ts');
const config = await loadConfig(configDir);
mark('loadConfig (cache as set)');
const { checkTermWriting } = await import('../src/config/term-checks.ts');
await import('../src/config/validate.ts');
mark('import validation (schemas, cron-parser; on a cache miss)');
const [{ compileMatcher }, { compileMatcherCached }, { matchArticle }, { ARTICLE_LANGUAGE }] =
  await Promise.all([
    import('../src/rules/compile.ts'),
    import('../src/config/matcher-cache.ts'),
    import('../src/rules/match.ts'),
    import('../src/articles/language.ts'),
  ]);
mark('import rules, language (franc)');
const { parseDocument } = await import('yaml');
const regionsText = readFileSync(`${configDir}/regions.yaml`, 'utf8');
const regionsData = parseDocument(regionsText).toJS();
mark('parse regions.yaml with yaml (no cache)');
JSON.parse(JSON.stringify(regionsData));
mark('regions.yaml through JSON (cached)');
checkTermWriting({ 'regions.yaml': regionsData });
mark('term checks of regions.yaml');
const matcher = compileMatcherCached(config, configCacheKey(config));
mark('compiled matcher (as classify gets it: read from the cache when warm)');
compileMatcher(config);
mark('compileMatcher (what a cache miss costs)');
const [title = '', ...lines] = readFileSync(file, 'utf8').split('\n');
matchArticle(
  matcher,
  { title, text: lines.join('\n'), lang: null },
  { hits: false, detectLanguage: ARTICLE_LANGUAGE },
);
mark('classify one article');
await import('cheerio');
mark('import cheerio (HTML files only)');
process.stdout.write(`${JSON.stringify(times)}\n`);
