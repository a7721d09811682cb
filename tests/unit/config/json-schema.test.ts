// The committed JSON Schemas match the zod schemas, and the example config files point editors at them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas } from '../../../src/config/json-schema.ts';
import { validateConfig } from '../../../src/config/validate.ts';

const ROOT = path.join(import.meta.dirname, '../../..');
const read = (relative: string): string => readFileSync(path.join(ROOT, relative), 'utf8');

describe('config/schema/*.schema.json', () => {
  it.each(Object.entries(buildJsonSchemas()))(
    '%s is up to date (npm run schema)',
    (name, schema) => {
      expect(JSON.parse(read(`config/schema/${name}`))).toEqual(schema);
    },
  );
});

describe('example config files', () => {
  it.each(['feeds', 'notify'])('config/%s.yaml names its schema on the first line', (name) => {
    const firstLine = read(`config/${name}.yaml`).split('\n')[0];
    expect(firstLine).toBe(`# yaml-language-server: $schema=./schema/${name}.schema.json`);
  });

  it('config/feeds.yaml and config/notify.yaml are valid', () => {
    const fixtures = 'tests/fixtures/config/valid';
    const result = validateConfig([
      { name: 'config/feeds.yaml', text: read('config/feeds.yaml') },
      { name: 'config/notify.yaml', text: read('config/notify.yaml') },
      { name: `${fixtures}/regions.yaml`, text: read(`${fixtures}/regions.yaml`) },
      { name: `${fixtures}/rules.yaml`, text: read(`${fixtures}/rules.yaml`) },
    ]);
    expect(result).toMatchObject({ ok: true });
  });
});
