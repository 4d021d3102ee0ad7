// The schemas the console's forms are generated from, derived from schemas/ (never copied); the build precompiles their validators.
import { BODY_SCHEMA_FILE, SCHEMAS, type JsonSchema } from './registry.js';
import { inlineSchema } from './inline.js';
import { withLabels } from './labels.js';

/** The forms of the console: the handling an analyst sets and each body it composes. */
export type FormName = 'handling' | keyof typeof BODY_SCHEMA_FILE;

/** A value that is one of several string forms (a date or a year) is a string: said once for the form library. */
function stringChoices(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stringChoices);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) out[k] = stringChoices(v);
  const options = (out.anyOf ?? out.oneOf) as JsonSchema[] | undefined;
  if (
    out.type === undefined &&
    Array.isArray(options) &&
    options.length > 0 &&
    options.every((o) => o.type === 'string')
  )
    out.type = 'string';
  return out;
}

function forForm(schema: JsonSchema): JsonSchema {
  const copy = { ...schema };
  delete copy.$id;
  delete copy.$schema;
  return stringChoices(withLabels(copy)) as JsonSchema;
}

/**
 * The handling conditions an analyst sets: the handling every message carries
 * (common.schema.json) without `containsPersonalData`, which the node computes from the body.
 */
function handling(): JsonSchema {
  const common = inlineSchema(
    { ...SCHEMAS, 'handling-of-common': { $ref: 'common.schema.json#/$defs/handling' } },
    'handling-of-common',
  );
  const properties = { ...(common.properties as Record<string, unknown>) };
  delete properties.containsPersonalData;
  const required = (common.required as string[]).filter((r) => r !== 'containsPersonalData');
  const s = forForm({ ...common, properties, required });
  delete s.title;
  return s;
}

/** Every form's schema, by form. */
export function formSchemas(): Record<FormName, JsonSchema> {
  return {
    handling: handling(),
    'trace-request': forForm(inlineSchema(SCHEMAS, BODY_SCHEMA_FILE['trace-request'])),
    'trace-response': forForm(inlineSchema(SCHEMAS, BODY_SCHEMA_FILE['trace-response'])),
    'hit-notification': forForm(inlineSchema(SCHEMAS, BODY_SCHEMA_FILE['hit-notification'])),
  };
}
