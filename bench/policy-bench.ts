// Policy decisions per second for a 100-rule policy on a realistic body, next to schema validations; with the free-text detector, and its share of a message's crypto time.
import { readFileSync } from 'node:fs';
import {
  compilePolicy,
  decide,
  findPersonalData,
  type PolicyDocument,
} from '../node/policy/index.js';
import { validate } from '../protocol/validate.js';
import { prepareCryptoCeiling } from './crypto-ceiling.js';
import { sampleMessage } from './sample-message.js';

/**
 * The sample trace request as officers write it: the possessor's full name, date of birth,
 * street and passport in the structured fields and again in the special instructions, the
 * circumstances and the offence text (issue 19's example).
 */
export function freeTextMessage(from: string, to: string): ReturnType<typeof sampleMessage> {
  const m = sampleMessage(from, to);
  const body = m.body as Record<string, Record<string, unknown> | string>;
  body.possessor = {
    ...(body.possessor as Record<string, unknown>),
    name: 'Dritan Krasniqi',
    dateOfBirth: '1991-03-14',
    identityDocument: 'AB1234567',
  };
  body.specialInstructions =
    'Possessor Dritan Krasniqi, born 14.03.1991, lives at Rruga e Kavajes 112, Tirana; passport AB1234567. Please check whether the pistol was registered to him or to a relative before 2014, and whether it was reported lost or stolen.';
  (body.recovery as Record<string, unknown>).circumstances =
    'Recovered at the scene after the arrest of KRASNIQI Dritan, who was driving AA 123 BB; his phone +355 69 123 4567 was seized.';
  return m;
}

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

/** What the policy benchmark measures. */
export interface PolicyBenchResult {
  decisionsPerSecond: number;
  validationsPerSecond: number;
  ratio: number;
  /** The same policy with free-text handling, on the body with personal data in its free text. */
  freeText?: {
    decisionsPerSecond: number;
    detectorPerSecond: number;
    /** Milliseconds of one message's crypto (seal, open, receipt signed and verified; RSA 3072). */
    cryptoMsPerMessage: number;
    /** Share of one message's crypto time, per cent (median of 7 alternating rounds): the whole decision, and the detector alone. */
    /** The same rounds' decision of the sample message (few findings) with the policy without free-text handling. */
    plainShare: number;
    decisionShare: number;
    detectorShare: number;
  };
}

/**
 * Runs the loops for about `seconds` each and returns their rates and ratio (decision cost /
 * validation cost); with `freeText`, also the decision with the free-text detector, the
 * detector alone, and both as a share of one message's crypto time (RSA 3072).
 */
export async function runPolicyBench(seconds = 2, freeText = true): Promise<PolicyBenchResult> {
  const fed = JSON.parse(
    readFileSync(new URL('../certs-dev/dev-federation.json', import.meta.url), 'utf8'),
  ) as { members: Array<{ id: string; kind: 'ffp-node' | 'eu-counterpart'; groups: string[] }> };
  const ctx = {
    self: 'AL',
    members: fed.members.map((m) => ({ id: m.id, kind: m.kind, groups: m.groups })),
  };
  const policy = compilePolicy(hundredRulePolicy(), ctx, 1);
  type Input = {
    type: string;
    from: string;
    to: string;
    handling: Record<string, unknown>;
    body: Record<string, unknown>;
  };
  const m = sampleMessage('AL', 'RS') as Input;
  const rs = ctx.members.find((x) => x.id === 'RS')!;
  const rate = (fn: () => void, for_ = seconds) => {
    for (let i = 0; i < 200; i++) fn();
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < for_ * 1000) {
      for (let i = 0; i < 50; i++) fn();
      n += 50;
    }
    return n / ((performance.now() - start) / 1000);
  };
  const decisionsPerSecond = rate(() => decide(policy, m, rs, ctx));
  const validationsPerSecond = rate(() => validate('message', m));
  const result: PolicyBenchResult = {
    decisionsPerSecond,
    validationsPerSecond,
    ratio: validationsPerSecond / decisionsPerSecond,
  };
  if (!freeText) return result;
  const withFreeText = compilePolicy(
    { ...hundredRulePolicy(), freeText: { action: 'generalise', withhold: ['phone', 'plate'] } },
    ctx,
    1,
  );
  const ft = freeTextMessage('AL', 'RS') as Input;
  const check = decide(withFreeText, ft, rs, ctx);
  if ((check.freeText ?? []).filter((f) => f.action !== 'kept').length === 0)
    throw new Error('the free-text benchmark body has no finding to act on');
  // The machine's speed drifts: crypto, decisions and the detector are measured in alternating
  // short rounds and each share is the median of its per-round shares.
  const ceiling = await prepareCryptoCeiling(3072);
  const rounds: Array<{ crypto: number; plain: number; decision: number; detector: number }> = [];
  try {
    for (let r = 0; r < 7; r++) {
      const ms = 1000 / (await ceiling.measure(Math.max(0.3, seconds / 4))).perSecond;
      const plainMs = 1000 / rate(() => decide(policy, m, rs, ctx), seconds / 4);
      const decisionMs = 1000 / rate(() => decide(withFreeText, ft, rs, ctx), seconds / 4);
      const detectorMs = 1000 / rate(() => findPersonalData(ft.type, ft.body), seconds / 4);
      rounds.push({ crypto: ms, plain: plainMs, decision: decisionMs, detector: detectorMs });
    }
  } finally {
    await ceiling.dispose();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  result.freeText = {
    decisionsPerSecond: 1000 / median(rounds.map((x) => x.decision)),
    detectorPerSecond: 1000 / median(rounds.map((x) => x.detector)),
    cryptoMsPerMessage: median(rounds.map((x) => x.crypto)),
    plainShare: median(rounds.map((x) => (100 * x.plain) / x.crypto)),
    decisionShare: median(rounds.map((x) => (100 * x.decision) / x.crypto)),
    detectorShare: median(rounds.map((x) => (100 * x.detector) / x.crypto)),
  };
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const r = await runPolicyBench(quick ? 0.5 : 2);
  console.log(
    `policy decisions/s (100 rules): ${r.decisionsPerSecond.toFixed(0)}; schema validations/s: ${r.validationsPerSecond.toFixed(0)}; one decision costs ${r.ratio.toFixed(2)} validations`,
  );
  const f = r.freeText;
  if (f)
    console.log(
      `with free text (detector on a body with personal data in 3 free-text fields): decisions/s ${f.decisionsPerSecond.toFixed(0)}, detector alone/s ${f.detectorPerSecond.toFixed(0)}; one message's crypto (RSA 3072) ${f.cryptoMsPerMessage.toFixed(2)} ms, of which (median of 7 alternating rounds) a decision with the detector is ${f.decisionShare.toFixed(2)} %, the detector alone ${f.detectorShare.toFixed(2)} %, the sample message's decision without free-text handling ${f.plainShare.toFixed(2)} %`,
    );
}
