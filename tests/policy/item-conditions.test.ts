// Rules over the items of a seizure: kind tests through `/items/*` wildcards, and item counts.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { checkPolicy, compilePolicy, decide, parsePolicyText } from '../../node/policy/index.js';
import type { OutboundRule, PolicyDocument } from '../../node/policy/types.js';
import { itemTwinProblems } from '../../node/policy/check-item-twins.js';
import { ctx, handling, member, policyWith } from './fixtures.js';

const seizure = JSON.parse(
  readFileSync(
    new URL(
      '../../schemas/examples/trace-request/valid-seizure-border-crossing-pistols-rifle-ammunition.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as Record<string, unknown> & { items: Array<{ kind: string }> };

const firearmsOnly = { ...seizure, items: seizure.items.filter((i) => i.kind === 'firearm') };

function decideWith(rules: OutboundRule[], body: Record<string, unknown>, to = 'RS') {
  const policy = compilePolicy(policyWith(rules), ctx, 1);
  return decide(
    policy,
    { type: 'trace-request', from: 'AL', to, handling: { ...handling }, body },
    member(to),
    ctx,
  );
}

const allow: OutboundRule = { id: 'allow-all', effect: 'allow' };

describe('policy conditions over seizure items', () => {
  it('a kind test over /items/*/kind holds when any item is of that kind', () => {
    const deny: OutboundRule = {
      id: 'no-ammunition',
      effect: 'deny',
      reason: 'no ammunition lots',
      when: { fields: [{ pointer: '/items/*/kind', equals: 'ammunition' }] },
    };
    const d = decideWith([deny, allow], seizure);
    expect(d.effect).to.equal('deny');
    expect(d.reasons).to.deep.equal(['no ammunition lots (rule no-ammunition)']);
    const f = decideWith([deny, allow], firearmsOnly);
    expect(f.effect).to.equal('allow');
    expect(f.notMatched).to.deep.include({
      ruleId: 'no-ammunition',
      condition: 'fields',
      pointer: '/items/*/kind',
      expected: { equals: 'ammunition' },
    });
  });

  it('countAbove counts the items (6 in the border seizure): above 5 holds, above 6 does not', () => {
    const rule = (n: number): OutboundRule => ({
      id: `above-${n}`,
      effect: 'allow',
      when: { fields: [{ pointer: '/items/*', countAbove: n }] },
      redact: ['/possessor'],
    });
    const five = decideWith([rule(5)], seizure);
    expect(five.effect).to.equal('allow');
    expect(five.body).to.not.have.property('possessor');
    expect(five.transformations).to.deep.equal([
      { pointer: '/possessor', action: 'redact', ruleId: 'above-5' },
    ]);
    const six = decideWith([rule(6)], seizure);
    expect(six.effect).to.equal('deny');
    expect(six.notMatched[0]).to.deep.include({ condition: 'fields', pointer: '/items/*' });
  });

  it('countAbove over /items/*/ammunition counts the ammunition lots only', () => {
    const lots = (n: number): OutboundRule => ({
      id: `lots-above-${n}`,
      effect: 'allow',
      when: { fields: [{ pointer: '/items/*/ammunition', countAbove: n }] },
    });
    expect(decideWith([lots(1)], seizure).effect).to.equal('allow');
    expect(decideWith([lots(2)], seizure).effect).to.equal('deny');
    expect(decideWith([lots(0)], firearmsOnly).effect).to.equal('deny');
  });

  it('countAtMost holds up to the bound, and for a single-item request (no items: 0)', () => {
    const small = (n: number): OutboundRule => ({
      id: `small-${n}`,
      effect: 'allow',
      when: { fields: [{ pointer: '/items/*', countAtMost: n }] },
    });
    expect(decideWith([small(6)], seizure).effect).to.equal('allow');
    expect(decideWith([small(5)], seizure).effect).to.equal('deny');
    const single = { ...firearmsOnly, items: undefined, firearm: firearmsOnly.items[0] };
    expect(decideWith([small(0)], single).effect).to.equal('allow');
  });

  it('redacts a field of every item through a wildcard and leaves the input untouched', () => {
    const before = structuredClone(seizure);
    const d = decideWith(
      [{ id: 'no-lots', effect: 'allow', redact: ['/items/*/ammunition/lotNumber'] }],
      seizure,
    );
    expect(seizure).to.deep.equal(before);
    expect(d.transformations.map((t) => t.pointer)).to.deep.equal([
      '/items/4/ammunition/lotNumber',
      '/items/5/ammunition/lotNumber',
    ]);
    const items = (d.body as { items: Array<{ ammunition?: Record<string, unknown> }> }).items;
    expect(items).to.have.length(6);
    expect(items[4]!.ammunition).to.not.have.property('lotNumber');
    expect(items[4]!.ammunition).to.include({ calibre: '7.62x39 mm', quantity: 480 });
    expect(JSON.stringify(d.body)).to.not.contain('IK-18-0417');
  });

  it('the policy schema refuses a negative or fractional count, and two tests in one field test', () => {
    const bad = (test: Record<string, unknown>) =>
      checkPolicy(
        policyWith([
          { id: 'r', effect: 'allow', when: { fields: [{ pointer: '/items/*', ...test }] } },
        ] as unknown as OutboundRule[]),
        ctx,
      );
    expect(bad({ countAbove: -1 })).to.deep.include({
      pointer: '/outbound/0/when/fields/0/countAbove',
      message: 'must be >= 0',
      severity: 'error',
    });
    expect(bad({ countAtMost: 1.5 }).map((p) => p.pointer)).to.include(
      '/outbound/0/when/fields/0/countAtMost',
    );
    expect(bad({ countAbove: 1, countAtMost: 3 }).map((p) => p.pointer)).to.include(
      '/outbound/0/when/fields/0',
    );
    expect(bad({ countAbove: 10 })).to.deep.equal([]);
  });

  it('check-policy refuses an item pointer no body has', () => {
    const problems = checkPolicy(
      policyWith([
        {
          id: 'r',
          effect: 'allow',
          when: { type: { in: ['trace-request'] } },
          redact: ['/items/*/ammunition/headstampColour'],
        },
      ]),
      ctx,
    );
    expect(problems).to.deep.equal([
      {
        pointer: '/outbound/0/redact/0',
        message:
          'no trace-request body has a field /items/*/ammunition/headstampColour: this redaction would never apply',
        severity: 'error',
        ruleId: 'r',
      },
    ]);
  });
});

describe('itemTwinProblems', () => {
  it('warns when a rule withholds a single-item field but not the same field of the items', () => {
    const problems = itemTwinProblems(
      policyWith([
        {
          id: 'eu',
          effect: 'allow',
          redact: ['/lastKnownLegalOwner/name', '/firearm/serialNumber', '/items/*/firearm'],
          generalise: [{ pointer: '/lastKnownLegalOwner/dateOfBirth', to: 'year' }],
        },
      ]),
    );
    expect(problems).to.deep.equal([
      {
        pointer: '/outbound/0/redact/0',
        message:
          "rule eu withholds /lastKnownLegalOwner/name but not /items/*/lastKnownLegalOwner/name: the same field of a seizure's items would be sent as it is",
        severity: 'warning',
        ruleId: 'eu',
      },
      {
        pointer: '/outbound/0/generalise/0/pointer',
        message:
          "rule eu withholds /lastKnownLegalOwner/dateOfBirth but not /items/*/lastKnownLegalOwner/dateOfBirth: the same field of a seizure's items would be sent as it is",
        severity: 'warning',
        ruleId: 'eu',
      },
    ]);
  });

  it('is silent when the twin is redacted, covered by a redaction above it, or generalised alike', () => {
    expect(
      itemTwinProblems(
        policyWith([
          {
            id: 'ok',
            effect: 'allow',
            redact: ['/lastKnownLegalOwner', '/items/*/lastKnownLegalOwner', '/possessor'],
            generalise: [
              { pointer: '/lastKnownLegalOwner/address', to: 'municipality' },
              { pointer: '/items/*/lastKnownLegalOwner/address', to: 'municipality' },
            ],
          },
        ]),
      ),
    ).to.deep.equal([]);
  });

  it('passes every dev federation policy without a warning', () => {
    for (const id of ['AL', 'BA', 'EU-DE', 'EU-EUROPOL', 'MD', 'ME', 'MK', 'RS', 'XK']) {
      const text = readFileSync(new URL(`../../policies/${id}.yaml`, import.meta.url), 'utf8');
      expect(
        itemTwinProblems(parsePolicyText(text, `${id}.yaml`) as PolicyDocument),
        id,
      ).to.deep.equal([]);
    }
  });
});
