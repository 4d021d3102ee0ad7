// Compiles a checked policy document into a decidable version.
import { checkPolicy, groupsOf, pattern } from './check-policy.js';
import { PolicyError } from './policy-error.js';
import type { CompiledPolicy, FederationContext, PolicyDocument } from './types.js';

/**
 * Checks and compiles a policy document as version `version`. Throws POLICY-INVALID with every
 * error (pointer + message) when the document has any: an invalid policy can never decide.
 *
 * @example const policy = compilePolicy(parsePolicyText(text), ctx, 3);
 */
export function compilePolicy(
  doc: unknown,
  ctx: FederationContext,
  version: number,
): CompiledPolicy {
  const errors = checkPolicy(doc, ctx).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new PolicyError(
      'POLICY-INVALID',
      `the policy has ${errors.length} error${errors.length > 1 ? 's' : ''}: ${errors.map((e) => `${e.pointer || '/'}: ${e.message}`).join('; ')}`,
      errors,
    );
  }
  const document = structuredClone(doc) as PolicyDocument;
  const patterns = new Map<string, RegExp>();
  const add = (src: string) => patterns.set(src, pattern(src)!);
  for (const r of document.outbound) {
    const lb = r.when?.legalBasis;
    if (lb && 'matches' in lb) add(lb.matches);
    if (lb && 'notMatches' in lb) add(lb.notMatches);
    for (const f of r.when?.fields ?? []) if ('matches' in f) add(f.matches);
  }
  return {
    id: document.id,
    version,
    member: document.member,
    document,
    groups: groupsOf(document, ctx),
    patterns,
    freeTextPatterns: (document.freeText?.patterns ?? []).map((x) => ({
      kind: x.kind,
      regex: new RegExp(x.pattern, 'gu'),
    })),
  };
}
