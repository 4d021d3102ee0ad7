// Receiving one envelope: every protocol check, de-duplication, inbound policy, storage, signed receipt.
import {
  FfxError,
  buildReceipt,
  digestOf,
  open,
  peekHeader,
  signReceipt,
  type OpenedMessage,
} from '../../protocol/index.js';
import type { MessageStore } from '../store/message-store.js';
import type { TrustStore } from '../pki/trust-store.js';
import type { NodeEvents } from '../service/node-events.js';
import { retentionEnd } from '../store/retention-end.js';
import { peerProblem } from '../http/problem.js';

/** The inbound policy check, as the receive path needs it. */
export interface InboundGate {
  check(opened: OpenedMessage, sizeBytes: number): Promise<InboundVerdict>;
}

/** The inbound policy's verdict on one message. */
export interface InboundVerdict {
  allowed: boolean;
  reasons: string[];
  policy: { id: string; version: number; decisionHash: string };
  rules: string[];
}

/** What the HTTP layer sends back. */
export interface PeerAnswer {
  status: number;
  contentType: 'application/jose' | 'application/problem+json';
  body: string;
}

/** What receiving needs. */
export interface ReceiveDeps {
  store: MessageStore;
  trust: TrustStore;
  events: NodeEvents;
  inbound: InboundGate;
  maxEnvelopeBytes: number;
  clockSkewSeconds: number;
  /** Days the contents are kept when the message sets no earlier retainUntil. */
  retentionDays: number;
  /** Envelopes a peer may send per window; counted under `${prefix}ratelimit:<peer>:<window>`. */
  rateLimit: { max: number; windowSeconds: number };
  prefix: string;
  now: () => Date;
}

/**
 * Receives one envelope from an authenticated peer (`transportPeer`, the member the TLS client
 * certificate belongs to). Runs the checks of PROTOCOL.md in order; a redelivery of an id
 * already stored gets the original receipt back (idempotent) and stores nothing; a permanent
 * refusal gets a signed negative receipt when the catalogue says so, other refusals a problem
 * document. Nothing is stored unless every check passed.
 */
export async function receiveEnvelope(
  deps: ReceiveDeps,
  bytes: Buffer,
  transportPeer: string,
): Promise<PeerAnswer> {
  const { store, trust, events, now } = deps;
  const jwe = bytes.toString('utf8');
  let header: { id: string; from: string; to: string } | undefined;
  const digest = digestOf(bytes);
  try {
    // The envelope is counted against its sender's rate limit whatever it holds; when its
    // header can be read and names the peer the TLS certificate belongs to, the same round trip
    // finds an earlier receipt for its id (the replay check).
    let unreadable: unknown;
    let peeked: { id: string; from: string; to: string } | undefined;
    try {
      if (bytes.length > deps.maxEnvelopeBytes) {
        throw new FfxError(
          'FFX-SIZE',
          `envelope of ${bytes.length} bytes exceeds the limit of ${deps.maxEnvelopeBytes}`,
        );
      }
      peeked = peekHeader(jwe);
    } catch (err) {
      unreadable = err;
    }
    const earlier = await admit(
      deps,
      transportPeer,
      peeked?.from === transportPeer ? peeked.id : undefined,
    );
    if (unreadable !== undefined) throw unreadable as Error;
    header = peeked!;
    if (header.from !== transportPeer) {
      throw new FfxError(
        'FFX-TRANSPORT-IDENTITY',
        `TLS client certificate belongs to ${transportPeer} but the envelope is from ${header.from}`,
      );
    }
    if (earlier) return await redelivery(deps, earlier, header, digest);

    const opened = await open(bytes, {
      self: trust.nodeId,
      decryptionKeys: trust.enc.map((k) => ({ kid: k.kid, key: k.key })),
      directory: trust.directory,
      now: now(),
      maxBytes: deps.maxEnvelopeBytes,
      clockSkewSeconds: deps.clockSkewSeconds,
      transportPeer,
      // No replay store here: the inbound-receipt lookup above is the replay check (an id seen
      // before gets its original receipt, or FFX-REPLAY when the bytes differ), and storing is
      // atomic per id, so two racing deliveries still make one inbox entry.
    });
    const message = opened.message;
    const verdict = await deps.inbound.check(opened, bytes.length);
    events.emit('decision', {
      messageId: message.id,
      direction: 'inbound',
      from: message.from,
      to: message.to,
      policy: { ...verdict.policy, effect: verdict.allowed ? 'allow' : 'deny' },
      rules: verdict.rules,
      transformations: [],
      reasons: verdict.reasons,
    });
    if (!verdict.allowed) {
      throw new FfxError(
        'FFX-POLICY',
        `inbound policy refuses this message: ${verdict.reasons.join('; ') || 'no rule allows it'}`,
      );
    }

    const receivedAt = now().toISOString();
    const receipt = await signReceipt({
      receipt: buildReceipt({
        messageId: message.id,
        from: trust.nodeId,
        to: message.from,
        receivedAt,
        digest,
        status: 'accepted',
      }),
      signingKey: trust.sig.key,
      signingKid: trust.sig.kid,
    });
    const stored = await store.storeInbound({
      id: message.id,
      type: message.type,
      from: message.from,
      to: message.to,
      createdAt: message.createdAt,
      expiresAt: message.expiresAt,
      receivedAt,
      ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
      ...(message.correlationId ? { correlationId: message.correlationId } : {}),
      message,
      digest,
      receipt,
      retainUntilMs: retentionEnd(
        message.handling as { retainUntil?: string },
        now(),
        deps.retentionDays,
      ),
    });
    if (!stored.stored) {
      // Two deliveries of the same id raced; the one stored first holds the receipt.
      return await redelivery(deps, stored, header, digest);
    }
    if (message.type === 'trace-response' && message.inReplyTo) {
      await markAnswered(store, message.inReplyTo, message.from, message.id);
    }
    events.emit('received', {
      messageId: message.id,
      from: message.from,
      type: message.type,
      digest,
      purpose: message.handling.purpose,
      ...(message.handling.legalBasis ? { legalBasis: message.handling.legalBasis } : {}),
      duplicate: false,
    });
    return { status: 200, contentType: 'application/jose', body: receipt };
  } catch (err) {
    return refuse(deps, err, header, digest);
  }
}

/** What counting envelopes against a peer's rate limit needs. */
export type AdmissionDeps = Pick<ReceiveDeps, 'store' | 'rateLimit' | 'prefix' | 'now'>;

/**
 * Counts an envelope in the peer's rate window and refuses it (FFX-RATE-LIMITED) over the limit;
 * with an id, also finds the receipt of an earlier delivery of that id, in the same round trip.
 * The peer API calls it without an id for a request refused before its body is read, so that
 * the rate limit (check 2) still comes before the size and type checks (check 3).
 */
export async function admit(
  deps: AdmissionDeps,
  peer: string,
  id: string | undefined,
): Promise<{ from: string; digest: string; receipt: string } | null> {
  const { max, windowSeconds } = deps.rateLimit;
  const window = Math.floor(deps.now().getTime() / 1000 / windowSeconds);
  const { count, earlier } = await deps.store.admitInbound(
    `${deps.prefix}ratelimit:${peer}:${window}`,
    windowSeconds * 2,
    id,
  );
  if (count > max) {
    throw new FfxError(
      'FFX-RATE-LIMITED',
      `more than ${max} envelopes from ${peer} within ${windowSeconds} s`,
    );
  }
  return earlier;
}

async function redelivery(
  deps: ReceiveDeps,
  earlier: { from: string; digest: string; receipt: string },
  header: { id: string; from: string },
  digest: string,
): Promise<PeerAnswer> {
  if (earlier.from !== header.from || earlier.digest !== digest) {
    throw new FfxError(
      'FFX-REPLAY',
      `message id ${header.id} was already received with different content; the original stands`,
    );
  }
  deps.events.emit('received', {
    messageId: header.id,
    from: header.from,
    type: 'duplicate',
    digest,
    purpose: 'redelivery',
    duplicate: true,
  });
  return { status: 200, contentType: 'application/jose', body: earlier.receipt };
}

async function markAnswered(
  store: MessageStore,
  requestId: string,
  responder: string,
  replyId: string,
): Promise<void> {
  const request = await store.get('out', requestId);
  // Only the node the request went to can answer it.
  if (request && request.to === responder) {
    await store.transition(requestId, 'answered', {
      detail: { replyId },
      fields: { answeredBy: replyId },
    });
  }
}

async function refuse(
  deps: ReceiveDeps,
  err: unknown,
  header: { id: string; from: string } | undefined,
  digest: string,
): Promise<PeerAnswer> {
  const e =
    err instanceof FfxError
      ? err
      : new FfxError('FFX-INTERNAL', 'the receiver failed while processing the envelope', {
          cause: err,
        });
  deps.events.emit('receive-rejected', {
    code: e.code,
    message: e.message,
    digest,
    ...(header ? { messageId: header.id, from: header.from } : {}),
  });
  if (e.negativeReceipt && header) {
    const receipt = await signReceipt({
      receipt: buildReceipt({
        messageId: header.id,
        from: deps.trust.nodeId,
        to: header.from,
        receivedAt: deps.now().toISOString(),
        digest,
        status: 'rejected',
        error: { code: e.code, message: e.message },
      }),
      signingKey: deps.trust.sig.key,
      signingKid: deps.trust.sig.kid,
    });
    return { status: e.httpStatus, contentType: 'application/jose', body: receipt };
  }
  return {
    status: e.httpStatus,
    contentType: 'application/problem+json',
    body: JSON.stringify(peerProblem(e)),
  };
}
