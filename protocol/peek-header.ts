// Reads the routing header of an envelope without decrypting it (untrusted until `open`).
import { FfxError } from './errors.js';
import { CONTENT_ENCRYPTION_ALG, KEY_MANAGEMENT_ALG, PROTOCOL_VERSION } from './constants.js';
import {
  headerString,
  onlyFields,
  parseHeader,
  pinAlgorithm,
  splitCompact,
  type ProtectedHeader,
} from './lib/compact.js';

/** The routing fields of an envelope's protected header. */
export interface EnvelopeHeader {
  id: string;
  from: string;
  to: string;
  /** The recipient encryption certificate's kid. */
  kid: string;
  /** The whole protected header. */
  raw: ProtectedHeader;
}

/** Every field of an envelope's protected header (PROTOCOL.md §2.3); any other is refused. */
const ENVELOPE_HEADER_FIELDS = [
  'alg',
  'enc',
  'kid',
  'cty',
  'ffx-v',
  'ffx-id',
  'ffx-from',
  'ffx-to',
];

/**
 * Parses the compact JWE and its protected header and checks the profile: five base64url parts
 * (FFX-MALFORMED), `alg`/`enc` pinned (FFX-ALG), `ffx-v` 1 (FFX-VERSION), `cty`, `kid`, `ffx-id`,
 * `ffx-from`, `ffx-to` present and no other field (FFX-MALFORMED). Nothing here is authenticated
 * yet: GCM binds the
 * header, so `open` detects any change.
 *
 * @example const { id, from, to } = peekHeader(jwe);
 */
export function peekHeader(jwe: string): EnvelopeHeader {
  const parts = splitCompact(jwe, 5, 'envelope');
  const raw = parseHeader(parts[0]!, 'envelope');
  pinAlgorithm(raw, 'alg', KEY_MANAGEMENT_ALG, 'envelope');
  pinAlgorithm(raw, 'enc', CONTENT_ENCRYPTION_ALG, 'envelope');
  if (raw['ffx-v'] !== PROTOCOL_VERSION) {
    throw new FfxError(
      'FFX-VERSION',
      `envelope is protocol version ${JSON.stringify(raw['ffx-v'] ?? null)}; this node speaks ${PROTOCOL_VERSION}`,
    );
  }
  if (raw.cty !== 'ffx-msg+jws') {
    throw new FfxError('FFX-MALFORMED', 'envelope cty must be ffx-msg+jws');
  }
  onlyFields(raw, ENVELOPE_HEADER_FIELDS, 'envelope');
  return {
    id: headerString(raw, 'ffx-id', 'envelope'),
    from: headerString(raw, 'ffx-from', 'envelope'),
    to: headerString(raw, 'ffx-to', 'envelope'),
    kid: headerString(raw, 'kid', 'envelope'),
    raw,
  };
}
