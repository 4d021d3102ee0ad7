// Gives every field of a schema a label: its own title, or the property name in words.
import type { JsonSchema } from './registry.js';

/** `serialNumber` → `Serial number`, `dateOfBirth` → `Date of birth`, `tlp` → `TLP`. */
export function humanise(key: string): string {
  if (/^[a-z]{2,4}$/.test(key) && ABBREVIATIONS.has(key)) return key.toUpperCase();
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ABBREVIATIONS = new Set(['tlp', 'id', 'url', 'ttl']);

/**
 * Returns a copy of `schema` in which every property, array item and sub-schema without a
 * `title` gets one from its property name (array items: the array's name in the singular is not
 * guessed; they get "Item"). Validation keywords are untouched, so the copy validates exactly as
 * the original.
 */
export function withLabels(schema: JsonSchema): JsonSchema {
  const walk = (node: unknown, name: string | undefined): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, name));
    if (node === null || typeof node !== 'object') return node;
    const obj = { ...(node as Record<string, unknown>) };
    if (name !== undefined && typeof obj.title !== 'string') obj.title = humanise(name);
    if (obj.properties && typeof obj.properties === 'object') {
      obj.properties = Object.fromEntries(
        Object.entries(obj.properties as Record<string, unknown>).map(([k, v]) => [k, walk(v, k)]),
      );
    }
    if (obj.items && typeof obj.items === 'object') obj.items = walk(obj.items, undefined);
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
      if (Array.isArray(obj[k])) obj[k] = (obj[k] as unknown[]).map((n) => walk(n, undefined));
    }
    for (const k of ['if', 'then', 'else'] as const) {
      if (obj[k] && typeof obj[k] === 'object') obj[k] = walk(obj[k], undefined);
    }
    return obj;
  };
  return walk(schema, undefined) as JsonSchema;
}
