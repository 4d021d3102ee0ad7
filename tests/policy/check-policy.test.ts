// Static checks: each problem a compliance officer can act on, with the pointer into the policy.
import { expect } from 'chai';
import { checkPolicy, compilePolicy, PolicyError } from '../../node/policy/index.js';
import { ctx, policyWith } from './fixtures.js';

const errors = (doc: unknown) =>
  checkPolicy(doc, ctx)
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.pointer}: ${p.message}`);

describe('checkPolicy', () => {
  it('accepts a sound policy', () => {
    expect(
      errors(
        policyWith([
          { id: 'a', effect: 'allow', when: { to: { in: ['WB6'] } }, redact: ['/possessor/name'] },
        ]),
      ),
    ).to.deep.equal([]);
  });

  it('reports schema errors with pointers (and nothing else then)', () => {
    expect(
      errors({ id: 'x', member: 'AL', outbound: [{ id: 'Bad Id', effect: 'maybe' }], inbound: [] }),
    ).to.include.members([
      '/outbound/0/id: must match pattern "^[a-z0-9][a-z0-9-]{0,63}$"',
      '/outbound/0/effect: must be one of "allow", "deny"',
    ]);
    expect(errors(policyWith([{ id: 'd', effect: 'deny' }]))).to.deep.equal([
      '/outbound/0/reason: reason is required',
    ]);
  });

  it('reports unknown members, groups and kinds, and members of declared groups', () => {
    expect(
      errors(
        policyWith([{ id: 'a', effect: 'allow', when: { to: { in: ['RS', 'BALKANS', 'XX'] } } }], {
          groups: { NEAR: ['ME', 'ZZ'] },
        }),
      ),
    ).to.deep.equal([
      '/groups/NEAR/1: ZZ is not a member of the federation',
      '/outbound/0/when/to/in/1: BALKANS is neither a member, a group nor a kind of the federation',
      '/outbound/0/when/to/in/2: XX is neither a member, a group nor a kind of the federation',
    ]);
  });

  it('reports duplicate rule ids and a policy written for another member', () => {
    expect(
      errors({
        ...policyWith([
          { id: 'a', effect: 'allow' },
          { id: 'a', effect: 'allow' },
        ]),
        member: 'RS',
      }),
    ).to.deep.equal([
      '/member: this policy is for RS; this node is AL',
      '/outbound/1/id: rule id a is already used at /outbound/0',
    ]);
  });

  it('reports an allow rule that a broader deny always overrides', () => {
    const doc = policyWith([
      {
        id: 'to-rs',
        effect: 'allow',
        when: { to: { in: ['RS'] }, type: { in: ['trace-request'] } },
      },
      { id: 'no-wb6', effect: 'deny', reason: 'closed', when: { to: { in: ['WB6'] } } },
      { id: 'to-eu', effect: 'allow', when: { to: { in: ['EU'] } } },
    ]);
    expect(errors(doc)).to.deep.equal([
      '/outbound/0: rule to-rs can never apply: deny rule no-wb6 (/outbound/1) matches every message it matches',
    ]);
  });

  it('reports redactions and generalisations no body of the rule’s types can have', () => {
    const doc = policyWith([
      {
        id: 'a',
        effect: 'allow',
        when: { type: { in: ['hit-notification'] } },
        redact: ['/possessor/name', '/exhibits/*/imageRef'],
      },
      { id: 'b', effect: 'allow', generalise: [{ pointer: '/possessor/nickname', to: 'year' }] },
    ]);
    expect(errors(doc)).to.deep.equal([
      '/outbound/0/redact/0: no hit-notification body has a field /possessor/name: this redaction would never apply',
      '/outbound/1/generalise/0/pointer: no trace-request or trace-response or hit-notification body has a field /possessor/nickname',
    ]);
  });

  it('reports a generalisation that does not fit the field, and a field test no type has', () => {
    const doc = policyWith([
      {
        id: 'a',
        effect: 'allow',
        generalise: [
          { pointer: '/possessor/name', to: 'year' },
          { pointer: '/possessor/dateOfBirth', to: 'municipality' },
        ],
      },
      { id: 'b', effect: 'allow', when: { fields: [{ pointer: '/colour', equals: 'red' }] } },
    ]);
    expect(errors(doc)).to.deep.equal([
      '/outbound/0/generalise/0/to: /possessor/name is not a date: it cannot be generalised to year',
      '/outbound/0/generalise/1/to: /possessor/dateOfBirth is not a place or address: it cannot be generalised to municipality',
      '/outbound/1/when/fields/0/pointer: no trace-request or trace-response or hit-notification body has a field /colour',
    ]);
  });

  it('reports an expression that does not compile', () => {
    expect(
      errors(
        policyWith([{ id: 'a', effect: 'allow', when: { legalBasis: { matches: '(unclosed' } } }]),
      ),
    ).to.deep.equal(['/outbound/0/when/legalBasis/matches: not a valid regular expression']);
  });

  it('never compiles a policy with errors', () => {
    try {
      compilePolicy(
        policyWith([{ id: 'a', effect: 'allow', when: { to: { in: ['XX'] } } }]),
        ctx,
        1,
      );
      expect.fail('compiled');
    } catch (err) {
      expect(err).to.be.instanceOf(PolicyError);
      expect((err as PolicyError).code).to.equal('POLICY-INVALID');
      expect((err as PolicyError).problems[0]!.pointer).to.equal('/outbound/0/when/to/in/0');
    }
  });
});
