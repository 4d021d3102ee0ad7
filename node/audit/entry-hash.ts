// The hash chain of the journal: each entry's hash covers its content and the previous hash.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json.js';

/** `prev` of the first entry of a journal. */
export const GENESIS_HASH = 'A'.repeat(43);

/** JWS `typ` of a signed checkpoint. */
export const CHECKPOINT_TYP = 'ffx-audit-checkpoint+jws';

/** base64url SHA-256 of the canonical JSON of an entry without its `hash` field. */
export function entryHash(entry: Record<string, unknown>): string {
  const { hash: _omit, ...rest } = entry;
  return createHash('sha256').update(canonicalJson(rest)).digest('base64url');
}
