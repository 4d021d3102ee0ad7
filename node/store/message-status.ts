// The lifecycle of a message in the outbox and inbox, and which transitions are allowed.

/** Which side of the node a message is on. */
export type Box = 'out' | 'in';

/** Status of an outbound message. `denied` never left the node (outbound policy). */
export type OutboundStatus =
  'denied' | 'accepted' | 'queued' | 'sending' | 'delivered' | 'rejected' | 'failed' | 'answered';

/** Status of an inbound message. */
export type InboundStatus = 'received' | 'answered';

/** Any status a stored message can have. */
export type MessageStatus = OutboundStatus | InboundStatus;

/**
 * Allowed predecessors of each outbound status. Delivery is at-least-once and workers race, so
 * a late `sending` must never overwrite `delivered`: every change is checked against this table
 * atomically in Redis.
 */
export const outboundTransitions: Record<OutboundStatus, readonly OutboundStatus[]> = {
  denied: [],
  accepted: [],
  queued: ['accepted', 'queued', 'sending', 'failed'],
  // A worker may pick a job up before the submitting request has recorded `queued`.
  sending: ['accepted', 'queued', 'sending'],
  delivered: ['queued', 'sending'],
  rejected: ['queued', 'sending'],
  failed: ['accepted', 'queued', 'sending'],
  answered: ['delivered', 'queued', 'sending', 'failed', 'answered'],
};

/** Statuses after which no delivery work remains. */
export const terminalOutbound: ReadonlySet<OutboundStatus> = new Set([
  'denied',
  'delivered',
  'rejected',
  'failed',
  'answered',
]);
