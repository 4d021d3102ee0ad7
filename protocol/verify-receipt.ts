// Verifies a receipt as the sender: signer certificate, signature, schema, message and digest binding.
import { FfxError } from './errors.js';
import { RECEIPT_TYP, SIGNATURE_ALG } from './constants.js';
import { headerString, parseHeader, pinAlgorithm, splitCompact } from './lib/compact.js';
import { assertSchema, verifySignedJson } from './lib/verify-signed-json.js';
import { digestOf } from './digest-of.js';
import type { Receipt } from './build-receipt.js';
import type { TrustedDirectory } from './trusted-directory.js';

/** What the sender expects the receipt to prove. */
export interface VerifyReceiptOptions {
  directory: TrustedDirectory;
  now: Date;
  expected: {
    messageId: string;
    /** The receiver, who must have signed. */
    from: string;
    /** The sender (this node). */
    to: string;
    /** The exact envelope sent; its digest must be the receipt's. */
    jwe: string;
  };
}

/**
 * Verifies a receipt: compact JWS with `alg` PS256 and `typ` ffx-receipt+jws (FFX-MALFORMED,
 * FFX-ALG), signed with a `sig` certificate of the expected receiver (FFX-CERT-*), signature
 * (FFX-RECEIPT-SIGNATURE), schema (FFX-SCHEMA), message id and parties (FFX-RECEIPT-MISMATCH) and
 * the digest of the exact envelope sent (FFX-RECEIPT-DIGEST). Returns the receipt payload; a
 * verified *rejected* receipt is returned too — it is proof of a refusal.
 *
 * @example
 * const r = await verifyReceipt(body, { directory, now: new Date(), expected: { messageId, from: 'RS', to: 'AL', jwe } });
 */
export async function verifyReceipt(jws: string, options: VerifyReceiptOptions): Promise<Receipt> {
  const text = jws.trim();
  const parts = splitCompact(text, 3, 'receipt');
  const header = parseHeader(parts[0]!, 'receipt');
  pinAlgorithm(header, 'alg', SIGNATURE_ALG, 'receipt');
  if (header.typ !== RECEIPT_TYP) {
    throw new FfxError('FFX-MALFORMED', `receipt typ must be ${RECEIPT_TYP}`);
  }
  const kid = headerString(header, 'kid', 'receipt');
  const { expected } = options;
  const signer = options.directory.checkCertificate(kid, {
    memberId: expected.from,
    use: 'sig',
    now: options.now,
  });
  const data = await verifySignedJson(text, signer.publicKey, {
    signature: {
      code: 'FFX-RECEIPT-SIGNATURE',
      message: `receipt signature does not verify with ${expected.from}'s certificate ${signer.serial}`,
    },
    notJson: { code: 'FFX-MALFORMED', message: 'receipt payload is not JSON' },
  });
  const r = assertSchema<Receipt>('receipt', data, 'FFX-SCHEMA', 'receipt');
  if (r.messageId !== expected.messageId || r.from !== expected.from || r.to !== expected.to) {
    throw new FfxError(
      'FFX-RECEIPT-MISMATCH',
      `receipt is for message ${r.messageId} from ${r.from} to ${r.to}; expected ${expected.messageId} from ${expected.from} to ${expected.to}`,
    );
  }
  const digest = digestOf(expected.jwe.trim());
  if (r.digest !== digest) {
    throw new FfxError(
      'FFX-RECEIPT-DIGEST',
      `receipt digest ${r.digest} is not the digest of the envelope sent (${digest})`,
    );
  }
  return r;
}
