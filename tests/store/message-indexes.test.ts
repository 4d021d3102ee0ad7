// MessageStore's list indexes against real Redis: kept by every change, filters, paging, counts, threads, change notifications.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { v7 as uuidv7 } from 'uuid';
import {
  LIST_WINDOW,
  MessageStore,
  type ListPage,
  type ListQuery,
  type NewInbound,
  type NewOutbound,
} from '../../node/store/message-store.js';
import type { Box } from '../../node/store/message-status.js';
import { NodeError } from '../../node/errors.js';
import { testPrefix, testRedis } from '../fixtures/redis.js';

describe('MessageStore indexes', () => {
  let redis: Redis;
  let prefix: string;
  let store: MessageStore;
  let clock: Date;
  const now = () => clock;
  const t0 = Date.parse('2026-11-22T10:00:00.000Z');
  const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();

  beforeEach(() => {
    clock = new Date(t0);
    redis = testRedis();
    prefix = testPrefix('indexes');
    store = new MessageStore(redis, prefix, now);
  });

  function outbound(over: Partial<NewOutbound> = {}): NewOutbound {
    return {
      id: uuidv7(),
      type: 'trace-request',
      from: 'AL',
      to: 'RS',
      status: 'accepted',
      createdAt: clock.toISOString(),
      expiresAt: new Date(clock.getTime() + 86_400_000).toISOString(),
      jwe: 'a.b.c.d.e',
      recipientKid: 'k1',
      message: { body: { requestRef: 'AL-REQ-1', caseRef: 'AL-CASE-1' } },
      ...over,
    };
  }

  function inbound(over: Partial<NewInbound> = {}): NewInbound {
    return {
      id: uuidv7(),
      type: 'trace-response',
      from: 'RS',
      to: 'AL',
      createdAt: clock.toISOString(),
      expiresAt: new Date(clock.getTime() + 86_400_000).toISOString(),
      receivedAt: clock.toISOString(),
      message: { body: { requestRef: 'AL-REQ-1' } },
      digest: 'd',
      receipt: 'r',
      ...over,
    };
  }

  /** Which indexes of `box` hold `id`, as `field:value`, sorted. */
  async function indexesOf(box: Box, id: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}ix:${box}:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        if ((await redis.zscore(key, id)) !== null)
          found.push(key.slice(`${prefix}ix:${box}:`.length));
      }
    } while (cursor !== '0');
    return found.sort();
  }

  async function all(box: Box, q: Omit<ListQuery, 'limit'>, limit = 3): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page: ListPage = await store.list(box, { ...q, limit, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      expect(++pages, 'pages end').to.be.below(100);
    } while (cursor);
    return ids;
  }

  describe('kept by every change of a record', () => {
    it('indexes an outbound message at creation under its status, recipient, type, thread, reply and references', async () => {
      const m = outbound({ correlationId: 'case-7', inReplyTo: 'req-0' });
      await store.createOutbound(m);
      expect(await indexesOf('out', m.id)).to.deep.equal([
        'corr:case-7',
        'peer:RS',
        'ref:AL-CASE-1',
        'ref:AL-REQ-1',
        'reply:req-0',
        'status:accepted',
        'type:trace-request',
      ]);
      expect(await redis.zscore(`${prefix}box:out`, m.id)).to.equal(String(t0));
      expect(await redis.zscore(`${prefix}ix:out:peer:RS`, m.id)).to.equal(String(t0));
    });

    it('moves the status index with each transition, the claim and a late refused transition alike', async () => {
      const m = outbound();
      await store.createOutbound(m);
      const statusOf = async () =>
        (await indexesOf('out', m.id)).filter((i) => i.startsWith('status:'));
      await store.transition(m.id, 'queued');
      expect(await statusOf()).to.deep.equal(['status:queued']);
      expect(await store.claimForDelivery(m.id, { now: clock, usableKids: ['k1'] })).to.include({
        kind: 'claimed',
      });
      expect(await statusOf()).to.deep.equal(['status:sending']);
      await store.transition(m.id, 'queued', { detail: { attempt: 1 } });
      expect(await statusOf()).to.deep.equal(['status:queued']);
      await store.transition(m.id, 'failed');
      expect(await statusOf()).to.deep.equal(['status:failed']);
      await store.transition(m.id, 'queued');
      await store.transition(m.id, 'delivered', { fields: { receipt: 'R' } });
      expect(await statusOf()).to.deep.equal(['status:delivered']);
      // Refused: nothing moves.
      expect((await store.transition(m.id, 'sending')).ok).to.equal(false);
      expect(await store.claimForDelivery(m.id, { now: clock, usableKids: ['k1'] })).to.deep.equal({
        kind: 'gone',
        current: 'delivered',
      });
      expect(await statusOf()).to.deep.equal(['status:delivered']);
      await store.transition(m.id, 'answered');
      expect(await statusOf()).to.deep.equal(['status:answered']);
      const denied = outbound({ status: 'denied' });
      await store.createOutbound(denied);
      expect(
        (await indexesOf('out', denied.id)).filter((i) => i.startsWith('status:')),
      ).to.deep.equal(['status:denied']);
    });

    it('indexes an inbound message once, and moves it to answered when a reply is sent', async () => {
      const m = inbound({
        type: 'trace-request',
        correlationId: 'case-9',
        message: { body: { requestRef: 'RS-1', caseRef: 'RS-C' } },
      });
      expect(await store.storeInbound(m)).to.deep.equal({ stored: true });
      await store.storeInbound({ ...m, type: 'hit-notification', correlationId: 'other' });
      expect(await indexesOf('in', m.id)).to.deep.equal([
        'corr:case-9',
        'peer:RS',
        'ref:RS-1',
        'ref:RS-C',
        'status:received',
        'type:trace-request',
      ]);
      await store.markInboundAnswered(m.id, 'reply-1');
      expect(await indexesOf('in', m.id))
        .to.include('status:answered')
        .and.not.include('status:received');
      // Unknown: refused, nothing indexed.
      const unknown = uuidv7();
      expect(await store.markInboundAnswered(unknown, 'x')).to.deep.equal({
        ok: false,
        current: null,
      });
      expect(await indexesOf('in', unknown)).to.deep.equal([]);
    });

    it('scores an inbound message by its createdAt, not by when it arrived', async () => {
      const m = inbound({ createdAt: at(-30), receivedAt: at(0) });
      await store.storeInbound(m);
      expect(await redis.zscore(`${prefix}box:in`, m.id)).to.equal(String(t0 - 30 * 60_000));
    });

    it('drops the references (taken from the contents) at the end of retention and keeps every other index', async () => {
      const m = inbound({ retainUntilMs: t0 + 1000, correlationId: 'case-3' });
      await store.storeInbound(m);
      clock = new Date(t0 + 2000);
      expect(await store.purgeExpiredContents()).to.deep.equal([`in:${m.id}`]);
      expect(await indexesOf('in', m.id)).to.deep.equal([
        'corr:case-3',
        'peer:RS',
        'status:received',
        'type:trace-response',
      ]);
      expect((await store.list('in', { limit: 10, ref: 'AL-REQ-1' })).items).to.deep.equal([]);
      expect(
        (await store.list('in', { limit: 10, correlationId: 'case-3' })).items.map((i) => i.id),
      ).to.deep.equal([m.id]);
      expect(await redis.hget(`${prefix}msg:in:${m.id}`, 'refs')).to.equal(null);
    });
  });

  describe('list', () => {
    // Ten outbound messages a minute apart (newest last), to two peers, three types, two threads.
    async function fill(): Promise<NewOutbound[]> {
      const made: NewOutbound[] = [];
      for (let i = 0; i < 10; i++) {
        const m = outbound({
          createdAt: at(i),
          to: i % 2 === 0 ? 'RS' : 'MD',
          type: ['trace-request', 'hit-notification', 'trace-response'][i % 3]!,
          ...(i < 5 ? { correlationId: 'case-A' } : { correlationId: 'case-B' }),
          ...(i === 7 ? { inReplyTo: 'in-req-1' } : {}),
          message: { body: { requestRef: `REF-${i % 4}` } },
        });
        await store.createOutbound(m);
        made.push(m);
      }
      await store.transition(made[3]!.id, 'queued');
      await store.transition(made[6]!.id, 'queued');
      await store.transition(made[9]!.id, 'queued');
      return made;
    }
    const newestFirst = (ms: NewOutbound[]) =>
      ms
        .slice()
        .reverse()
        .map((m) => m.id);

    it('answers each filter from its index, newest first, with its exact count', async () => {
      const made = await fill();
      const cases: Array<[Omit<ListQuery, 'limit'>, (m: NewOutbound, i: number) => boolean]> = [
        [{}, () => true],
        [{ peer: 'MD' }, (m) => m.to === 'MD'],
        [{ type: 'hit-notification' }, (m) => m.type === 'hit-notification'],
        [{ status: 'queued' }, (_, i) => [3, 6, 9].includes(i)],
        [{ status: 'accepted' }, (_, i) => ![3, 6, 9].includes(i)],
        [{ correlationId: 'case-B' }, (_, i) => i >= 5],
        [{ inReplyTo: 'in-req-1' }, (_, i) => i === 7],
        [{ ref: 'REF-1' }, (_, i) => i % 4 === 1],
        [{ from: at(2), to: at(5) }, (_, i) => i >= 2 && i < 5],
      ];
      for (const [q, want] of cases) {
        const expected = newestFirst(made.filter(want));
        expect(await all('out', q), JSON.stringify(q)).to.deep.equal(expected);
        const first = await store.list('out', { ...q, limit: 3 });
        expect(first.total, JSON.stringify(q)).to.deep.equal({
          count: expected.length,
          exact: true,
        });
      }
    });

    it('combines filters and date range, and says the count is exact when the walk saw them all', async () => {
      const made = await fill();
      const cases: Array<[Omit<ListQuery, 'limit'>, (m: NewOutbound, i: number) => boolean]> = [
        [{ peer: 'RS', type: 'trace-request' }, (m) => m.to === 'RS' && m.type === 'trace-request'],
        [{ status: 'queued', peer: 'RS' }, (m, i) => m.to === 'RS' && [3, 6, 9].includes(i)],
        [{ correlationId: 'case-A', ref: 'REF-0' }, (_, i) => i < 5 && i % 4 === 0],
        [{ peer: 'MD', from: at(3), to: at(9) }, (m, i) => m.to === 'MD' && i >= 3 && i < 9],
        [
          { peer: 'MD', status: 'accepted', type: 'trace-response', correlationId: 'case-A' },
          (m, i) => m.to === 'MD' && ![3, 6, 9].includes(i) && m.type === 'trace-response' && i < 5,
        ],
        [{ peer: 'MD', inReplyTo: 'in-req-1', status: 'accepted' }, (_, i) => i === 7],
        [{ peer: 'XX', status: 'queued' }, () => false],
      ];
      for (const [q, want] of cases) {
        const expected = newestFirst(made.filter(want));
        expect(await all('out', q, 2), JSON.stringify(q)).to.deep.equal(expected);
        const first = await store.list('out', { ...q, limit: 50 });
        expect(
          first.items.map((i) => i.id),
          JSON.stringify(q),
        ).to.deep.equal(expected);
        expect(first.total, JSON.stringify(q)).to.deep.equal({
          count: expected.length,
          exact: true,
        });
        expect(first.nextCursor, JSON.stringify(q)).to.equal(undefined);
      }
    });

    it('gives items without contents, with what a list row shows and the number of replies', async () => {
      const [m] = await fill();
      await store.storeInbound(inbound({ inReplyTo: m!.id }));
      await store.storeInbound(inbound({ inReplyTo: m!.id, type: 'hit-notification' }));
      const page = await store.list('out', { limit: 1, from: at(0), to: at(1) });
      expect(page.items).to.deep.equal([
        {
          id: m!.id,
          box: 'out',
          type: 'trace-request',
          from: 'AL',
          to: 'RS',
          status: 'accepted',
          createdAt: at(0),
          expiresAt: m!.expiresAt,
          updatedAt: clock.toISOString(),
          attempts: 0,
          correlationId: 'case-A',
          replies: 2,
        },
      ]);
      const inbox = await store.list('in', { limit: 5, inReplyTo: m!.id });
      expect(inbox.items).to.have.length(2);
      expect(inbox.items[0]).to.not.have.property('replies');
      expect(inbox.total).to.deep.equal({ count: 2, exact: true });
    });

    it('keeps its pages stable while messages are stored: nothing skipped, nothing twice', async () => {
      const made = await fill();
      const seen: string[] = [];
      let page = await store.list('out', { limit: 3 });
      seen.push(...page.items.map((i) => i.id));
      const later: string[] = [];
      while (page.nextCursor) {
        // Newer messages arrive between pages, some in the same millisecond as the cursor's.
        const m = outbound({ createdAt: at(20 + later.length) });
        await store.createOutbound(m);
        later.push(m.id);
        const same = outbound({ createdAt: at(5) });
        await store.createOutbound(same);
        page = await store.list('out', { limit: 3, cursor: page.nextCursor });
        seen.push(...page.items.map((i) => i.id));
      }
      const older = seen.filter((id) => made.some((m) => m.id === id));
      expect(older).to.deep.equal(newestFirst(made));
      expect(new Set(seen).size).to.equal(seen.length);
      expect(seen.filter((id) => later.includes(id))).to.deep.equal([]);
    });

    it('pages through many messages of one millisecond in id order, even after the cursor entry left the walked index', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 9; i++) {
        const m = outbound({ status: 'queued' });
        await store.createOutbound(m);
        ids.push(m.id);
      }
      const expected = ids.slice().sort().reverse();
      const first = await store.list('out', { limit: 4, status: 'queued' });
      expect(first.items.map((i) => i.id)).to.deep.equal(expected.slice(0, 4));
      // The cursor's own message leaves the queued index before the next page is read.
      await store.transition(expected[3]!, 'delivered');
      const second = await store.list('out', {
        limit: 4,
        status: 'queued',
        cursor: first.nextCursor!,
      });
      expect(second.items.map((i) => i.id)).to.deep.equal(expected.slice(4, 8));
      const third = await store.list('out', {
        limit: 4,
        status: 'queued',
        cursor: second.nextCursor!,
      });
      expect(third.items.map((i) => i.id)).to.deep.equal(expected.slice(8));
      expect(third.nextCursor).to.equal(undefined);
    });

    it('examines a bounded window per call: a sparse combination gives short pages with a cursor', async () => {
      // Recipient RS: every even message; status queued: every odd one; both: only the oldest.
      const n = 3 * LIST_WINDOW;
      const id = (i: number) => `m-${String(i).padStart(6, '0')}`;
      const fillPipe = redis.pipeline();
      for (let i = 0; i < n; i++) {
        fillPipe.zadd(`${prefix}box:out`, t0 + i, id(i));
        if (i % 2 === 0) fillPipe.zadd(`${prefix}ix:out:peer:RS`, t0 + i, id(i));
        if (i % 2 === 1 || i === 0) fillPipe.zadd(`${prefix}ix:out:status:queued`, t0 + i, id(i));
        fillPipe.hset(
          `${prefix}msg:out:${id(i)}`,
          'id',
          id(i),
          'box',
          'out',
          'to',
          'RS',
          'status',
          'queued',
        );
      }
      await fillPipe.exec();
      const first = await store.list('out', { limit: 10, peer: 'RS', status: 'queued' });
      expect(first.items).to.deep.equal([]);
      expect(first.nextCursor).to.be.a('string');
      expect(first.total).to.deep.equal({ count: 0, exact: false, atMost: n / 2 });
      const second = await store.list('out', {
        limit: 10,
        peer: 'RS',
        status: 'queued',
        cursor: first.nextCursor!,
      });
      expect(second.items.map((i) => i.id)).to.deep.equal([id(0)]);
      expect(second.nextCursor).to.equal(undefined);
      expect(second, 'no count on a later page of combined filters').to.not.have.property('total');
      // One filter alone is counted exactly, whatever its size.
      expect((await store.list('out', { limit: 10, peer: 'RS' })).total).to.deep.equal({
        count: n / 2,
        exact: true,
      });
      // A dense combination stops with a full page: at least the page, at most the walked index.
      const pipe2 = redis.pipeline();
      for (let i = 0; i < n; i++) pipe2.zadd(`${prefix}ix:out:type:trace-request`, t0 + i, id(i));
      await pipe2.exec();
      const full = await store.list('out', { limit: 10, peer: 'RS', type: 'trace-request' });
      expect(full.items.map((i) => i.id)).to.deep.equal(
        Array.from({ length: 10 }, (_, j) => id(n - 2 - 2 * j)),
      );
      expect(full.total).to.deep.equal({ count: 10, exact: false, atMost: n / 2 });
      expect(full.nextCursor).to.be.a('string');
      // A page that takes the last entry of the range has no cursor.
      const last = await store.list('out', {
        limit: 2,
        peer: 'RS',
        from: new Date(t0 + n - 4).toISOString(),
      });
      expect(last.items.map((i) => i.id)).to.deep.equal([id(n - 2), id(n - 4)]);
      expect(last.nextCursor).to.equal(undefined);
      // A dense combination over a short range is counted exactly.
      const dense = await store.list('out', {
        limit: 10,
        peer: 'RS',
        status: 'queued',
        to: new Date(t0 + 1).toISOString(),
      });
      expect(dense.items.map((i) => i.id)).to.deep.equal([id(0)]);
      expect(dense.total).to.deep.equal({ count: 1, exact: true });
    });

    it('refuses a malformed cursor or date with a validation error naming the parameter', async () => {
      for (const [q, pointer] of [
        [{ cursor: 'not-a-cursor' }, '/cursor'],
        [{ from: 'yesterday' }, '/from'],
        [{ to: '2026-13-45' }, '/to'],
      ] as const) {
        try {
          await store.list('in', { limit: 3, ...q });
          expect.fail('should have thrown');
        } catch (err) {
          expect(err).to.be.instanceOf(NodeError);
          expect((err as NodeError).code).to.equal('NODE-VALIDATION');
          expect((err as NodeError).problems[0]!.pointer).to.equal(pointer);
        }
      }
    });
  });

  describe('thread', () => {
    it('gives the messages of both boxes with one correlationId, oldest first, bounded', async () => {
      const request = outbound({ correlationId: 'case-T', createdAt: at(0) });
      await store.createOutbound(request);
      const response = inbound({
        correlationId: 'case-T',
        inReplyTo: request.id,
        createdAt: at(5),
      });
      await store.storeInbound(response);
      const hit = inbound({ correlationId: 'case-T', type: 'hit-notification', createdAt: at(2) });
      await store.storeInbound(hit);
      const followUp = outbound({ correlationId: 'case-T', createdAt: at(9), to: 'MD' });
      await store.createOutbound(followUp);
      await store.createOutbound(outbound({ correlationId: 'case-U', createdAt: at(1) }));

      const t = await store.thread('case-T');
      expect(t.total).to.equal(4);
      expect(t.items.map((i) => [i.box, i.id])).to.deep.equal([
        ['out', request.id],
        ['in', hit.id],
        ['in', response.id],
        ['out', followUp.id],
      ]);
      expect(t.items[2]).to.include({ inReplyTo: request.id, from: 'RS', status: 'received' });
      const cut = await store.thread('case-T', 2);
      expect(cut.total).to.equal(4);
      expect(cut.items.map((i) => i.id)).to.deep.equal([request.id, hit.id]);
      expect(await store.thread('no-such-case')).to.deep.equal({ total: 0, items: [] });
    });
  });

  describe('change notifications', () => {
    it('publishes each creation and change of status on <prefix>events, from the script that makes it', async () => {
      const sub = redis.duplicate();
      const got: unknown[] = [];
      sub.on('message', (_c: string, text: string) => got.push(JSON.parse(text)));
      await sub.subscribe(store.changesChannel);
      expect(store.changesChannel).to.equal(`${prefix}events`);
      try {
        const m = outbound({ type: 'hit-notification' });
        await store.createOutbound(m);
        await store.transition(m.id, 'queued');
        await store.claimForDelivery(m.id, { now: clock, usableKids: ['k1'] });
        await store.transition(m.id, 'delivered');
        expect((await store.transition(m.id, 'sending')).ok).to.equal(false);
        const i = inbound();
        await store.storeInbound(i);
        await store.storeInbound(i);
        await store.markInboundAnswered(i.id, 'reply-1');
        const iso = clock.toISOString();
        const expected = [
          {
            box: 'out',
            id: m.id,
            status: 'accepted',
            peer: 'RS',
            type: 'hit-notification',
            at: iso,
          },
          {
            box: 'out',
            id: m.id,
            status: 'queued',
            previous: 'accepted',
            peer: 'RS',
            type: 'hit-notification',
            at: iso,
          },
          {
            box: 'out',
            id: m.id,
            status: 'sending',
            previous: 'queued',
            peer: 'RS',
            type: 'hit-notification',
            at: iso,
          },
          {
            box: 'out',
            id: m.id,
            status: 'delivered',
            previous: 'sending',
            peer: 'RS',
            type: 'hit-notification',
            at: iso,
          },
          { box: 'in', id: i.id, status: 'received', peer: 'RS', type: 'trace-response', at: iso },
          {
            box: 'in',
            id: i.id,
            status: 'answered',
            previous: 'received',
            peer: 'RS',
            type: 'trace-response',
            at: iso,
          },
        ];
        for (let n = 0; n < 50 && got.length < expected.length; n++)
          await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, 50));
        // Refused changes and a second delivery of the same id publish nothing.
        expect(got).to.deep.equal(expected);
      } finally {
        await sub.quit();
      }
    });
  });

  describe('pendingByPeer', () => {
    it('gives each peer its pending count and oldest pending age in one round trip', async () => {
      const old = outbound({ status: 'queued', createdAt: at(-10) });
      await store.createOutbound(old);
      await store.createOutbound(outbound({ status: 'queued', createdAt: at(-2) }));
      const md = outbound({ status: 'queued', to: 'MD', createdAt: at(-1) });
      await store.createOutbound(md);
      await store.createOutbound(outbound({ status: 'denied', to: 'ME' }));
      await store.transition(md.id, 'delivered');
      expect(await store.pendingByPeer(['RS', 'MD', 'ME'])).to.deep.equal([
        { peer: 'RS', pending: 2, oldestPendingSeconds: 600 },
        { peer: 'MD', pending: 0, oldestPendingSeconds: null },
        { peer: 'ME', pending: 0, oldestPendingSeconds: null },
      ]);
      expect(await store.pendingByPeer([])).to.deep.equal([]);
    });
  });
});
