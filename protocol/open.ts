// Opens an envelope: every receiver check of PROTOCOL.md §4, in order, each failure a typed FFX error.
import type { KeyObject } from 'node:crypto';
import { compactDecrypt } from 'jose';
import { FfxError } from './errors.js';
import {
  CONTENT_ENCRYPTION_ALG,
  DEFAULT_CLOCK_SKEW_SECONDS,
  DEFAULT_MAX_ENVELOPE_BYTES,
  KEY_MANAGEMENT_ALG,
  MESSAGE_TYP,
  SIGNATURE_ALG,
} from './constants.js';
import {
  headerString,
  onlyFields,
  parseHeader,
  pinAlgorithm,
  splitCompact,
} from './lib/compact.js';
import { checkMessage, type Message } from './lib/check-message.js';
import { verifySignedJson } from './lib/verify-signed-json.js';
import { peekHeader, type EnvelopeHeader } from './peek-header.js';
import { digestOf } from './digest-of.js';
import type { TrustedDirectory } from './trusted-directory.js';
import type { ReplayStore } from './replay-store.js';

/** What the receiver knows and holds. */
export interface OpenOptions {
  /** This node's member id. */
  self: string;
  /** This node's decryption keys with their `enc` certificate kids (several during a rotation). */
  decryptionKeys: Array<{ kid: string; key: KeyObject }>;
  /** The verified federation directory. */
  directory: TrustedDirectory;
  /** The receiver's clock. */
  now: Date;
  /** Largest envelope accepted, in bytes (default 1 MiB); checked before any parsing. */
  maxBytes?: number;
  /** Allowed clock skew for `createdAt`, in seconds (default 300). */
  clockSkewSeconds?: number;
  /** The member the TLS client certificate belongs to, when received over the peer API. */
  transportPeer?: string;
  /** Replay store; when absent the replay check is skipped (offline tools). */
  replay?: ReplayStore;
}

/** A message that passed every check. */
export interface OpenedMessage {
  message: Message;
  header: EnvelopeHeader;
  signer: { memberId: string; kid: string; serial: string };
  /** base64url SHA-256 of the envelope bytes: what the receipt carries. */
  digest: string;
  sizeBytes: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Opens an envelope and runs the receiver checks in the order PROTOCOL.md §4 gives. The first
 * failing check throws an FfxError with its code; nothing is returned or stored otherwise.
 *
 * @example
 * const { message, digest } = await open(jwe, { self: 'RS', decryptionKeys, directory, now: new Date(), replay });
 */
export async function open(
  input: string | Uint8Array,
  options: OpenOptions,
): Promise<OpenedMessage> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ENVELOPE_BYTES;
  const sizeBytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (sizeBytes > maxBytes) {
    throw new FfxError(
      'FFX-SIZE',
      `envelope of ${sizeBytes} bytes exceeds the limit of ${maxBytes}`,
    );
  }
  let jwe: string;
  try {
    jwe = typeof input === 'string' ? input : decoder.decode(input);
  } catch {
    throw new FfxError('FFX-MALFORMED', 'envelope is not UTF-8 text');
  }
  jwe = jwe.trim();
  const digest = digestOf(jwe);
  const header = peekHeader(jwe);
  const { directory } = options;

  if (header.to !== options.self) {
    throw new FfxError(
      'FFX-RECIPIENT',
      `envelope is addressed to ${header.to}, this node is ${options.self}`,
    );
  }
  if (!directory.member(header.from)) {
    throw new FfxError(
      'FFX-SENDER-UNKNOWN',
      `sender ${header.from} is not a member of the federation`,
    );
  }
  if (options.transportPeer !== undefined && options.transportPeer !== header.from) {
    throw new FfxError(
      'FFX-TRANSPORT-IDENTITY',
      `TLS client certificate belongs to ${options.transportPeer} but the envelope is from ${header.from}`,
    );
  }
  const key = options.decryptionKeys.find((k) => k.kid === header.kid);
  if (!key) {
    throw new FfxError(
      'FFX-DECRYPT',
      `envelope is encrypted for key ${header.kid}, which is not an encryption key of ${options.self}`,
    );
  }
  let jwsBytes: Uint8Array;
  try {
    ({ plaintext: jwsBytes } = await compactDecrypt(jwe, key.key, {
      keyManagementAlgorithms: [KEY_MANAGEMENT_ALG],
      contentEncryptionAlgorithms: [CONTENT_ENCRYPTION_ALG],
    }));
  } catch (cause) {
    throw new FfxError(
      'FFX-DECRYPT',
      'envelope does not decrypt: it was changed in transit or encrypted with another key',
      { cause },
    );
  }
  let jws: string;
  try {
    jws = decoder.decode(jwsBytes);
  } catch {
    throw new FfxError('FFX-MALFORMED', 'decrypted content is not UTF-8 text');
  }

  const jwsParts = splitCompact(jws, 3, 'signed message');
  const jwsHeader = parseHeader(jwsParts[0]!, 'signed message');
  pinAlgorithm(jwsHeader, 'alg', SIGNATURE_ALG, 'signed message');
  if (jwsHeader.typ !== MESSAGE_TYP) {
    throw new FfxError('FFX-MALFORMED', `signed message typ must be ${MESSAGE_TYP}`);
  }
  onlyFields(jwsHeader, ['alg', 'typ', 'kid'], 'signed message');
  const signerKid = headerString(jwsHeader, 'kid', 'signed message');
  const listed = directory.certificateByKid(signerKid);
  if (!listed) {
    throw new FfxError(
      'FFX-CERT-UNKNOWN',
      `signing certificate ${signerKid} is not listed in federation directory ${directory.payload.sequence}`,
    );
  }
  if (listed.memberId !== header.from) {
    throw new FfxError(
      'FFX-SENDER-MISMATCH',
      `envelope is from ${header.from} but signed with a certificate of ${listed.memberId}`,
    );
  }
  const signer = directory.checkCertificate(signerKid, {
    memberId: header.from,
    use: 'sig',
    now: options.now,
  });
  const data = await verifySignedJson(jws, signer.publicKey, {
    signature: {
      code: 'FFX-SIGNATURE',
      message: `signature does not verify with ${header.from}'s certificate ${signer.serial}`,
    },
    notJson: { code: 'FFX-MALFORMED', message: 'signed message payload is not JSON' },
    decode: (bytes) => decoder.decode(bytes),
  });
  const message = checkMessage(data, 'the message');
  for (const [field, value] of [
    ['id', header.id],
    ['from', header.from],
    ['to', header.to],
  ] as const) {
    if (message[field] !== value) {
      throw new FfxError(
        'FFX-HEADER-MISMATCH',
        `envelope header ffx-${field} ${value} differs from the message's ${field} ${message[field]}`,
      );
    }
  }
  const skew = (options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS) * 1000;
  const now = options.now.getTime();
  const createdAt = Date.parse(message.createdAt);
  const expiresAt = Date.parse(message.expiresAt);
  if (expiresAt <= createdAt) {
    throw new FfxError('FFX-SCHEMA', 'expiresAt must be after createdAt', {
      problems: [{ pointer: '/expiresAt', message: 'must be after createdAt' }],
    });
  }
  if (createdAt > now + skew) {
    throw new FfxError(
      'FFX-FUTURE',
      `message created at ${message.createdAt}, more than ${skew / 1000} s ahead of the receiver's clock (${options.now.toISOString()})`,
    );
  }
  if (expiresAt <= now) {
    throw new FfxError('FFX-EXPIRED', `message expired at ${message.expiresAt}`);
  }
  if (options.replay && (await options.replay.seen(message.from, message.id))) {
    throw new FfxError(
      'FFX-REPLAY',
      `message id ${message.id} from ${message.from} was already received`,
    );
  }
  return {
    message,
    header,
    signer: { memberId: signer.memberId, kid: signer.kid, serial: signer.serial },
    digest,
    sizeBytes,
  };
}
