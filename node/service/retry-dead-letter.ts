// Putting a dead-lettered message back for delivery, sealed anew when its lifetime or its recipient key is gone.
import { digestOf, peekHeader, seal } from '../../protocol/index.js';
import { NodeError } from '../errors.js';
import type { MessageStore } from '../store/message-store.js';
import type { TrustStore } from '../pki/trust-store.js';
import type { OutboundQueues } from '../delivery/outbound-queues.js';
import { recipientKey } from '../message-flow/submit-message.js';

/** What retrying a dead letter uses. */
export interface RetryDeps {
  store: Pick<MessageStore, 'get' | 'transition'>;
  trust: Pick<TrustStore, 'assertCanSend' | 'directory' | 'sig'>;
  queues: Pick<OutboundQueues, 'requeue'>;
  /** Lifetime given to a message sealed again because its own had ended. */
  defaultTtlSeconds: number;
  now: () => Date;
}

/**
 * Retries a failed message. Its id stays the same (the receiver never stored it, or the
 * idempotent receiver answers with the original receipt). It is sealed again — the body and
 * policy decision are those already taken — when its lifetime has ended (with a new `expiresAt`)
 * or when the envelope was sealed for another key than the peer's current encryption
 * certificate (the key was revoked or replaced: a message dead-lettered with FFX-CERT-REVOKED
 * goes out once the peer has a new key). NODE-UNAVAILABLE while the directory lists no valid
 * encryption certificate for the peer; NODE-CONFLICT when the contents were already deleted at
 * the end of their retention.
 */
export async function retryDeadLetter(deps: RetryDeps, id: string): Promise<'queued'> {
  const m = await deps.store.get('out', id);
  if (!m) throw new NodeError('NODE-NOT-FOUND', `no outbox message ${id}`);
  if (m.status !== 'failed')
    throw new NodeError('NODE-CONFLICT', `message ${id} is ${m.status}, not failed`);
  if (!m.jwe || m.message === undefined)
    throw new NodeError(
      'NODE-CONFLICT',
      `message ${id} cannot be sent again: its contents were deleted at the end of their retention`,
    );
  deps.trust.assertCanSend();
  const now = deps.now();
  const recipient = recipientKey(deps.trust.directory, m.to, now);
  let expiresAt = m.expiresAt;
  const expired = Date.parse(m.expiresAt) <= now.getTime() + 60_000;
  // After this retry the envelope is sealed for the current key either way.
  const fields: Record<string, string> = { lastError: '', recipientKid: recipient.kid };
  if (expired || peekHeader(m.jwe).kid !== recipient.kid) {
    if (expired) expiresAt = new Date(now.getTime() + deps.defaultTtlSeconds * 1000).toISOString();
    const message = { ...(m.message as Record<string, unknown>), expiresAt };
    fields.jwe = await seal({
      message,
      signingKey: deps.trust.sig.key,
      signingKid: deps.trust.sig.kid,
      recipientKey: recipient.publicKey,
      recipientKid: recipient.kid,
    });
    fields.digest = digestOf(fields.jwe);
    fields.message = JSON.stringify(message);
    fields.expiresAt = expiresAt;
  }
  const r = await deps.store.transition(id, 'queued', {
    detail: { retriedBy: 'admin', resealed: 'jwe' in fields },
    fields,
  });
  if (!r.ok)
    throw new NodeError('NODE-CONFLICT', `message ${id} changed state meanwhile (${r.current})`);
  await deps.queues.requeue(m.to, { messageId: id, expiresAt });
  return 'queued';
}
