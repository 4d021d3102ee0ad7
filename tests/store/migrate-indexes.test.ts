// MessageStore.migrateIndexes against real Redis: records an earlier version stored get their list indexes, once, in batches.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { v7 as uuidv7 } from 'uuid';
import { INDEX_VERSION, MessageStore } from '../../node/store/message-store.js';
import { testPrefix, testRedis } from '../fixtures/redis.js';

describe('MessageStore.migrateIndexes', () => {
  let redis: Redis;
  let prefix: string;
  const t0 = Date.parse('2026-11-22T10:00:00.000Z');
  const iso = (ms: number) => new Date(ms).toISOString();

  beforeEach(() => {
    redis = testRedis();
    prefix = testPrefix('migrate');
  });

  /** Writes records as the earlier version did: hash, history, box index (inbox by arrival), no filter indexes. */
  async function earlierRecords(): Promise<{ out: string[]; in: string[]; purged: string }> {
    const out: string[] = [];
    const inn: string[] = [];
    const p = redis.pipeline();
    for (let i = 0; i < 23; i++) {
      const id = uuidv7();
      out.push(id);
      const createdAt = t0 + i * 1000;
      p.hset(`${prefix}msg:out:${id}`, {
        id,
        box: 'out',
        type: i % 2 ? 'hit-notification' : 'trace-request',
        from: 'AL',
        to: i % 3 ? 'RS' : 'MD',
        status: i % 4 ? 'delivered' : 'queued',
        createdAt: iso(createdAt),
        expiresAt: iso(createdAt + 86_400_000),
        updatedAt: iso(createdAt),
        attempts: '1',
        ...(i < 10 ? { correlationId: 'case-old' } : {}),
        message: JSON.stringify({ body: { requestRef: `OLD-${i}` } }),
      });
      p.rpush(
        `${prefix}msg:out:${id}:history`,
        JSON.stringify({ status: 'accepted', at: iso(createdAt) }),
      );
      p.zadd(`${prefix}box:out`, createdAt, id);
    }
    for (let i = 0; i < 11; i++) {
      const id = uuidv7();
      inn.push(id);
      const createdAt = t0 + i * 1000;
      p.hset(`${prefix}msg:in:${id}`, {
        id,
        box: 'in',
        type: 'trace-response',
        from: 'RS',
        to: 'AL',
        status: i === 0 ? 'answered' : 'received',
        createdAt: iso(createdAt),
        expiresAt: iso(createdAt + 86_400_000),
        updatedAt: iso(createdAt),
        receivedAt: iso(createdAt + 60_000),
        inReplyTo: out[i]!,
        attempts: '0',
        ...(i === 5
          ? { purgedAt: iso(t0) }
          : { message: JSON.stringify({ body: { requestRef: `OLD-${i}` } }) }),
      });
      // The earlier version scored the inbox by arrival.
      p.zadd(`${prefix}box:in`, createdAt + 60_000, id);
    }
    await p.exec();
    return { out, in: inn, purged: inn[5]! };
  }

  it('indexes every earlier record in batches, rescored by createdAt, and marks the store', async () => {
    const { out, in: inn, purged } = await earlierRecords();
    const store = new MessageStore(redis, prefix);
    const batches: Array<{ out: number; in: number }> = [];
    const r = await store.migrateIndexes({ batch: 5, onBatch: (d) => batches.push(d) });
    expect(r).to.deep.equal({ ran: true, indexed: { out: 23, in: 11 } });
    expect(batches.length).to.be.at.least(2);
    expect(batches.at(-1)).to.deep.equal({ out: 23, in: 11 });
    expect(await redis.get(`${prefix}indexes`)).to.equal(INDEX_VERSION);

    const queued = await store.list('out', { limit: 50, status: 'queued' });
    expect(queued.items.map((i) => i.id)).to.deep.equal(
      out.filter((_, i) => i % 4 === 0).reverse(),
    );
    expect(queued.total).to.deep.equal({ count: 6, exact: true });
    const md = await store.list('out', { limit: 50, peer: 'MD', type: 'trace-request' });
    expect(md.items.map((i) => i.id)).to.deep.equal(
      out.filter((_, i) => i % 3 === 0 && i % 2 === 0).reverse(),
    );
    expect((await store.list('out', { limit: 50, correlationId: 'case-old' })).total).to.deep.equal(
      { count: 10, exact: true },
    );
    expect(
      (await store.list('out', { limit: 50, ref: 'OLD-7' })).items.map((i) => i.id),
    ).to.deep.equal([out[7]]);
    expect(
      (await store.list('in', { limit: 50, inReplyTo: out[3]! })).items.map((i) => i.id),
    ).to.deep.equal([inn[3]]);
    expect(
      (await store.list('in', { limit: 50, status: 'answered' })).items.map((i) => i.id),
    ).to.deep.equal([inn[0]]);
    // A purged record keeps its other indexes but not the references of its deleted contents.
    expect((await store.list('in', { limit: 50, ref: 'OLD-5' })).items).to.deep.equal([]);
    expect(
      (await store.list('in', { limit: 50, ref: 'OLD-4' })).items.map((i) => i.id),
    ).to.deep.equal([inn[4]]);
    expect(await redis.zscore(`${prefix}ix:in:status:received`, purged)).to.equal(
      String(t0 + 5000),
    );
    expect(await redis.zscore(`${prefix}box:in`, inn[2]!)).to.equal(String(t0 + 2000));
    // The thread reads the migrated indexes of both boxes.
    expect((await store.thread('case-old')).total).to.equal(10);
    // The lifecycle goes on from the migrated indexes.
    await store.transition(out[0]!, 'delivered');
    expect((await store.list('out', { limit: 50, status: 'queued' })).total).to.deep.equal({
      count: 5,
      exact: true,
    });
  });

  it('reads one key on a store that has its indexes, and changes nothing when run again or twice at once', async () => {
    await earlierRecords();
    const a = new MessageStore(redis, prefix);
    const b = new MessageStore(testRedis(), prefix);
    const both = await Promise.all([
      a.migrateIndexes({ batch: 4 }),
      b.migrateIndexes({ batch: 7 }),
    ]);
    expect(both.every((r) => r.indexed.out === 23 || !r.ran)).to.equal(true);
    const snapshot = async () => {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        keys.push(
          ...found.filter(
            (k) => k.includes(':ix:') || k.endsWith(':box:in') || k.endsWith(':box:out'),
          ),
        );
      } while (cursor !== '0');
      keys.sort();
      return Promise.all(keys.map(async (k) => [k, await redis.zrange(k, 0, -1, 'WITHSCORES')]));
    };
    const before = await snapshot();
    expect(before.length).to.be.above(10);
    expect(await a.migrateIndexes()).to.deep.equal({ ran: false, indexed: { out: 0, in: 0 } });
    // Forced again (marker removed): the same indexes, nothing doubled.
    await redis.del(`${prefix}indexes`);
    expect((await a.migrateIndexes()).ran).to.equal(true);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('skips a record whose createdAt cannot be read and indexes the rest', async () => {
    await earlierRecords();
    const bad = uuidv7();
    await redis.hset(`${prefix}msg:out:${bad}`, {
      id: bad,
      box: 'out',
      status: 'queued',
      to: 'RS',
      type: 'trace-request',
      createdAt: 'garbage',
    });
    await redis.zadd(`${prefix}box:out`, t0 - 1, bad);
    const store = new MessageStore(redis, prefix);
    expect(await store.migrateIndexes()).to.deep.equal({ ran: true, indexed: { out: 23, in: 11 } });
    expect(await redis.zscore(`${prefix}ix:out:status:queued`, bad)).to.equal(null);
    expect((await store.list('out', { limit: 50, status: 'queued' })).total).to.deep.equal({
      count: 6,
      exact: true,
    });
  });

  it('has nothing to do on an empty store and marks it', async () => {
    const store = new MessageStore(redis, prefix);
    expect(await store.migrateIndexes()).to.deep.equal({ ran: true, indexed: { out: 0, in: 0 } });
    expect(await store.migrateIndexes()).to.deep.equal({ ran: false, indexed: { out: 0, in: 0 } });
  });
});
