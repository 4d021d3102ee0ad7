// The local API's handler table, each handler module given only the parts of the node it uses.
import type { Redis } from 'ioredis';
import type { ResolvedConfig } from '../config/load-config.js';
import type { TrustStore } from '../pki/trust-store.js';
import type { MessageStore } from '../store/message-store.js';
import type { OutboundQueues } from '../delivery/outbound-queues.js';
import type { ActivePolicy } from '../service/active-policy.js';
import type { NodeEvents } from '../service/node-events.js';
import type { TokenKeysStatus } from '../http/auth/token-keys.js';
import type { HandlerTable } from '../http/local-app.js';
import { messageHandlers } from '../http/routes/messages.js';
import { policyHandlers } from '../http/routes/policies.js';
import { auditHandlers } from '../http/routes/audit.js';
import { auditEvidenceHandlers } from '../http/routes/audit-evidence.js';
import { operationsHandlers } from '../http/routes/operations.js';
import { consoleApiHandlers } from '../http/routes/console-api.js';
import type { NodeJournal } from './journal-wiring.js';
import type { NodeMetrics } from './metrics.js';

/** The parts of a running node the local API is built from. */
export interface LocalApiParts {
  config: ResolvedConfig;
  version: string;
  trust: TrustStore;
  redis: Redis;
  store: MessageStore;
  queues: OutboundQueues;
  policy: ActivePolicy;
  events: NodeEvents;
  journal: NodeJournal;
  metrics: NodeMetrics;
  tokenKeys: () => TokenKeysStatus;
  now: () => Date;
}

/** Whether Redis answers PING within a second. */
function redisAnswers(redis: Pick<Redis, 'ping'>): () => Promise<boolean> {
  return () =>
    Promise.race([
      redis.ping().then(
        (r) => r === 'PONG',
        () => false,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), 1000).unref()),
    ]);
}

/** Builds every handler of the local API from the node's parts. */
export function localApiHandlers(p: LocalApiParts): HandlerTable {
  const c = p.config;
  const { store, trust, queues, policy, events, now } = p;
  return {
    ...messageHandlers({
      store,
      trust,
      queues,
      policy,
      events,
      defaultTtlSeconds: c.delivery.defaultTtlSeconds,
      retentionDays: c.retention.defaultDays,
      now,
    }),
    ...policyHandlers({ nodeId: c.nodeId, policy, store, trust }),
    ...auditHandlers({ journal: p.journal }),
    ...auditEvidenceHandlers({
      nodeId: c.nodeId,
      journal: p.journal,
      store,
      policies: policy.store,
      rootCaPem: trust.rootCaPem,
      directorySource: c.pki.directory.source,
      now,
    }),
    ...operationsHandlers({
      nodeId: c.nodeId,
      version: p.version,
      redisOk: redisAnswers(p.redis),
      tokenKeys: p.tokenKeys,
      store,
      trust,
      queues,
      journal: p.journal,
      metrics: p.metrics,
      events,
      defaultTtlSeconds: c.delivery.defaultTtlSeconds,
      now,
    }),
    ...consoleApiHandlers(p),
  };
}
