// The answer state of a trace request: per item of a seizure, from the responses received so far.
import { expect } from 'chai';
import { answerState } from '../../node/service/answer-state.js';
import { repeatedItemIds } from '../../node/service/repeated-item-ids.js';
import { STORY_BODIES } from '../../node/dev/demo-story.js';

const [partial, rest] = STORY_BODIES.seizureAnswers;
const first = { id: 'r1', createdAt: '2026-11-20T10:00:00.000Z', body: partial };
const second = { id: 'r2', createdAt: '2026-11-21T09:00:00.000Z', body: rest };

describe('answerState', () => {
  it('counts nothing answered before any response, every item unanswered', () => {
    const s = answerState(STORY_BODIES.seizure, []);
    expect(s).to.deep.include({ items: 6, answered: 0, pending: 0, responses: 0 });
    expect(s.byItem.map((i) => [i.itemId, i.kind, i.status])).to.deep.equal([
      ['HH-01', 'firearm', 'unanswered'],
      ['HH-02', 'firearm', 'unanswered'],
      ['HH-03', 'firearm', 'unanswered'],
      ['HH-04', 'firearm', 'unanswered'],
      ['HH-05', 'ammunition', 'unanswered'],
      ['HH-06', 'ammunition', 'unanswered'],
    ]);
  });

  it('counts the two items of a partial answer, and the one it says is pending', () => {
    const s = answerState(STORY_BODIES.seizure, [first]);
    expect(s).to.deep.include({ items: 6, answered: 2, pending: 1, responses: 1 });
    expect(s.byItem.find((i) => i.itemId === 'HH-01')).to.deep.equal({
      itemId: 'HH-01',
      kind: 'firearm',
      status: 'completed',
      responseId: 'r1',
      answeredAt: first.createdAt,
    });
    expect(s.byItem.find((i) => i.itemId === 'HH-05')!.status).to.equal('pending');
  });

  it('lets a later answer of an item replace an earlier one, whatever order they come in', () => {
    for (const responses of [
      [first, second],
      [second, first],
    ]) {
      const s = answerState(STORY_BODIES.seizure, responses);
      expect(s).to.deep.include({ items: 6, answered: 6, pending: 0, responses: 2 });
      const hh05 = s.byItem.find((i) => i.itemId === 'HH-05')!;
      expect(hh05).to.include({ status: 'completed', responseId: 'r2' });
      expect(s.byItem.find((i) => i.itemId === 'HH-03')!.status).to.equal('unable');
    }
  });

  it('ignores item ids the request does not have, and answers it cannot read', () => {
    const s = answerState(STORY_BODIES.seizure, [
      {
        id: 'r3',
        createdAt: '2026-11-20T11:00:00.000Z',
        body: {
          status: 'partial',
          items: [
            { itemId: 'HH-99', status: 'completed' },
            { itemId: 'HH-02', status: 'lost' },
            { status: 'completed' },
          ],
        },
      },
    ]);
    expect(s).to.deep.include({ items: 6, answered: 0, pending: 0, responses: 1 });
  });

  it('treats a single-firearm request as one item answered by an overall status', () => {
    expect(answerState(STORY_BODIES.traceRequest, [])).to.deep.include({ items: 1, answered: 0 });
    const done = answerState(STORY_BODIES.traceRequest, [
      { id: 'r', createdAt: first.createdAt, body: STORY_BODIES.traceResponse },
    ]);
    expect(done).to.deep.include({ items: 1, answered: 1, pending: 0 });
    expect(done.byItem).to.deep.equal([
      {
        itemId: 'firearm',
        kind: 'firearm',
        status: 'completed',
        responseId: 'r',
        answeredAt: first.createdAt,
      },
    ]);
    const part = answerState(STORY_BODIES.traceRequest, [
      {
        id: 'r',
        createdAt: first.createdAt,
        body: { ...STORY_BODIES.traceResponse, status: 'partial' },
      },
    ]);
    expect(part).to.deep.include({ answered: 0, pending: 1 });
  });

  it('answers every item of a seizure with an overall status when a response has no items', () => {
    const s = answerState(STORY_BODIES.seizure, [
      {
        id: 'r',
        createdAt: first.createdAt,
        body: { requestRef: 'AL-FFP-2026-0430', status: 'unable', reasonCode: 'legal-restriction' },
      },
    ]);
    expect(s).to.deep.include({ items: 6, answered: 6 });
    expect(new Set(s.byItem.map((i) => i.status))).to.deep.equal(new Set(['unable']));
  });
});

describe('repeatedItemIds', () => {
  it('names every repetition of an item id by its pointer', () => {
    const items = [
      ...STORY_BODIES.seizure.items,
      STORY_BODIES.seizure.items[0],
      STORY_BODIES.seizure.items[4],
    ];
    expect(repeatedItemIds({ ...STORY_BODIES.seizure, items })).to.deep.equal([
      { pointer: '/items/6/itemId', itemId: 'HH-01' },
      { pointer: '/items/7/itemId', itemId: 'HH-05' },
    ]);
  });

  it('finds none in the demo seizure or in a single-firearm request', () => {
    expect(repeatedItemIds(STORY_BODIES.seizure)).to.deep.equal([]);
    expect(repeatedItemIds(STORY_BODIES.traceRequest)).to.deep.equal([]);
  });
});
