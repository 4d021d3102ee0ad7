// Putting a dead-lettered message back for delivery; an expired one is sealed anew with a fresh lifetime.
import { digestOf, seal } from '../../protocol/index.js';
import { NodeError } from '../errors.js';
import type { ExchangeNode } from './exchange-node.js';
import { recipientKey } from './submit-message.js';

/**
 * Retries a failed message. Its id stays the same (the receiver never stored it, or the
 * idempotent receiver answers with the original receipt). When its lifetime has ended it is
 * sealed again with a new `expiresAt` — the body and policy decision are those already taken.
 */
export async function retryDeadLetter(node: ExchangeNode, id: string): Promise<'queued'> {
  const m = await node.store.get('out', id);
  if (!m) throw new NodeError('NODE-NOT-FOUND', `no outbox message ${id}`);
  if (m.status !== 'failed')
    throw new NodeError('NODE-CONFLICT', `message ${id} is ${m.status}, not failed`);
  node.trust.assertCanSend();
  const now = node.now();
  let expiresAt = m.expiresAt;
  const fields: Record<string, string> = { lastError: '' };
  if (Date.parse(m.expiresAt) <= now.getTime() + 60_000) {
    expiresAt = new Date(
      now.getTime() + node.config.delivery.defaultTtlSeconds * 1000,
    ).toISOString();
    const message = { ...(m.message as Record<string, unknown>), expiresAt };
    const recipient = recipientKey(node.trust.directory, m.to, now);
    fields.jwe = await seal({
      message,
      signingKey: node.trust.sig.key,
      signingKid: node.trust.sig.kid,
      recipientKey: recipient.publicKey,
      recipientKid: recipient.kid,
    });
    fields.digest = digestOf(fields.jwe);
    fields.message = JSON.stringify(message);
    fields.expiresAt = expiresAt;
  }
  const r = await node.store.transition(id, 'queued', {
    detail: { retriedBy: 'admin', resealed: 'jwe' in fields },
    fields,
  });
  if (!r.ok)
    throw new NodeError('NODE-CONFLICT', `message ${id} changed state meanwhile (${r.current})`);
  await node.queues.requeue(m.to, { messageId: id, expiresAt });
  return 'queued';
}
