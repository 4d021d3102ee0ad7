// A policy decision in words: what happens to the message for one destination, and why.
import i18next from '../i18n/i18n.js';
import type { DecisionSummary } from '../api/types.js';
import { labelOf } from './json-diff.js';

/** One sentence per transformation: "Possessor › Date of birth is generalised (rule al-rs-dob-year)". */
export function transformationsInWords(d: DecisionSummary): string[] {
  const t = i18next.t.bind(i18next);
  return d.transformations.map((x) => {
    const field = labelOf(x.pointer) || x.pointer;
    const rule = t('preview.rule', { ruleId: x.ruleId });
    const action = String(x.action);
    if (action === 'redact') return t('preview.redact', { field, rule });
    if (action.startsWith('generalise')) return t('preview.generalise', { field, rule });
    return t('preview.otherAction', { field, action, rule });
  });
}

/** The decision's headline for `to`. */
export function decisionHeadline(d: DecisionSummary, to: string): string {
  const t = i18next.t.bind(i18next);
  if (d.effect === 'deny') return t('preview.deny', { to });
  if (d.transformations.length === 0) return t('preview.allow', { to });
  return t('preview.allowChanged', { to, count: d.transformations.length });
}
