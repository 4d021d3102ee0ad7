// decide and decideInbound: Cedar semantics, transformations, explanations, stable hashes.
import { expect } from 'chai';
import { compilePolicy, decide, decideInbound } from '../../node/policy/index.js';
import { ctx, handling, member, policyWith, traceRequest } from './fixtures.js';

const message = (over: Record<string, unknown> = {}) => ({
  type: 'trace-request',
  from: 'AL',
  to: 'RS',
  handling,
  body: structuredClone(traceRequest) as Record<string, unknown>,
  ...over,
});

describe('decide', () => {
  it('denies by default when no rule matches, naming why', () => {
    const p = compilePolicy(
      policyWith([{ id: 'eu-only', effect: 'allow', when: { to: { in: ['EU'] } } }]),
      ctx,
      1,
    );
    const d = decide(p, message(), member('RS'), ctx);
    expect(d.effect).to.equal('deny');
    expect(d.body).to.equal(null);
    expect(d.reasons[0]).to.match(/no rule of policy AL-test v1 allows a trace-request to RS/);
    expect(d.notMatched).to.deep.equal([
      { ruleId: 'eu-only', condition: 'to', expected: { in: ['EU'] }, actual: 'RS' },
    ]);
  });

  it('lets a matching deny win over any number of matching allows', () => {
    const p = compilePolicy(
      policyWith([
        { id: 'allow-wb6', effect: 'allow', when: { to: { in: ['WB6'] } } },
        { id: 'allow-all', effect: 'allow' },
        {
          id: 'no-h1',
          effect: 'deny',
          reason: 'H1 stays home',
          when: { handlingCode: { in: ['H1'] } },
        },
      ]),
      ctx,
      1,
    );
    const d = decide(p, message(), member('RS'), ctx);
    expect(d.effect).to.equal('deny');
    expect(d.matched.map((m) => m.ruleId)).to.deep.equal(['allow-wb6', 'allow-all', 'no-h1']);
    expect(d.reasons).to.deep.equal(['H1 stays home (rule no-h1)']);
    expect(d.transformations).to.deep.equal([]);
  });

  it('applies the union of the transformations of every matching allow', () => {
    const p = compilePolicy(
      policyWith([
        {
          id: 'gen',
          effect: 'allow',
          generalise: [{ pointer: '/possessor/dateOfBirth', to: 'year' }],
        },
        {
          id: 'red',
          effect: 'allow',
          when: { to: { in: ['RS'] } },
          redact: ['/possessor/aliases/*', '/possessor/name'],
        },
        {
          id: 'place',
          effect: 'allow',
          generalise: [
            { pointer: '/possessor/address', to: 'municipality' },
            { pointer: '/recovery/place/coordinates', to: 'rounded', decimals: 1 },
          ],
        },
      ]),
      ctx,
      1,
    );
    const input = message();
    const d = decide(p, input, member('RS'), ctx);
    expect(d.effect).to.equal('allow');
    const body = d.body as typeof traceRequest & { possessor: Record<string, unknown> };
    expect(body.possessor).to.deep.equal({
      dateOfBirth: '1991',
      nationality: ['AL'],
      address: { country: 'AL', municipality: 'Tirana' },
      aliases: [],
    });
    expect(body.recovery.place.coordinates).to.deep.equal({ lat: 41.3, lon: 19.8 });
    expect(
      d.transformations.map((t) => `${t.action} ${t.pointer} ${t.ruleId}`).sort(),
    ).to.deep.equal([
      'generalise /possessor/address place',
      'generalise /possessor/dateOfBirth gen',
      'generalise /recovery/place/coordinates place',
      'redact /possessor/aliases/0 red',
      'redact /possessor/aliases/1 red',
      'redact /possessor/name red',
    ]);
    expect(input.body).to.deep.equal(traceRequest, 'the input is never mutated');
  });

  it('removes a value that cannot be generalised as asked (fails closed)', () => {
    const p = compilePolicy(
      policyWith([
        {
          id: 'gen',
          effect: 'allow',
          generalise: [{ pointer: '/possessor/dateOfBirth', to: 'year' }],
        },
      ]),
      ctx,
      1,
    );
    const body = structuredClone(traceRequest) as { possessor: Record<string, unknown> };
    body.possessor.dateOfBirth = 'unknown';
    const d = decide(p, message({ body }), member('RS'), ctx);
    expect((d.body as { possessor: Record<string, unknown> }).possessor).not.to.have.property(
      'dateOfBirth',
    );
  });

  it('explains each unmatched rule with the condition that failed, field by field', () => {
    const p = compilePolicy(
      policyWith([
        { id: 'eval', effect: 'allow', when: { evaluation: { source: { in: ['A'] } } } },
        {
          id: 'field',
          effect: 'allow',
          when: { fields: [{ pointer: '/priority', equals: 'routine' }] },
        },
        {
          id: 'basis',
          effect: 'allow',
          when: { legalBasis: { matches: 'Regulation \\(EU\\).*' } },
        },
        { id: 'third', effect: 'allow', when: { receivedFromThirdParty: true } },
      ]),
      ctx,
      1,
    );
    const d = decide(p, message(), member('RS'), ctx);
    expect(d.notMatched).to.deep.equal([
      { ruleId: 'eval', condition: 'evaluation.source', expected: { in: ['A'] }, actual: null },
      {
        ruleId: 'field',
        condition: 'fields',
        pointer: '/priority',
        expected: { equals: 'routine' },
      },
      {
        ruleId: 'basis',
        condition: 'legalBasis',
        expected: { matches: 'Regulation \\(EU\\).*' },
        actual: 'PCC SEE, Art. 5',
      },
      { ruleId: 'third', condition: 'receivedFromThirdParty', expected: true, actual: false },
    ]);
  });

  it('matches groups, kinds and the policy’s own groups as destinations', () => {
    const p = compilePolicy(
      policyWith([{ id: 'n', effect: 'allow', when: { to: { in: ['NEAR', 'eu-counterpart'] } } }], {
        groups: { NEAR: ['ME'] },
      }),
      ctx,
      1,
    );
    expect(decide(p, message(), member('ME'), ctx).effect).to.equal('allow');
    expect(decide(p, message(), member('EU-DE'), ctx).effect).to.equal('allow');
    expect(decide(p, message(), member('RS'), ctx).effect).to.equal('deny');
  });

  it('hashes the same decision the same way, and differently under another version', () => {
    const doc = policyWith([{ id: 'everything', effect: 'allow', redact: ['/possessor'] }]);
    const a = decide(compilePolicy(doc, ctx, 1), message(), member('RS'), ctx);
    const b = decide(compilePolicy(doc, ctx, 1), message(), member('RS'), ctx);
    const c = decide(compilePolicy(doc, ctx, 2), message(), member('RS'), ctx);
    expect(a.decisionHash).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(a.decisionHash).to.equal(b.decisionHash);
    expect(a.decisionHash).not.to.equal(c.decisionHash);
  });
});

describe('decideInbound', () => {
  const p = compilePolicy(
    policyWith([], {
      inbound: [
        { id: 'big', effect: 'deny', reason: 'too large', when: { sizeAbove: 1000 } },
        {
          id: 'region',
          effect: 'allow',
          when: { from: { in: ['WB6'] }, type: { in: ['hit-notification'] } },
        },
      ],
    }),
    ctx,
    1,
  );

  it('accepts what a rule allows', () => {
    expect(
      decideInbound(p, { from: 'RS', type: 'hit-notification', sizeBytes: 500, handling: {} }, ctx)
        .effect,
    ).to.equal('allow');
  });

  it('refuses oversized envelopes even from allowed senders', () => {
    const d = decideInbound(
      p,
      { from: 'RS', type: 'hit-notification', sizeBytes: 5000, handling: {} },
      ctx,
    );
    expect(d.effect).to.equal('deny');
    expect(d.reasons).to.deep.equal(['too large (rule big)']);
  });

  it('refuses by default what no rule allows', () => {
    const d = decideInbound(
      p,
      { from: 'EU-DE', type: 'hit-notification', sizeBytes: 500, handling: {} },
      ctx,
    );
    expect(d.effect).to.equal('deny');
    expect(d.notMatched.find((n) => n.ruleId === 'region')).to.deep.include({
      condition: 'from',
      actual: 'EU-DE',
    });
  });
});
