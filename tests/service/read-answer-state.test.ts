// The answer state read from a real store: only responses from the request's recipient count.
import { expect } from 'chai';
import { v7 as uuidv7 } from 'uuid';
import { MessageStore } from '../../node/store/message-store.js';
import { readAnswerState } from '../../node/service/read-answer-state.js';
import { STORY_BODIES } from '../../node/dev/demo-story.js';
import { testPrefix, testRedis } from '../fixtures/redis.js';

describe('readAnswerState (real Redis)', () => {
  const clock = new Date('2026-11-22T10:00:00.000Z');
  let store: MessageStore;

  beforeEach(async () => {
    store = new MessageStore(testRedis(), testPrefix('answers'), () => clock);
    await store.migrateIndexes();
  });

  async function request(body: unknown, type = 'trace-request') {
    const id = uuidv7();
    await store.createOutbound({
      id,
      type,
      from: 'AL',
      to: 'RS',
      status: 'accepted',
      createdAt: clock.toISOString(),
      expiresAt: new Date(clock.getTime() + 3600_000).toISOString(),
      message: { id, type, body },
      jwe: 'a.b.c.d.e',
    });
    return (await store.get('out', id))!;
  }

  async function response(inReplyTo: string, from: string, body: unknown, minutes: number) {
    const id = uuidv7();
    const at = new Date(clock.getTime() + minutes * 60_000).toISOString();
    await store.storeInbound({
      id,
      type: 'trace-response',
      from,
      to: 'AL',
      createdAt: at,
      expiresAt: new Date(clock.getTime() + 3600_000).toISOString(),
      receivedAt: at,
      inReplyTo,
      message: { id, type: 'trace-response', inReplyTo, body },
      digest: `d-${id}`,
      receipt: `r-${id}`,
    });
    return id;
  }

  it('counts RS answers to the seizure and ignores a trace response from another member', async () => {
    const r = await request(STORY_BODIES.seizure);
    expect(await readAnswerState(store, r)).to.deep.include({
      items: 6,
      answered: 0,
      responses: 0,
    });
    const first = await response(r.id, 'RS', STORY_BODIES.seizureAnswers[0], 1);
    // MD was not asked: its "answer" of every item must not count.
    await response(r.id, 'MD', STORY_BODIES.seizureAnswers[1], 2);
    const s = await readAnswerState(store, r);
    expect(s).to.deep.include({ items: 6, answered: 2, pending: 1, responses: 1 });
    expect(s!.byItem.filter((i) => i.responseId).map((i) => i.responseId)).to.deep.equal([
      first,
      first,
      first,
    ]);
    await response(r.id, 'RS', STORY_BODIES.seizureAnswers[1], 3);
    expect(await readAnswerState(store, r)).to.deep.include({
      answered: 6,
      pending: 0,
      responses: 2,
    });
  });

  it('has no answer state for a hit notification or a request whose contents were purged', async () => {
    const hit = await request(STORY_BODIES.hit, 'hit-notification');
    expect(await readAnswerState(store, hit)).to.equal(undefined);
    const r = await request(STORY_BODIES.seizure);
    expect(await readAnswerState(store, { ...r, message: undefined })).to.equal(undefined);
  });
});
