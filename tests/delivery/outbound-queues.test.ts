// Outbound queues against a Redis that does not answer: the workers' own errors reach the node.
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { OutboundQueues } from '../../node/delivery/outbound-queues.js';
import { freePort } from '../../node/dev/private-redis.js';
import { eventually } from '../fixtures/federation.js';
import { redisUrl, testPrefix, testRedis } from '../fixtures/redis.js';

describe('OutboundQueues', () => {
  it("reports each worker's own errors (a lost Redis connection) with the peer", async () => {
    const port = await freePort();
    const connection = new Redis(`redis://127.0.0.1:${port}`, {
      maxRetriesPerRequest: null,
      retryStrategy: () => 200,
    });
    connection.on('error', () => undefined);
    const seen: Array<{ peer: string; err: Error }> = [];
    const queues = new OutboundQueues({
      connection,
      prefix: 'ffxtest:queues-unreachable:bull',
      concurrencyPerPeer: 1,
      lockDurationMs: 3000,
      backoff: { baseMs: 100, maxMs: 1000 },
      onWorkerError: (peer, err) => seen.push({ peer, err }),
    });
    try {
      queues.startWorkers(['RS'], async () => undefined);
      await eventually('a worker error', async () => (seen.length > 0 ? true : undefined), 10_000);
      expect(seen[0]!.peer).to.equal('RS');
      expect(seen[0]!.err.message).to.match(/ECONNREFUSED/);
    } finally {
      await queues.close(100);
      connection.disconnect();
    }
  });

  it('closes every Redis connection its workers opened', async () => {
    const name = `ffxtest-queues-${process.pid}-${Date.now()}`;
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, connectionName: name });
    const queues = new OutboundQueues({
      connection,
      prefix: `${testPrefix('queues')}bull`,
      concurrencyPerPeer: 2,
      lockDurationMs: 3000,
      backoff: { baseMs: 100, maxMs: 1000 },
    });
    const clients = async () =>
      ((await testRedis().client('LIST')) as string).split('\n').filter((l) => l.includes(name))
        .length;
    queues.startWorkers(['RS', 'MD'], async () => undefined);
    await eventually('the workers to connect', async () =>
      (await clients()) >= 3 ? true : undefined,
    );
    await queues.close(100);
    await connection.quit();
    await eventually(
      'every connection to close',
      async () => ((await clients()) === 0 ? true : undefined),
      10_000,
    );
  });
});
