// Policy decisions per second for a 100-rule policy on a realistic body, next to schema validations.
import { readFileSync } from 'node:fs';
import { compilePolicy, decide, type PolicyDocument } from '../node/policy/index.js';
import { validate } from '../protocol/validate.js';
import { sampleMessage } from './sample-message.js';

/** A generated 100-rule policy of AL: denies and allows over every condition kind, with transformations. */
export function hundredRulePolicy(): PolicyDocument {
  const outbound: PolicyDocument['outbound'] = [];
  const members = ['BA', 'XK', 'MD', 'ME', 'MK', 'RS', 'EU-DE', 'EU-EUROPOL'];
  for (let i = 0; i < 100; i++) {
    const to = members[i % members.length]!;
    if (i % 4 === 0) {
      outbound.push({
        id: `deny-${i}`,
        effect: 'deny',
        reason: `rule ${i}`,
        when: {
          to: { in: [to] },
          tlp: { in: ['RED'] },
          fields: [{ pointer: '/priority', equals: 'routine' }],
        },
      });
    } else {
      outbound.push({
        id: `allow-${i}`,
        effect: 'allow',
        when: {
          to: { in: [to, 'WB6'] },
          type: { in: ['trace-request', 'hit-notification'] },
          purpose: { in: ['criminal-investigation', 'prosecution'] },
          legalBasis: { matches: '.*(Convention|Regulation).*' },
        },
        generalise: [
          { pointer: '/possessor/dateOfBirth', to: 'year' },
          { pointer: '/possessor/address', to: 'municipality' },
        ],
        redact: ['/possessor/identityDocument'],
      });
    }
  }
  return { id: 'AL-bench', member: 'AL', outbound, inbound: [{ id: 'in', effect: 'allow' }] };
}

/** Runs both loops for about `seconds` each and returns their rates and ratio (decision cost / validation cost). */
export async function runPolicyBench(
  seconds = 2,
): Promise<{ decisionsPerSecond: number; validationsPerSecond: number; ratio: number }> {
  const fed = JSON.parse(
    readFileSync(new URL('../certs-dev/dev-federation.json', import.meta.url), 'utf8'),
  ) as { members: Array<{ id: string; kind: 'ffp-node' | 'eu-counterpart'; groups: string[] }> };
  const ctx = {
    self: 'AL',
    members: fed.members.map((m) => ({ id: m.id, kind: m.kind, groups: m.groups })),
  };
  const policy = compilePolicy(hundredRulePolicy(), ctx, 1);
  const m = sampleMessage('AL', 'RS') as {
    type: string;
    from: string;
    to: string;
    handling: Record<string, unknown>;
    body: Record<string, unknown>;
  };
  const rs = ctx.members.find((x) => x.id === 'RS')!;
  const rate = (fn: () => void) => {
    for (let i = 0; i < 200; i++) fn();
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < seconds * 1000) {
      for (let i = 0; i < 50; i++) fn();
      n += 50;
    }
    return n / ((performance.now() - start) / 1000);
  };
  const decisionsPerSecond = rate(() => decide(policy, m, rs, ctx));
  const validationsPerSecond = rate(() => validate('message', m));
  return {
    decisionsPerSecond,
    validationsPerSecond,
    ratio: validationsPerSecond / decisionsPerSecond,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runPolicyBench();
  console.log(
    `policy decisions/s (100 rules): ${r.decisionsPerSecond.toFixed(0)}; schema validations/s: ${r.validationsPerSecond.toFixed(0)}; one decision costs ${r.ratio.toFixed(2)} validations`,
  );
}
