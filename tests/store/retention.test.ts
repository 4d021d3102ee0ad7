// Retention: contents deleted after retainUntil (or the node's default), metadata and receipts kept.
import { expect } from 'chai';
import { v7 as uuidv7 } from 'uuid';
import { MessageStore } from '../../node/store/message-store.js';
import { retentionEnd } from '../../node/store/retention-end.js';
import { testPrefix, testRedis } from '../fixtures/redis.js';

describe('retentionEnd', () => {
  const stored = new Date('2026-11-22T10:00:00.000Z');

  it("uses the end of the sender's retainUntil day", () => {
    expect(
      new Date(retentionEnd({ retainUntil: '2027-01-31' }, stored, 365)).toISOString(),
    ).to.equal('2027-01-31T23:59:59.999Z');
  });

  it('falls back to the default days, and never keeps longer than them', () => {
    expect(retentionEnd({}, stored, 10)).to.equal(stored.getTime() + 10 * 86_400_000);
    expect(retentionEnd({ retainUntil: '2099-01-01' }, stored, 10)).to.equal(
      stored.getTime() + 10 * 86_400_000,
    );
  });
});

describe('MessageStore.purgeExpiredContents', () => {
  let clock = new Date('2026-11-22T10:00:00.000Z');
  let store: MessageStore;
  let prefix: string;

  beforeEach(() => {
    clock = new Date('2026-11-22T10:00:00.000Z');
    prefix = testPrefix('retention');
    store = new MessageStore(testRedis(), prefix, () => clock);
  });

  async function received(retainUntilMs: number): Promise<string> {
    const id = uuidv7();
    await store.storeInbound({
      retainUntilMs,
      id,
      type: 'trace-request',
      from: 'RS',
      to: 'AL',
      createdAt: clock.toISOString(),
      expiresAt: new Date(clock.getTime() + 3600_000).toISOString(),
      receivedAt: clock.toISOString(),
      message: { id, body: { possessor: { name: 'Dritan K.' } } },
      digest: 'd1',
      receipt: 'r1',
    });
    return id;
  }

  it('deletes the body of an inbound message after its retention, keeping id, digest, receipt and history', async () => {
    const id = await received(clock.getTime() + 1000);
    expect(await store.purgeExpiredContents()).to.deep.equal([]);
    clock = new Date(clock.getTime() + 2000);
    expect(await store.purgeExpiredContents()).to.deep.equal([`in:${id}`]);
    const m = await store.get('in', id);
    expect(m!.message).to.equal(undefined);
    expect(m!.purgedAt).to.equal(clock.toISOString());
    expect(m!.digest).to.equal('d1');
    expect(m!.receipt).to.equal('r1');
    expect(m!.history.map((h) => h.status)).to.deep.equal(['received']);
    expect(
      (await store.admitInbound(`${prefix}ratelimit:RS:0`, 60, id)).earlier,
      'redelivery still gets the original receipt',
    ).to.deep.include({ receipt: 'r1' });
    expect(await store.purgeExpiredContents(), 'purged once').to.deep.equal([]);
  });

  it('keeps the envelope of an outbound message still being delivered and looks again later', async () => {
    const id = uuidv7();
    await store.createOutbound({
      id,
      type: 'trace-request',
      from: 'AL',
      to: 'RS',
      status: 'accepted',
      createdAt: clock.toISOString(),
      expiresAt: new Date(clock.getTime() + 3600_000).toISOString(),
      message: { id },
      jwe: 'a.b.c.d.e',
      retainUntilMs: clock.getTime(),
    });
    clock = new Date(clock.getTime() + 1000);
    expect(await store.purgeExpiredContents()).to.deep.equal([]);
    expect((await store.envelope(id))!.jwe).to.equal('a.b.c.d.e');
    await store.transition(id, 'queued');
    await store.transition(id, 'sending');
    await store.transition(id, 'delivered', { fields: { receipt: 'R' } });
    clock = new Date(clock.getTime() + 3600_000 + 1000);
    expect(await store.purgeExpiredContents()).to.deep.equal([`out:${id}`]);
    const m = await store.get('out', id);
    expect(m!.jwe).to.equal(undefined);
    expect(m!.message).to.equal(undefined);
    expect(m!.receipt).to.equal('R');
    expect(m!.status).to.equal('delivered');
  });
});
