// Connects the node's events to its audit journal (LED Art. 25 log): who, when, why, to whom.
import type { KeyObject } from 'node:crypto';
import { AuditJournal, verifyJournal, readJournal } from '../audit/index.js';
import { digestOf } from '../../protocol/index.js';
import type { ResolvedConfig } from '../config/load-config.js';
import type { Logger } from '../lib/logger.js';
import type { TrustStore } from '../pki/trust-store.js';
import type { NodeMetrics } from './metrics.js';
import type { NodeEventMap, NodeEvents } from '../service/node-events.js';

/** The journal as the rest of the node sees it. */
export interface NodeJournal {
  readonly file: string;
  status(): { healthy: boolean; backlog: number; dropped: number; lastError: string | null };
  read(q: {
    fromSeq?: number;
    limit?: number;
    type?: string;
    messageId?: string;
  }): ReturnType<typeof readJournal>;
  verify(): ReturnType<typeof verifyJournal>;
  /** Writes what is queued and a signed checkpoint over it (an evidence bundle needs one). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

/** Every event the journal records; each becomes one entry of the same type. */
const JOURNALED: Array<keyof NodeEventMap> = [
  'submitted',
  'decision',
  'attempt',
  'delivered',
  'rejected',
  'dead-letter',
  'received',
  'receive-rejected',
  'peer-refused',
  'consulted',
  'policy-change',
  'queue-operation',
  'contents-purged',
];

/**
 * Opens this process's journal and subscribes it to the node's events. Appending never blocks or
 * fails traffic (the journal buffers and retries); its health feeds readiness and a metric.
 * Receipts are journaled by digest only: the entry proves which receipt was received without
 * copying it.
 */
export async function openJournal(
  config: ResolvedConfig,
  trust: TrustStore,
  events: NodeEvents,
  metrics: NodeMetrics,
  log: Logger,
): Promise<NodeJournal> {
  const journal = await AuditJournal.open({
    file: config.audit.file,
    nodeId: config.nodeId,
    signingKey: trust.sig.key,
    signingKid: trust.sig.kid,
    checkpointEvery: config.audit.checkpointEvery,
    checkpointSeconds: config.audit.checkpointSeconds,
    maxBacklog: config.audit.maxBacklog,
  });
  for (const type of JOURNALED) {
    events.on(type, (payload: NodeEventMap[typeof type]) => {
      const fields = { ...(payload as Record<string, unknown>) };
      // `message` is an error text here, not a message: kept under a name the journal does not strip.
      if (typeof fields.message === 'string') {
        fields.reason = fields.message;
        delete fields.message;
      }
      // The entry's own `type` is the event; a message's type is kept as `messageType`.
      if (typeof fields.type === 'string') {
        fields.messageType = fields.type;
        delete fields.type;
      }
      if (type === 'delivered' && typeof fields.receipt === 'string') {
        fields.receiptDigest = digestOf(fields.receipt);
        delete fields.receipt;
      }
      journal.append(type, fields);
    });
  }
  let wasHealthy = true;
  const watch = setInterval(() => {
    const s = journal.status();
    metrics.auditBacklog.set(s.backlog);
    if (s.healthy !== wasHealthy) {
      wasHealthy = s.healthy;
      if (s.healthy) log.info('audit journal writes again; backlog drained');
      else
        log.error(
          { err: s.lastError, backlog: s.backlog },
          'audit journal cannot write; entries are kept in memory',
        );
    }
  }, 1000);
  watch.unref();
  const publicKeys = (): Map<string, KeyObject> => {
    const keys = new Map<string, KeyObject>();
    for (const c of trust.directory.certificatesOf(config.nodeId, 'sig'))
      keys.set(c.kid, c.publicKey);
    return keys;
  };
  return {
    file: config.audit.file,
    status: () => journal.status(),
    read: (q) => readJournal(config.audit.file, q),
    verify: async () => {
      await journal.flush();
      return verifyJournal(config.audit.file, { publicKeys: publicKeys(), nodeId: config.nodeId });
    },
    checkpoint: () => journal.checkpoint(),
    close: async () => {
      clearInterval(watch);
      await journal.close();
    },
  };
}
