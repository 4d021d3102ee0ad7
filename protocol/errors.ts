// The closed catalogue of protocol errors: every FFX code once, with HTTP status and retry semantics.

/**
 * Every protocol error code with its HTTP status, whether the sender retries, and whether the
 * receiver answers with a signed negative receipt. PROTOCOL.md documents the same table; a test
 * keeps the two in step.
 */
export const ffxErrorCatalogue = {
  'FFX-SIZE': {
    status: 413,
    retryable: false,
    negativeReceipt: false,
    title: 'Envelope too large',
  },
  'FFX-MALFORMED': {
    status: 400,
    retryable: false,
    negativeReceipt: false,
    title: 'Malformed envelope',
  },
  'FFX-ALG': {
    status: 400,
    retryable: false,
    negativeReceipt: false,
    title: 'Algorithm not in the profile',
  },
  'FFX-VERSION': {
    status: 400,
    retryable: false,
    negativeReceipt: false,
    title: 'Unsupported protocol version',
  },
  'FFX-RECIPIENT': {
    status: 400,
    retryable: false,
    negativeReceipt: true,
    title: 'Not addressed to this node',
  },
  'FFX-SENDER-UNKNOWN': {
    status: 403,
    retryable: false,
    negativeReceipt: false,
    title: 'Sender not in the federation directory',
  },
  'FFX-TRANSPORT-IDENTITY': {
    status: 403,
    retryable: false,
    negativeReceipt: false,
    title: 'TLS identity does not match the sender',
  },
  'FFX-DECRYPT': {
    status: 400,
    retryable: false,
    negativeReceipt: true,
    title: 'Envelope cannot be decrypted',
  },
  'FFX-SENDER-MISMATCH': {
    status: 403,
    retryable: false,
    negativeReceipt: true,
    title: 'Signer is not the sender',
  },
  'FFX-HEADER-MISMATCH': {
    status: 400,
    retryable: false,
    negativeReceipt: true,
    title: 'Envelope header does not match the message',
  },
  'FFX-CERT-UNKNOWN': {
    status: 403,
    retryable: false,
    negativeReceipt: true,
    title: 'Certificate not listed in the directory',
  },
  'FFX-CERT-CHAIN': {
    status: 403,
    retryable: false,
    negativeReceipt: true,
    title: 'Certificate does not chain to the federation root',
  },
  'FFX-CERT-USAGE': {
    status: 403,
    retryable: false,
    negativeReceipt: true,
    title: 'Certificate not usable for this purpose',
  },
  'FFX-CERT-VALIDITY': {
    status: 403,
    retryable: false,
    negativeReceipt: true,
    title: 'Certificate outside its validity period',
  },
  'FFX-CERT-REVOKED': {
    status: 403,
    retryable: false,
    negativeReceipt: true,
    title: 'Certificate revoked',
  },
  'FFX-CERT-BINDING': {
    status: 403,
    retryable: false,
    negativeReceipt: true,
    title: 'Certificate belongs to another member',
  },
  'FFX-SIGNATURE': {
    status: 400,
    retryable: false,
    negativeReceipt: true,
    title: 'Signature does not verify',
  },
  'FFX-TYPE': {
    status: 400,
    retryable: false,
    negativeReceipt: true,
    title: 'Unknown message type',
  },
  'FFX-SCHEMA': {
    status: 400,
    retryable: false,
    negativeReceipt: true,
    title: 'Message does not match its schema',
  },
  'FFX-FUTURE': {
    status: 400,
    retryable: true,
    negativeReceipt: false,
    title: 'Message created in the future',
  },
  'FFX-EXPIRED': { status: 400, retryable: false, negativeReceipt: true, title: 'Message expired' },
  'FFX-REPLAY': {
    status: 409,
    retryable: false,
    negativeReceipt: false,
    title: 'Message id already used',
  },
  'FFX-POLICY': {
    status: 403,
    retryable: false,
    negativeReceipt: true,
    title: 'Refused by the inbound policy',
  },
  'FFX-RATE-LIMITED': {
    status: 429,
    retryable: true,
    negativeReceipt: false,
    title: 'Too many requests',
  },
  'FFX-UNAVAILABLE': {
    status: 503,
    retryable: true,
    negativeReceipt: false,
    title: 'Receiver unavailable',
  },
  'FFX-INTERNAL': { status: 500, retryable: true, negativeReceipt: false, title: 'Receiver error' },
  'FFX-DIRECTORY-SIGNATURE': {
    status: 500,
    retryable: false,
    negativeReceipt: false,
    title: 'Directory signature invalid',
  },
  'FFX-DIRECTORY-SIGNER': {
    status: 500,
    retryable: false,
    negativeReceipt: false,
    title: 'Directory not signed by the federation operator',
  },
  'FFX-DIRECTORY-STALE': {
    status: 500,
    retryable: false,
    negativeReceipt: false,
    title: 'Directory past nextUpdate and grace',
  },
  'FFX-DIRECTORY-SCHEMA': {
    status: 500,
    retryable: false,
    negativeReceipt: false,
    title: 'Directory does not match its schema',
  },
  'FFX-RECEIPT-SIGNATURE': {
    status: 502,
    retryable: true,
    negativeReceipt: false,
    title: 'Receipt signature invalid',
  },
  'FFX-RECEIPT-DIGEST': {
    status: 502,
    retryable: true,
    negativeReceipt: false,
    title: 'Receipt digest does not match what was sent',
  },
  'FFX-RECEIPT-MISMATCH': {
    status: 502,
    retryable: true,
    negativeReceipt: false,
    title: 'Receipt is for another message or party',
  },
} as const satisfies Record<
  string,
  { status: number; retryable: boolean; negativeReceipt: boolean; title: string }
>;

/** Every protocol error code. */
export type FfxCode = keyof typeof ffxErrorCatalogue;

/**
 * One field-level problem: a JSON pointer into the offending input and what is wrong there. The
 * one shape of the protocol, the node's API answers and the policy engine's findings.
 */
export interface FieldProblem {
  pointer: string;
  message: string;
}

/**
 * The one error class of the protocol. `code` is stable (logs, receipts and other nodes depend on
 * it); status and retry semantics come from the catalogue unless `httpStatus` overrides the
 * status (e.g. a 404 for an unknown peer route answered as FFX-MALFORMED).
 *
 * @example
 * try { await open(jwe, opts) } catch (e) { if (e instanceof FfxError) console.error(`${e.code}: ${e.message}`) }
 */
export class FfxError extends Error {
  readonly code: FfxCode;
  readonly httpStatus: number;
  readonly problems: FieldProblem[];

  constructor(
    code: FfxCode,
    message: string,
    options: { httpStatus?: number; cause?: unknown; problems?: FieldProblem[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FfxError';
    this.code = code;
    this.httpStatus = options.httpStatus ?? ffxErrorCatalogue[code].status;
    this.problems = options.problems ?? [];
  }

  /** Whether the sender should try again later. */
  get retryable(): boolean {
    return ffxErrorCatalogue[this.code].retryable;
  }

  /** Whether the receiver answers with a signed negative receipt. */
  get negativeReceipt(): boolean {
    return ffxErrorCatalogue[this.code].negativeReceipt;
  }

  /** Short human title of the code. */
  get title(): string {
    return ffxErrorCatalogue[this.code].title;
  }
}

/** Whether `code` is one of the catalogue's. */
export function isFfxCode(code: string): code is FfxCode {
  return Object.prototype.hasOwnProperty.call(ffxErrorCatalogue, code);
}
