// The replication check before an acknowledgement, against the run's real Redis (it has no replicas).
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { ReplicaWait, ReplicasBehind } from '../../node/lib/redis.js';
import { ensureTestRedis, testPrefix, testRedis } from '../fixtures/redis.js';

describe('ReplicaWait (Redis WAIT before acknowledging)', () => {
  before(ensureTestRedis);

  it('refuses with ReplicasBehind when fewer replicas than required confirm within the timeout', async () => {
    const redis = testRedis();
    try {
      await redis.set(`${testPrefix('wait')}k`, 'v', 'PX', 5000);
      const started = Date.now();
      const err = await new ReplicaWait(1, 50).confirm(redis).then(
        () => expect.fail('should have been refused'),
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(ReplicasBehind);
      expect((err as ReplicasBehind).confirmed).to.equal(0);
      expect((err as ReplicasBehind).required).to.equal(1);
      expect(Date.now() - started).to.be.at.least(40);
    } finally {
      redis.disconnect();
    }
  });

  it('with minReplicas 0 sends nothing at all (a single Redis keeps its round trips)', async () => {
    // Never connected and no offline queue: any command would fail at once.
    const offline = new Redis({ lazyConnect: true, enableOfflineQueue: false });
    const err = await offline.call('WAIT', 1, 10).then(
      () => expect.fail('an offline command should fail'),
      (e: unknown) => e as Error,
    );
    expect(err.message).to.match(/writeable|offline/i);
    await new ReplicaWait(0, 50).confirm(offline, offline);
    offline.disconnect();
  });
});
