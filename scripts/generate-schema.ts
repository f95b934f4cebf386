/**
 * `npm run schema`: writes schemas/gtec-diagnostic.schema.json from the zod schema (the single
 * source of truth). tests/format/generated.test.ts fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Diagnostic } from '../core/format/schema.js';

export const SCHEMA_PATH = 'schemas/gtec-diagnostic.schema.json';

/** The JSON Schema text, stable: same input, same bytes. */
export function schemaJson(): string {
  const schema = z.toJSONSchema(Diagnostic, { io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  const out = {
    $schema,
    $id: 'urn:gtec:schema:diagnostic:1',
    title: 'Diagnostic GTEC',
    ...rest,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  writeFileSync(path.join(root, SCHEMA_PATH), schemaJson());
  console.log(`écrit : ${SCHEMA_PATH}`);
}
