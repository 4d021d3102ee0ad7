// Static check: a rule that withholds a single-item field withholds the same field of every seized item.
import { MESSAGE_TYPES, schemaNodesAt } from './body-schemas.js';
import type { PolicyProblem } from './policy-error.js';
import type { OutboundRule, PolicyDocument } from './types.js';

/** Whether `pointer` is `at` or lies underneath it. */
const within = (pointer: string, at: string) => pointer === at || pointer.startsWith(`${at}/`);

/** Whether the rule withholds `twin`: redacts it or a field above it, or generalises it the same way. */
function handles(rule: OutboundRule, twin: string, to?: string): boolean {
  if ((rule.redact ?? []).some((p) => within(twin, p))) return true;
  return to !== undefined && (rule.generalise ?? []).some((g) => g.pointer === twin && g.to === to);
}

/**
 * Warnings for allow rules that redact or generalise a field of a single-item body
 * (`/lastKnownLegalOwner/name`, `/firearm/serialNumber`) but not the same field of the items of
 * a seizure (`/items/*\/lastKnownLegalOwner/name`): the per-item copy would leave untouched.
 *
 * @example itemTwinProblems(doc).map((p) => p.message)
 */
export function itemTwinProblems(p: PolicyDocument): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const hasTwin = (twin: string) => MESSAGE_TYPES.some((t) => schemaNodesAt(t, twin).length > 0);
  const warn = (at: string, rule: OutboundRule, pointer: string, twin: string) =>
    problems.push({
      pointer: at,
      message: `rule ${rule.id} withholds ${pointer} but not ${twin}: the same field of a seizure's items would be sent as it is`,
      severity: 'warning',
      ruleId: rule.id,
    });
  p.outbound.forEach((rule, i) => {
    if (rule.effect !== 'allow') return;
    (rule.redact ?? []).forEach((pointer, j) => {
      const twin = `/items/*${pointer}`;
      if (!pointer.startsWith('/items/') && hasTwin(twin) && !handles(rule, twin))
        warn(`/outbound/${i}/redact/${j}`, rule, pointer, twin);
    });
    (rule.generalise ?? []).forEach((g, j) => {
      const twin = `/items/*${g.pointer}`;
      if (!g.pointer.startsWith('/items/') && hasTwin(twin) && !handles(rule, twin, g.to))
        warn(`/outbound/${i}/generalise/${j}/pointer`, rule, g.pointer, twin);
    });
  });
  return problems;
}
