// One delivery attempt of an outbound envelope: POST to the peer, verify the receipt, record the outcome.
import { UnrecoverableError, type Job } from 'bullmq';
import {
  FfxError,
  ffxErrorCatalogue,
  isFfxCode,
  peekHeader,
  verifyReceipt,
} from '../../protocol/index.js';
import type { MessageStore } from '../store/message-store.js';
import type { TrustStore } from '../pki/trust-store.js';
import type { DeliveryJobData } from '../delivery/outbound-queues.js';
import { TransportError, type PeerClient, type PeerResponse } from '../delivery/peer-client.js';
import type { NodeEvents } from '../service/node-events.js';

/** What a delivery attempt needs. */
export interface DeliveryDeps {
  store: MessageStore;
  trust: TrustStore;
  client: PeerClient;
  events: NodeEvents;
  attemptTimeoutMs: number;
  now: () => Date;
}

/** The outcome of reading a peer's answer. */
type Outcome =
  | { kind: 'delivered'; receipt: string; receivedAt: string }
  | { kind: 'rejected'; code: string; message: string; receipt?: string }
  | { kind: 'retry'; code: string; message: string };

/**
 * Builds the BullMQ processor of outbound delivery. Each call is one attempt: permanent
 * outcomes (delivered, rejected with a signed negative receipt or a non-retryable code) end the
 * job; transient ones (transport failure, 5xx, 429, stale directory) throw so BullMQ retries it
 * with backoff; an expired message is dead-lettered as `failed`.
 */
export function createDeliveryProcessor(deps: DeliveryDeps) {
  const { store, trust, client, events, now } = deps;

  return async function deliver(peer: string, job: Job<DeliveryJobData>): Promise<void> {
    const id = job.data.messageId;
    // One step reads the message, checks its lifetime and the key it is sealed for, and claims
    // it for this attempt; never deliver what was sealed to a key the federation withdrew (a
    // dead letter can be retried by an admin, which seals it again for the peer's current key).
    const claim = await store.claimForDelivery(id, {
      now: now(),
      usableKids: usableRecipientKids(trust, peer),
    });
    let attempt: number;
    let sending: { jwe: string; to: string; createdAt: string };
    switch (claim.kind) {
      case 'gone':
        // Delivered or given up meanwhile (another worker, an admin): nothing left to do.
        return;
      case 'expired': {
        const lastError = await lastErrorOf(store, id);
        await fail(
          id,
          peer,
          lastError ?? {
            code: 'FFX-EXPIRED',
            message: 'the message expired before it could be delivered',
          },
        );
        throw new UnrecoverableError(`message ${id} expired before delivery`);
      }
      case 'key':
        return refuseKey(id, peer, claim.jwe);
      case 'unchecked': {
        // Stored by an earlier version without its recipient kid: check the envelope, then claim.
        if (recipientKeyProblem(trust, peer, claim.jwe)) return refuseKey(id, peer, claim.jwe);
        const known = { to: claim.to, createdAt: claim.createdAt };
        const claimed = await store.transition(id, 'sending', { countAttempt: true, known });
        if (!claimed.ok) return;
        attempt = claimed.attempt!;
        sending = { ...known, jwe: claim.jwe };
        break;
      }
      case 'claimed':
        attempt = claim.attempt;
        sending = claim;
        break;
    }
    const known = { to: sending.to, createdAt: sending.createdAt };
    let outcome: Outcome;
    try {
      trust.assertCanSend();
      const endpoint = trust.directory.endpointOf(peer);
      const res = await client.post(peer, endpoint, sending.jwe, deps.attemptTimeoutMs);
      outcome = await readAnswer(res, { id, peer, jwe: sending.jwe });
    } catch (err) {
      outcome = errorOutcome(err);
    }

    events.emit('attempt', {
      messageId: id,
      to: peer,
      attempt,
      outcome: outcome.kind,
      code: 'code' in outcome ? outcome.code : undefined,
    });

    if (outcome.kind === 'delivered') {
      const r = await store.transition(id, 'delivered', {
        known,
        detail: { attempt, receivedAt: outcome.receivedAt },
        fields: { receipt: outcome.receipt, lastError: '' },
      });
      if (r.ok)
        events.emit('delivered', { messageId: id, to: peer, attempt, receipt: outcome.receipt });
      return;
    }
    const lastError = JSON.stringify({ code: outcome.code, message: outcome.message });
    if (outcome.kind === 'rejected') {
      const r = await store.transition(id, 'rejected', {
        known,
        detail: { attempt, code: outcome.code },
        fields: { lastError, ...(outcome.receipt ? { receipt: outcome.receipt } : {}) },
      });
      if (r.ok)
        events.emit('rejected', {
          messageId: id,
          to: peer,
          code: outcome.code,
          message: outcome.message,
        });
      return;
    }
    await store.transition(id, 'queued', {
      known,
      detail: { attempt, code: outcome.code },
      fields: { lastError },
    });
    throw new Error(`${outcome.code}: ${outcome.message}`);
  };

  async function refuseKey(id: string, peer: string, jwe: string): Promise<never> {
    const problem =
      recipientKeyProblem(trust, peer, jwe) ??
      `the encryption certificate this message was sealed for may no longer be used for ${peer}`;
    await fail(id, peer, { code: 'FFX-CERT-REVOKED', message: problem });
    throw new UnrecoverableError(`message ${id}: ${problem}`);
  }

  async function fail(
    id: string,
    peer: string,
    lastError: { code: string; message: string },
  ): Promise<void> {
    const r = await store.transition(id, 'failed', {
      detail: { code: lastError.code },
      fields: { lastError: JSON.stringify(lastError) },
    });
    if (r.ok)
      events.emit('dead-letter', {
        messageId: id,
        to: peer,
        code: lastError.code,
        message: lastError.message,
      });
  }

  async function readAnswer(
    res: PeerResponse,
    sent: { id: string; peer: string; jwe: string },
  ): Promise<Outcome> {
    if (res.contentType.startsWith('application/jose')) {
      // A signed receipt, positive or negative: verify signature, signer and digest first.
      const receipt = await verifyReceipt(res.body.trim(), {
        directory: trust.directory,
        now: now(),
        expected: { messageId: sent.id, from: sent.peer, to: trust.nodeId, jwe: sent.jwe },
      });
      if (receipt.status === 'accepted') {
        return { kind: 'delivered', receipt: res.body.trim(), receivedAt: receipt.receivedAt };
      }
      const code = receipt.error?.code ?? 'FFX-INTERNAL';
      return {
        kind: 'rejected',
        code,
        message: receipt.error?.message ?? 'rejected',
        receipt: res.body.trim(),
      };
    }
    const problem = parseProblem(res.body);
    const code = problem.code ?? `HTTP-${res.status}`;
    const message = problem.detail ?? problem.title ?? `peer answered HTTP ${res.status}`;
    // `in` would also find inherited names (a peer answering code "constructor").
    const known = isFfxCode(code) ? ffxErrorCatalogue[code] : undefined;
    const retryable = known
      ? known.retryable
      : res.status >= 500 || res.status === 429 || res.status === 408;
    return retryable ? { kind: 'retry', code, message } : { kind: 'rejected', code, message };
  }
}

/** The kids of the peer's encryption certificates that may still be sealed for (not revoked). */
function usableRecipientKids(trust: TrustStore, peer: string): string[] {
  const directory = trust.directory;
  return directory
    .certificatesOf(peer, 'enc')
    .filter((c) => !directory.isRevoked(c.serial))
    .map((c) => c.kid);
}

/** Why the envelope's recipient key may no longer be used, or undefined when it may. */
function recipientKeyProblem(trust: TrustStore, peer: string, jwe: string): string | undefined {
  const kid = peekHeader(jwe).kid;
  const listed = trust.directory.certificateByKid(kid);
  if (!listed || listed.memberId !== peer || listed.use !== 'enc') {
    return `the encryption certificate this message was sealed for is no longer listed for ${peer}`;
  }
  if (trust.directory.isRevoked(listed.serial)) {
    return `the encryption certificate ${listed.serial} of ${peer} this message was sealed for is revoked`;
  }
  return undefined;
}

function errorOutcome(err: unknown): Outcome {
  if (err instanceof TransportError)
    return { kind: 'retry', code: 'FFX-UNAVAILABLE', message: err.message };
  if (err instanceof FfxError) {
    // A receipt that does not verify is not proof of delivery: keep trying, the peer may fix it.
    return { kind: 'retry', code: err.code, message: err.message };
  }
  return {
    kind: 'retry',
    code: 'FFX-INTERNAL',
    message: err instanceof Error ? err.message : String(err),
  };
}

function parseProblem(body: string): { code?: string; title?: string; detail?: string } {
  try {
    const p = JSON.parse(body) as unknown;
    if (p && typeof p === 'object') {
      const o = p as Record<string, unknown>;
      return {
        ...(typeof o.code === 'string' ? { code: o.code } : {}),
        ...(typeof o.title === 'string' ? { title: o.title } : {}),
        ...(typeof o.detail === 'string' ? { detail: o.detail } : {}),
      };
    }
  } catch {
    // Not JSON: the status code alone decides.
  }
  return {};
}

async function lastErrorOf(
  store: MessageStore,
  id: string,
): Promise<{ code: string; message: string } | undefined> {
  return (await store.get('out', id))?.lastError;
}
