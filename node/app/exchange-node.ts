// The composition root: one exchange node process wired from its configuration, and taken apart again.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { createRedis } from '../lib/redis.js';
import { createLogger, type Logger } from '../lib/logger.js';
import { CloserStack } from '../lib/closer-stack.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { TrustStore } from '../pki/trust-store.js';
import { MessageStore } from '../store/message-store.js';
import { OutboundQueues } from '../delivery/outbound-queues.js';
import { PeerClient } from '../delivery/peer-client.js';
import { createDeliveryProcessor } from '../message-flow/deliver-message.js';
import { createPeerServer } from '../http/peer-server.js';
import { createLocalApp } from '../http/local-app.js';
import { consoleSite } from '../http/console/console-site.js';
import { createAuthenticator } from '../http/auth/authenticator.js';
import { loadTokenKeys, type TokenKeys } from '../http/auth/token-keys.js';
import { admit, receiveEnvelope, type ReceiveDeps } from '../message-flow/receive-envelope.js';
import { NodeEvents } from '../service/node-events.js';
import { ActivePolicy } from '../service/active-policy.js';
import { NodeMetrics } from './metrics.js';
import { openJournal, type NodeJournal } from './journal-wiring.js';
import { logEvents } from './log-wiring.js';
import { localApiHandlers } from './local-api-handlers.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Options for tests and embedding: an injected clock and logger. */
export interface ExchangeNodeOptions {
  now?: () => Date;
  logger?: Logger;
  /** Wait between fetches of a JWKS URL that was down at start (default 5 000 ms). */
  authRetryMs?: number;
}

/**
 * A running exchange node process. Several processes of one node may share its Redis (same
 * key prefix): delivery jobs are shared through BullMQ, the inbox is idempotent, and each
 * process keeps its own audit journal file. Everything a start opens is pushed on one stack of
 * closers right after it is opened; a start that fails at any step unwinds it, and `stop`
 * unwinds it too (servers first, Redis last).
 *
 * @example
 * const node = await ExchangeNode.start(await loadConfig('config/dev/AL.yaml'));
 * console.log(node.peerUrl, node.localUrl);
 * await node.stop();
 */
export class ExchangeNode {
  readonly config: ResolvedConfig;
  readonly events = new NodeEvents();
  readonly metrics: NodeMetrics;
  readonly log: Logger;
  readonly trust: TrustStore;
  readonly redis: Redis;
  readonly store: MessageStore;
  readonly queues: OutboundQueues;
  readonly policy: ActivePolicy;
  readonly journal: NodeJournal;
  readonly #client: PeerClient;
  readonly #peerServer: Server;
  readonly #localServer: Server;
  readonly now: () => Date;
  readonly #closers: CloserStack;

  private constructor(parts: {
    config: ResolvedConfig;
    log: Logger;
    trust: TrustStore;
    redis: Redis;
    store: MessageStore;
    queues: OutboundQueues;
    policy: ActivePolicy;
    journal: NodeJournal;
    client: PeerClient;
    metrics: NodeMetrics;
    events: NodeEvents;
    tokenKeys: TokenKeys;
    closers: CloserStack;
    now: () => Date;
  }) {
    this.config = parts.config;
    this.log = parts.log;
    this.trust = parts.trust;
    this.redis = parts.redis;
    this.store = parts.store;
    this.queues = parts.queues;
    this.policy = parts.policy;
    this.journal = parts.journal;
    this.#client = parts.client;
    this.metrics = parts.metrics;
    this.events = parts.events;
    this.now = parts.now;
    this.#closers = parts.closers;

    const c = this.config;
    const receiving: ReceiveDeps = {
      store: this.store,
      trust: this.trust,
      events: this.events,
      inbound: this.policy,
      maxEnvelopeBytes: c.peerApi.maxEnvelopeBytes,
      clockSkewSeconds: c.protocol.clockSkewSeconds,
      retentionDays: c.retention.defaultDays,
      rateLimit: c.peerApi.rateLimit,
      prefix: c.redis.prefix,
      now: this.now,
    };
    this.#peerServer = createPeerServer({
      trust: this.trust,
      events: this.events,
      nodeId: c.nodeId,
      maxEnvelopeBytes: c.peerApi.maxEnvelopeBytes,
      limits: c.peerApi,
      now: this.now,
      receive: (bytes, peer) => receiveEnvelope(receiving, bytes, peer),
      count: (peer) => admit(receiving, peer, undefined),
    });
    const auth = c.localApi.auth;
    const site = consoleSite({
      config: c,
      redis: this.redis,
      log: this.log,
      now: () => this.now().getTime(),
    });
    this.#localServer = createLocalApp({
      mounts: [(app) => site.mount(app)],
      sessionPrincipal: (req) => site.principal(req),
      listener: (app) => site.createServer(app),
      handlers: localApiHandlers({
        config: c,
        version: pkg.version,
        trust: this.trust,
        redis: this.redis,
        store: this.store,
        queues: this.queues,
        policy: this.policy,
        events: this.events,
        journal: this.journal,
        metrics: this.metrics,
        tokenKeys: () => parts.tokenKeys.status(),
        now: this.now,
      }),
      authenticator: createAuthenticator({
        issuer: auth.issuer,
        audience: auth.audience,
        jwks: parts.tokenKeys.keys,
        ...(auth.algorithms ? { algorithms: auth.algorithms } : {}),
        clockToleranceSeconds: auth.clockToleranceSeconds,
        rolesClaim: auth.rolesClaim,
      }),
      maxBodyBytes: c.localApi.maxBodyBytes,
      log: this.log,
    }).server;
  }

  /** Starts a node from a resolved configuration; resolves once both APIs listen. */
  static async start(
    config: ResolvedConfig,
    options: ExchangeNodeOptions = {},
  ): Promise<ExchangeNode> {
    const now = options.now ?? (() => new Date());
    const log =
      options.logger ??
      createLogger({
        level: config.log.level,
        nodeId: config.nodeId,
        instanceId: config.instanceId,
        ...(config.log.file ? { file: config.log.file } : {}),
      });
    const closers = new CloserStack();
    try {
      const events = new NodeEvents();
      const metrics = new NodeMetrics(config.nodeId);
      metrics.observe(events);
      // First: a node whose tokens cannot be verified does not start at all.
      const tokenKeys = await loadTokenKeys(config.localApi.auth.jwks, {
        log,
        ...(options.authRetryMs ? { retryMs: options.authRetryMs } : {}),
      });
      closers.push('token keys', () => tokenKeys.close());
      const trust = await TrustStore.load({ nodeId: config.nodeId, ...config.pki }, now);
      const redis = createRedis(config.redis, `ffx-${config.nodeId}-${config.instanceId}`);
      closers.push('redis', () => quit(redis));
      const store = new MessageStore(redis, config.redis.prefix, now);
      const journal = await openJournal(config, trust, events, metrics, log);
      closers.push('audit journal', () => journal.close());
      const policy = await ActivePolicy.open({
        redis,
        prefix: config.redis.prefix,
        trust,
        events,
        log,
        bootstrapFile: config.policy.file,
        now,
      });
      closers.push('policy', () => policy.close());
      const client = new PeerClient(trust, {
        maxSocketsPerPeer: config.delivery.concurrencyPerPeer,
      });
      closers.push('peer client', () => client.close());
      // BullMQ gets its own connection: it defines dozens of scripts on a connection, and every
      // MULTI of the message store on the same connection would copy them all.
      const queueRedis = createRedis(
        config.redis,
        `ffx-${config.nodeId}-${config.instanceId}-queues`,
      );
      closers.push('queue redis', () => quit(queueRedis));
      const queues = new OutboundQueues({
        connection: queueRedis,
        prefix: `${config.redis.prefix}bull`,
        concurrencyPerPeer: config.delivery.concurrencyPerPeer,
        lockDurationMs: config.delivery.lockDurationMs,
        backoff: { baseMs: config.delivery.backoffBaseMs, maxMs: config.delivery.backoffMaxMs },
        now,
        onWorkerError: (peer, err) => {
          metrics.workerErrors.inc({ to: peer });
          log.error({ to: peer, err: err.message }, 'delivery worker error');
        },
      });
      closers.push('delivery queues', () => queues.close());
      logEvents(events, log);
      const node = new ExchangeNode({
        config,
        log,
        trust,
        redis,
        store,
        queues,
        policy,
        journal,
        client,
        metrics,
        events,
        tokenKeys,
        closers,
        now,
      });
      await node.#start();
      return node;
    } catch (err) {
      await closers.unwind((name, e) =>
        log.warn({ err: (e as Error).message, part: name }, 'could not close after a failed start'),
      );
      log.flush?.();
      throw err;
    }
  }

  async #start(): Promise<void> {
    const c = this.config;
    // Stores written by an earlier version get their list indexes before anything lists or changes them.
    const migration = await this.store.migrateIndexes();
    if (migration.ran) this.log.info({ indexed: migration.indexed }, 'message store indexes built');
    const peers = () =>
      this.trust.directory
        .members()
        .map((m) => m.id)
        .filter((id) => id !== c.nodeId);
    const processor = createDeliveryProcessor({
      store: this.store,
      trust: this.trust,
      client: this.#client,
      events: this.events,
      attemptTimeoutMs: c.delivery.attemptTimeoutMs,
      now: this.now,
    });
    this.queues.startWorkers(peers(), processor);
    this.trust.on('directory', (d: TrustStore['directory']) => {
      this.metrics.directorySequence.set(d.payload.sequence);
      this.log.info({ sequence: d.payload.sequence }, 'federation directory updated');
      for (const p of peers()) this.queues.ensureWorker(p);
    });
    this.trust.on('refresh-error', (err: Error) =>
      this.log.warn(
        { err: err.message },
        'federation directory refresh failed; keeping the one in force',
      ),
    );
    this.metrics.directorySequence.set(this.trust.directory.payload.sequence);
    this.trust.start();
    this.#closers.push('directory refresh', () => this.trust.stop());
    const sweeper = setInterval(
      () => void this.#purgeExpiredContents(),
      c.retention.sweepSeconds * 1000,
    );
    sweeper.unref();
    this.#closers.push('retention sweep', () => clearInterval(sweeper));
    await this.#recoverPending(peers());
    this.#closers.push('local API', () => closeServer(this.#localServer));
    this.#closers.push('peer API', () => closeServer(this.#peerServer));
    await Promise.all([
      listen(this.#peerServer, 'peerApi', c.peerApi.host, c.peerApi.port),
      listen(this.#localServer, 'localApi', c.localApi.host, c.localApi.port),
    ]);
    this.log.info(
      {
        peerApi: this.peerUrl,
        localApi: this.localUrl,
        directory: this.trust.directory.payload.sequence,
        // Read by libuv once, from the environment the process started with (default 4).
        threadPool: Number(process.env.UV_THREADPOOL_SIZE) || 4,
      },
      'node started',
    );
  }

  /**
   * Re-adds the delivery job of every outbound message still pending. A job id is the message
   * id, so this is a no-op for jobs that exist; it recovers messages whose job was lost between
   * storing and queueing (a crash in that window, or a Redis restored without its queue keys).
   */
  async #recoverPending(peers: string[]): Promise<void> {
    let recovered = 0;
    for (const peer of peers) {
      for (const id of await this.store.pendingIds(peer)) {
        const env = await this.store.envelope(id);
        if (!env || !['accepted', 'queued', 'sending'].includes(env.status)) continue;
        const job = await this.queues.queue(peer).getJob(id);
        if (!job) {
          await this.queues.enqueue(peer, { messageId: id, expiresAt: env.expiresAt });
          if (env.status === 'accepted')
            await this.store.transition(id, 'queued', { detail: { recovered: true } });
          recovered++;
        }
      }
    }
    if (recovered > 0)
      this.log.warn({ recovered }, 're-queued pending messages that had no delivery job');
  }

  /** Deletes the contents of messages whose retention ended (every process may sweep: it is atomic). */
  async #purgeExpiredContents(): Promise<void> {
    try {
      for (;;) {
        const purged = await this.store.purgeExpiredContents(500);
        if (purged.length > 0) this.events.emit('contents-purged', { messages: purged });
        if (purged.length < 500) break;
      }
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'retention sweep failed; it runs again later');
    }
  }

  /** Base URL of the peer API: the endpoint the federation directory lists for this node. */
  get peerUrl(): string {
    return this.trust.directory.endpointOf(this.config.nodeId);
  }

  /** Base URL of the local API. */
  get localUrl(): string {
    const scheme = this.config.localApi.tls ? 'https' : 'http';
    return `${scheme}://127.0.0.1:${(this.#localServer.address() as AddressInfo).port}`;
  }

  /** Stops accepting, lets running delivery attempts finish briefly, flushes the journal, closes Redis. */
  async stop(): Promise<void> {
    await this.#closers.unwind((name, err) =>
      this.log.warn({ err: (err as Error).message, part: name }, 'could not close cleanly'),
    );
    this.log.info('node stopped');
    this.log.flush?.();
  }
}

/** Listens; a port that is taken or not allowed is one clear line naming the setting. */
async function listen(server: Server, setting: string, host: string, port: number): Promise<void> {
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'EADDRINUSE'
        ? 'the address is in use'
        : e.code === 'EACCES'
          ? 'permission denied'
          : e.message;
    throw new Error(`${setting}: cannot listen on ${host}:${port}: ${why} (${e.code ?? 'error'})`, {
      cause: err,
    });
  }
}

/** Closes a server and the connections it still holds. */
function closeServer(s: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!s.listening) return resolve();
    s.close(() => resolve());
    s.closeAllConnections?.();
  });
}

/** Quits a Redis connection, or drops it when it cannot say goodbye. */
async function quit(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') return redis.disconnect();
  await redis.quit().catch(() => redis.disconnect());
}
