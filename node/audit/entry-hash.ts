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

/**
 * The journal line of an entry that has no `hash` yet, and that hash: the line is the entry's
 * canonical JSON with `hash` added last, so the entry is serialised once for both.
 */
export function chainedLine(entry: Record<string, unknown>): { hash: string; line: string } {
  const canonical = canonicalJson(entry);
  const hash = createHash('sha256').update(canonical).digest('base64url');
  return { hash, line: `${canonical.slice(0, -1)},"hash":"${hash}"}` };
}
