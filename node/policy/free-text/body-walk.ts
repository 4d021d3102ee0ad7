// Walks a body with its schema: which strings are free text, which objects are persons.
import common from '../../../schemas/common.schema.json' with { type: 'json' };
import { schemaNodesAt } from '../body-schemas.js';

/** What the schema says of one place of a body, and the places under it (built as bodies reach them). */
interface Place {
  /** Declared `"x-free-text": true` (common `longText`, or any field so marked). */
  freeText: boolean;
  /** A natural person or a party (common `person` or `party`): personal data, policy-controlled. */
  person: boolean;
  wildcard: string;
  children: Map<string, Place | null>;
}

const defs = (common as { $defs: Record<string, unknown> }).$defs;
const PERSON_DEFS = new Set<unknown>([defs.person, defs.party]);
const roots = new Map<string, Place>();

function placeOf(type: string, wildcard: string): Place | null {
  const nodes = schemaNodesAt(type, wildcard);
  if (nodes.length === 0) return null;
  return {
    freeText: nodes.some((n) => n['x-free-text'] === true),
    person: nodes.some((n) => PERSON_DEFS.has(n)),
    wildcard,
    children: new Map(),
  };
}

/** The place under `parent` for key `key` (`*` for an array item); null: the schema has no such field. */
function child(type: string, parent: Place, key: string): Place | null {
  let c = parent.children.get(key);
  if (c === undefined) {
    c = placeOf(type, `${parent.wildcard}/${key}`);
    // Bounded: keys a schema does not know (a hostile preview body) must not grow it without end.
    if (c !== null || parent.children.size < 200) parent.children.set(key, c);
  }
  return c;
}

function rootOf(type: string): Place {
  let r = roots.get(type);
  if (!r) {
    r = { freeText: false, person: false, wildcard: '', children: new Map() };
    roots.set(type, r);
  }
  return r;
}

/** The schema's view of a wildcard pointer in a body of `type` (null: no such field). */
function placeAt(type: string, wildcard: string): Place | null {
  let p: Place | null = rootOf(type);
  for (const seg of wildcard.split('/').slice(1)) {
    p = child(type, p, seg);
    if (!p) return null;
  }
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
  // The pointer is built only for what is reported: most values are not.
  const path: string[] = [];
  const at = () => (path.length === 0 ? '' : `/${path.join('/')}`);
  const walk = (node: unknown, place: Place, inPerson: boolean) => {
    if (typeof node === 'string') {
      if (place.freeText) visitor.freeText?.(at(), node);
      else visitor.value?.(at(), node, inPerson);
      return;
    }
    if (typeof node === 'number') {
      visitor.value?.(at(), node, inPerson);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      const item = child(type, place, '*');
      if (!item) return;
      for (let i = 0; i < node.length; i++) {
        path.push(String(i));
        walk(node[i], item, inPerson);
        path.pop();
      }
      return;
    }
    if (place.person) {
      visitor.person?.(at(), node as Record<string, unknown>);
      inPerson = true;
    }
    for (const k in node) {
      if (!Object.prototype.hasOwnProperty.call(node, k)) continue;
      const key = k.includes('/') || k.includes('~') ? escape(k) : k;
      const c = child(type, place, key);
      if (!c) continue;
      path.push(key);
      walk((node as Record<string, unknown>)[k], c, inPerson);
      path.pop();
    }
  };
  walk(body, rootOf(type), false);
}

/** Whether the schema of `type` has a person or party at this wildcard pointer (a whole person is named). */
export function isPersonPointer(type: string, wildcard: string): boolean {
  return placeAt(type, wildcard)?.person === true;
}
