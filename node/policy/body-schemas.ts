// Walks the body schemas of the message types: which pointers can exist, and what is there.
import common from '../../schemas/common.schema.json' with { type: 'json' };
import traceRequest from '../../schemas/trace-request.schema.json' with { type: 'json' };
import traceResponse from '../../schemas/trace-response.schema.json' with { type: 'json' };
import hitNotification from '../../schemas/hit-notification.schema.json' with { type: 'json' };
import { segments } from './json-pointer.js';

type Schema = Record<string, unknown>;

/** The body schema of each message type. */
export const BODY_SCHEMAS: Record<string, Schema> = {
  'trace-request': traceRequest as Schema,
  'trace-response': traceResponse as Schema,
  'hit-notification': hitNotification as Schema,
};

/** Every message type. */
export const MESSAGE_TYPES = Object.keys(BODY_SCHEMAS);

const DOCS: Record<string, Schema> = { 'common.schema.json': common as Schema };

interface Node {
  schema: Schema;
  doc: Schema;
}

function resolveRef(ref: string, doc: Schema): Node | undefined {
  const [file, fragment = ''] = ref.split('#');
  const target = file ? DOCS[file] : doc;
  if (!target) return undefined;
  let node: unknown = target;
  for (const s of segments(fragment)) node = (node as Record<string, unknown> | undefined)?.[s];
  return node && typeof node === 'object' ? { schema: node as Schema, doc: target } : undefined;
}

/** A schema with its $refs followed and its allOf/anyOf/oneOf/then/else branches spread out. */
function expand(n: Node, depth = 0): Node[] {
  if (depth > 20) return [];
  const out: Node[] = [n];
  const s = n.schema;
  if (typeof s.$ref === 'string') {
    const r = resolveRef(s.$ref, n.doc);
    if (r) out.push(...expand(r, depth + 1));
  }
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(s[k]))
      for (const sub of s[k] as Schema[])
        out.push(...expand({ schema: sub, doc: n.doc }, depth + 1));
  }
  for (const k of ['then', 'else']) {
    if (s[k] && typeof s[k] === 'object')
      out.push(...expand({ schema: s[k] as Schema, doc: n.doc }, depth + 1));
  }
  return out;
}

/** The schema nodes a (wildcard) pointer reaches in the body schema of `type` (empty: cannot exist). */
export function schemaNodesAt(type: string, pointer: string): Schema[] {
  const root = BODY_SCHEMAS[type];
  if (!root) return [];
  let nodes: Node[] = [{ schema: root, doc: root }];
  for (const seg of segments(pointer)) {
    const next: Node[] = [];
    for (const n of nodes.flatMap((x) => expand(x))) {
      if (seg === '*') {
        if (n.schema.items && typeof n.schema.items === 'object')
          next.push({ schema: n.schema.items as Schema, doc: n.doc });
      } else {
        const props = n.schema.properties as Record<string, Schema> | undefined;
        if (props?.[seg]) next.push({ schema: props[seg]!, doc: n.doc });
      }
    }
    nodes = next;
    if (nodes.length === 0) return [];
  }
  return nodes.flatMap((x) => expand(x)).map((x) => x.schema);
}

/** Whether the schema nodes describe something `to` can generalise. */
export function canGeneralise(nodes: Schema[], to: 'year' | 'municipality' | 'rounded'): boolean {
  const props = (s: Schema) => (s.properties ?? {}) as Record<string, unknown>;
  if (to === 'year') {
    return nodes.some(
      (s) =>
        s.format === 'date' ||
        (typeof s.$ref === 'string' && /\/date$/.test(s.$ref)) ||
        (typeof s.pattern === 'string' && s.pattern.includes('[0-9]{4}')),
    );
  }
  if (to === 'municipality') return nodes.some((s) => 'municipality' in props(s));
  return nodes.some((s) => s.type === 'number' || ('lat' in props(s) && 'lon' in props(s)));
}
