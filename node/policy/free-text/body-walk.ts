// Walks a body with its schema: which strings are free text, which objects are persons.
import common from '../../../schemas/common.schema.json' with { type: 'json' };
import { schemaNodesAt } from '../body-schemas.js';

/** What the schema says of one place of a body. */
interface Place {
  /** Declared `"x-free-text": true` (common `longText`, or any field so marked). */
  freeText: boolean;
  /** A natural person or a party (common `person` or `party`): personal data, policy-controlled. */
  person: boolean;
}

const defs = (common as { $defs: Record<string, unknown> }).$defs;
const PERSON_DEFS = new Set<unknown>([defs.person, defs.party]);
const places = new Map<string, Place | null>();

/** The schema's view of a wildcard pointer in a body of `type` (null: no such field). Cached: the schemas are fixed. */
function placeAt(type: string, wildcard: string): Place | null {
  const key = `${type} ${wildcard}`;
  let p = places.get(key);
  if (p !== undefined) return p;
  const nodes = schemaNodesAt(type, wildcard);
  p =
    nodes.length === 0
      ? null
      : {
          freeText: nodes.some((n) => n['x-free-text'] === true),
          person: nodes.some((n) => PERSON_DEFS.has(n)),
        };
  // Bounded: keys a schema does not know (a hostile preview body) must not grow it without end.
  if (places.size < 20_000) places.set(key, p);
  return p;
}

/** What the walk reports. */
export interface BodyVisitor {
  /** A free-text string at a concrete pointer. */
  freeText?(pointer: string, text: string): void;
  /** A person or party object at a concrete pointer. */
  person?(pointer: string, value: Record<string, unknown>): void;
  /** Any other string or number (not free text). */
  value?(pointer: string, value: string | number, inPerson: boolean): void;
}

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Walks every value of `body` that the body schema of `type` declares (a field the schema does
 * not know is not descended into: such a body is refused by validation anyway), so persons and
 * free text are found anywhere, in arrays of items too (`/items/3/possessor`).
 */
export function walkBody(type: string, body: unknown, visitor: BodyVisitor): void {
  const walk = (node: unknown, at: string, wild: string, inPerson: boolean) => {
    if (at !== '') {
      const place = placeAt(type, wild);
      if (!place) return;
      if (typeof node === 'string') {
        if (place.freeText) visitor.freeText?.(at, node);
        else visitor.value?.(at, node, inPerson);
        return;
      }
      if (typeof node === 'number') {
        visitor.value?.(at, node, inPerson);
        return;
      }
      if (place.person && node !== null && typeof node === 'object' && !Array.isArray(node)) {
        visitor.person?.(at, node as Record<string, unknown>);
        inPerson = true;
      }
    }
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${at}/${i}`, `${wild}/*`, inPerson));
    else if (node !== null && typeof node === 'object')
      for (const [k, v] of Object.entries(node))
        walk(v, `${at}/${escape(k)}`, `${wild}/${escape(k)}`, inPerson);
  };
  walk(body, '', '', false);
}

/** Whether the schema of `type` has a person or party at this wildcard pointer (a whole person is named). */
export function isPersonPointer(type: string, wildcard: string): boolean {
  return placeAt(type, wildcard)?.person === true;
}
