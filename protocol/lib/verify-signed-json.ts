// The steps every signed JSON document goes through: verify the signature, parse the payload, validate it, each failure its own code.
import { compactVerify } from 'jose';
import type { KeyObject } from 'node:crypto';
import { FfxError, type FfxCode } from '../errors.js';
import { validate, type SchemaName } from '../validate.js';
import { SIGNATURE_ALG } from '../constants.js';

/** The code and message a failed step is refused with. */
export interface StepError {
  code: FfxCode;
  message: string;
}

/** Options of `verifySignedJson`: what each failure is, and how the payload bytes are read. */
export interface VerifySignedJsonOptions {
  /** The signature does not verify with `key` (the cause is kept). */
  signature: StepError;
  /** The payload is not JSON. */
  notJson: StepError;
  /** Reads the payload bytes (default UTF-8; a fatal decoder refuses bytes that are not). */
  decode?: (bytes: Uint8Array) => string;
}

/**
 * Verifies a compact JWS (PS256 only) with `key` and parses its payload as JSON; the payload is
 * still `unknown` (validate it next, with `assertSchema` or the document's own check).
 *
 * @example
 * const data = await verifySignedJson(jws, signer.publicKey, {
 *   signature: { code: 'FFX-RECEIPT-SIGNATURE', message: 'receipt signature does not verify' },
 *   notJson: { code: 'FFX-MALFORMED', message: 'receipt payload is not JSON' },
 * });
 */
export async function verifySignedJson(
  jws: string,
  key: KeyObject,
  o: VerifySignedJsonOptions,
): Promise<unknown> {
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(jws, key, { algorithms: [SIGNATURE_ALG] }));
  } catch (cause) {
    throw new FfxError(o.signature.code, o.signature.message, { cause });
  }
  try {
    return JSON.parse(o.decode ? o.decode(payload) : Buffer.from(payload).toString('utf8'));
  } catch {
    throw new FfxError(o.notJson.code, o.notJson.message);
  }
}

/**
 * Narrows `data` to `T` when it matches schema `schema`, or throws `code` saying that `what` does
 * not match its schema, with every problem's pointer and message.
 *
 * @example const receipt = assertSchema<Receipt>('receipt', data, 'FFX-SCHEMA', 'receipt');
 */
export function assertSchema<T>(schema: SchemaName, data: unknown, code: FfxCode, what: string): T {
  const check = validate(schema, data);
  if (!check.valid) {
    throw new FfxError(
      code,
      `${what} does not match its schema: ${check.errors.map((e) => `${e.pointer || '/'} ${e.message}`).join('; ')}`,
      { problems: check.errors.map((e) => ({ pointer: e.pointer, message: e.message })) },
    );
  }
  return data as T;
}
