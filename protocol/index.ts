// The wire protocol of the exchange: seal/open envelopes, receipts, directory, errors. No I/O.
export {
  PROTOCOL_VERSION,
  MESSAGE_TYP,
  RECEIPT_TYP,
  DIRECTORY_TYP,
  SIGNATURE_ALG,
  KEY_MANAGEMENT_ALG,
  CONTENT_ENCRYPTION_ALG,
  DEFAULT_MAX_ENVELOPE_BYTES,
  DEFAULT_CLOCK_SKEW_SECONDS,
} from './constants.js';
export {
  FfxError,
  ffxErrorCatalogue,
  isFfxCode,
  type FfxCode,
  type FieldProblem,
} from './errors.js';
export { digestOf } from './digest-of.js';
export { seal, type SealInput } from './seal.js';
export { open, type OpenOptions, type OpenedMessage } from './open.js';
export { peekHeader, type EnvelopeHeader } from './peek-header.js';
export { buildReceipt, type Receipt, type ReceiptFields } from './build-receipt.js';
export { signReceipt, type SignReceiptInput } from './sign-receipt.js';
export { verifyReceipt, type VerifyReceiptOptions } from './verify-receipt.js';
export { verifyDirectory, type VerifyDirectoryOptions } from './verify-directory.js';
export {
  TrustedDirectory,
  type DirectoryMember,
  type DirectoryPayload,
  type ListedCertificate,
} from './trusted-directory.js';
export { MemoryReplayStore, type ReplayStore } from './replay-store.js';
export type { Message } from './lib/check-message.js';
export type { CertificateUse } from './lib/certificate-profile.js';
