// A page of the store costs the same round trips and bounded Redis work whatever the store holds (commands counted on a private Redis).
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { v7 as uuidv7 } from 'uuid';
import { startPrivateRedis, type RedisHandle } from '../../node/dev/private-redis.js';
import { LIST_WINDOW, MessageStore, type ListQuery } from '../../node/store/message-store.js';
import { storeScripts } from '../../node/store/load-scripts.js';

describe('MessageStore round trips', function () {
  this.timeout(120_000);
  let handle: RedisHandle;
  let redis: Redis;
  const t0 = Date.parse('2026-11-22T10:00:00.000Z');
  let stores = 0;

  before(async () => {
    // Its own server: INFO commandstats counts this test's commands and nothing else.
    handle = await startPrivateRedis();
    redis = new Redis(handle.url, { maxRetriesPerRequest: null });
  });
  after(async () => {
    await redis.quit();
    await handle.stop();
  });

  /** A store of `n` outbound messages one second apart, of repeating peers, types, statuses and threads. */
  async function storeOf(n: number): Promise<MessageStore> {
    const prefix = `rt:${++stores}:`;
    const store = new MessageStore(redis, prefix);
    for (let start = 0; start < n; start += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, n - start) }, (_, j) => {
          const i = start + j;
          return store.createOutbound({
            id: uuidv7(),
            type: ['trace-request', 'hit-notification'][i % 2]!,
            from: 'AL',
            to: ['RS', 'MD', 'ME'][i % 3]!,
            status: i % 5 === 0 ? 'queued' : 'accepted',
            createdAt: new Date(t0 + i * 1000).toISOString(),
            expiresAt: new Date(t0 + i * 1000 + 86_400_000).toISOString(),
            correlationId: `case-${i % 7}`,
            message: { body: { requestRef: `REF-${i % 10}` } },
          });
        }),
      );
    }
    return store;
  }

  /** Commands Redis ran for `fn`, by name: those the client sent and those the scripts ran. */
  async function commandsOf(fn: () => Promise<unknown>): Promise<Record<string, number>> {
    await redis.config('RESETSTAT');
    await fn();
    const info = await redis.info('commandstats');
    const calls: Record<string, number> = {};
    for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
      if (m[1] !== 'config|resetstat') calls[m[1]!] = Number(m[2]);
    }
    return calls;
  }

  const sent = (c: Record<string, number>) => (c.evalsha ?? 0) + (c.eval ?? 0);
  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

  it('lists a page of 50 in one round trip, with the same Redis work for 630 and 5 040 messages', async () => {
    // The small store is just large enough for a full page of each filter (one in ten for a reference).
    const small = await storeOf(630);
    const large = await storeOf(5040);
    // One filter: its index is walked alone, so the work is the page's whatever the store holds.
    const queries: Array<Omit<ListQuery, 'limit'>> = [
      {},
      { peer: 'RS' },
      { status: 'queued' },
      { type: 'hit-notification' },
      { correlationId: 'case-3' },
      { ref: 'REF-4' },
    ];
    for (const q of queries) {
      await small.list('out', { ...q, limit: 50 }); // scripts loaded, not counted
      const a = await commandsOf(() => small.list('out', { ...q, limit: 50 }));
      const b = await commandsOf(() => large.list('out', { ...q, limit: 50 }));
      expect(sent(a), JSON.stringify(q)).to.equal(1);
      expect(sent(b), JSON.stringify(q)).to.equal(1);
      expect(b, JSON.stringify(q)).to.deep.equal(a);
    }
  });

  it('lists combined filters in one round trip whose work is bounded by the window, not by the store', async () => {
    // Sizes a multiple of 210 apart (the newest entries of both follow the same pattern), each
    // peer's index longer than the window.
    const large = await storeOf(7140);
    const larger = await storeOf(14_280);
    const queries: Array<Omit<ListQuery, 'limit'>> = [
      { peer: 'RS', type: 'hit-notification' },
      { peer: 'MD', status: 'accepted', from: new Date(t0).toISOString() },
      { type: 'trace-request', status: 'accepted', peer: 'ME' },
    ];
    for (const q of queries) {
      await large.list('out', { ...q, limit: 50 });
      const a = await commandsOf(() => large.list('out', { ...q, limit: 50 }));
      const b = await commandsOf(() => larger.list('out', { ...q, limit: 50 }));
      expect(sent(a), JSON.stringify(q)).to.equal(1);
      expect(sent(b), JSON.stringify(q)).to.equal(1);
      // Both walk the full window: twice the store, the same work.
      expect(b, JSON.stringify(q)).to.deep.equal(a);
      const filters = Object.keys(q).filter((k) => k !== 'from' && k !== 'to').length;
      // Counting, ranks, one range read per 100 entries, one check per other filter per entry, one read per item.
      expect(total(b)).to.be.at.most(
        10 + 2 * filters + LIST_WINDOW / 100 + LIST_WINDOW * (filters - 1) + 50 * 2,
      );
    }
  });

  it('reads the readiness of every peer in one round trip, whatever their queues hold', async () => {
    const small = await storeOf(100);
    const large = await storeOf(5000);
    const a = await commandsOf(() => small.pendingByPeer(['RS', 'MD', 'ME', 'BA']));
    const b = await commandsOf(() => large.pendingByPeer(['RS', 'MD', 'ME', 'BA']));
    expect(b).to.deep.equal(a);
    expect(a).to.deep.include({ zcard: 4, zrange: 4 });
    expect((await large.pendingByPeer(['RS']))[0]!.pending).to.equal(1667);
  });

  it('runs its scripts again after Redis lost them (NOSCRIPT: the script is sent once more)', async () => {
    const store = await storeOf(10);
    await redis.script('FLUSH');
    const page = await store.list('out', { limit: 5, status: 'queued' });
    expect(page.items).to.have.length(2);
    expect(page.total).to.deep.equal({ count: 2, exact: true });
    const again = await commandsOf(() => store.list('out', { limit: 5 }));
    expect(sent(again)).to.equal(1);
  });

  it('names in each script file the keys it takes, as its file name counts them', () => {
    for (const s of storeScripts()) {
      const header = /^--\[\[([\s\S]*?)\]\]/.exec(s.lua)?.[1] ?? '';
      expect(header, s.command)
        .to.match(/Input/)
        .and.match(/ARGV\[1\]/)
        .and.match(/Output:/);
      const keys = [...header.matchAll(/KEYS\[(\d+)\]/g)].map((m) => Number(m[1]));
      if (s.numberOfKeys !== undefined)
        expect(Math.max(...keys), s.command).to.equal(s.numberOfKeys);
      expect(s.lua, `${s.command} has its includes resolved`).to.not.match(/@include/);
    }
    expect(storeScripts().map((s) => s.command)).to.include.members([
      'ffxCreateOutbound',
      'ffxStoreInbound',
      'ffxTransitionOutbound',
      'ffxClaimDelivery',
      'ffxMarkInboundAnswered',
      'ffxPurgeContents',
      'ffxAdmitInbound',
      'ffxListPage',
      'ffxThread',
      'ffxReindex',
    ]);
  });
});
