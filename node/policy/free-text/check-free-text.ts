// Static checks of a policy's free-text settings: extra patterns, and free text left unhandled.
import type { PolicyProblem } from '../policy-error.js';
import type { OutboundRule, PolicyDocument } from '../types.js';
import { isPersonPointer } from './body-walk.js';
import { kindOfField } from './personal-values.js';
import { segments } from '../json-pointer.js';

/** Whether a redaction or generalisation pointer takes personal data away in a body of one of `types`. */
function personal(types: string[], pointer: string): boolean {
  const s = segments(pointer).filter((x) => x !== '*');
  return (
    types.some((t) => isPersonPointer(t, pointer)) ||
    kindOfField(s[s.length - 1] ?? '', s[s.length - 2]) !== undefined
  );
}

/**
 * Problems of the free-text settings: an extra pattern that does not compile or matches the
 * empty text (error); an allow rule that withholds or generalises a personal field while neither
 * it nor the policy's defaults say what happens to the same data in free text (warning: the
 * officers' text would carry it out unchanged).
 */
export function freeTextProblems(
  doc: PolicyDocument,
  typesOf: (rule: OutboundRule) => string[],
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  (doc.freeText?.patterns ?? []).forEach((x, i) => {
    let re: RegExp | undefined;
    try {
      re = new RegExp(x.pattern, 'u');
    } catch {
      re = undefined;
    }
    if (!re)
      problems.push({
        pointer: `/freeText/patterns/${i}/pattern`,
        message: 'not a valid regular expression',
        severity: 'error',
      });
    else if (re.test(''))
      problems.push({
        pointer: `/freeText/patterns/${i}/pattern`,
        message: 'matches the empty text: it would find personal data everywhere',
        severity: 'error',
      });
  });
  if (doc.freeText?.action) return problems;
  doc.outbound.forEach((r, i) => {
    if (r.effect !== 'allow' || r.freeText) return;
    const types = typesOf(r);
    const withheld = [...(r.redact ?? []), ...(r.generalise ?? []).map((g) => g.pointer)].filter(
      (p) => personal(types, p),
    );
    if (withheld.length === 0) return;
    const to = r.when?.to
      ? 'in' in r.when.to
        ? r.when.to.in.join(', ')
        : `every destination but ${r.when.to.notIn.join(', ')}`
      : 'every destination';
    problems.push({
      pointer: `/outbound/${i}`,
      message: `rule ${r.id} withholds ${withheld.join(', ')} from ${to} but leaves free text unhandled: the same data written in a free-text field (special instructions, circumstances, offence text…) would go out unchanged; add freeText: { action: redact } (or generalise, or deny) to the rule or to the policy`,
      ruleId: r.id,
      severity: 'warning',
    });
  });
  return problems;
}
