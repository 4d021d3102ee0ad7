// Wires the local API routes the console needs (directory, preview, peers, node status, events, threads).
import type { Redis } from 'ioredis';
import { createRedis, type RedisTarget } from '../../lib/redis.js';
import type { TrustStore } from '../../pki/trust-store.js';
import type { MessageStore } from '../../store/message-store.js';
import type { OutboundPolicy } from '../../service/active-policy.js';
import type { AttentionDeps } from '../../service/attention.js';
import type { NodeEvents } from '../../service/node-events.js';
import { ChangeFeed } from '../../service/change-feed.js';
import { PeerActivity } from '../../service/peer-activity.js';
import type { HandlerTable } from '../local-app.js';
import { directoryHandlers } from './directory.js';
import { messagePreviewHandlers } from './message-preview.js';
import { peersHandlers } from './peers.js';
import { nodeStatusHandlers } from './node-status.js';
import { eventsHandlers } from './events.js';
import { threadHandlers } from './threads.js';

/** What the console's routes are built from (a node's parts; each handler takes only its own). */
export interface ConsoleApiSources {
  config: {
    nodeId: string;
    instanceId: string;
    redis: RedisTarget & { prefix: string };
    delivery: { defaultTtlSeconds: number; attemptTimeoutMs: number };
  };
  trust: TrustStore;
  store: MessageStore;
  policy: OutboundPolicy;
  journal: AttentionDeps['journal'];
  tokenKeys: AttentionDeps['tokenKeys'];
  redis: Redis;
  events: NodeEvents;
  now: () => Date;
}

/** Live update streams one node process serves at most. */
export const MAX_EVENT_STREAMS = 100;
/** Heartbeat comment interval of a live update stream. */
export const EVENT_HEARTBEAT_MS = 15_000;

/**
 * The handlers of the console's routes, each given the narrow dependencies it uses. The peer
 * activity (last delivery per peer) starts recording this process's deliveries here; the change
 * feed opens its subscriber connection with the first live stream.
 */
export function consoleApiHandlers(node: ConsoleApiSources): HandlerTable {
  const c = node.config;
  const activity = new PeerActivity(node.redis, c.redis.prefix, node.now);
  activity.observe(node.events);
  const feed = new ChangeFeed({
    connect: () => createRedis(c.redis, `ffx-${c.nodeId}-${c.instanceId}-events`),
    channel: `${c.redis.prefix}events`,
    maxStreams: MAX_EVENT_STREAMS,
  });
  const redisOk = () =>
    Promise.race([
      node.redis.ping().then(
        (r) => r === 'PONG',
        () => false,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), 1000).unref()),
    ]);
  return {
    ...directoryHandlers({ trust: node.trust, now: node.now }),
    ...messagePreviewHandlers({
      trust: node.trust,
      policy: node.policy,
      defaultTtlSeconds: c.delivery.defaultTtlSeconds,
      now: node.now,
    }),
    ...peersHandlers({
      trust: node.trust,
      store: node.store,
      activity,
      now: node.now,
      timeoutMs: c.delivery.attemptTimeoutMs,
    }),
    ...nodeStatusHandlers({
      trust: node.trust,
      store: node.store,
      journal: node.journal,
      tokenKeys: node.tokenKeys,
      redisOk,
      now: node.now,
    }),
    ...eventsHandlers({ feed, heartbeatMs: EVENT_HEARTBEAT_MS }),
    ...threadHandlers({ store: node.store }),
  };
}
