// Local API handlers of operations: health, readiness, metrics and the dead-letter queue.
import { NodeError } from '../../errors.js';
import { PROTOCOL_VERSION } from '../../../protocol/index.js';
import { retryDeadLetter, type RetryDeps } from '../../service/retry-dead-letter.js';
import type { MessageStore } from '../../store/message-store.js';
import type { TrustStore } from '../../pki/trust-store.js';
import type { NodeJournal } from '../../app/journal-wiring.js';
import type { NodeMetrics } from '../../app/metrics.js';
import type { TokenKeysStatus } from '../auth/token-keys.js';
import type { NodeEvents } from '../../service/node-events.js';
import type { HandlerTable } from '../local-app.js';
import { toSummary } from './messages.js';
import type { components } from '../../../generated/openapi.js';

type Schemas = components['schemas'];

/** What the operations routes use. */
export interface OperationsRouteDeps extends RetryDeps {
  nodeId: string;
  /** The node's software version. */
  version: string;
  /** Whether Redis answers (within a second). */
  redisOk: () => Promise<boolean>;
  /** Whether the keys bearer tokens are verified with are at hand. */
  tokenKeys: () => TokenKeysStatus;
  store: RetryDeps['store'] &
    Pick<MessageStore, 'pendingByPeer' | 'deadLetters' | 'purgeDeadLetter'>;
  trust: RetryDeps['trust'] & Pick<TrustStore, 'directory'>;
  journal: Pick<NodeJournal, 'status'>;
  metrics: Pick<NodeMetrics, 'oldestPending' | 'registry'>;
  events: Pick<NodeEvents, 'emit'>;
}

/**
 * Readiness fails when Redis does not answer, the directory is past nextUpdate + grace, the
 * audit journal cannot be written, or the token keys could not be fetched yet; it reports the age of the oldest pending message per peer so
 * that a stuck peer shows before its messages expire.
 */
export function operationsHandlers(deps: OperationsRouteDeps): HandlerTable {
  return {
    getHealth: async () => ({
      status: 200,
      body: {
        status: 'ok',
        nodeId: deps.nodeId,
        version: deps.version,
        protocol: PROTOCOL_VERSION,
      } satisfies Schemas['Health'],
    }),
    getReadiness: async () => {
      const redisOk = await deps.redisOk();
      const directory = deps.trust.directory;
      const stale = directory.isStale(deps.now());
      const audit = deps.journal.status();
      const peers: Schemas['Readiness']['peers'] = [];
      if (redisOk) {
        const ids = directory
          .members()
          .map((m) => m.id)
          .filter((id) => id !== deps.nodeId);
        // One round trip for every peer, whatever their queues hold.
        for (const p of await deps.store.pendingByPeer(ids)) {
          const age = p.oldestPendingSeconds;
          peers.push({
            id: p.peer,
            pending: p.pending,
            oldestPendingSeconds: age === null ? null : Math.round(age),
          });
          deps.metrics.oldestPending.set({ to: p.peer }, age ?? 0);
        }
      }
      const auth = deps.tokenKeys();
      const ready = redisOk && !stale && audit.healthy && auth.ok;
      const body: Schemas['Readiness'] = {
        ready,
        checks: {
          redis: { ok: redisOk },
          directory: {
            ok: !stale,
            sequence: directory.payload.sequence,
            nextUpdate: directory.payload.nextUpdate,
          },
          auth,
          audit: {
            ok: audit.healthy,
            backlog: audit.backlog,
            dropped: audit.dropped,
            ...(audit.lastError ? { lastError: audit.lastError } : {}),
          },
        },
        peers,
      };
      return { status: ready ? 200 : 503, body };
    },
    getMetrics: async () => ({
      status: 200,
      body: await deps.metrics.registry.metrics(),
      contentType: deps.metrics.registry.contentType,
    }),
    listDeadLetters: async (ctx) => {
      const limit = (ctx.query.limit as number | undefined) ?? 50;
      const ids = await deps.store.deadLetters(limit);
      const items = [];
      for (const id of ids) {
        const m = await deps.store.get('out', id);
        if (m) items.push(toSummary(m));
      }
      return { status: 200, body: { items } satisfies Schemas['DeadLetterList'] };
    },
    retryDeadLetter: async (ctx) => {
      const id = String(ctx.params.id);
      const status = await retryDeadLetter(deps, id);
      deps.events.emit('queue-operation', { actor: ctx.actor, action: 'retry', messageId: id });
      return {
        status: 200,
        body: { messageId: id, status } satisfies Schemas['QueueOperationResult'],
      };
    },
    purgeDeadLetter: async (ctx) => {
      const id = String(ctx.params.id);
      if (!(await deps.store.purgeDeadLetter(id)))
        throw new NodeError('NODE-NOT-FOUND', `${id} is not in the dead-letter list`);
      deps.events.emit('queue-operation', { actor: ctx.actor, action: 'purge', messageId: id });
      return {
        status: 200,
        body: { messageId: id, status: 'purged' } satisfies Schemas['QueueOperationResult'],
      };
    },
  };
}
