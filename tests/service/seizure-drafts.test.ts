// Drafting a seizure for sending: its items must be valid and each item id unique in the request.
import { expect } from 'chai';
import { draftMessages } from '../../node/service/draft-messages.js';
import { NodeError } from '../../node/errors.js';
import { STORY_BODIES, storySeizureRequest } from '../../node/dev/demo-story.js';
import type { components } from '../../generated/openapi.js';

type SubmitRequest = components['schemas']['SubmitRequest'];
const at = new Date('2026-11-20T10:00:00.000Z');

function refusal(req: SubmitRequest): NodeError {
  try {
    draftMessages('AL', req, at, 3600);
  } catch (err) {
    expect(err).to.be.instanceOf(NodeError);
    return err as NodeError;
  }
  throw new Error('the draft was not refused');
}

describe('draftMessages of a seizure', () => {
  it('drafts the six-item seizure with personal data flagged, the body untouched', () => {
    const [draft] = draftMessages('AL', storySeizureRequest(), at, 3600);
    expect(draft!.body).to.deep.equal(STORY_BODIES.seizure);
    expect(draft!.handling.containsPersonalData).to.equal(true);
  });

  it('refuses a repeated item id, naming each repetition, and nothing else', () => {
    const items = [
      ...STORY_BODIES.seizure.items,
      { ...STORY_BODIES.seizure.items[2], exhibitRef: 'X' },
    ];
    const e = refusal({
      ...storySeizureRequest(),
      body: { ...STORY_BODIES.seizure, items },
    } as unknown as SubmitRequest);
    expect(e.code).to.equal('NODE-VALIDATION');
    expect(e.problems).to.deep.equal([
      {
        pointer: '/body/items/6/itemId',
        message: 'item id HH-03 is already used by another item (answers name items by id)',
      },
    ]);
  });

  it('refuses a seizure item of an unknown kind at its kind, before any id check', () => {
    const items = [...STORY_BODIES.seizure.items, { kind: 'explosive', itemId: 'HH-01' }];
    const e = refusal({
      ...storySeizureRequest(),
      body: { ...STORY_BODIES.seizure, items },
    } as unknown as SubmitRequest);
    expect(e.code).to.equal('NODE-VALIDATION');
    expect(e.problems.map((p) => p.pointer)).to.deep.equal(['/body/items/6/kind']);
  });
});
