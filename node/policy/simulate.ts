// Simulates a candidate policy version against recent messages: which decisions would change.
import { decide } from './decide.js';
import type {
  CompiledPolicy,
  FederationContext,
  Origin,
  OutboundInput,
  PolicyDecision,
  PolicyMember,
} from './types.js';

/** One message of recent traffic to replay. */
export interface SimulationSample {
  messageId: string;
  message: OutboundInput;
  destination: PolicyMember;
  origin?: Origin;
}

/** A decision in short: what a compliance officer compares. */
export interface DecisionOutline {
  effect: 'allow' | 'deny';
  rules: string[];
  transformations: string[];
}

const outline = (d: PolicyDecision): DecisionOutline => ({
  effect: d.effect,
  rules: d.matched.map((m) => m.ruleId),
  transformations: [
    ...d.transformations.map((t) => `${t.action} ${t.pointer}${t.to ? ` to ${t.to}` : ''}`),
    // What a version does to personal data in free text changes what is sent as much.
    ...(d.freeText ?? [])
      .filter((f) => f.action !== 'kept')
      .map((f) => `${f.action} ${f.kind} in ${f.pointer} at ${f.span.start}-${f.span.end}`),
  ].sort(),
});

/**
 * Decides every sample under `candidate` and under `current` (null: nothing active, so every
 * message was denied) and lists the samples whose effect or transformations differ.
 *
 * @example simulate(candidate, active, samples, ctx).changed
 */
export function simulate(
  candidate: CompiledPolicy,
  current: CompiledPolicy | null,
  samples: SimulationSample[],
  ctx: FederationContext,
): {
  compared: number;
  changed: Array<{
    messageId: string;
    to: string;
    before: DecisionOutline | null;
    after: DecisionOutline;
  }>;
} {
  const changed = [];
  for (const s of samples) {
    const after = outline(decide(candidate, s.message, s.destination, ctx, s.origin));
    const before = current
      ? outline(decide(current, s.message, s.destination, ctx, s.origin))
      : null;
    const differs =
      !before ||
      before.effect !== after.effect ||
      before.transformations.join('\n') !== after.transformations.join('\n');
    if (differs) changed.push({ messageId: s.messageId, to: s.destination.id, before, after });
  }
  return { compared: samples.length, changed };
}
