// Key names of the message store under a node's prefix (one place for the store, its scripts' callers and the migration).
import type { Box } from './message-status.js';

/** Filters that have an index of their own, by the name of their key segment. */
export type IndexedField = 'status' | 'peer' | 'type' | 'corr' | 'reply' | 'ref';

/**
 * The keys of one node's store. Every sorted set is scored by the message's createdAt (epoch
 * ms); the dynamic index keys are also built inside the scripts from the prefix, so a store
 * lives on one Redis (no cluster slots), as the node's other keys do.
 *
 * @example storeKeys('ffx:AL:').index('in', 'status', 'received') // 'ffx:AL:ix:in:status:received'
 */
export function storeKeys(prefix: string) {
  return {
    prefix,
    msg: (box: Box, id: string) => `${prefix}msg:${box}:${id}`,
    msgPrefix: (box: Box) => `${prefix}msg:${box}:`,
    history: (box: Box, id: string) => `${prefix}msg:${box}:${id}:history`,
    box: (box: Box) => `${prefix}box:${box}`,
    index: (box: Box, field: IndexedField, value: string) => `${prefix}ix:${box}:${field}:${value}`,
    indexPrefix: (box: Box, field: IndexedField) => `${prefix}ix:${box}:${field}:`,
    pending: (peer: string) => `${prefix}pending:${peer}`,
    dead: () => `${prefix}dead`,
    retain: () => `${prefix}retain`,
    /** The version of the indexes the store holds (see `migrateIndexes`). */
    indexVersion: () => `${prefix}indexes`,
    /** The channel of change notifications. */
    events: () => `${prefix}events`,
  };
}

/** The key names of one store. */
export type StoreKeys = ReturnType<typeof storeKeys>;
