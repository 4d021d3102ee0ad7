// Receiving with the node's parts on real Redis and a fixed clock: accepted, redelivered, replayed, and each refusal before anything is stored.
import { expect } from 'chai';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { decodeJwt } from 'jose';
import { v7 as uuidv7 } from 'uuid';
import { seal, verifyReceipt } from '../../protocol/index.js';
import { certificateKid } from '../../certs-dev/index.js';
import { STORY_BODIES } from '../../node/dev/demo-story.js';
import {
  admit,
  receiveEnvelope,
  type PeerAnswer,
  type ReceiveDeps,
} from '../../node/message-flow/receive-envelope.js';
import { testPki, type TestPki } from '../fixtures/pki.js';
import { nodeParts, type NodeParts } from '../fixtures/node-parts.js';

/** A hit notification from AL to RS with the given id, sealed with the test PKI's keys (new bytes each time). */
function envelope(pki: TestPki, id: string, at: Date): Promise<string> {
  const al = pki.members.AL!;
  const rs = pki.members.RS!;
  return seal({
    message: {
      v: 1,
      id,
      type: 'hit-notification',
      from: 'AL',
      to: 'RS',
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + 3600_000).toISOString(),
      handling: {
        code: 'H1',
        purpose: 'criminal-investigation',
        containsPersonalData: false,
        legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
      },
      policy: { id: 'test', version: 1, decisionHash: 'A'.repeat(43) },
      body: STORY_BODIES.hit,
    },
    signingKey: createPrivateKey(al.sig.keyPem),
    signingKid: certificateKid(al.sig.certPem),
    recipientKey: createPublicKey(rs.enc.certPem),
    recipientKid: certificateKid(rs.enc.certPem),
  });
}

/** The code an answer carries: a problem's, a negative receipt's, or `accepted`. */
function codeOf(a: PeerAnswer): string {
  if (a.contentType === 'application/problem+json')
    return (JSON.parse(a.body) as { code: string }).code;
  const r = decodeJwt(a.body) as { status: string; error?: { code: string } };
  return r.error?.code ?? r.status;
}

describe('receiveEnvelope', function () {
  this.timeout(60_000);
  const at = new Date();
  const now = () => at;
  let pki: TestPki;
  let rs: NodeParts;
  let deps: ReceiveDeps;

  before(async () => {
    pki = await testPki();
    rs = await nodeParts('RS', 'receive', now);
    deps = {
      store: rs.store,
      trust: rs.trust,
      events: rs.events,
      inbound: rs.policy,
      maxEnvelopeBytes: 1024 * 1024,
      clockSkewSeconds: 300,
      retentionDays: 30,
      rateLimit: { max: 1000, windowSeconds: 60 },
      prefix: rs.config.redis.prefix,
      now,
    };
  });
  after(() => rs.close());
  beforeEach(() => rs.emitted.splice(0));

  const stored = async () => (await rs.store.list('in', { limit: 1000 })).items.length;

  it('accepts a valid envelope with a signed receipt, stores it once, and answers a redelivery with the same receipt', async () => {
    const id = uuidv7();
    const jwe = await envelope(pki, id, at);
    const first = await receiveEnvelope(deps, Buffer.from(jwe), 'AL');
    expect(first.status).to.equal(200);
    expect(first.contentType).to.equal('application/jose');
    const receipt = await verifyReceipt(first.body, {
      directory: rs.trust.directory,
      now: at,
      expected: { messageId: id, from: 'RS', to: 'AL', jwe },
    });
    expect(receipt.status).to.equal('accepted');
    expect(receipt.receivedAt).to.equal(at.toISOString());
    const m = (await rs.store.get('in', id))!;
    expect(m.status).to.equal('received');
    expect(m.receipt).to.equal(first.body);
    expect(rs.emitted.map((e) => e.name)).to.deep.equal(['decision', 'received']);

    rs.emitted.splice(0);
    const count = await stored();
    const again = await receiveEnvelope(deps, Buffer.from(jwe), 'AL');
    expect(again).to.deep.equal(first);
    expect(await stored()).to.equal(count);
    expect(rs.emitted).to.have.length(1);
    expect(rs.emitted[0]!.payload).to.deep.include({ messageId: id, duplicate: true });
  });

  it('refuses other bytes under an id already received (FFX-REPLAY) and keeps the original', async () => {
    const id = uuidv7();
    const original = await receiveEnvelope(deps, Buffer.from(await envelope(pki, id, at)), 'AL');
    expect(original.status).to.equal(200);
    const other = await receiveEnvelope(
      deps,
      // Sealed again: the same message, other bytes (a new content key and IV).
      Buffer.from(await envelope(pki, id, at)),
      'AL',
    );
    expect(other.status).to.equal(409);
    expect(codeOf(other)).to.equal('FFX-REPLAY');
    expect((await rs.store.get('in', id))!.receipt).to.equal(original.body);
  });

  it('refuses an envelope from another member than the TLS certificate names, storing nothing', async () => {
    const id = uuidv7();
    const count = await stored();
    const a = await receiveEnvelope(deps, Buffer.from(await envelope(pki, id, at)), 'MD');
    expect(a.status).to.equal(403);
    expect(codeOf(a)).to.equal('FFX-TRANSPORT-IDENTITY');
    expect(await rs.store.get('in', id)).to.equal(null);
    expect(await stored()).to.equal(count);
    expect(rs.emitted.map((e) => e.name)).to.deep.equal(['receive-rejected']);
  });

  it('refuses an envelope over the size limit and one that is not an envelope, with a problem document', async () => {
    const count = await stored();
    const big = await receiveEnvelope(
      { ...deps, maxEnvelopeBytes: 1000 },
      Buffer.from(await envelope(pki, uuidv7(), at)),
      'AL',
    );
    expect([big.status, big.contentType, codeOf(big)]).to.deep.equal([
      413,
      'application/problem+json',
      'FFX-SIZE',
    ]);
    const junk = await receiveEnvelope(deps, Buffer.from('not.an.envelope'), 'AL');
    expect([junk.status, codeOf(junk)]).to.deep.equal([400, 'FFX-MALFORMED']);
    expect(await stored()).to.equal(count);
  });

  it("refuses envelopes over the sender's rate limit (FFX-RATE-LIMITED), counting those refused before their body", async () => {
    const limited: ReceiveDeps = {
      ...deps,
      rateLimit: { max: 2, windowSeconds: 60 },
      prefix: `${rs.config.redis.prefix}limited:`,
    };
    await admit(limited, 'AL', undefined);
    const ok = await receiveEnvelope(limited, Buffer.from(await envelope(pki, uuidv7(), at)), 'AL');
    expect(ok.status).to.equal(200);
    const id = uuidv7();
    const over = await receiveEnvelope(limited, Buffer.from(await envelope(pki, id, at)), 'AL');
    expect([over.status, codeOf(over)]).to.deep.equal([429, 'FFX-RATE-LIMITED']);
    expect(await rs.store.get('in', id)).to.equal(null);
  });
});
