// Rule-level differences between two policy documents.
import { canonicalJson } from '../lib/canonical-json.js';

interface RuleLike {
  id: string;
}

/**
 * Which rules `b` adds to `a`, removes from it or changes (by rule id, outbound and inbound),
 * and whether the declared groups changed.
 *
 * @example diffPolicies(active.document, draft.document).changed
 */
export function diffPolicies(
  a: object,
  b: object,
): {
  added: string[];
  removed: string[];
  changed: Array<{ ruleId: string; before: unknown; after: unknown }>;
  groupsChanged: boolean;
} {
  const rules = (d: object) => {
    const doc = d as { outbound?: RuleLike[]; inbound?: RuleLike[] };
    return new Map([...(doc.outbound ?? []), ...(doc.inbound ?? [])].map((r) => [r.id, r]));
  };
  const ra = rules(a);
  const rb = rules(b);
  return {
    added: [...rb.keys()].filter((id) => !ra.has(id)),
    removed: [...ra.keys()].filter((id) => !rb.has(id)),
    changed: [...rb.entries()]
      .filter(([id, r]) => ra.has(id) && canonicalJson(ra.get(id)) !== canonicalJson(r))
      .map(([id, r]) => ({ ruleId: id, before: ra.get(id), after: r })),
    groupsChanged:
      canonicalJson((a as { groups?: unknown }).groups ?? {}) !==
      canonicalJson((b as { groups?: unknown }).groups ?? {}),
  };
}
