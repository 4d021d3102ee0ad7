// The digest of the protocol: base64url SHA-256 of exact bytes (receipts, journal, de-duplication).
import { createHash } from 'node:crypto';

/**
 * base64url (no padding) SHA-256 of `data`; a string is hashed as its UTF-8 bytes. A receipt's
 * `digest` is this over the exact JWE bytes received.
 *
 * @example digestOf(jwe) // 'q1b…' (43 characters)
 */
export function digestOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url');
}
