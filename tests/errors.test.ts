// docs/ERRORS.md and node/errors.ts agree: every node code with its status, every policy code with the node code it is answered with.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { NodeError, nodeErrorCatalogue, policyErrorCodes, toNodeError } from '../node/errors.js';
import { PolicyError } from '../node/policy/index.js';

describe('node error catalogue', () => {
  const doc = readFileSync(new URL('../docs/ERRORS.md', import.meta.url), 'utf8');
  const nodeRows = new Map(
    [...doc.matchAll(/^\| `(NODE-[A-Z-]+)` \| (\d{3}) \| (.+) \|$/gm)].map((m) => [
      m[1]!,
      Number(m[2]),
    ]),
  );
  const policyRows = new Map(
    [...doc.matchAll(/^\| `(POLICY-[A-Z-]+)` \| `(NODE-[A-Z-]+)` \|$/gm)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );

  it('documents every node code with its HTTP status, and no other', () => {
    expect(Object.fromEntries(nodeRows)).to.deep.equal(
      Object.fromEntries(Object.entries(nodeErrorCatalogue).map(([c, e]) => [c, e.status])),
    );
  });

  it('documents where every policy code lands, and no other', () => {
    expect(Object.fromEntries(policyRows)).to.deep.equal(policyErrorCodes);
  });

  it('maps a policy error to its node code with its problems, anything unknown to NODE-INTERNAL', () => {
    const e = toNodeError(
      new PolicyError('POLICY-INVALID', 'rule r1 is wrong', [
        { pointer: '/rules/0', message: 'unknown group', severity: 'error', ruleId: 'r1' },
      ]),
    );
    expect(e).to.be.instanceOf(NodeError);
    expect(e.code).to.equal('NODE-VALIDATION');
    expect(e.status).to.equal(400);
    expect(e.problems).to.deep.equal([{ pointer: '/rules/0', message: 'unknown group' }]);
    expect(toNodeError(new PolicyError('POLICY-FOUR-EYES', 'author')).code).to.equal(
      'NODE-FORBIDDEN',
    );
    const internal = toNodeError(new TypeError('x is undefined'));
    expect(internal.code).to.equal('NODE-INTERNAL');
    expect((internal.cause as Error).message).to.equal('x is undefined');
    const same = new NodeError('NODE-CONFLICT', 'changed meanwhile');
    expect(toNodeError(same)).to.equal(same);
  });
});
