// Fuzzing a real node: hostile envelopes on the peer API and hostile bodies on the local API.
import { expect } from 'chai';
import fc from 'fast-check';
import { isFfxCode } from '../../protocol/index.js';
import { testFederation } from '../fixtures/federation.js';
import { envelopeFrom, postEnvelope } from '../fixtures/peer.js';
import { FUZZ_RUNS, mutatedEnvelope } from '../fixtures/mutations.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import type { TestPki } from '../fixtures/pki.js';

describe('fuzz: a real node process', function () {
  this.timeout(300_000);
  let fed: DevFederationRunner;
  let pki: TestPki;
  let peerUrl: string;
  let localUrl: string;

  before(async () => {
    ({ fed, pki } = await testFederation('fuzz', {
      peerApi: { rateLimit: { max: 1_000_000, windowSeconds: 1 } },
    }));
    const rs = await fed.start('RS');
    peerUrl = rs.ready.peerApi;
    localUrl = rs.ready.localApi;
  });

  after(async () => {
    await fed.stopAll();
  });

  async function inboxSize(): Promise<number> {
    const rs = await fed.client('RS', 'fuzz.reader', ['analyst']);
    return (await rs.inbox('?limit=500')).items.length;
  }

  it('POST /v1/envelopes: no 5xx, each answer a documented code, nothing stored, node alive', async () => {
    const al = pki.members.AL!;
    const valid = await envelopeFrom(pki, 'AL', 'RS');
    const before = await inboxSize();
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(mutatedEnvelope(valid), async ({ kind, bytes }) => {
        const a = await postEnvelope(peerUrl, bytes, {
          key: al.tls.keyPem,
          cert: al.tls.certPem,
          ca: pki.rootCaPem,
        });
        expect(a.status, `${kind} answered ${a.status}: ${a.body.slice(0, 200)}`).to.be.below(500);
        let code: string;
        if (a.type.startsWith('application/jose')) {
          const receipt = JSON.parse(
            Buffer.from(a.body.split('.')[1]!, 'base64url').toString(),
          ) as { status: string; error?: { code: string } };
          // Flips in base64 padding bits can leave the envelope intact: then it is a valid first delivery or a redelivery.
          code = receipt.status === 'accepted' ? 'accepted' : receipt.error!.code;
        } else {
          code = (JSON.parse(a.body) as { code: string }).code;
        }
        expect(
          code === 'accepted' || isFfxCode(code),
          `${kind}: undocumented answer ${code}`,
        ).to.equal(true);
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }),
      { numRuns: FUZZ_RUNS * 3 },
    );
    const after = await inboxSize();
    const accepted = codes.get('accepted') ?? 0;
    console.log(
      `      ${FUZZ_RUNS * 3} hostile envelopes: ${[...codes.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}; inbox ${before} → ${after}`,
    );
    expect(after - before).to.be.at.most(accepted > 0 ? 1 : 0);
    expect((await fetch(`${localUrl}/v1/health`)).status).to.equal(200);
  });

  it('local API bodies: arbitrary JSON never causes a 5xx and each refusal names its pointers', async () => {
    const client = await fed.client('RS', 'fuzz.officer', [
      'analyst',
      'compliance-officer',
      'auditor',
      'admin',
    ]);
    const routes = [
      '/v1/messages',
      '/v1/policies',
      '/v1/policies/preview',
      '/v1/policies/rollback',
    ];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.string()),
        async (route, body) => {
          const res = await fetch(new URL(route, localUrl), {
            method: 'POST',
            headers: {
              authorization: `Bearer ${client.token}`,
              'content-type': 'application/json',
            },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          });
          const text = await res.text();
          expect(res.status, `${route} answered ${res.status}: ${text.slice(0, 300)}`).to.be.below(
            500,
          );
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 400) {
            const p = JSON.parse(text) as { code: string; errors?: Array<{ pointer: string }> };
            expect(p.code).to.match(/^NODE-/);
          }
        },
      ),
      { numRuns: FUZZ_RUNS * 2 },
    );
    console.log(
      `      ${FUZZ_RUNS * 2} hostile local bodies: ${[...statuses.entries()].map(([k, v]) => `HTTP ${k} × ${v}`).join(', ')}`,
    );
    expect((await fetch(`${localUrl}/v1/health`)).status).to.equal(200);
  });
});
