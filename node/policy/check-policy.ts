// Static checks of a policy document: schema, names, dead rules, impossible pointers.
import { validate } from '../../protocol/validate.js';
import { BODY_SCHEMAS, MESSAGE_TYPES, canGeneralise, schemaNodesAt } from './body-schemas.js';
import { freeTextProblems } from './free-text/check-free-text.js';
import { itemTwinProblems } from './check-item-twins.js';
import type { PolicyProblem } from './policy-error.js';
import type {
  FederationContext,
  OutboundConditions,
  OutboundRule,
  PolicyDocument,
  SetTest,
} from './types.js';

const KINDS = ['ffp-node', 'eu-counterpart'];

/** Group name → member ids: the directory's groups, the kinds, and the policy's own groups. */
export function groupsOf(
  doc: Pick<PolicyDocument, 'groups'>,
  ctx: FederationContext,
): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  const add = (g: string, id: string) => {
    if (!groups.has(g)) groups.set(g, new Set());
    groups.get(g)!.add(id);
  };
  for (const m of ctx.members) {
    for (const g of m.groups) add(g, m.id);
    add(m.kind, m.id);
  }
  for (const k of KINDS) if (!groups.has(k)) groups.set(k, new Set());
  for (const [g, ids] of Object.entries(doc.groups ?? {})) for (const id of ids) add(g, id);
  return groups;
}

/** Compiles a `matches` expression: anchored, Unicode; undefined when it does not compile. */
export function pattern(source: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    return undefined;
  }
}

/**
 * Every problem of a policy document, each with a JSON pointer into it: schema errors first
 * (nothing else is checked then); then unknown member and group names, duplicate rule ids, a
 * policy for another member, expressions that do not compile, allow rules a deny always
 * overrides, and transformation or field pointers that no body of the rule's message types can
 * have (or that cannot be generalised as asked), free-text patterns that do not compile; and, as
 * warnings, rules that withhold personal fields but leave free text unhandled. Problems of
 * severity `error` block compilation.
 *
 * @example checkPolicy(parsePolicyText(text), ctx).filter((p) => p.severity === 'error')
 */
export function checkPolicy(doc: unknown, ctx: FederationContext): PolicyProblem[] {
  const schema = validate('sharing-policy', doc);
  if (!schema.valid) {
    return schema.errors.map((e) => ({
      pointer: e.pointer,
      message: e.message,
      severity: 'error' as const,
    }));
  }
  const p = doc as PolicyDocument;
  const problems: PolicyProblem[] = [];
  const error = (pointer: string, message: string, ruleId?: string) =>
    problems.push({ pointer, message, severity: 'error', ...(ruleId ? { ruleId } : {}) });
  const memberIds = new Set(ctx.members.map((m) => m.id));
  const groups = groupsOf(p, ctx);

  if (!memberIds.has(p.member)) error('/member', `${p.member} is not a member of the federation`);
  else if (ctx.self && p.member !== ctx.self)
    error('/member', `this policy is for ${p.member}; this node is ${ctx.self}`);
  for (const [g, ids] of Object.entries(p.groups ?? {})) {
    if (memberIds.has(g) || KINDS.includes(g))
      error(`/groups/${g}`, `group name ${g} is already a member id or kind`);
    ids.forEach((id, i) => {
      if (!memberIds.has(id)) error(`/groups/${g}/${i}`, `${id} is not a member of the federation`);
    });
  }
  const knownName = (n: string) => memberIds.has(n) || groups.has(n);
  const checkNames = (test: SetTest | undefined, at: string, ruleId: string) => {
    if (!test) return;
    const [op, list] = 'in' in test ? ['in', test.in] : ['notIn', test.notIn];
    list.forEach((n, i) => {
      if (!knownName(n))
        error(
          `${at}/${op}/${i}`,
          `${n} is neither a member, a group nor a kind of the federation`,
          ruleId,
        );
    });
  };

  const seen = new Map<string, string>();
  const rules: Array<[string, { id: string }]> = [
    ...p.outbound.map((r, i) => [`/outbound/${i}`, r] as [string, { id: string }]),
    ...p.inbound.map((r, i) => [`/inbound/${i}`, r] as [string, { id: string }]),
  ];
  for (const [at, r] of rules) {
    if (seen.has(r.id))
      error(`${at}/id`, `rule id ${r.id} is already used at ${seen.get(r.id)}`, r.id);
    else seen.set(r.id, at);
  }

  p.outbound.forEach((r, i) => {
    const at = `/outbound/${i}`;
    checkNames(r.when?.to, `${at}/when/to`, r.id);
    const types = typesOf(r.when);
    const unknownTypes =
      r.when?.type && 'in' in r.when.type ? r.when.type.in.filter((t) => !BODY_SCHEMAS[t]) : [];
    unknownTypes.forEach((t) =>
      error(`${at}/when/type`, `${t} is not a message type (${MESSAGE_TYPES.join(', ')})`, r.id),
    );
    if (
      r.when?.legalBasis &&
      'matches' in r.when.legalBasis &&
      !pattern(r.when.legalBasis.matches)
    ) {
      error(`${at}/when/legalBasis/matches`, 'not a valid regular expression', r.id);
    }
    (r.when?.fields ?? []).forEach((f, j) => {
      if ('matches' in f && !pattern(f.matches))
        error(`${at}/when/fields/${j}/matches`, 'not a valid regular expression', r.id);
      if (!types.some((t) => schemaNodesAt(t, f.pointer).length > 0)) {
        error(
          `${at}/when/fields/${j}/pointer`,
          `no ${types.join(' or ')} body has a field ${f.pointer}`,
          r.id,
        );
      }
    });
    (r.redact ?? []).forEach((ptr, j) => {
      if (!types.some((t) => schemaNodesAt(t, ptr).length > 0)) {
        error(
          `${at}/redact/${j}`,
          `no ${types.join(' or ')} body has a field ${ptr}: this redaction would never apply`,
          r.id,
        );
      }
    });
    (r.generalise ?? []).forEach((g, j) => {
      const nodes = types.flatMap((t) => schemaNodesAt(t, g.pointer));
      if (nodes.length === 0)
        error(
          `${at}/generalise/${j}/pointer`,
          `no ${types.join(' or ')} body has a field ${g.pointer}`,
          r.id,
        );
      else if (!canGeneralise(nodes, g.to)) {
        const what = {
          year: 'a date',
          municipality: 'a place or address',
          rounded: 'coordinates or a number',
        }[g.to];
        error(
          `${at}/generalise/${j}/to`,
          `${g.pointer} is not ${what}: it cannot be generalised to ${g.to}`,
          r.id,
        );
      }
    });
  });
  p.inbound.forEach((r, i) => checkNames(r.when?.from, `/inbound/${i}/when/from`, r.id));
  problems.push(...freeTextProblems(p, (r) => typesOf(r.when)));
  problems.push(...itemTwinProblems(p));

  // Dead allow rules: a deny whose conditions hold whenever the allow's do always wins.
  p.outbound.forEach((a, ai) => {
    if (a.effect !== 'allow') return;
    p.outbound.forEach((d, di) => {
      if (d.effect === 'deny' && denyCovers(d, a, groups)) {
        error(
          `/outbound/${ai}`,
          `rule ${a.id} can never apply: deny rule ${d.id} (/outbound/${di}) matches every message it matches`,
          a.id,
        );
      }
    });
  });
  return problems;
}

function typesOf(when: OutboundConditions | undefined): string[] {
  const t = when?.type;
  if (!t) return MESSAGE_TYPES;
  return 'in' in t
    ? t.in.filter((x) => BODY_SCHEMAS[x])
    : MESSAGE_TYPES.filter((x) => !t.notIn.includes(x));
}

/** Members a name test admits, for comparing `to` conditions (undefined: cannot tell). */
function admitted(
  test: SetTest,
  groups: Map<string, Set<string>>,
): { in: Set<string> } | { notIn: Set<string> } {
  const expand = (names: string[]) =>
    new Set(names.flatMap((n) => (groups.has(n) ? [...groups.get(n)!] : [n])));
  return 'in' in test ? { in: expand(test.in) } : { notIn: expand(test.notIn) };
}

/** Whether set test `d` holds whenever `a` holds (a conservative, syntactic check). */
function implies(a: SetTest | undefined, d: SetTest, groups?: Map<string, Set<string>>): boolean {
  if (!a) return false;
  const A = groups
    ? admitted(a, groups)
    : 'in' in a
      ? { in: new Set(a.in) }
      : { notIn: new Set(a.notIn) };
  const D = groups
    ? admitted(d, groups)
    : 'in' in d
      ? { in: new Set(d.in) }
      : { notIn: new Set(d.notIn) };
  if ('in' in A && 'in' in D) return [...A.in].every((x) => D.in.has(x));
  if ('in' in A && 'notIn' in D) return [...A.in].every((x) => !D.notIn.has(x));
  if ('notIn' in A && 'notIn' in D) return [...D.notIn].every((x) => A.notIn.has(x));
  return false;
}

/** Whether deny rule `d` matches every message allow rule `a` matches. */
function denyCovers(d: OutboundRule, a: OutboundRule, groups: Map<string, Set<string>>): boolean {
  const D = d.when ?? {};
  const A = a.when ?? {};
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (D.to && !implies(A.to, D.to, groups)) return false;
  for (const k of ['type', 'purpose', 'handlingCode', 'tlp'] as const) {
    if (D[k] && !implies(A[k], D[k]!)) return false;
  }
  if (D.evaluation?.source && !implies(A.evaluation?.source, D.evaluation.source)) return false;
  if (D.evaluation?.information && !implies(A.evaluation?.information, D.evaluation.information))
    return false;
  if (D.legalBasis && !same(D.legalBasis, A.legalBasis)) return false;
  if (
    D.receivedFromThirdParty !== undefined &&
    D.receivedFromThirdParty !== A.receivedFromThirdParty
  )
    return false;
  for (const f of D.fields ?? []) if (!(A.fields ?? []).some((g) => same(f, g))) return false;
  return true;
}
