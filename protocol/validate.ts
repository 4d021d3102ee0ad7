// JSON Schema validation (ajv, 2020-12, strict, formats): one compiled instance for the whole process.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { namedSchemas, referencedSchemas, type SchemaName } from './schema-registry.js';
import type { FieldProblem } from './errors.js';

export type { SchemaName } from './schema-registry.js';

/** One problem found in a document: where (JSON pointer), what, and which keyword failed. */
export interface SchemaProblem extends FieldProblem {
  keyword: string;
}

/** The result of a validation. */
export type ValidationResult = { valid: true } | { valid: false; errors: SchemaProblem[] };

/** Thrown by `assertValid`; the protocol layer maps it to FFX-SCHEMA. */
export class SchemaValidationError extends Error {
  readonly schema: string;
  readonly problems: SchemaProblem[];
  constructor(schema: string, problems: SchemaProblem[]) {
    super(
      `does not match schema ${schema}: ${problems.map((p) => `${p.pointer || '/'} ${p.message}`).join('; ')}`,
    );
    this.name = 'SchemaValidationError';
    this.schema = schema;
    this.problems = problems;
  }
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({
  strict: true,
  // if/then may require properties its parent declares; that is the idiom for conditional fields.
  strictRequired: false,
  allErrors: true,
  allowUnionTypes: true,
  // A seized item's `kind` picks its oneOf branch, so a bad item reports that branch's errors only.
  discriminator: true,
});
addFormats(ajv);
// Marks the free-text fields whose personal data the sharing policy's detector looks for (no validation).
ajv.addKeyword({ keyword: 'x-free-text', schemaType: 'boolean' });
for (const s of referencedSchemas) ajv.addSchema(s);
for (const s of Object.values(namedSchemas)) ajv.addSchema(s);

const byName = new Map<string, ValidateFunction>();
for (const [name, schema] of Object.entries(namedSchemas)) {
  byName.set(name, ajv.getSchema(schema.$id)!);
}

/** The names of the schemas `validate` knows. */
export const schemaNames = Object.keys(namedSchemas) as SchemaName[];

/**
 * Validates `data` against a named schema. Problems carry the JSON pointer of the offending
 * value; for a missing or an extra property the pointer names that property.
 *
 * @example
 * const r = validate('trace-request', body);
 * if (!r.valid) for (const e of r.errors) console.log(e.pointer, e.message);
 */
export function validate(name: SchemaName, data: unknown): ValidationResult {
  const fn = byName.get(name);
  if (!fn) throw new Error(`unknown schema ${name}`);
  return run(fn, data);
}

/** Like `validate`, but throws SchemaValidationError and returns the data typed. */
export function assertValid<T>(name: SchemaName, data: unknown): T {
  const r = validate(name, data);
  if (!r.valid) throw new SchemaValidationError(name, r.errors);
  return data as T;
}

const compiled = new Map<string, ValidateFunction>();

/**
 * Compiles an ad-hoc schema that may `$ref` the registered schemas by their `$id` (the local
 * API's operation schemas). Compiled once per distinct schema.
 */
export function compileSchema(
  schema: Record<string, unknown>,
): (data: unknown) => ValidationResult {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  const f = fn;
  return (data) => run(f, data);
}

function run(fn: ValidateFunction, data: unknown): ValidationResult {
  if (fn(data)) return { valid: true };
  return { valid: false, errors: toProblems(fn.errors ?? []) };
}

/** Keywords that only summarise errors reported underneath them. */
const WRAPPERS = new Set(['if', 'anyOf', 'oneOf', 'allOf']);

function toProblems(errors: ErrorObject[]): SchemaProblem[] {
  const concrete = errors.filter((e) => !WRAPPERS.has(e.keyword));
  const list = concrete.length > 0 ? concrete : errors;
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const e of list) {
    const p = describe(e);
    const key = `${p.pointer}|${p.keyword}|${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

function describe(e: ErrorObject): SchemaProblem {
  const params = e.params as Record<string, unknown>;
  const at = e.instancePath;
  switch (e.keyword) {
    case 'required': {
      const prop = String(params.missingProperty);
      return {
        pointer: `${at}/${escape(prop)}`,
        keyword: 'required',
        message: `${prop} is required`,
      };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const prop = String(params.additionalProperty ?? params.unevaluatedProperty);
      return {
        pointer: `${at}/${escape(prop)}`,
        keyword: e.keyword,
        message: `${prop} is not allowed here`,
      };
    }
    case 'enum':
      return {
        pointer: at,
        keyword: 'enum',
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return {
        pointer: at,
        keyword: 'const',
        message: `must be ${JSON.stringify(params.allowedValue)}`,
      };
    case 'discriminator': {
      const tag = String(params.tag);
      return {
        pointer: `${at}/${escape(tag)}`,
        keyword: 'discriminator',
        message:
          params.error === 'tag'
            ? `${tag} is required and must be a string`
            : `${JSON.stringify(params.tagValue)} is not one of the kinds allowed here`,
      };
    }
    case 'false schema':
      return { pointer: at, keyword: 'false schema', message: 'is not allowed here' };
    default:
      return { pointer: at, keyword: e.keyword, message: e.message ?? 'is invalid' };
  }
}

function escape(prop: string): string {
  return prop.replace(/~/g, '~0').replace(/\//g, '~1');
}
