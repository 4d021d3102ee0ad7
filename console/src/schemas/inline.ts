// Inlines the cross-file $refs of a schema, so a form library that resolves only local refs sees every field.
import type { JsonSchema } from './registry.js';

/** Raised when a schema refers to a file or pointer that the registry does not hold. */
export class SchemaRefError extends Error {
  constructor(ref: string, from: string) {
    super(`schema ${from} refers to ${ref}, which is not in the console's schema registry`);
    this.name = 'SchemaRefError';
  }
}

function resolvePointer(doc: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return doc;
  let at: unknown = doc;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object' || !(key in at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * Returns `file`'s schema with every `$ref` replaced by the schema it points to (recursively,
 * across files of `registry`). The `$schema`/`$id`/`$defs` keywords of referenced documents are
 * dropped from the copy; sibling keywords of a `$ref` (title, description) win over the target's.
 * The message schemas are not recursive, so inlining terminates; a cycle is refused.
 */
export function inlineSchema(registry: Record<string, JsonSchema>, file: string): JsonSchema {
  const root = registry[file];
  if (!root) throw new SchemaRefError(file, '(console)');
  const walk = (node: unknown, base: string, seen: string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, base, seen));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    if (typeof obj.$ref === 'string') {
      const [target = '', pointer = ''] = obj.$ref.split('#');
      const targetFile = target === '' ? base : target;
      const key = `${targetFile}#${pointer}`;
      if (seen.includes(key)) throw new SchemaRefError(`${obj.$ref} (a cycle)`, base);
      const resolved = resolvePointer(registry[targetFile], pointer);
      if (resolved === undefined) throw new SchemaRefError(obj.$ref, base);
      Object.assign(out, walk(resolved, targetFile, [...seen, key]) as Record<string, unknown>);
      delete out.$schema;
      delete out.$id;
      delete out.$defs;
    }
    for (const [k, v] of Object.entries(obj)) {
      if (k === '$ref' || k === '$defs' || (k === '$id' && base !== file)) continue;
      out[k] = walk(v, base, seen);
    }
    return out;
  };
  const inlined = walk(root, file, []) as JsonSchema;
  delete inlined.$defs;
  return inlined;
}
