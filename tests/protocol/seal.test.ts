// seal(): the exact headers it writes, what it refuses before signing, and a fresh envelope each time.
import { expect } from 'chai';
import { CompactEncrypt, CompactSign, compactDecrypt, decodeProtectedHeader } from 'jose';
import { open, seal } from '../../protocol/index.js';
import {
  message,
  openOptions,
  protocolWorld,
  refusedWith,
  sealFor,
  type ProtocolWorld,
} from './fixtures.js';

const decoder = new TextDecoder();

describe('seal', function () {
  this.timeout(60_000);
  let w: ProtocolWorld;

  before(async () => {
    w = await protocolWorld();
  });

  it('writes exactly the JWE and inner JWS headers of PROTOCOL.md §2', async () => {
    const m = message('trace-request');
    const jwe = await sealFor(w, m);
    expect(jwe.split('.')).to.have.length(5);
    expect(decodeProtectedHeader(jwe)).to.deep.equal({
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      kid: w.keys('RS').enc.kid,
      cty: 'ffx-msg+jws',
      'ffx-v': 1,
      'ffx-id': m.id,
      'ffx-from': 'AL',
      'ffx-to': 'RS',
    });
    const { plaintext } = await compactDecrypt(jwe, w.keys('RS').enc.key);
    const jws = decoder.decode(plaintext);
    expect(decodeProtectedHeader(jws)).to.deep.equal({
      alg: 'PS256',
      typ: 'ffx-msg+jws',
      kid: w.keys('AL').sig.kid,
    });
    // The payload is the message as JSON, byte for byte what JSON.stringify gives.
    expect(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')).to.equal(
      JSON.stringify(m),
    );
  });

  it('makes a different envelope each time (fresh key, IV and PSS salt)', async () => {
    const m = message('hit-notification');
    const a = await sealFor(w, m);
    const b = await sealFor(w, m);
    expect(a).to.not.equal(b);
    const partsA = a.split('.');
    const partsB = b.split('.');
    expect(partsA[0]).to.equal(partsB[0]);
    for (const i of [1, 2, 3, 4]) expect(partsA[i], `part ${i}`).to.not.equal(partsB[i]);
  });

  it('refuses an unknown type (FFX-TYPE) and an invalid message (FFX-SCHEMA) before signing', async () => {
    const typeErr = await refusedWith(
      sealFor(w, message('hit-notification', 'AL', 'RS', new Date(), { type: 'gossip' })),
      'FFX-TYPE',
    );
    expect(typeErr.message).to.contain('"gossip"');
    await refusedWith(sealFor(w, { from: 'AL', to: 'RS' }), 'FFX-TYPE');

    const body = { ...message('hit-notification') };
    delete body.policy;
    const noPolicy = await refusedWith(sealFor(w, body), 'FFX-SCHEMA');
    expect(noPolicy.problems.map((p) => p.pointer)).to.include('/policy');
    expect(noPolicy.message).to.contain('policy');

    const badId = await refusedWith(
      sealFor(w, message('trace-request', 'AL', 'RS', new Date(), { id: 'not-a-uuid' })),
      'FFX-SCHEMA',
    );
    expect(badId.problems.map((p) => p.pointer)).to.include('/id');

    const now = new Date();
    const backwards = await refusedWith(
      sealFor(
        w,
        message('trace-request', 'AL', 'RS', now, {
          expiresAt: new Date(now.getTime() - 1000).toISOString(),
        }),
      ),
      'FFX-SCHEMA',
    );
    expect(backwards.problems).to.deep.equal([
      { pointer: '/expiresAt', message: 'must be after createdAt' },
    ]);
  });

  it('seals what open accepts only with the keys it names', async () => {
    const m = message('trace-response');
    const al = w.keys('AL');
    const rs = w.keys('RS');
    // A kid that is not the recipient's enc certificate: the receiver has no key for it.
    const jwe = await seal({
      message: m,
      signingKey: al.sig.key,
      signingKid: al.sig.kid,
      recipientKey: rs.enc.publicKey,
      recipientKid: al.sig.kid,
    });
    await refusedWith(open(jwe, openOptions(w)), 'FFX-DECRYPT');
    // Signed with AL's key but naming RS's sig kid: the signer is not the sender.
    const misnamed = await seal({
      message: m,
      signingKey: al.sig.key,
      signingKid: rs.sig.kid,
      recipientKey: rs.enc.publicKey,
      recipientKid: rs.enc.kid,
    });
    await refusedWith(open(misnamed, openOptions(w)), 'FFX-SENDER-MISMATCH');
  });

  it('an RS256 inner signature by the right key is still outside the profile (FFX-ALG)', async () => {
    const m = message('hit-notification');
    const al = w.keys('AL');
    const rs = w.keys('RS');
    const rs256 = await new CompactSign(new TextEncoder().encode(JSON.stringify(m)))
      .setProtectedHeader({ alg: 'RS256', typ: 'ffx-msg+jws', kid: al.sig.kid })
      .sign(al.sig.key);
    const jwe = await new CompactEncrypt(new TextEncoder().encode(rs256))
      .setProtectedHeader({
        alg: 'RSA-OAEP-256',
        enc: 'A256GCM',
        kid: rs.enc.kid,
        cty: 'ffx-msg+jws',
        'ffx-v': 1,
        'ffx-id': String(m.id),
        'ffx-from': 'AL',
        'ffx-to': 'RS',
      })
      .encrypt(rs.enc.publicKey);
    await refusedWith(open(jwe, openOptions(w)), 'FFX-ALG');
    // RSA-OAEP (SHA-1) really encrypted for RS's key: refused before the key is used.
    const oaep1 = await new CompactEncrypt(new TextEncoder().encode(rs256))
      .setProtectedHeader({
        alg: 'RSA-OAEP',
        enc: 'A256GCM',
        kid: rs.enc.kid,
        cty: 'ffx-msg+jws',
        'ffx-v': 1,
        'ffx-id': String(m.id),
        'ffx-from': 'AL',
        'ffx-to': 'RS',
      })
      .encrypt(rs.enc.publicKey);
    await refusedWith(open(oaep1, openOptions(w)), 'FFX-ALG');
  });
});
