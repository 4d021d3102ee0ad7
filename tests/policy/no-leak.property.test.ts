// Property: whatever the body and the policy, a redacted or generalised value never reaches the output.
import { expect } from 'chai';
import fc from 'fast-check';
import { compilePolicy, decide, type PolicyDocument } from '../../node/policy/index.js';
import { ctx, member } from './fixtures.js';

/** A secret value tagged with its field, so that no two fields' values can contain each other. */
const secret = (field: string) =>
  fc.string({ minLength: 6, maxLength: 20 }).map((s) => `S3CR3T-${field}-${s}`);
const date = fc
  .date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const body = fc.record({
  requestRef: fc.constant('AL-1'),
  possessor: fc.record({
    name: secret('name'),
    aliases: fc.array(secret('alias'), { maxLength: 4 }),
    dateOfBirth: date,
    identityDocument: secret('document'),
    address: fc.record({
      street: secret('street'),
      municipality: fc.constantFrom('Tirana', 'Durrës'),
      country: fc.constant('AL'),
      postalCode: secret('postcode'),
    }),
  }),
  recovery: fc.record({
    date: fc.constant('2026-11-18'),
    place: fc.record({
      country: fc.constant('AL'),
      street: secret('scene'),
      coordinates: fc.record({
        lat: fc.double({ min: 39, max: 43, noNaN: true }),
        lon: fc.double({ min: 19, max: 22, noNaN: true }),
      }),
    }),
  }),
});

const redactable = [
  '/possessor/name',
  '/possessor/aliases/*',
  '/possessor/aliases',
  '/possessor/identityDocument',
  '/possessor/address/street',
  '/possessor/address',
  '/recovery/place/street',
  '/possessor',
];
const rules = fc.array(
  fc.record({
    redact: fc.subarray(redactable, { minLength: 0 }),
    generalise: fc.subarray(['dob', 'address', 'coords'] as const),
  }),
  { minLength: 1, maxLength: 4 },
);

describe('property: redacted data never leaks', () => {
  it('no redacted value, full date of birth, street or precise coordinate appears in the output', () => {
    fc.assert(
      fc.property(body, rules, (b, rs) => {
        const doc: PolicyDocument = {
          id: 'AL-prop',
          member: 'AL',
          outbound: rs.map((r, i) => ({
            id: `r${i}`,
            effect: 'allow' as const,
            ...(r.redact.length > 0 ? { redact: r.redact } : {}),
            ...(r.generalise.length > 0
              ? {
                  generalise: r.generalise.map((g) =>
                    g === 'dob'
                      ? { pointer: '/possessor/dateOfBirth', to: 'year' as const }
                      : g === 'address'
                        ? { pointer: '/possessor/address', to: 'municipality' as const }
                        : {
                            pointer: '/recovery/place/coordinates',
                            to: 'rounded' as const,
                            decimals: 1,
                          },
                  ),
                }
              : {}),
          })),
          inbound: [{ id: 'in', effect: 'allow' }],
        };
        const input = structuredClone(b);
        const d = decide(
          compilePolicy(doc, ctx, 1),
          {
            type: 'trace-request',
            from: 'AL',
            to: 'RS',
            handling: { code: 'H1', purpose: 'criminal-investigation' },
            body: input,
          },
          member('RS'),
          ctx,
        );
        const out = JSON.stringify(d.body);
        expect(input).to.deep.equal(b, 'input untouched');
        const all = rs.flatMap((r) => r.redact);
        const leaks: string[] = [];
        const check = (cond: boolean, value: string) =>
          cond && out.includes(value) && leaks.push(value);
        check(all.includes('/possessor/name') || all.includes('/possessor'), b.possessor.name);
        check(
          all.includes('/possessor/identityDocument') || all.includes('/possessor'),
          b.possessor.identityDocument,
        );
        for (const a of b.possessor.aliases)
          check(
            all.some((p) => p.startsWith('/possessor/aliases')) || all.includes('/possessor'),
            a,
          );
        const addressGone =
          all.includes('/possessor/address') ||
          all.includes('/possessor') ||
          rs.some((r) => r.generalise.includes('address'));
        check(addressGone || all.includes('/possessor/address/street'), b.possessor.address.street);
        check(addressGone, b.possessor.address.postalCode);
        check(
          rs.some((r) => r.generalise.includes('dob')) || all.includes('/possessor'),
          b.possessor.dateOfBirth,
        );
        check(all.includes('/recovery/place/street'), b.recovery.place.street);
        if (rs.some((r) => r.generalise.includes('coords'))) {
          const c = (
            d.body as { recovery: { place: { coordinates: { lat: number; lon: number } } } }
          ).recovery.place.coordinates;
          expect(Math.round(c.lat * 10) / 10).to.equal(c.lat);
          expect(Math.round(c.lon * 10) / 10).to.equal(c.lon);
        }
        expect(leaks, `leaked: ${leaks.join(', ')}`).to.deep.equal([]);
        // Every transformation names a rule that matched.
        for (const t of d.transformations)
          expect(d.matched.map((m) => m.ruleId)).to.include(t.ruleId);
      }),
      { numRuns: 300 },
    );
  });
});

/** A per-item answer to a seizure: each item's last legal owner is personal data. */
const owner = (i: number) =>
  fc.record({
    kind: fc.constant('person' as const),
    name: secret(`owner${i}`),
    dateOfBirth: date,
    licenceNumber: secret(`licence${i}`),
    address: fc.record({
      street: secret(`ostreet${i}`),
      municipality: fc.constantFrom('Niš', 'Kragujevac'),
      country: fc.constant('RS'),
      postalCode: secret(`opostcode${i}`),
    }),
  });
const itemAnswers = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.tuple(
    ...Array.from({ length: n }, (_, i) =>
      fc.record(
        {
          itemId: fc.constant(`HH-${i}`),
          status: fc.constantFrom('completed', 'unable', 'pending'),
          lastKnownLegalOwner: owner(i),
          note: secret(`note${i}`),
        },
        { requiredKeys: ['itemId', 'status'] },
      ),
    ),
  ),
);

const itemPointers = [
  '/items/*/lastKnownLegalOwner/name',
  '/items/*/lastKnownLegalOwner/licenceNumber',
  '/items/*/lastKnownLegalOwner/address/street',
  '/items/*/lastKnownLegalOwner/address',
  '/items/*/lastKnownLegalOwner',
  '/items/*/note',
];

describe('property: redacted data never leaks from the items of a seizure', () => {
  it('no item keeps a redacted value, a full date of birth or a street; no item is lost', () => {
    fc.assert(
      fc.property(
        itemAnswers,
        fc.array(
          fc.record({
            redact: fc.subarray(itemPointers),
            generalise: fc.subarray(['dob', 'address'] as const),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (items, rs) => {
          const b = { requestRef: 'AL-1', status: 'partial', items };
          const doc: PolicyDocument = {
            id: 'RS-prop',
            member: 'AL',
            outbound: rs.map((r, i) => ({
              id: `r${i}`,
              effect: 'allow' as const,
              ...(r.redact.length > 0 ? { redact: r.redact } : {}),
              ...(r.generalise.length > 0
                ? {
                    generalise: r.generalise.map((g) =>
                      g === 'dob'
                        ? {
                            pointer: '/items/*/lastKnownLegalOwner/dateOfBirth',
                            to: 'year' as const,
                          }
                        : {
                            pointer: '/items/*/lastKnownLegalOwner/address',
                            to: 'municipality' as const,
                          },
                    ),
                  }
                : {}),
            })),
            inbound: [{ id: 'in', effect: 'allow' }],
          };
          const input = structuredClone(b);
          const d = decide(
            compilePolicy(doc, ctx, 1),
            {
              type: 'trace-response',
              from: 'AL',
              to: 'RS',
              handling: { code: 'H1', purpose: 'criminal-investigation' },
              body: input,
            },
            member('RS'),
            ctx,
          );
          expect(input).to.deep.equal(b, 'input untouched');
          const out = d.body as { items: Array<Record<string, unknown>> };
          expect(out.items.map((i) => i.itemId)).to.deep.equal(items.map((i) => i.itemId));
          const all = rs.flatMap((r) => r.redact);
          const gen = rs.flatMap((r) => r.generalise);
          const ownerGone = all.includes('/items/*/lastKnownLegalOwner');
          const addressGone =
            ownerGone ||
            all.includes('/items/*/lastKnownLegalOwner/address') ||
            gen.includes('address');
          const text = JSON.stringify(out);
          const leaks: string[] = [];
          const check = (cond: boolean, value: string | undefined) =>
            cond && value !== undefined && text.includes(value) && leaks.push(value);
          for (const item of items) {
            const o = item.lastKnownLegalOwner;
            check(ownerGone || all.includes('/items/*/lastKnownLegalOwner/name'), o?.name);
            check(
              ownerGone || all.includes('/items/*/lastKnownLegalOwner/licenceNumber'),
              o?.licenceNumber,
            );
            check(
              addressGone || all.includes('/items/*/lastKnownLegalOwner/address/street'),
              o?.address.street,
            );
            check(addressGone, o?.address.postalCode);
            check(ownerGone || gen.includes('dob'), o?.dateOfBirth);
            check(all.includes('/items/*/note'), item.note);
          }
          expect(leaks, `leaked: ${leaks.join(', ')}`).to.deep.equal([]);
          for (const t of d.transformations)
            expect(d.matched.map((m) => m.ruleId)).to.include(t.ruleId);
        },
      ),
      { numRuns: 300 },
    );
  });
});
