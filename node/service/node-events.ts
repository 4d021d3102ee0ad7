// Typed events of the node service; the audit journal, metrics and logs all listen to them.
import { EventEmitter } from 'node:events';

/** Who did something through the local API. */
export interface Actor {
  sub: string;
  role: string;
}

/** Every event the node emits, by name. Payloads carry ids, codes and digests: never bodies. */
export interface NodeEventMap {
  submitted: {
    messageId: string;
    type: string;
    to: string;
    actor: Actor;
    purpose: string;
    legalBasis?: string;
    digest?: string;
  };
  decision: {
    messageId: string;
    direction: 'outbound' | 'inbound';
    to: string;
    from: string;
    policy: { id: string; version: number; decisionHash: string; effect: 'allow' | 'deny' };
    rules: string[];
    transformations: Array<{ pointer: string; action: string; ruleId: string }>;
    reasons: string[];
    actor?: Actor;
  };
  attempt: { messageId: string; to: string; attempt: number; outcome: string; code?: string };
  delivered: { messageId: string; to: string; attempt: number; receipt: string };
  rejected: { messageId: string; to: string; code: string; message: string };
  'dead-letter': { messageId: string; to: string; code: string; message: string };
  received: {
    messageId: string;
    from: string;
    type: string;
    digest: string;
    purpose: string;
    legalBasis?: string;
    duplicate: boolean;
  };
  'receive-rejected': {
    messageId?: string;
    from?: string;
    code: string;
    message: string;
    digest?: string;
  };
  /**
   * A peer API request refused for its TLS identity (no certificate, or one that fails a check);
   * the certificate's SHA-256 fingerprint (hex) and names when one was presented.
   */
  'peer-refused': {
    code: string;
    message: string;
    remoteAddress: string;
    fingerprint?: string;
    subject?: string;
    issuer?: string;
    serial?: string;
  };
  /** A peer API connection closed by a cap or a timeout, or refused at its TLS handshake. */
  'peer-connection-refused': { reason: string; remoteAddress: string };
  consulted: { messageId: string; box: 'in' | 'out'; actor: Actor };
  'policy-change': { actor: Actor; action: string; policyId: string; version: number };
  'queue-operation': { actor: Actor; action: string; messageId?: string };
  /** Contents deleted at the end of their retention (`box:id` each). */
  'contents-purged': { messages: string[] };
}

/** A typed event emitter over NodeEventMap. */
export class NodeEvents extends EventEmitter {
  override emit<K extends keyof NodeEventMap>(name: K, payload: NodeEventMap[K]): boolean {
    return super.emit(name, payload);
  }
  override on<K extends keyof NodeEventMap>(
    name: K,
    listener: (payload: NodeEventMap[K]) => void,
  ): this {
    return super.on(name, listener);
  }
}
