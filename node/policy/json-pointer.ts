// JSON pointers over bodies, with `*` standing for every item of an array.

/** Splits a pointer into unescaped segments. */
export function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Every concrete pointer a (wildcard) pointer designates in `doc` that exists, with its value. */
export function resolve(doc: unknown, pointer: string): Array<{ pointer: string; value: unknown }> {
  const out: Array<{ pointer: string; value: unknown }> = [];
  const walk = (node: unknown, rest: string[], at: string) => {
    if (rest.length === 0) {
      out.push({ pointer: at, value: node });
      return;
    }
    const [head, ...tail] = rest as [string, ...string[]];
    if (head === '*') {
      if (Array.isArray(node)) node.forEach((v, i) => walk(v, tail, `${at}/${i}`));
      return;
    }
    if (
      node !== null &&
      typeof node === 'object' &&
      Object.prototype.hasOwnProperty.call(node, head)
    ) {
      walk(
        (node as Record<string, unknown>)[head],
        tail,
        `${at}/${head.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      );
    }
  };
  walk(doc, segments(pointer), '');
  return out;
}

/** The parent container and key of a concrete pointer, if it exists. */
function parentOf(
  doc: unknown,
  pointer: string,
): { parent: Record<string, unknown> | unknown[]; key: string } | undefined {
  const segs = segments(pointer);
  const key = segs.pop();
  if (key === undefined) return undefined;
  let node: unknown = doc;
  for (const s of segs) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  if (node === null || typeof node !== 'object') return undefined;
  return { parent: node as Record<string, unknown> | unknown[], key };
}

/**
 * Removes the value at a concrete pointer; an array item is spliced out, so remove several items
 * of one array from the highest index down (`removeAll` does).
 */
export function removeAt(doc: unknown, pointer: string): void {
  const p = parentOf(doc, pointer);
  if (!p) return;
  if (Array.isArray(p.parent)) p.parent.splice(Number(p.key), 1);
  else delete p.parent[p.key];
}

/** Removes every concrete pointer given, deepest and highest array index first. */
export function removeAll(doc: unknown, pointers: string[]): void {
  const order = (a: string, b: string) => {
    const sa = segments(a);
    const sb = segments(b);
    for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
      if (sa[i] !== sb[i]) {
        const na = Number(sa[i]);
        const nb = Number(sb[i]);
        return Number.isInteger(na) && Number.isInteger(nb) ? nb - na : sa[i]! < sb[i]! ? -1 : 1;
      }
    }
    return sb.length - sa.length;
  };
  for (const p of [...new Set(pointers)].sort(order)) removeAt(doc, p);
}

/** Replaces the value at a concrete pointer. */
export function setAt(doc: unknown, pointer: string, value: unknown): void {
  const p = parentOf(doc, pointer);
  if (!p) return;
  (p.parent as Record<string, unknown>)[p.key] = value;
}
