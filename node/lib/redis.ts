// Redis connections for the node: one factory so every connection gets the same safe options.
import { readFileSync } from 'node:fs';
import { Redis, type RedisOptions } from 'ioredis';

/** Where a secret comes from: a file or an environment variable (never the configuration itself). */
export interface SecretSource {
  file?: string;
  env?: string;
}

/** A Sentinel-managed Redis: the Sentinels to ask and the master name they monitor. */
export interface SentinelSettings {
  sentinels: { host: string; port: number }[];
  name: string;
  password?: SecretSource;
  sentinelPassword?: SecretSource;
  tls?: { ca: string };
}

/** The Redis of a node as its configuration names it: one URL or a Sentinel set. */
export interface RedisTarget {
  url?: string;
  sentinel?: SentinelSettings;
}

/**
 * Opens an ioredis connection to a URL or, with `sentinel`, to the master the Sentinels name.
 * `maxRetriesPerRequest: null` is what BullMQ requires and also what the node wants: a command
 * waits for Redis to come back instead of failing after a few retries, so a Redis restart or a
 * Sentinel failover pauses traffic instead of losing it. With Sentinel, ioredis asks the
 * Sentinels for the master on every (re)connection, checks the server it reaches is a master
 * (`role`), and listens on the Sentinels for `+switch-master`, so it follows a failover by itself;
 * a command sent to a demoted master (READONLY) makes it reconnect to the new one.
 */
export function createRedis(target: string | RedisTarget, name: string): Redis {
  const common: RedisOptions = {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: name,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
  };
  const t = typeof target === 'string' ? { url: target } : target;
  if (!t.sentinel) {
    if (!t.url) throw new Error('a Redis URL or a Sentinel set is needed');
    return new Redis(t.url, common);
  }
  const s = t.sentinel;
  const password = s.password ? readSecret(s.password, 'redis.sentinel.password') : undefined;
  const sentinelPassword = s.sentinelPassword
    ? readSecret(s.sentinelPassword, 'redis.sentinel.sentinelPassword')
    : undefined;
  const tls = s.tls ? { ca: readFileSync(s.tls.ca, 'utf8') } : undefined;
  return new Redis({
    ...common,
    sentinels: s.sentinels.map((a) => ({ host: a.host, port: a.port })),
    name: s.name,
    role: 'master',
    failoverDetector: true,
    sentinelRetryStrategy: (times) => Math.min(100 * times, 1000),
    // A READONLY answer means this server was demoted: reconnect, the Sentinels name the new master.
    reconnectOnError: (err) => (err.message.startsWith('READONLY') ? 2 : false),
    ...(password !== undefined ? { password } : {}),
    ...(sentinelPassword !== undefined ? { sentinelPassword } : {}),
    ...(tls ? { tls, sentinelTLS: tls, enableTLSForSentinelMode: true } : {}),
  });
}

/** Reads a secret from its file or environment variable; the error names the setting, never the value. */
export function readSecret(
  source: SecretSource,
  setting: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (source.file) {
    try {
      return readFileSync(source.file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new Error(`${setting}: cannot read ${source.file}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
  const value = source.env ? env[source.env] : undefined;
  if (value === undefined || value === '') {
    throw new Error(`${setting}: the environment variable ${source.env ?? '(none)'} is not set`);
  }
  return value;
}

/** Raised when fewer replicas than required confirmed a write in time. */
export class ReplicasBehind extends Error {
  constructor(
    readonly confirmed: number,
    readonly required: number,
  ) {
    super(`only ${confirmed} of ${required} Redis replicas confirmed the write in time`);
    this.name = 'ReplicasBehind';
  }
}

/**
 * The replication check before an acknowledgement: `WAIT minReplicas timeoutMs` on each
 * connection that wrote (WAIT covers the writes of the connection it is sent on). With
 * `minReplicas` 0 it does nothing and costs no round trip.
 *
 * @example await replicas.confirm(storeRedis, queueRedis); // throws ReplicasBehind
 */
export class ReplicaWait {
  constructor(
    readonly minReplicas: number,
    readonly timeoutMs: number,
  ) {}

  async confirm(...connections: Redis[]): Promise<void> {
    if (this.minReplicas === 0) return;
    const counts = await Promise.all(
      connections.map(
        async (c) => (await c.call('WAIT', this.minReplicas, this.timeoutMs)) as number,
      ),
    );
    const least = Math.min(...counts);
    if (least < this.minReplicas) throw new ReplicasBehind(least, this.minReplicas);
  }
}
