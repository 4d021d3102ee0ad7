// Flattens two JSON documents to field/value rows and marks what differs between them.
import { humanise } from '../schemas/labels.js';
import type { JsonSchema } from '../schemas/registry.js';

/** The sub-schema of `schema` at property or index `key` (following a choice's branches). */
function childSchema(
  schema: JsonSchema | undefined,
  key: string,
  value: unknown,
): JsonSchema | undefined {
  if (!schema) return undefined;
  const branches = [
    ...((schema.oneOf ?? []) as JsonSchema[]),
    ...((schema.anyOf ?? []) as JsonSchema[]),
  ];
  if (branches.length > 0 && !schema.properties && !schema.items) {
    const fits = branches.find((b) => {
      const props = (b.properties ?? {}) as Record<string, JsonSchema>;
      return Object.entries(props).every(
        ([k, p]) =>
          p.const === undefined || (value as Record<string, unknown> | undefined)?.[k] === p.const,
      );
    });
    return childSchema(fits ?? branches[0], key, value);
  }
  if (/^\d+$/.test(key) && schema.items) return schema.items as JsonSchema;
  return (schema.properties as Record<string, JsonSchema> | undefined)?.[key];
}

/** One leaf of a document: its JSON pointer, a label and its value as text. */
export interface Leaf {
  pointer: string;
  label: string;
  value: string;
}

/**
 * Every leaf of `doc` in document order, labelled with the schema's titles when `schema` is given
 * (`/possessor/dateOfBirth` → "Possessor › Date of birth").
 */
export function leaves(
  doc: unknown,
  schema?: JsonSchema,
  pointer = '',
  label: string[] = [],
): Leaf[] {
  const name = () => (label.length > 0 ? label.join(' › ') : labelOf(pointer));
  if (doc !== null && typeof doc === 'object') {
    const entries = Array.isArray(doc)
      ? doc.map((v, i) => [String(i), v] as const)
      : Object.entries(doc as Record<string, unknown>);
    if (entries.length === 0)
      return [{ pointer, label: name(), value: Array.isArray(doc) ? '[]' : '{}' }];
    return entries.flatMap(([k, v]) => {
      const child = childSchema(schema, k, doc);
      const part = /^\d+$/.test(k)
        ? `#${Number(k) + 1}`
        : typeof child?.title === 'string'
          ? child.title
          : humanise(k);
      const at = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return leaves(v, child, at, [...label, part]);
    });
  }
  return [{ pointer, label: name(), value: typeof doc === 'string' ? doc : JSON.stringify(doc) }];
}

/** A pointer in words. */
export function labelOf(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((p) =>
      /^\d+$/.test(p) ? `#${Number(p) + 1}` : humanise(p.replace(/~1/g, '/').replace(/~0/g, '~')),
    )
    .join(' › ');
}

/** How a leaf of what was written fares in what is received. */
export type LeafChange = 'same' | 'changed' | 'removed' | 'added';

/** Compares the leaves of `written` and `received`. */
export function diffLeaves(
  written: unknown,
  received: unknown,
  schema?: JsonSchema,
): {
  written: Array<Leaf & { change: LeafChange }>;
  received: Array<Leaf & { change: LeafChange }>;
} {
  const w = leaves(written, schema);
  const r = leaves(received, schema);
  const rMap = new Map(r.map((l) => [l.pointer, l]));
  const wMap = new Map(w.map((l) => [l.pointer, l]));
  return {
    written: w.map((l) => {
      const o = rMap.get(l.pointer);
      return { ...l, change: !o ? 'removed' : o.value === l.value ? 'same' : 'changed' };
    }),
    received: r.map((l) => {
      const o = wMap.get(l.pointer);
      return { ...l, change: !o ? 'added' : o.value === l.value ? 'same' : 'changed' };
    }),
  };
}
