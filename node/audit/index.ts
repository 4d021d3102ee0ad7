// The audit journal: append-only, hash-chained, signed checkpoints; verification and reading.
export { AuditJournal, type AuditJournalOptions, type JournalStatus } from './audit-journal.js';
export { verifyJournal, type VerifyResult } from './verify-journal.js';
export { readJournal, type JournalQuery } from './read-journal.js';
export { canonicalJson } from '../lib/canonical-json.js';
export { CHECKPOINT_TYP, GENESIS_HASH, entryHash } from './entry-hash.js';
export {
  buildEvidenceBundle,
  messageEntries,
  policyDocumentHash,
  BundleError,
  type EvidenceBundle,
} from './evidence-bundle.js';
export {
  verifyEvidenceBundle,
  type BundleCheck,
  type BundleFacts,
  type BundleVerification,
} from './verify-bundle.js';
export {
  disclosureReport,
  disclosuresCsv,
  DISCLOSURE_COLUMNS,
  LEGAL_BASIS_NOT_STATED,
  type Disclosure,
  type DisclosureReport,
} from './disclosures.js';
