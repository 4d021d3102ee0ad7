// Evaluates rule conditions; a failed condition says which one, where, and what was expected.
import { resolve } from './json-pointer.js';
import type {
  CompiledPolicy,
  FieldTest,
  InboundInput,
  InboundRule,
  Origin,
  OutboundInput,
  OutboundRule,
  PolicyMember,
  SetTest,
  TextTest,
} from './types.js';

/** Why a rule did not match (the first failing condition). */
export interface Failure {
  condition: string;
  pointer?: string;
  expected?: unknown;
  actual?: unknown;
}

function inSet(test: SetTest, value: string | undefined): boolean {
  if ('in' in test) return value !== undefined && test.in.includes(value);
  return value === undefined || !test.notIn.includes(value);
}

/** Whether a member belongs to any of `names` (member ids, groups, kinds). */
function memberIn(policy: CompiledPolicy, member: PolicyMember | string, names: string[]): boolean {
  const id = typeof member === 'string' ? member : member.id;
  return names.some((n) => n === id || policy.groups.get(n)?.has(id) === true);
}

function nameTest(policy: CompiledPolicy, test: SetTest, member: PolicyMember | string): boolean {
  return 'in' in test ? memberIn(policy, member, test.in) : !memberIn(policy, member, test.notIn);
}

function expectedOf(test: SetTest): unknown {
  return 'in' in test ? { in: test.in } : { notIn: test.notIn };
}

function textTest(policy: CompiledPolicy, test: TextTest, value: unknown): boolean {
  if ('exists' in test) return (typeof value === 'string' && value.length > 0) === test.exists;
  if ('notMatches' in test)
    return typeof value !== 'string' || !policy.patterns.get(test.notMatches)!.test(value);
  return typeof value === 'string' && policy.patterns.get(test.matches)!.test(value);
}

function fieldTest(policy: CompiledPolicy, t: FieldTest, body: unknown): boolean {
  const found = resolve(body, t.pointer).filter((f) => f.value !== undefined && f.value !== null);
  if ('exists' in t) return found.length > 0 === t.exists;
  // Counts what the pointer designates: `/items/*` the items of a seizure, `/items/*/ammunition` its lots.
  if ('countAbove' in t) return found.length > t.countAbove;
  if ('countAtMost' in t) return found.length <= t.countAtMost;
  if (found.length === 0) return 'notIn' in t;
  // A test over a wildcard holds when it holds for any item.
  return found.some(({ value }) => {
    if ('equals' in t) return value === t.equals;
    if ('in' in t) return t.in.includes(value as string);
    if ('notIn' in t) return !t.notIn.includes(value as string);
    return typeof value === 'string' && policy.patterns.get(t.matches)!.test(value);
  });
}

/** The first condition of an outbound rule that fails, or undefined when all hold. */
export function outboundFailure(
  policy: CompiledPolicy,
  rule: OutboundRule,
  m: OutboundInput,
  destination: PolicyMember,
  origin: Origin | undefined,
): Failure | undefined {
  const w = rule.when;
  if (!w) return undefined;
  const h = m.handling;
  const evaluation = (h.evaluation ?? {}) as { source?: string; information?: string };
  if (w.to && !nameTest(policy, w.to, destination))
    return { condition: 'to', expected: expectedOf(w.to), actual: destination.id };
  if (w.type && !inSet(w.type, m.type))
    return { condition: 'type', expected: expectedOf(w.type), actual: m.type };
  if (w.purpose && !inSet(w.purpose, h.purpose as string | undefined))
    return { condition: 'purpose', expected: expectedOf(w.purpose), actual: h.purpose ?? null };
  if (w.handlingCode && !inSet(w.handlingCode, h.code as string | undefined))
    return {
      condition: 'handlingCode',
      expected: expectedOf(w.handlingCode),
      actual: h.code ?? null,
    };
  if (w.tlp && !inSet(w.tlp, h.tlp as string | undefined))
    return { condition: 'tlp', expected: expectedOf(w.tlp), actual: h.tlp ?? null };
  if (w.evaluation?.source && !inSet(w.evaluation.source, evaluation.source))
    return {
      condition: 'evaluation.source',
      expected: expectedOf(w.evaluation.source),
      actual: evaluation.source ?? null,
    };
  if (w.evaluation?.information && !inSet(w.evaluation.information, evaluation.information))
    return {
      condition: 'evaluation.information',
      expected: expectedOf(w.evaluation.information),
      actual: evaluation.information ?? null,
    };
  if (w.legalBasis && !textTest(policy, w.legalBasis, h.legalBasis))
    return { condition: 'legalBasis', expected: w.legalBasis, actual: h.legalBasis ?? null };
  if (
    w.receivedFromThirdParty !== undefined &&
    (origin !== undefined) !== w.receivedFromThirdParty
  ) {
    return {
      condition: 'receivedFromThirdParty',
      expected: w.receivedFromThirdParty,
      actual: origin !== undefined,
    };
  }
  for (const t of w.fields ?? []) {
    if (!fieldTest(policy, t, m.body)) {
      const { pointer, ...test } = t;
      return { condition: 'fields', pointer, expected: test };
    }
  }
  return undefined;
}

/** The first condition of an inbound rule that fails, or undefined when all hold. */
export function inboundFailure(
  policy: CompiledPolicy,
  rule: InboundRule,
  i: InboundInput,
): Failure | undefined {
  const w = rule.when;
  if (!w) return undefined;
  if (w.from && !nameTest(policy, w.from, i.from))
    return { condition: 'from', expected: expectedOf(w.from), actual: i.from };
  if (w.type && !inSet(w.type, i.type))
    return { condition: 'type', expected: expectedOf(w.type), actual: i.type };
  if (w.handlingCode && !inSet(w.handlingCode, i.handling.code as string | undefined))
    return {
      condition: 'handlingCode',
      expected: expectedOf(w.handlingCode),
      actual: i.handling.code ?? null,
    };
  if (w.sizeAbove !== undefined && !(i.sizeBytes > w.sizeAbove))
    return { condition: 'sizeAbove', expected: { above: w.sizeAbove }, actual: i.sizeBytes };
  return undefined;
}
