// decide with free text: redact, generalise, deny, unhandled; handling per rule and by default; the hash covers it.
import { expect } from 'chai';
import {
  checkPolicy,
  compilePolicy,
  decide,
  simulate,
  type PolicyDocument,
} from '../../../node/policy/index.js';
import { ctx, handling, member, policyWith, traceRequest } from '../fixtures.js';

const SENTENCE =
  'Possessor Dritan Krasniqi, born 14.03.1991, lives at Rruga e Kavajes 112, Tirana; passport AB1234567.';

const body = (text = SENTENCE) => ({
  ...structuredClone(traceRequest),
  possessor: {
    name: 'Dritan Krasniqi',
    dateOfBirth: '1991-03-14',
    identityDocument: 'AB1234567',
    address: { street: 'Rruga e Kavajës 112', municipality: 'Tirana', country: 'AL' },
  },
  specialInstructions: text,
});

const regional: PolicyDocument['outbound'][number] = {
  id: 'regional',
  effect: 'allow',
  when: { to: { in: ['WB6'] } },
  generalise: [
    { pointer: '/possessor/dateOfBirth', to: 'year' },
    { pointer: '/possessor/address', to: 'municipality' },
  ],
  redact: ['/possessor/identityDocument'],
};

function run(doc: PolicyDocument, b: Record<string, unknown> = body(), to = 'RS') {
  return decide(
    compilePolicy(doc, ctx, 1),
    { type: 'trace-request', from: 'AL', to, handling, body: b },
    member(to),
    ctx,
  );
}
const text = (d: ReturnType<typeof run>) =>
  (d.body as { specialInstructions?: string } | null)?.specialInstructions;

describe('decide: personal data in free text', () => {
  it('generalise: the date of birth becomes its year, the street and the passport markers, the kept name stays', () => {
    const d = run(policyWith([{ ...regional, freeText: { action: 'generalise' } }]));
    expect(d.effect).to.equal('allow');
    expect(text(d)).to.equal(
      'Possessor Dritan Krasniqi, born 1991, lives at [address withheld], Tirana; passport [document number withheld].',
    );
    expect(
      d.freeText!.map((f) => `${f.action} ${f.kind} ${f.matches} ${f.span.start}-${f.span.end}`),
    ).to.deep.equal([
      'kept name /possessor/name 10-25',
      'generalised date-of-birth /possessor/dateOfBirth 32-42',
      'redacted address /possessor/address/street 53-72',
      'kept address /possessor/address/municipality 74-80',
      'redacted document /possessor/identityDocument 91-100',
    ]);
    expect(d.freeText!.filter((f) => f.action !== 'kept').every((f) => f.ruleId === 'regional')).to
      .be.true;
  });

  it('redact: every span whose field is withheld or generalised becomes a marker; a redacted name too', () => {
    const d = run(
      policyWith([{ ...regional, redact: ['/possessor/identityDocument', '/possessor/name'] }], {
        freeText: { action: 'redact' },
      }),
    );
    expect(text(d)).to.equal(
      'Possessor [name withheld], born [date of birth withheld], lives at [address withheld], Tirana; passport [document number withheld].',
    );
    expect(d.freeText!.filter((f) => f.action === 'redacted').map((f) => f.ruleId)).to.deep.equal([
      '#freeText',
      '#freeText',
      '#freeText',
      '#freeText',
    ]);
  });

  it('deny: refuses the message with the reason, the kinds and spans, never the data', () => {
    const d = run(
      policyWith([
        { ...regional, freeText: { action: 'deny', reason: 'rewrite the special instructions' } },
      ]),
    );
    expect(d.effect).to.equal('deny');
    expect(d.body).to.equal(null);
    expect(d.reasons).to.deep.equal([
      'rewrite the special instructions (date of birth in /specialInstructions at 32-42, address in /specialInstructions at 53-72, document number in /specialInstructions at 91-100; rule regional)',
    ]);
    expect(JSON.stringify(d)).not.to.contain('14.03.1991');
    expect(d.freeText!.filter((f) => f.action === 'denied')).to.have.length(3);
  });

  it('allows when the text holds nothing withheld, whatever the handling', () => {
    const d = run(
      policyWith([{ ...regional, freeText: { action: 'deny' } }]),
      body('Possessor Dritan Krasniqi was arrested in Tirana.'),
    );
    expect(d.effect).to.equal('allow');
    expect(d.freeText!.map((f) => f.action)).to.deep.equal(['kept', 'kept']);
  });

  it('without any handling: the text goes unchanged, findings are unhandled, the check warns', () => {
    const doc = policyWith([regional]);
    const d = run(doc);
    expect(text(d)).to.equal(SENTENCE);
    expect(d.freeText!.filter((f) => f.action === 'unhandled').map((f) => f.kind)).to.deep.equal([
      'date-of-birth',
      'address',
      'document',
    ]);
    const warnings = checkPolicy(doc, ctx).filter((p) => p.severity === 'warning');
    expect(warnings.map((w) => `${w.pointer}: ${w.message}`)).to.deep.equal([
      '/outbound/0: rule regional withholds /possessor/identityDocument, /possessor/dateOfBirth, /possessor/address from WB6 but leaves free text unhandled: the same data written in a free-text field (special instructions, circumstances, offence text…) would go out unchanged; add freeText: { action: redact } (or generalise, or deny) to the rule or to the policy',
    ]);
    expect(
      checkPolicy(policyWith([{ ...regional, freeText: { action: 'redact' } }]), ctx),
    ).to.deep.equal([]);
    expect(
      checkPolicy(policyWith([regional], { freeText: { action: 'redact' } }), ctx),
    ).to.deep.equal([]);
  });

  it('pattern findings follow the kinds the rules withhold; withhold takes kinds no field holds', () => {
    const b = body('Seen with a man born 02.05.1985, phone +381 64 123 4567, plate BG 123-AB.');
    const d = run(
      policyWith([{ ...regional, freeText: { action: 'generalise', withhold: ['plate'] } }]),
      b,
    );
    expect(text(d)).to.equal(
      'Seen with a man born 1985, phone +381 64 123 4567, plate [vehicle plate withheld].',
    );
  });

  it('the strictest handling of the matched rules applies; a rule overrides the defaults', () => {
    const doc = policyWith(
      [
        { ...regional, freeText: { action: 'generalise' } },
        { id: 'also', effect: 'allow', freeText: { action: 'redact', withhold: ['phone'] } },
      ],
      { freeText: { action: 'deny' } },
    );
    const d = run(doc, body(`${SENTENCE} Call +381 64 123 4567.`));
    expect(d.effect).to.equal('allow');
    expect(text(d)).to.equal(
      'Possessor Dritan Krasniqi, born [date of birth withheld], lives at [address withheld], Tirana; passport [document number withheld]. Call [phone number withheld].',
    );
  });

  it('keeps data the destination receives anyway in a structured field', () => {
    const b = body('Recovered in Tirana; Krasniqi lives at Rruga e Kavajes 112.');
    const d = run(
      policyWith([{ id: 'eu', effect: 'allow', redact: ['/possessor/address'] }], {
        freeText: { action: 'redact' },
      }),
      b,
    );
    // The possessor's municipality is withheld, but the recovery place (Tirana) is sent.
    expect(text(d)).to.equal('Recovered in Tirana; Krasniqi lives at [address withheld].');
  });

  it('merges overlapping findings into the strictest, and leaves a removed text field alone', () => {
    const d = run(
      policyWith([{ ...regional, freeText: { action: 'redact' } }]),
      body('passport AB1234567'),
    );
    expect(d.freeText!.map((f) => `${f.kind} ${f.source} ${f.action}`)).to.deep.equal([
      'document value redacted',
    ]);
    const gone = run(
      policyWith([{ ...regional, redact: ['/specialInstructions'], freeText: { action: 'deny' } }]),
    );
    expect(gone.effect).to.equal('allow');
    expect(gone.freeText).to.deep.equal([]);
  });

  it('covers the findings in the decision hash, and hashes the same input the same', () => {
    const doc = policyWith([{ ...regional, freeText: { action: 'generalise' } }]);
    expect(run(doc).decisionHash).to.equal(run(doc).decisionHash);
    const other = run(policyWith([{ ...regional, freeText: { action: 'redact' } }]));
    expect(other.decisionHash).not.to.equal(run(doc).decisionHash);
  });

  it('a simulated version that changes the free-text handling shows the changed decisions', () => {
    const current = compilePolicy(
      policyWith([regional], { freeText: { action: 'redact' } }),
      ctx,
      1,
    );
    const candidate = compilePolicy(
      policyWith([{ ...regional, freeText: { action: 'generalise' } }]),
      ctx,
      2,
    );
    const r = simulate(
      candidate,
      current,
      [
        {
          messageId: 'm1',
          message: { type: 'trace-request', from: 'AL', to: 'RS', handling, body: body() },
          destination: member('RS'),
        },
      ],
      ctx,
    );
    expect(r.changed).to.have.length(1);
    expect(r.changed[0]!.before!.transformations).to.include(
      'redacted date-of-birth in /specialInstructions at 32-42',
    );
    expect(r.changed[0]!.after.transformations).to.include(
      'generalised date-of-birth in /specialInstructions at 32-42',
    );
  });

  it('keeps a text near its length limit within it: the short marker', () => {
    const long = `${'x'.repeat(3975)} AB1234567 AB1234567`;
    const d = run(policyWith([{ ...regional, freeText: { action: 'redact' } }]), body(long));
    expect(text(d)).to.equal(`${'x'.repeat(3975)} [withheld] [withheld]`);
    expect(text(d)!.length).to.be.at.most(4000);
  });

  it('refuses bad free-text settings with pointers', () => {
    const errors = (doc: unknown) =>
      checkPolicy(doc, ctx)
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.pointer}: ${p.message}`);
    expect(
      errors(policyWith([{ ...regional, freeText: { action: 'hide' } as never }])),
    ).to.deep.equal(['/outbound/0/freeText/action: must be one of "redact", "generalise", "deny"']);
    expect(
      errors(
        policyWith([], {
          freeText: {
            action: 'redact',
            patterns: [
              { kind: 'plate', pattern: '([A-Z' },
              { kind: 'plate', pattern: 'x*' },
            ],
          },
        }),
      ),
    ).to.deep.equal([
      '/freeText/patterns/0/pattern: not a valid regular expression',
      '/freeText/patterns/1/pattern: matches the empty text: it would find personal data everywhere',
    ]);
    expect(
      errors(
        policyWith([{ id: 'd', effect: 'deny', reason: 'r', freeText: { action: 'redact' } }]),
      ),
    ).to.have.length.above(0);
  });
});
