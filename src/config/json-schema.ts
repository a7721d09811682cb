// The JSON Schemas of the config files, generated from the zod schemas for editors (yaml-language-server).
import { z } from 'zod';
import { FILE_SCHEMAS } from './schema.ts';

/** `{ 'rules.schema.json': {...}, ... }`; draft-07 because yaml-language-server supports it best. */
export function buildJsonSchemas(): Record<string, object> {
  const schemas: Record<string, object> = {};
  for (const [file, schema] of Object.entries(FILE_SCHEMAS)) {
    const json = z.toJSONSchema(schema, {
      target: 'draft-07',
      io: 'input',
      unrepresentable: 'any',
    });
    schemas[file.replace(/\.yaml$/, '.schema.json')] = { ...json, title: `vigie ${file}` };
  }
  return schemas;
}
