// Seals a message: validate, sign (PS256 JWS), encrypt for the recipient (RSA-OAEP-256 + A256GCM JWE).
import type { KeyObject } from 'node:crypto';
import { CompactEncrypt, CompactSign } from 'jose';
import {
  CONTENT_ENCRYPTION_ALG,
  KEY_MANAGEMENT_ALG,
  MESSAGE_TYP,
  PROTOCOL_VERSION,
  SIGNATURE_ALG,
} from './constants.js';
import { FfxError } from './errors.js';
import { checkMessage } from './lib/check-message.js';

/** What `seal` needs: the message, the sender's signing key, the recipient's encryption key. */
export interface SealInput {
  /** The message (schema `message`); validated before anything is signed. */
  message: unknown;
  /** The sender's private signing key (RSA). */
  signingKey: KeyObject;
  /** x5t#S256 of the sender's `sig` certificate. */
  signingKid: string;
  /** The recipient's public encryption key (RSA), from its `enc` certificate. */
  recipientKey: KeyObject;
  /** x5t#S256 of the recipient's `enc` certificate. */
  recipientKid: string;
}

const encoder = new TextEncoder();

/**
 * Seals a message into an envelope (compact JWE) as PROTOCOL.md §2 describes. The message is
 * schema-checked first (FFX-TYPE, FFX-SCHEMA, also for `expiresAt` not after `createdAt`), so nothing invalid is ever signed.
 *
 * @example
 * const jwe = await seal({ message, signingKey, signingKid, recipientKey, recipientKid });
 */
export async function seal(input: SealInput): Promise<string> {
  const message = checkMessage(input.message, 'the message to seal');
  // Every receiver refuses this (PROTOCOL.md §4 check 15): refuse it before it is signed.
  if (Date.parse(message.expiresAt) <= Date.parse(message.createdAt)) {
    throw new FfxError('FFX-SCHEMA', 'the message to seal expires before it is created', {
      problems: [{ pointer: '/expiresAt', message: 'must be after createdAt' }],
    });
  }
  const jws = await new CompactSign(encoder.encode(JSON.stringify(message)))
    .setProtectedHeader({ alg: SIGNATURE_ALG, typ: MESSAGE_TYP, kid: input.signingKid })
    .sign(input.signingKey);
  return new CompactEncrypt(encoder.encode(jws))
    .setProtectedHeader({
      alg: KEY_MANAGEMENT_ALG,
      enc: CONTENT_ENCRYPTION_ALG,
      kid: input.recipientKid,
      cty: MESSAGE_TYP,
      'ffx-v': PROTOCOL_VERSION,
      'ffx-id': message.id,
      'ffx-from': message.from,
      'ffx-to': message.to,
    })
    .encrypt(input.recipientKey);
}
