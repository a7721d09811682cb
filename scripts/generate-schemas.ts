// `npm run schema`: writes config/schema/*.schema.json from the zod schemas of the config files.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildJsonSchemas } from '../src/config/json-schema.ts';

const OUTPUT_DIR = path.join(import.meta.dirname, '..', 'config', 'schema');

async function writeSchemas(): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  for (const [name, schema] of Object.entries(buildJsonSchemas())) {
    const target = path.join(OUTPUT_DIR, name);
    await writeFile(target, `${JSON.stringify(schema, null, 2)}\n`);
    process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
  }
}

await writeSchemas();
