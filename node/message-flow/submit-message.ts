// Submitting a message: validation, the outbound policy per destination, sealing, storage, queueing.
import { digestOf, seal, type TrustedDirectory } from '../../protocol/index.js';
import { NodeError } from '../errors.js';
import type { MessageStore } from '../store/message-store.js';
import type { TrustStore } from '../pki/trust-store.js';
import type { OutboundQueues } from '../delivery/outbound-queues.js';
import type { Actor, NodeEvents } from '../service/node-events.js';
import type { OutboundPolicy, PolicyDecision } from '../service/active-policy.js';
import { containsPersonalData } from '../service/personal-data.js';
import { retentionEnd } from '../store/retention-end.js';
import { checkDestinations, draftMessages } from '../service/draft-messages.js';
import type { components } from '../../generated/openapi.js';

type SubmitRequest = components['schemas']['SubmitRequest'];
type SubmitResult = components['schemas']['SubmitResult'];
type DecisionSummary = components['schemas']['DecisionSummary'];

/** What submitting needs. */
export interface SubmitDeps {
  store: MessageStore;
  trust: TrustStore;
  queues: OutboundQueues;
  policy: OutboundPolicy;
  events: NodeEvents;
  defaultTtlSeconds: number;
  /** Days the contents are kept when the message sets no earlier retainUntil. */
  retentionDays: number;
  now: () => Date;
}

/**
 * Submits a message to each destination: one message (own id, own policy decision) per
 * destination. A destination the policy denies gets a `denied` result with the reasons and the
 * explanation, and nothing leaves for it; the others are sealed for their recipient and queued.
 * Validation happens for all destinations before anything is stored, so a bad request changes
 * nothing.
 */
export async function submitMessage(
  deps: SubmitDeps,
  actor: Actor,
  req: SubmitRequest,
  extra: { origin?: { receivedFrom: string } } = {},
): Promise<SubmitResult> {
  const { trust, now } = deps;
  const directory = trust.directory;
  checkDestinations(trust, req.to);
  trust.assertCanSend();
  const drafts = draftMessages(trust.nodeId, req, now(), deps.defaultTtlSeconds);

  const results: SubmitResult['results'] = [];
  for (const draft of drafts) {
    const member = directory.member(draft.to)!;
    const decision = await deps.policy.decide(
      draft,
      {
        id: member.id,
        kind: member.kind,
        groups: member.groups ?? [],
      },
      extra.origin,
    );
    const summary = summarise(decision);
    deps.events.emit('decision', {
      messageId: draft.id,
      direction: 'outbound',
      from: draft.from,
      to: draft.to,
      policy: { ...decision.policy, decisionHash: decision.decisionHash, effect: decision.effect },
      rules: decision.matched.map((m) => m.ruleId),
      transformations: decision.transformations,
      reasons: decision.reasons,
      actor,
    });
    if (decision.effect === 'deny') {
      await deps.store.createOutbound({
        id: draft.id,
        type: draft.type,
        from: draft.from,
        to: draft.to,
        status: 'denied',
        createdAt: draft.createdAt,
        expiresAt: draft.expiresAt,
        ...(draft.inReplyTo ? { inReplyTo: draft.inReplyTo } : {}),
        ...(draft.correlationId ? { correlationId: draft.correlationId } : {}),
        decision: summary,
        submittedBy: actor.sub,
        detail: { reasons: decision.reasons },
      });
      results.push({
        to: draft.to,
        messageId: draft.id,
        status: 'denied',
        reasons: decision.reasons,
        decision: summary,
      });
      continue;
    }
    const outBody = decision.body as Record<string, unknown>;
    const message = {
      ...draft,
      handling: {
        ...draft.handling,
        containsPersonalData: containsPersonalData(draft.type, outBody),
      },
      policy: {
        id: decision.policy.id,
        version: decision.policy.version,
        decisionHash: decision.decisionHash,
      },
      body: outBody,
    };
    const recipient = recipientKey(directory, draft.to, now());
    const jwe = await seal({
      message,
      signingKey: trust.sig.key,
      signingKid: trust.sig.kid,
      recipientKey: recipient.publicKey,
      recipientKid: recipient.kid,
    });
    const digest = digestOf(jwe);
    await deps.store.createOutbound({
      id: draft.id,
      type: draft.type,
      from: draft.from,
      to: draft.to,
      // Accepted and queued in the one step that stores it; the job is added right after. Should
      // adding the job fail, the message is still pending and the node re-adds it at its next
      // start (recovery of pending messages without a job).
      status: 'queued',
      createdAt: draft.createdAt,
      expiresAt: draft.expiresAt,
      ...(draft.inReplyTo ? { inReplyTo: draft.inReplyTo } : {}),
      ...(draft.correlationId ? { correlationId: draft.correlationId } : {}),
      message,
      jwe,
      recipientKid: recipient.kid,
      digest,
      decision: summary,
      submittedBy: actor.sub,
      retainUntilMs: retentionEnd(
        draft.handling as { retainUntil?: string },
        now(),
        deps.retentionDays,
      ),
    });
    await deps.queues.enqueue(draft.to, { messageId: draft.id, expiresAt: draft.expiresAt });
    deps.events.emit('submitted', {
      messageId: draft.id,
      type: draft.type,
      to: draft.to,
      actor,
      purpose: String(draft.handling.purpose),
      digest,
      ...(draft.handling.legalBasis ? { legalBasis: draft.handling.legalBasis } : {}),
    });
    results.push({ to: draft.to, messageId: draft.id, status: 'queued', decision: summary });
  }
  return { results };
}

/** The explanation of a decision without the body (stored with the message, returned to the analyst). */
export function summarise(d: PolicyDecision): DecisionSummary {
  return {
    effect: d.effect,
    policy: { id: d.policy.id, version: d.policy.version },
    matched: d.matched.map((m) => ({ ...m })),
    // Conditions and pointers only: the values compared may be personal data.
    notMatched: d.notMatched.map((n) => ({
      ruleId: n.ruleId,
      condition: n.condition,
      ...(n.pointer ? { pointer: n.pointer } : {}),
    })),
    transformations: d.transformations,
    reasons: d.reasons,
    // Kinds, fields and spans of personal data in free text, and what was done: no text.
    ...(d.freeText && d.freeText.length > 0 ? { freeText: d.freeText } : {}),
    decisionHash: d.decisionHash,
  };
}

/** The recipient's current encryption certificate: valid now, not revoked, the newest first. */
export function recipientKey(directory: TrustedDirectory, memberId: string, now: Date) {
  const usable = directory
    .certificatesOf(memberId, 'enc')
    .filter(
      (c) =>
        !directory.isRevoked(c.serial) &&
        Date.parse(c.notBefore) <= now.getTime() &&
        now.getTime() < Date.parse(c.notAfter),
    )
    .sort((a, b) => Date.parse(b.notBefore) - Date.parse(a.notBefore));
  const chosen = usable[0];
  if (!chosen) {
    throw new NodeError(
      'NODE-UNAVAILABLE',
      `the federation directory lists no valid encryption certificate for ${memberId}`,
    );
  }
  return chosen;
}
