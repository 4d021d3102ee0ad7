// Builds a receipt payload (schema `receipt`) from its fields.
import type { components } from '../generated/openapi.js';

/** A receipt payload (schema `receipt`). */
export type Receipt = components['schemas']['Receipt'];

/** The fields a receiver sets; `v` and `type` are fixed. */
export interface ReceiptFields {
  messageId: string;
  /** The receiver (signer of the receipt). */
  from: string;
  /** The sender of the message. */
  to: string;
  receivedAt: string;
  /** base64url SHA-256 of the exact envelope bytes received. */
  digest: string;
  status: 'accepted' | 'rejected';
  error?: { code: string; message: string };
}

/**
 * Builds a receipt payload. A rejected receipt must carry `error`; an accepted one must not.
 *
 * @example buildReceipt({ messageId, from: 'RS', to: 'AL', receivedAt, digest: digestOf(jwe), status: 'accepted' })
 */
export function buildReceipt(f: ReceiptFields): Receipt {
  return {
    v: 1,
    type: 'receipt',
    messageId: f.messageId,
    from: f.from,
    to: f.to,
    receivedAt: f.receivedAt,
    digest: f.digest,
    status: f.status,
    ...(f.status === 'rejected' && f.error
      ? { error: { code: f.error.code, message: f.error.message.slice(0, 1000) } }
      : {}),
  } as Receipt;
}
