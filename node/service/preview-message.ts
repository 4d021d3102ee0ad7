// What each recipient of a draft would receive: the outbound policy's decision per destination.
import type { TrustStore } from '../pki/trust-store.js';
import type { Transformation } from '../policy/index.js';
import type { OutboundPolicy } from './active-policy.js';
import { checkDestinations, draftMessages } from './draft-messages.js';
import { containsPersonalData } from './personal-data.js';
import { summarise } from '../message-flow/submit-message.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];

/** What a preview needs: the directory, the policy in force, the clock. */
export interface PreviewDeps {
  trust: Pick<TrustStore, 'nodeId' | 'directory'>;
  policy: OutboundPolicy;
  defaultTtlSeconds: number;
  now: () => Date;
}

/**
 * Previews a submission without sending it: the same drafts a submission builds
 * (`draftMessages`: same destination and schema checks, same 400s) and, per destination, the
 * decision of the same `OutboundPolicy.decide` the submit path applies, with the message as that
 * recipient would receive it. Nothing is stored, sealed, queued or journaled: a preview discloses
 * nothing to anyone (the analyst sees only what they wrote, filtered), and the decision that
 * matters is journaled when the message is actually submitted. Unlike submitting, a preview works
 * with a stale directory (the analyst may still prepare a message).
 *
 * @example
 * const { results } = await previewMessage(deps, { type: 'trace-request', to: ['RS'], handling, body });
 * results[0].outcome; // 'allowed-with-changes'
 */
export async function previewMessage(
  deps: PreviewDeps,
  req: Schemas['SubmitRequest'],
): Promise<Schemas['MessagePreview']> {
  checkDestinations(deps.trust, req.to);
  const drafts = draftMessages(deps.trust.nodeId, req, deps.now(), deps.defaultTtlSeconds);
  const results: Schemas['DestinationPreview'][] = [];
  for (const draft of drafts) {
    const member = deps.trust.directory.member(draft.to)!;
    const d = await deps.policy.decide(draft, {
      id: member.id,
      kind: member.kind,
      groups: member.groups ?? [],
    });
    const transformations = d.transformations.map((t) => ({
      ruleId: t.ruleId,
      pointer: t.pointer,
      action: t.action,
      ...(t.to ? { to: t.to } : {}),
      description: describeTransformation(t),
    }));
    const outcome =
      d.effect === 'deny'
        ? 'denied'
        : transformations.length > 0
          ? 'allowed-with-changes'
          : 'allowed';
    const body = d.body;
    results.push({
      to: member.id,
      name: member.name,
      outcome,
      summary: summary(member.name, outcome, d.reasons, transformations.length),
      reasons: d.reasons,
      transformations,
      decision: summarise(d),
      // As submit stamps it: containsPersonalData recomputed on the body that leaves.
      handling: body
        ? { ...draft.handling, containsPersonalData: containsPersonalData(draft.type, body) }
        : null,
      body,
    });
  }
  return { results };
}

/** One transformation in words, naming its rule. */
export function describeTransformation(t: Transformation): string {
  const what =
    t.action === 'redact'
      ? `${t.pointer} is removed`
      : t.to === 'year'
        ? `${t.pointer} is generalised to the year`
        : t.to === 'municipality'
          ? `${t.pointer} is generalised to the municipality`
          : t.to === 'rounded'
            ? `${t.pointer} is rounded`
            : `${t.pointer} is generalised`;
  return `${what} (rule ${t.ruleId})`;
}

function summary(name: string, outcome: string, reasons: string[], changes: number): string {
  if (outcome === 'denied')
    return `${name} will not receive this message: ${reasons.join('; ') || 'no rule allows it'}`;
  if (outcome === 'allowed') return `${name} will receive the message as written`;
  return `${name} will receive the message with ${changes} ${changes === 1 ? 'field' : 'fields'} changed`;
}
