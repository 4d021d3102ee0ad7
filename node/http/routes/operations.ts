// Local API handlers of operations: health, readiness, metrics and the dead-letter queue.
import { NodeError } from '../../errors.js';
import { PROTOCOL_VERSION } from '../../../protocol/index.js';
import { retryDeadLetter } from '../../service/retry-dead-letter.js';
import type { ExchangeNode } from '../../service/exchange-node.js';
import type { HandlerTable } from '../local-app.js';
import { toSummary } from './messages.js';
import type { components } from '../../../generated/openapi.js';

type Schemas = components['schemas'];

/**
 * Readiness fails when Redis does not answer, the directory is past nextUpdate + grace, or the
 * audit journal cannot be written; it reports the age of the oldest pending message per peer so
 * that a stuck peer shows before its messages expire.
 */
export function operationsHandlers(node: ExchangeNode, version: string): HandlerTable {
  return {
    getHealth: async () => ({
      status: 200,
      body: {
        status: 'ok',
        nodeId: node.config.nodeId,
        version,
        protocol: PROTOCOL_VERSION,
      } satisfies Schemas['Health'],
    }),
    getReadiness: async () => {
      const redisOk = await Promise.race([
        node.redis.ping().then(
          (r) => r === 'PONG',
          () => false,
        ),
        new Promise<boolean>((r) => setTimeout(() => r(false), 1000).unref()),
      ]);
      const directory = node.trust.directory;
      const stale = directory.isStale(node.now());
      const audit = node.journal.status();
      const peers: Schemas['Readiness']['peers'] = [];
      if (redisOk) {
        for (const m of directory.members()) {
          if (m.id === node.config.nodeId) continue;
          const ids = await node.store.pendingIds(m.id);
          const age = await node.store.oldestPendingAge(m.id);
          peers.push({
            id: m.id,
            pending: ids.length,
            oldestPendingSeconds: age === null ? null : Math.round(age),
          });
          node.metrics.oldestPending.set({ to: m.id }, age ?? 0);
        }
      }
      const ready = redisOk && !stale && audit.healthy;
      const body: Schemas['Readiness'] = {
        ready,
        checks: {
          redis: { ok: redisOk },
          directory: {
            ok: !stale,
            sequence: directory.payload.sequence,
            nextUpdate: directory.payload.nextUpdate,
          },
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
      body: await node.metrics.registry.metrics(),
      contentType: node.metrics.registry.contentType,
    }),
    listDeadLetters: async (ctx) => {
      const limit = (ctx.query.limit as number | undefined) ?? 50;
      const ids = await node.store.deadLetters(limit);
      const items = [];
      for (const id of ids) {
        const m = await node.store.get('out', id);
        if (m) items.push(toSummary(m));
      }
      return { status: 200, body: { items } satisfies Schemas['DeadLetterList'] };
    },
    retryDeadLetter: async (ctx) => {
      const id = String(ctx.params.id);
      const status = await retryDeadLetter(node, id);
      node.events.emit('queue-operation', { actor: ctx.actor, action: 'retry', messageId: id });
      return {
        status: 200,
        body: { messageId: id, status } satisfies Schemas['QueueOperationResult'],
      };
    },
    purgeDeadLetter: async (ctx) => {
      const id = String(ctx.params.id);
      if (!(await node.store.purgeDeadLetter(id)))
        throw new NodeError('NODE-NOT-FOUND', `${id} is not in the dead-letter list`);
      node.events.emit('queue-operation', { actor: ctx.actor, action: 'purge', messageId: id });
      return {
        status: 200,
        body: { messageId: id, status: 'purged' } satisfies Schemas['QueueOperationResult'],
      };
    },
  };
}
