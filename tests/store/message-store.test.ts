// MessageStore against real Redis: transitions, idempotent receive, indexes, paging.
import { expect } from 'chai';
import { v7 as uuidv7 } from 'uuid';
import { MessageStore, type NewInbound, type NewOutbound } from '../../node/store/message-store.js';
import { NodeError } from '../../node/errors.js';
import { testPrefix, testRedis } from '../fixtures/redis.js';

describe('MessageStore', () => {
  let store: MessageStore;
  let clock = new Date('2026-11-22T10:00:00.000Z');
  const now = () => clock;

  beforeEach(() => {
    store = new MessageStore(testRedis(), testPrefix('store'), now);
  });

  function outbound(over: Partial<NewOutbound> = {}): NewOutbound {
    return {
      id: uuidv7(),
      type: 'trace-request',
      from: 'AL',
      to: 'RS',
      status: 'accepted',
      createdAt: clock.toISOString(),
      expiresAt: new Date(clock.getTime() + 3600_000).toISOString(),
      jwe: 'a.b.c.d.e',
      ...over,
    };
  }

  function inbound(over: Partial<NewInbound> = {}): NewInbound {
    return {
      id: uuidv7(),
      type: 'trace-request',
      from: 'RS',
      to: 'AL',
      createdAt: clock.toISOString(),
      expiresAt: new Date(clock.getTime() + 3600_000).toISOString(),
      receivedAt: clock.toISOString(),
      message: { id: 'x' },
      digest: 'd1',
      receipt: 'r1',
      ...over,
    };
  }

  it('records the status history of a delivery in order', async () => {
    const m = outbound();
    await store.createOutbound(m);
    expect((await store.transition(m.id, 'queued')).ok).to.equal(true);
    expect((await store.transition(m.id, 'sending', { detail: { attempt: 1 } })).ok).to.equal(true);
    expect((await store.transition(m.id, 'delivered', { fields: { receipt: 'R' } })).ok).to.equal(
      true,
    );
    const got = await store.get('out', m.id);
    expect(got!.history.map((h) => h.status)).to.deep.equal([
      'accepted',
      'queued',
      'sending',
      'delivered',
    ]);
    expect(got!.history[2]!.detail).to.deep.equal({ attempt: 1 });
    expect(got!.receipt).to.equal('R');
    expect(got!.status).to.equal('delivered');
  });

  it('stores a message accepted and queued in one step: both history entries, pending', async () => {
    const m = outbound({ status: 'queued', detail: { note: 'kept on the accepted entry' } });
    await store.createOutbound(m);
    const got = await store.get('out', m.id);
    expect(got!.status).to.equal('queued');
    expect(got!.history).to.deep.equal([
      {
        status: 'accepted',
        at: clock.toISOString(),
        detail: { note: 'kept on the accepted entry' },
      },
      { status: 'queued', at: clock.toISOString() },
    ]);
    expect(await store.pendingIds('RS')).to.include(m.id);
    // The usual lifecycle goes on from there.
    expect((await store.transition(m.id, 'sending', { countAttempt: true })).ok).to.equal(true);
    const denied = outbound({ status: 'denied' });
    await store.createOutbound(denied);
    expect(await store.pendingIds('RS')).to.not.include(denied.id);
    expect((await store.get('out', denied.id))!.history.map((h) => h.status)).to.deep.equal([
      'denied',
    ]);
  });
  it('counts a delivery attempt in the step that claims the message, and only then', async () => {
    const m = outbound();
    await store.createOutbound(m);
    await store.transition(m.id, 'queued');
    const known = { to: m.to, createdAt: m.createdAt };
    expect(await store.transition(m.id, 'sending', { countAttempt: true, known })).to.deep.equal({
      ok: true,
      attempt: 1,
    });
    await store.transition(m.id, 'queued', {
      known,
      detail: { attempt: 1, code: 'FFX-UNAVAILABLE' },
    });
    expect(await store.transition(m.id, 'sending', { countAttempt: true })).to.deep.equal({
      ok: true,
      attempt: 2,
    });
    await store.transition(m.id, 'delivered', { known, fields: { receipt: 'R' } });
    // A late worker neither claims it nor counts an attempt.
    expect(await store.transition(m.id, 'sending', { countAttempt: true, known })).to.deep.equal({
      ok: false,
      current: 'delivered',
    });
    const got = await store.get('out', m.id);
    expect(got!.attempts).to.equal(2);
    expect(got!.history.filter((h) => h.status === 'sending').map((h) => h.detail)).to.deep.equal([
      { attempt: 1 },
      { attempt: 2 },
    ]);
    expect(await store.pendingIds('RS')).to.deep.equal([]);
  });

  describe('claimForDelivery', () => {
    const usable = { usableKids: ['k-old', 'k-new'] };
    const later = (ms: number) => new Date(clock.getTime() + ms);

    it('claims a waiting message sealed for a usable key: sending, attempt counted, envelope returned', async () => {
      const m = outbound({ status: 'queued', recipientKid: 'k-new' });
      await store.createOutbound(m);
      expect(await store.claimForDelivery(m.id, { now: clock, ...usable })).to.deep.equal({
        kind: 'claimed',
        attempt: 1,
        jwe: m.jwe,
        to: 'RS',
        createdAt: m.createdAt,
      });
      // A retry after a transient failure claims again and counts the second attempt.
      await store.transition(m.id, 'queued', { detail: { attempt: 1, code: 'FFX-UNAVAILABLE' } });
      const again = await store.claimForDelivery(m.id, { now: later(1000), ...usable });
      expect(again).to.include({ kind: 'claimed', attempt: 2 });
      const got = await store.get('out', m.id);
      expect(got!.status).to.equal('sending');
      expect(got!.attempts).to.equal(2);
      expect(got!.history.map((h) => [h.status, h.detail?.attempt])).to.deep.equal([
        ['accepted', undefined],
        ['queued', undefined],
        ['sending', 1],
        ['queued', 1],
        ['sending', 2],
      ]);
      expect(await store.pendingIds('RS')).to.include(m.id);
    });

    it('leaves an expired message, one sealed for an unusable key, or one no longer waiting unchanged', async () => {
      const expired = outbound({ status: 'queued', recipientKid: 'k-new' });
      const withdrawn = outbound({ status: 'queued', recipientKid: 'k-revoked' });
      const delivered = outbound({ status: 'queued', recipientKid: 'k-new' });
      for (const m of [expired, withdrawn, delivered]) await store.createOutbound(m);
      await store.transition(delivered.id, 'delivered', { fields: { receipt: 'R' } });

      expect(
        await store.claimForDelivery(expired.id, { now: new Date(expired.expiresAt), ...usable }),
      ).to.deep.equal({ kind: 'expired' });
      expect(await store.claimForDelivery(withdrawn.id, { now: clock, ...usable })).to.deep.equal({
        kind: 'key',
        jwe: withdrawn.jwe,
      });
      expect(await store.claimForDelivery(delivered.id, { now: clock, ...usable })).to.deep.equal({
        kind: 'gone',
        current: 'delivered',
      });
      expect(await store.claimForDelivery(uuidv7(), { now: clock, ...usable })).to.deep.equal({
        kind: 'gone',
        current: null,
      });
      for (const m of [expired, withdrawn]) {
        const got = await store.get('out', m.id);
        expect(got!.status).to.equal('queued');
        expect(got!.attempts).to.equal(0);
        expect(got!.history.map((h) => h.status)).to.deep.equal(['accepted', 'queued']);
      }
    });

    it('hands a message stored without its recipient kid back unclaimed, for the caller to check', async () => {
      const m = outbound({ status: 'queued' });
      await store.createOutbound(m);
      expect(await store.claimForDelivery(m.id, { now: clock, ...usable })).to.deep.equal({
        kind: 'unchecked',
        jwe: m.jwe,
        to: 'RS',
        createdAt: m.createdAt,
      });
      expect((await store.get('out', m.id))!.attempts).to.equal(0);
    });
  });

  it('records the retention end of an inbound message with it, and not for a second delivery', async () => {
    const m = inbound({ retainUntilMs: clock.getTime() + 1000 });
    expect(await store.storeInbound(m)).to.deep.equal({ stored: true });
    const again = await store.storeInbound({ ...m, retainUntilMs: clock.getTime() + 999_999_000 });
    expect(again.stored).to.equal(false);
    clock = new Date(clock.getTime() + 2000);
    expect(await store.purgeExpiredContents()).to.deep.equal([`in:${m.id}`]);
    const got = await store.get('in', m.id);
    expect(got!.message).to.equal(undefined);
    expect(got!.receipt).to.equal('r1');
    expect(await store.purgeExpiredContents()).to.deep.equal([]);
  });

  it('never moves a delivered message back (a late worker cannot overwrite it)', async () => {
    const m = outbound();
    await store.createOutbound(m);
    await store.transition(m.id, 'queued');
    await store.transition(m.id, 'delivered');
    const r = await store.transition(m.id, 'sending');
    expect(r).to.deep.equal({ ok: false, current: 'delivered' });
    expect((await store.transition(m.id, 'failed')).ok).to.equal(false);
    const got = await store.get('out', m.id);
    expect(got!.status).to.equal('delivered');
    expect(got!.history).to.have.length(3);
  });

  it('refuses a transition of an unknown message and changes nothing', async () => {
    const r = await store.transition(uuidv7(), 'queued');
    expect(r).to.deep.equal({ ok: false, current: null });
  });

  it('keeps the pending and dead-letter indexes in step with the status', async () => {
    const m = outbound();
    await store.createOutbound(m);
    await store.transition(m.id, 'queued');
    expect(await store.pendingIds('RS')).to.deep.equal([m.id]);
    clock = new Date(clock.getTime() + 90_000);
    expect(await store.oldestPendingAge('RS')).to.be.closeTo(90, 0.01);
    await store.transition(m.id, 'failed', {
      fields: { lastError: JSON.stringify({ code: 'FFX-EXPIRED', message: 'm' }) },
    });
    expect(await store.pendingIds('RS')).to.deep.equal([]);
    expect(await store.oldestPendingAge('RS')).to.equal(null);
    expect(await store.deadLetters(10)).to.deep.equal([m.id]);
    expect((await store.get('out', m.id))!.lastError).to.deep.equal({
      code: 'FFX-EXPIRED',
      message: 'm',
    });
    await store.transition(m.id, 'queued');
    expect(await store.deadLetters(10)).to.deep.equal([]);
    expect(await store.pendingIds('RS')).to.deep.equal([m.id]);
  });

  it('stores an inbound id once and returns the original receipt for the second delivery', async () => {
    const m = inbound();
    expect(await store.storeInbound(m)).to.deep.equal({ stored: true });
    const again = await store.storeInbound({ ...m, digest: 'd2', receipt: 'r2' });
    expect(again).to.deep.equal({ stored: false, from: 'RS', digest: 'd1', receipt: 'r1' });
    const got = await store.get('in', m.id);
    expect(got!.receipt).to.equal('r1');
    expect(got!.history).to.have.length(1);
    expect((await store.list('in', { limit: 10 })).items.map((i) => i.id)).to.deep.equal([m.id]);
  });

  it("admits an envelope in one step: counts it in its peer's window and finds an earlier receipt", async () => {
    const redis = testRedis();
    const rateKey = `${testPrefix('store')}ratelimit:RS:${uuidv7()}`;
    const m = inbound();
    // A new id: counted, nothing earlier; the window's key gets its expiry with the first count.
    expect(await store.admitInbound(rateKey, 120, m.id)).to.deep.equal({ count: 1, earlier: null });
    const ttl = await redis.ttl(rateKey);
    expect(ttl).to.be.within(1, 120);
    await store.storeInbound(m);
    // The same id again: counted, the original receipt found.
    expect(await store.admitInbound(rateKey, 120, m.id)).to.deep.equal({
      count: 2,
      earlier: { from: 'RS', digest: 'd1', receipt: 'r1' },
    });
    // An envelope whose id cannot be read is still counted, and looks nothing up.
    expect(await store.admitInbound(rateKey, 120, undefined)).to.deep.equal({
      count: 3,
      earlier: null,
    });
    expect(await redis.ttl(rateKey)).to.be.at.most(ttl);
    await redis.del(rateKey);
  });

  it('stores exactly one entry when the same id races in concurrently', async () => {
    const m = inbound();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.storeInbound({ ...m, receipt: `r${i}` })),
    );
    expect(results.filter((r) => r.stored)).to.have.length(1);
    const receipts = new Set(results.map((r) => (r.stored ? 'winner' : r.receipt)));
    expect(receipts.size).to.equal(2);
    expect((await store.list('in', { limit: 50 })).items).to.have.length(1);
  });

  it('pages newest first without skipping messages created in the same millisecond', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const m = outbound({ to: i % 2 ? 'MD' : 'RS' });
      ids.push(m.id);
      await store.createOutbound(m);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list('out', { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.slice().sort()).to.deep.equal(ids.slice().sort());
    expect(new Set(seen).size).to.equal(7);
    const md = await store.list('out', { limit: 10, peer: 'MD' });
    expect(md.items.map((i) => i.to)).to.deep.equal(['MD', 'MD', 'MD']);
  });

  it('refuses a malformed cursor with a validation error', async () => {
    try {
      await store.list('out', { limit: 3, cursor: 'not-a-cursor' });
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(NodeError);
      expect((err as NodeError).code).to.equal('NODE-VALIDATION');
      expect((err as NodeError).problems[0]!.pointer).to.equal('/cursor');
    }
  });

  it('marks an inbound trace request answered once a reply is sent', async () => {
    const m = inbound();
    await store.storeInbound(m);
    expect((await store.markInboundAnswered(m.id, 'reply-1')).ok).to.equal(true);
    const got = await store.get('in', m.id);
    expect(got!.status).to.equal('answered');
    expect(got!.answeredBy).to.equal('reply-1');
  });
});
