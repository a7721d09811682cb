// Writes gazetteer/division-names.json: the first-level divisions' names in English, French, Russian
// and Arabic, and their GeoNames admin1 codes, taken from the npm package iso3166-2-db (its i18n
// files). The package weighs 283 MB installed (43,000 files) for the 450 KB read here, so the
// extract is committed and the package is not a dependency. To refresh the extract:
//   npm install --no-save iso3166-2-db@2.3.11 && tsx scripts/extract-division-names.ts
// or give the package's directory: tsx scripts/extract-division-names.ts /path/to/iso3166-2-db
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const DIVISION_LOCALES = ['en', 'fr', 'ru', 'ar'] as const;

/** A division as extracted: its ISO 3166-2 suffix, its name, and GeoNames' admin1 code when known. */
export type DivisionRow = [iso: string, name: string, admin?: string];

/** locale → ISO 3166-1 alpha-2 code → the country's divisions, in the package's order. */
export type DivisionNames = Record<string, Record<string, DivisionRow[]>>;

const ROOT = join(import.meta.dirname, '..');
export const DIVISION_NAMES_FILE = join(ROOT, 'gazetteer/division-names.json');

function packageDir(): string {
  const given = process.argv[2];
  if (given) return given;
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve('iso3166-2-db/package.json'));
  } catch {
    throw new Error(
      'extract-division-names: iso3166-2-db is not installed (npm install --no-save iso3166-2-db@2.3.11, or give its directory)',
    );
  }
}

function extract(dir: string): DivisionNames {
  const names: DivisionNames = {};
  for (const locale of DIVISION_LOCALES) {
    const countries = JSON.parse(
      readFileSync(join(dir, 'i18n', `${locale}.json`), 'utf8'),
    ) as Record<string, { regions?: { iso: string; name: string; admin?: string }[] }>;
    const byCountry: Record<string, DivisionRow[]> = {};
    for (const [code, country] of Object.entries(countries)) {
      const rows = (country.regions ?? []).map(
        (region): DivisionRow =>
          region.admin ? [region.iso, region.name, region.admin] : [region.iso, region.name],
      );
      if (rows.length > 0) byCountry[code] = rows;
    }
    names[locale] = byCountry;
  }
  return names;
}

/** One line per locale and country, so that a refresh reads as a diff of the countries it changed. */
function render(names: DivisionNames, version: string): string {
  const locales = Object.entries(names).map(([locale, byCountry]) => {
    const lines = Object.entries(byCountry).map(
      ([code, rows]) => `      ${JSON.stringify(code)}: ${JSON.stringify(rows)}`,
    );
    return `    ${JSON.stringify(locale)}: {\n${lines.join(',\n')}\n    }`;
  });
  const source = `iso3166-2-db ${version} (MIT; names from Wikidata, GeoNames and OpenStreetMap, ODbL: see config/ATTRIBUTION.md), extracted by scripts/extract-division-names.ts`;
  return `{\n  "source": ${JSON.stringify(source)},\n  "names": {\n${locales.join(',\n')}\n  }\n}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = packageDir();
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  writeFileSync(DIVISION_NAMES_FILE, render(extract(dir), version));
  console.log(`wrote ${DIVISION_NAMES_FILE} from iso3166-2-db ${version}`);
}
