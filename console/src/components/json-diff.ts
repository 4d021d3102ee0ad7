// Flattens two JSON documents to field/value rows and marks what differs between them.
import { humanise } from '../schemas/labels.js';

/** One leaf of a document: its JSON pointer, a label and its value as text. */
export interface Leaf {
  pointer: string;
  label: string;
  value: string;
}

/** Every leaf of `doc` in document order (`/possessor/dateOfBirth` → "Possessor › Date of birth"). */
export function leaves(doc: unknown, pointer = ''): Leaf[] {
  if (doc !== null && typeof doc === 'object') {
    const entries = Array.isArray(doc)
      ? doc.map((v, i) => [String(i), v] as const)
      : Object.entries(doc as Record<string, unknown>);
    if (entries.length === 0)
      return [{ pointer, label: labelOf(pointer), value: Array.isArray(doc) ? '[]' : '{}' }];
    return entries.flatMap(([k, v]) =>
      leaves(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    );
  }
  return [
    {
      pointer,
      label: labelOf(pointer),
      value: typeof doc === 'string' ? doc : JSON.stringify(doc),
    },
  ];
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
): {
  written: Array<Leaf & { change: LeafChange }>;
  received: Array<Leaf & { change: LeafChange }>;
} {
  const w = leaves(written);
  const r = leaves(received);
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
