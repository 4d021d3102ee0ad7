// Decides one outbound or inbound message under a compiled policy, with the full explanation.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json.js';
import { inboundFailure, outboundFailure } from './conditions.js';
import { transform } from './transform.js';
import { findPersonalData } from './free-text/find-personal-data.js';
import { applyFreeTextPolicy, handlingFor } from './free-text/apply-free-text-policy.js';
import type {
  CompiledPolicy,
  FederationContext,
  InboundDecision,
  InboundInput,
  MatchedRule,
  Origin,
  OutboundInput,
  OutboundRule,
  PolicyDecision,
  PolicyMember,
  UnmatchedRule,
} from './types.js';

const sha = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('base64url');

/**
 * Decides what `destination` may receive of `message` (Cedar semantics): any matching deny
 * wins; otherwise the message is allowed with the union of the matching allow rules'
 * transformations; otherwise it is denied by default. Pure: no clock, no I/O, the input is never
 * mutated. The decision hash covers the policy version, destination, outcome, rules,
 * transformations, the free-text findings and a digest of the input, so the same input under the
 * same version always hashes the same. Personal data found in free-text fields is handled as the
 * matched rules' `freeText` (or the policy's defaults) say: kept when the structured field it
 * repeats is sent, otherwise redacted, generalised as that field is, or the message denied.
 *
 * @example
 * const d = decide(policy, message, { id: 'RS', kind: 'ffp-node', groups: ['WB6'] }, ctx);
 * d.effect; d.transformations; d.body; d.notMatched[0].condition;
 */
export function decide(
  policy: CompiledPolicy,
  message: OutboundInput,
  destination: PolicyMember,
  _ctx: FederationContext,
  origin?: Origin,
): PolicyDecision {
  const matchedRules: OutboundRule[] = [];
  const notMatched: UnmatchedRule[] = [];
  for (const rule of policy.document.outbound) {
    const failure = outboundFailure(policy, rule, message, destination, origin);
    if (failure) notMatched.push({ ruleId: rule.id, ...failure });
    else matchedRules.push(rule);
  }
  const matched: MatchedRule[] = matchedRules.map((r) => ({
    ruleId: r.id,
    effect: r.effect,
    ...(r.effect === 'deny' && r.reason ? { reason: r.reason } : {}),
  }));
  const denies = matchedRules.filter((r) => r.effect === 'deny');
  const allows = matchedRules.filter((r) => r.effect === 'allow');
  const stamp = { id: policy.id, version: policy.version };
  const inputDigest = sha({
    type: message.type,
    handling: message.handling,
    body: message.body,
    origin: origin ?? null,
  });
  if (denies.length > 0 || allows.length === 0) {
    const reasons =
      denies.length > 0
        ? denies.map((r) => `${r.reason} (rule ${r.id})`)
        : [
            `no rule of policy ${policy.id} v${policy.version} allows a ${message.type} to ${destination.id}`,
          ];
    return {
      effect: 'deny',
      policy: stamp,
      matched,
      notMatched,
      reasons,
      transformations: [],
      body: null,
      freeText: [],
      decisionHash: sha({
        policy: stamp,
        to: destination.id,
        effect: 'deny',
        rules: matched.map((m) => m.ruleId),
        input: inputDigest,
      }),
    };
  }
  const { body, transformations } = transform(message.body, allows);
  // Free text: what the structured fields withhold must not leave through the officers' prose.
  const handling = handlingFor(policy.document, allows);
  const spans = findPersonalData(message.type, message.body, {
    patterns: policy.freeTextPatterns,
  });
  const { findings: freeText, denyReason } = applyFreeTextPolicy(
    message.type,
    message.body,
    body,
    spans,
    allows,
    handling,
    destination.id,
  );
  if (denyReason) {
    return {
      effect: 'deny',
      policy: stamp,
      matched,
      notMatched,
      reasons: [denyReason],
      transformations: [],
      body: null,
      freeText,
      decisionHash: sha({
        policy: stamp,
        to: destination.id,
        effect: 'deny',
        rules: matched.map((m) => m.ruleId),
        freeText,
        input: inputDigest,
      }),
    };
  }
  return {
    effect: 'allow',
    policy: stamp,
    matched,
    notMatched,
    reasons: [],
    transformations,
    body,
    freeText,
    decisionHash: sha({
      policy: stamp,
      to: destination.id,
      effect: 'allow',
      rules: matched.map((m) => m.ruleId),
      transformations,
      ...(freeText.length > 0 ? { freeText } : {}),
      input: inputDigest,
    }),
  };
}

/**
 * Decides whether this node accepts a message from `input.from` (same semantics: deny wins,
 * then any allow, else deny).
 */
export function decideInbound(
  policy: CompiledPolicy,
  input: InboundInput,
  _ctx: FederationContext,
): InboundDecision {
  const matched: MatchedRule[] = [];
  const notMatched: UnmatchedRule[] = [];
  for (const rule of policy.document.inbound) {
    const failure = inboundFailure(policy, rule, input);
    if (failure) notMatched.push({ ruleId: rule.id, ...failure });
    else
      matched.push({
        ruleId: rule.id,
        effect: rule.effect,
        ...(rule.effect === 'deny' && rule.reason ? { reason: rule.reason } : {}),
      });
  }
  const denies = matched.filter((m) => m.effect === 'deny');
  const allowed = denies.length === 0 && matched.some((m) => m.effect === 'allow');
  const stamp = { id: policy.id, version: policy.version };
  const reasons = allowed
    ? []
    : denies.length > 0
      ? denies.map((d) => `${d.reason} (rule ${d.ruleId})`)
      : [
          `no inbound rule of policy ${policy.id} v${policy.version} accepts a ${input.type} from ${input.from}`,
        ];
  return {
    effect: allowed ? 'allow' : 'deny',
    policy: stamp,
    matched,
    notMatched,
    reasons,
    decisionHash: sha({
      policy: stamp,
      from: input.from,
      type: input.type,
      size: input.sizeBytes,
      effect: allowed ? 'allow' : 'deny',
      rules: matched.map((m) => m.ruleId),
    }),
  };
}
