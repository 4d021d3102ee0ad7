// messageRefs: the body references the exact reference search of the outbox and inbox finds.
import { expect } from 'chai';
import { MAX_REFS, messageRefs } from '../../node/store/message-refs.js';

describe('messageRefs', () => {
  it("takes a trace request's requestRef and caseRef, a response's requestRef", () => {
    expect(
      messageRefs({ body: { requestRef: 'AL-2026-0042', caseRef: 'TR-9', priority: 'urgent' } }),
    ).to.deep.equal(['AL-2026-0042', 'TR-9']);
    expect(
      messageRefs({ type: 'trace-response', body: { requestRef: 'AL-2026-0042' } }),
    ).to.deep.equal(['AL-2026-0042']);
  });

  it("takes a hit notification's notificationRef and every linked case, each once", () => {
    expect(
      messageRefs({
        body: {
          notificationRef: 'IBIN-77',
          linkedCases: [
            { caseRef: 'AL-C-1' },
            { caseRef: 'RS-C-2' },
            { caseRef: 'AL-C-1' },
            { jurisdiction: 'MK' },
          ],
        },
      }),
    ).to.deep.equal(['IBIN-77', 'AL-C-1', 'RS-C-2']);
  });

  it('ignores what is not a non-empty string, and a message without a body', () => {
    expect(
      messageRefs({ body: { requestRef: 42, caseRef: '', linkedCases: 'AL-C-1' } }),
    ).to.deep.equal([]);
    expect(messageRefs({ body: { linkedCases: [null, 'x', { caseRef: ['a'] }] } })).to.deep.equal(
      [],
    );
    for (const m of [undefined, null, 'text', [], { body: null }, { body: ['requestRef'] }]) {
      expect(messageRefs(m), JSON.stringify(m)).to.deep.equal([]);
    }
  });

  it(`indexes at most ${MAX_REFS} references of one message`, () => {
    const linkedCases = Array.from({ length: MAX_REFS + 10 }, (_, i) => ({ caseRef: `C-${i}` }));
    const refs = messageRefs({ body: { notificationRef: 'N-1', linkedCases } });
    expect(refs).to.have.length(MAX_REFS);
    expect(refs[0]).to.equal('N-1');
  });
});
