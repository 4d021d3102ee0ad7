// Property: any schema-valid message of any type survives seal → open unchanged.
import { expect } from 'chai';
import fc from 'fast-check';
import { open } from '../../protocol/index.js';
import { STORY_BODIES } from '../../node/dev/demo-story.js';
import { message, openOptions, protocolWorld, sealFor } from '../protocol/fixtures.js';
import { FUZZ_RUNS } from '../fixtures/mutations.js';

const text = (max: number) =>
  fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);

/** Generated hit notifications: varying references, exhibits, cases and free text (any Unicode). */
const hitBody = fc.record({
  notificationRef: fc.stringMatching(/^[A-Z]{2}-[A-Z0-9-]{1,20}$/),
  exhibits: fc.array(
    fc.record({
      exhibitId: text(20),
      type: fc.constantFrom('cartridge-case', 'bullet', 'test-fire'),
      calibre: text(20),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  linkedCases: fc.array(
    fc.record({
      caseRef: text(30),
      jurisdiction: fc.constantFrom('AL', 'RS', 'MD', 'EU-DE'),
      occurrenceDate: fc.constant('unknown'),
      offence: text(60),
    }),
    { minLength: 2, maxLength: 4 },
  ),
  lab: text(50),
});

describe('property: seal/open round trip', function () {
  this.timeout(120_000);

  it('opens to exactly the message sealed, for generated bodies and handling', async () => {
    const w = await protocolWorld();
    await fc.assert(
      fc.asyncProperty(
        hitBody,
        fc.constantFrom('H0', 'H1', 'H2'),
        fc.constantFrom('criminal-investigation', 'prosecution', 'prevention', 'intelligence'),
        async (b, code, purpose) => {
          const m = message('hit-notification');
          m.handling = { ...(m.handling as object), code, purpose };
          m.body = {
            ...STORY_BODIES.hit,
            notificationRef: b.notificationRef,
            exhibits: b.exhibits,
            linkedCases: b.linkedCases,
            originatingLab: { id: 'LAB-1', name: b.lab },
          };
          const opened = await open(await sealFor(w, m), openOptions(w));
          expect(opened.message).to.deep.equal(m);
        },
      ),
      { numRuns: Math.max(20, Math.round(FUZZ_RUNS / 3)) },
    );
  });
});
