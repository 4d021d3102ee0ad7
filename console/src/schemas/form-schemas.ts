// The schemas the console's forms are generated from, derived from schemas/ at start (never copied).
import { BODY_SCHEMA_FILE, SCHEMAS, type JsonSchema } from './registry.js';
import { inlineSchema } from './inline.js';
import { withLabels } from './labels.js';
import type { MessageType } from '../api/types.js';

function forForm(schema: JsonSchema): JsonSchema {
  const copy = { ...schema };
  delete copy.$id;
  delete copy.$schema;
  return withLabels(copy);
}

const cache = new Map<string, JsonSchema>();

/** The form schema of a message body: the body schema with its shared definitions inlined. */
export function bodySchema(type: MessageType): JsonSchema {
  const key = `body:${type}`;
  let s = cache.get(key);
  if (!s) {
    s = forForm(inlineSchema(SCHEMAS, BODY_SCHEMA_FILE[type]));
    cache.set(key, s);
  }
  return s;
}

/**
 * The form schema of the handling conditions an analyst sets: the handling every message carries
 * (common.schema.json) without `containsPersonalData`, which the node computes from the body.
 */
export function handlingSchema(): JsonSchema {
  let s = cache.get('handling');
  if (!s) {
    const common = inlineSchema(
      { ...SCHEMAS, 'handling-of-common': { $ref: 'common.schema.json#/$defs/handling' } },
      'handling-of-common',
    );
    const properties = { ...(common.properties as Record<string, unknown>) };
    delete properties.containsPersonalData;
    const required = (common.required as string[]).filter((r) => r !== 'containsPersonalData');
    s = forForm({ ...common, title: undefined, properties, required });
    delete s.title;
    cache.set('handling', s);
  }
  return s;
}
