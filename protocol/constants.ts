// Fixed values of protocol v1: version, media types, the pinned algorithm profile.

/** The protocol version carried in `ffx-v` and the message's `v`. */
export const PROTOCOL_VERSION = 1;

/** JWS `typ` of the signed message, and JWE `cty` of the envelope that carries it. */
export const MESSAGE_TYP = 'ffx-msg+jws';
/** JWS `typ` of a receipt. */
export const RECEIPT_TYP = 'ffx-receipt+jws';
/** JWS `typ` of the federation directory. */
export const DIRECTORY_TYP = 'ffx-directory+jws';

/** The only signature algorithm of the profile. */
export const SIGNATURE_ALG = 'PS256';
/** The only key management algorithm of the profile. */
export const KEY_MANAGEMENT_ALG = 'RSA-OAEP-256';
/** The only content encryption algorithm of the profile. */
export const CONTENT_ENCRYPTION_ALG = 'A256GCM';

/** Default largest envelope accepted, in bytes (before any parsing). */
export const DEFAULT_MAX_ENVELOPE_BYTES = 1024 * 1024;
/** Default allowed clock skew for `createdAt`, in seconds. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 300;
