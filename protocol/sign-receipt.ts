// Signs a receipt as the receiver: compact JWS, PS256, typ ffx-receipt+jws.
import type { KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import { RECEIPT_TYP, SIGNATURE_ALG } from './constants.js';
import { assertSchema } from './lib/verify-signed-json.js';
import type { Receipt } from './build-receipt.js';

/** What signing a receipt needs. */
export interface SignReceiptInput {
  receipt: Receipt;
  /** The receiver's private signing key. */
  signingKey: KeyObject;
  /** x5t#S256 of the receiver's `sig` certificate. */
  signingKid: string;
}

/**
 * Signs a receipt; the payload is schema-checked first (FFX-SCHEMA), so no malformed receipt is
 * ever signed.
 *
 * @example const receipt = await signReceipt({ receipt: buildReceipt({...}), signingKey, signingKid });
 */
export async function signReceipt(input: SignReceiptInput): Promise<string> {
  assertSchema('receipt', input.receipt, 'FFX-SCHEMA', 'receipt');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(input.receipt)))
    .setProtectedHeader({ alg: SIGNATURE_ALG, typ: RECEIPT_TYP, kid: input.signingKid })
    .sign(input.signingKey);
}
