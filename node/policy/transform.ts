// Applies the transformations of the matched allow rules to a copy of the body.
import { removeAll, resolve, setAt } from './json-pointer.js';
import type { OutboundRule, Transformation } from './types.js';

/** Generalises one value; undefined means it cannot be generalised and must go. */
function generalised(
  value: unknown,
  to: 'year' | 'municipality' | 'rounded',
  decimals: number,
): unknown {
  if (to === 'year') {
    return typeof value === 'string' && /^\d{4}/.test(value) ? value.slice(0, 4) : undefined;
  }
  if (to === 'municipality') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const v = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    if (typeof v.country === 'string') out.country = v.country;
    if (typeof v.municipality === 'string') out.municipality = v.municipality;
    return Object.keys(out).length > 0 ? out : undefined;
  }
  const f = 10 ** decimals;
  const round = (n: number) => Math.round(n * f) / f;
  if (typeof value === 'number') return round(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.lat === 'number' && typeof v.lon === 'number')
      return { lat: round(v.lat), lon: round(v.lon) };
  }
  return undefined;
}

/**
 * Returns a transformed deep copy of `body` (the input is never touched) and the list of
 * concrete transformations: every generalisation of every matched rule first, then every
 * redaction (a field both generalised and redacted is redacted). A value that cannot be
 * generalised as asked (not a date, not a place) is removed: the engine fails closed.
 */
export function transform(
  body: Record<string, unknown>,
  rules: OutboundRule[],
): { body: Record<string, unknown>; transformations: Transformation[] } {
  const out = structuredClone(body);
  const transformations: Transformation[] = [];
  // Many rules name the same pointers: resolve each distinct pointer once (the first rule names it).
  const redactions = new Map<string, string>();
  const generalisations = new Map<
    string,
    { ruleId: string; to: 'year' | 'municipality' | 'rounded'; decimals: number }
  >();
  for (const rule of rules) {
    for (const p of rule.redact ?? []) if (!redactions.has(p)) redactions.set(p, rule.id);
    for (const g of rule.generalise ?? []) {
      if (!generalisations.has(g.pointer))
        generalisations.set(g.pointer, { ruleId: rule.id, to: g.to, decimals: g.decimals ?? 1 });
    }
  }
  const redacted = new Map<string, string>();
  for (const [p, ruleId] of redactions) {
    for (const { pointer } of resolve(out, p))
      if (!redacted.has(pointer)) redacted.set(pointer, ruleId);
  }
  const generalisedAt = new Set<string>();
  const toRemove: string[] = [];
  for (const [p, g] of generalisations) {
    for (const { pointer, value } of resolve(out, p)) {
      if (
        redacted.has(pointer) ||
        generalisedAt.has(pointer) ||
        value === undefined ||
        value === null
      )
        continue;
      generalisedAt.add(pointer);
      const v = generalised(value, g.to, g.decimals);
      if (v === undefined) toRemove.push(pointer);
      else setAt(out, pointer, v);
      transformations.push({ pointer, action: 'generalise', to: g.to, ruleId: g.ruleId });
    }
  }
  for (const [pointer, ruleId] of redacted)
    transformations.push({ pointer, action: 'redact', ruleId });
  removeAll(out, [...toRemove, ...redacted.keys()]);
  return { body: out, transformations };
}
