// The audit journal: append-only, hash-chained, signed checkpoints; verification and reading.
export { AuditJournal, type AuditJournalOptions, type JournalStatus } from './audit-journal.js';
export { verifyJournal, type VerifyResult } from './verify-journal.js';
export { readJournal, type JournalQuery } from './read-journal.js';
export { canonicalJson } from '../lib/canonical-json.js';
export { CHECKPOINT_TYP, GENESIS_HASH, entryHash } from './entry-hash.js';
