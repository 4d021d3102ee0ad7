// Redis connections for the node: one factory so every connection gets the same safe options.
import { Redis } from 'ioredis';

/**
 * Opens an ioredis connection. `maxRetriesPerRequest: null` is what BullMQ requires and also
 * what the node wants: a command waits for Redis to come back instead of failing after a few
 * retries, so a Redis restart pauses traffic instead of losing it.
 */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: name,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
  });
}
