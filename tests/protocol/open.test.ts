// open(): a round trip per type, and a refusal per check with its exact FFX code.
import { expect } from 'chai';
import { createPrivateKey, createSecretKey } from 'node:crypto';
import { CompactEncrypt, CompactSign, base64url } from 'jose';
import {
  certificateKid,
  createRootCa,
  generateRsaKeyPair,
  issueCertificate,
  signDirectory,
} from '../../certs-dev/index.js';
import { MemoryReplayStore, open, verifyDirectory } from '../../protocol/index.js';
import {
  message,
  openOptions,
  protocolWorld,
  refusedWith,
  sealFor,
  type ProtocolWorld,
} from './fixtures.js';

/** Re-encodes one part of a compact serialisation. */
function withPart(jwe: string, index: number, change: (b: Buffer) => Buffer): string {
  const parts = jwe.split('.');
  parts[index] = change(Buffer.from(parts[index]!, 'base64url')).toString('base64url');
  return parts.join('.');
}

const flip = (b: Buffer) => {
  const c = Buffer.from(b);
  c[Math.floor(c.length / 2)] = c[Math.floor(c.length / 2)]! ^ 0x01;
  return c;
};

/** Encrypts `inner` (a compact JWS or anything) for RS with AL's routing header. */
async function envelopeAround(
  w: ProtocolWorld,
  inner: string,
  header: Record<string, unknown> = {},
): Promise<string> {
  const rs = w.keys('RS');
  return new CompactEncrypt(new TextEncoder().encode(inner))
    .setProtectedHeader({
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      kid: rs.enc.kid,
      cty: 'ffx-msg+jws',
      'ffx-v': 1,
      'ffx-id': 'x',
      'ffx-from': 'AL',
      'ffx-to': 'RS',
      ...header,
    })
    .encrypt(rs.enc.publicKey);
}

/** Signs `payload` as AL with PS256 and the ffx typ. */
async function signedByAl(w: ProtocolWorld, payload: unknown): Promise<string> {
  const al = w.keys('AL');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'PS256', typ: 'ffx-msg+jws', kid: al.sig.kid })
    .sign(al.sig.key);
}

describe('open', function () {
  this.timeout(60_000);
  let w: ProtocolWorld;

  before(async () => {
    w = await protocolWorld();
  });

  for (const type of ['trace-request', 'trace-response', 'hit-notification'] as const) {
    it(`round-trips a ${type}`, async () => {
      const m = message(type);
      const jwe = await sealFor(w, m);
      const opened = await open(jwe, {
        ...openOptions(w),
        transportPeer: 'AL',
        replay: new MemoryReplayStore(),
      });
      expect(opened.message).to.deep.equal(m);
      expect(opened.signer.memberId).to.equal('AL');
      expect(opened.digest).to.match(/^[A-Za-z0-9_-]{43}$/);
      const header = JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString()) as Record<
        string,
        unknown
      >;
      expect(header).to.deep.include({
        alg: 'RSA-OAEP-256',
        enc: 'A256GCM',
        cty: 'ffx-msg+jws',
        'ffx-v': 1,
        'ffx-id': m.id,
        'ffx-from': 'AL',
        'ffx-to': 'RS',
      });
    });
  }

  it('refuses a changed byte in each of the five JWE parts (FFX-DECRYPT) and a changed protected header', async () => {
    const jwe = await sealFor(w, message('hit-notification'));
    for (const part of [1, 2, 3, 4])
      await refusedWith(open(withPart(jwe, part, flip), openOptions(w)), 'FFX-DECRYPT');
    // The protected header is the AAD: any change to it, even a consistent one, breaks the tag.
    const header = JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const changed = [
      base64url.encode(JSON.stringify({ ...header, 'ffx-id': 'someone-else' })),
      ...jwe.split('.').slice(1),
    ].join('.');
    await refusedWith(open(changed, openOptions(w)), 'FFX-DECRYPT');
    await refusedWith(open(withPart(jwe, 0, flip), openOptions(w)), 'FFX-MALFORMED');
  });

  it('refuses an envelope encrypted with another key (FFX-DECRYPT)', async () => {
    const m = message('hit-notification');
    const al = w.keys('AL');
    const me = w.keys('ME');
    const rs = w.keys('RS');
    const { seal } = await import('../../protocol/index.js');
    // Sealed for ME's key but labelled with RS's kid: RS's key cannot open it.
    const jwe = await seal({
      message: m,
      signingKey: al.sig.key,
      signingKid: al.sig.kid,
      recipientKey: me.enc.publicKey,
      recipientKid: rs.enc.kid,
    });
    await refusedWith(open(jwe, openOptions(w)), 'FFX-DECRYPT');
    const labelled = await seal({
      message: m,
      signingKey: al.sig.key,
      signingKid: al.sig.kid,
      recipientKey: me.enc.publicKey,
      recipientKid: me.enc.kid,
    });
    const e = await refusedWith(open(labelled, openOptions(w)), 'FFX-DECRYPT');
    expect(e.message).to.contain('not an encryption key of RS');
  });

  it('refuses an envelope for another member (FFX-RECIPIENT) and from a non-member (FFX-SENDER-UNKNOWN)', async () => {
    await refusedWith(
      open(await sealFor(w, message('hit-notification', 'AL', 'ME')), openOptions(w)),
      'FFX-RECIPIENT',
    );
    await refusedWith(
      open(await envelopeAround(w, 'x.y.z', { 'ffx-from': 'ZZ' }), openOptions(w)),
      'FFX-SENDER-UNKNOWN',
    );
  });

  it('refuses a TLS peer other than the sender (FFX-TRANSPORT-IDENTITY)', async () => {
    await refusedWith(
      open(await sealFor(w, message('hit-notification')), {
        ...openOptions(w),
        transportPeer: 'ME',
      }),
      'FFX-TRANSPORT-IDENTITY',
    );
  });

  it('refuses an envelope whose ffx-from is not the signer (FFX-SENDER-MISMATCH)', async () => {
    const m = message('hit-notification', 'ME');
    // ME's message signed with AL's key: the directory lists that key for AL.
    await refusedWith(open(await sealFor(w, m, 'AL', 'RS'), openOptions(w)), 'FFX-SENDER-MISMATCH');
  });

  it('refuses a signer key the directory does not list (FFX-CERT-UNKNOWN)', async () => {
    const stranger = await generateRsaKeyPair(2048);
    const inner = await new CompactSign(
      new TextEncoder().encode(JSON.stringify(message('hit-notification'))),
    )
      .setProtectedHeader({ alg: 'PS256', typ: 'ffx-msg+jws', kid: 'A'.repeat(43) })
      .sign(createPrivateKey(stranger.privateKeyPem));
    await refusedWith(open(await envelopeAround(w, inner), openOptions(w)), 'FFX-CERT-UNKNOWN');
  });

  it('refuses a revoked signer certificate (FFX-CERT-REVOKED)', async () => {
    const old = w.pki.members.RS!['sig-old']!;
    const m = message('hit-notification', 'RS', 'AL');
    const inner = await new CompactSign(new TextEncoder().encode(JSON.stringify(m)))
      .setProtectedHeader({ alg: 'PS256', typ: 'ffx-msg+jws', kid: certificateKid(old.certPem) })
      .sign(createPrivateKey(old.keyPem));
    const al = w.keys('AL');
    const jwe = await new CompactEncrypt(new TextEncoder().encode(inner))
      .setProtectedHeader({
        alg: 'RSA-OAEP-256',
        enc: 'A256GCM',
        kid: al.enc.kid,
        cty: 'ffx-msg+jws',
        'ffx-v': 1,
        'ffx-id': String(m.id),
        'ffx-from': 'RS',
        'ffx-to': 'AL',
      })
      .encrypt(al.enc.publicKey);
    await refusedWith(open(jwe, openOptions(w, 'AL')), 'FFX-CERT-REVOKED');
  });

  it('refuses a signer certificate outside its validity (FFX-CERT-VALIDITY)', async () => {
    const later = new Date(Date.now() + 400 * 86400_000);
    const m = message('hit-notification', 'AL', 'RS', later);
    await refusedWith(open(await sealFor(w, m), openOptions(w, 'RS', later)), 'FFX-CERT-VALIDITY');
  });

  it('refuses a listed certificate issued by another CA (FFX-CERT-CHAIN)', async () => {
    const rogueCa = await createRootCa({ commonName: 'Rogue root', keySize: 2048 });
    const rogueKey = await generateRsaKeyPair(2048);
    const rogueCert = issueCertificate({
      use: 'sig',
      publicKeyPem: rogueKey.publicKeyPem,
      issuer: { keyPem: rogueCa.keyPem, certPem: rogueCa.certPem },
      subject: {
        commonName: 'AL sig',
        organization: 'Albania',
        organizationalUnit: 'sig',
        country: 'AL',
      },
      notBefore: new Date(Date.now() - 3600_000),
      notAfter: new Date(Date.now() + 86400_000),
    });
    // An operator mistake: a directory listing a certificate of another CA for AL.
    const payload = structuredClone(w.pki.directory);
    const al = payload.members.find((m) => m.id === 'AL')!;
    const { X509Certificate } = await import('node:crypto');
    const x = new X509Certificate(rogueCert);
    al.certificates.push({
      use: 'sig',
      kid: certificateKid(rogueCert),
      serial: x.serialNumber.toLowerCase().replace(/^0+/, ''),
      notBefore: new Date(x.validFrom).toISOString(),
      notAfter: new Date(x.validTo).toISOString(),
      pem: rogueCert,
    });
    payload.sequence += 1;
    const directory = await verifyDirectory(
      await signDirectory(payload, w.pki.operator.keyPem, w.pki.operator.certPem),
      { rootCaPem: w.pki.rootCaPem, now: new Date() },
    );
    const m = message('hit-notification');
    const rs = w.keys('RS');
    const { seal } = await import('../../protocol/index.js');
    const jwe = await seal({
      message: m,
      signingKey: createPrivateKey(rogueKey.privateKeyPem),
      signingKid: certificateKid(rogueCert),
      recipientKey: rs.enc.publicKey,
      recipientKid: rs.enc.kid,
    });
    await refusedWith(open(jwe, { ...openOptions(w), directory }), 'FFX-CERT-CHAIN');
  });

  it('refuses an invalid signature (FFX-SIGNATURE)', async () => {
    const inner = await signedByAl(w, message('hit-notification'));
    const parts = inner.split('.');
    parts[2] = base64url.encode(flip(Buffer.from(parts[2]!, 'base64url')));
    await refusedWith(
      open(await envelopeAround(w, parts.join('.')), openOptions(w)),
      'FFX-SIGNATURE',
    );
  });

  it('refuses a header that does not match the message (FFX-HEADER-MISMATCH)', async () => {
    const inner = await signedByAl(w, message('hit-notification'));
    await refusedWith(
      open(await envelopeAround(w, inner, { 'ffx-id': 'another-id' }), openOptions(w)),
      'FFX-HEADER-MISMATCH',
    );
  });

  it('refuses an unknown type (FFX-TYPE) and a schema-invalid body naming the pointer (FFX-SCHEMA)', async () => {
    const unknown = message('hit-notification', 'AL', 'RS', new Date(), { type: 'gossip' });
    await refusedWith(
      open(
        await envelopeAround(w, await signedByAl(w, unknown), { 'ffx-id': String(unknown.id) }),
        openOptions(w),
      ),
      'FFX-TYPE',
    );
    const invalid = message('trace-request');
    (invalid.body as { possessor: { dateOfBirth: string } }).possessor.dateOfBirth = '17/04/1991';
    const e = await refusedWith(
      open(
        await envelopeAround(w, await signedByAl(w, invalid), { 'ffx-id': String(invalid.id) }),
        openOptions(w),
      ),
      'FFX-SCHEMA',
    );
    expect(e.problems.map((p) => p.pointer)).to.include('/body/possessor/dateOfBirth');
  });

  it('refuses an expired message (FFX-EXPIRED) and one created beyond the clock skew (FFX-FUTURE)', async () => {
    const old = new Date(Date.now() - 2 * 3600_000);
    await refusedWith(
      open(await sealFor(w, message('hit-notification', 'AL', 'RS', old)), openOptions(w)),
      'FFX-EXPIRED',
    );
    const ahead = new Date(Date.now() + 600_000);
    await refusedWith(
      open(await sealFor(w, message('hit-notification', 'AL', 'RS', ahead)), {
        ...openOptions(w),
        clockSkewSeconds: 300,
      }),
      'FFX-FUTURE',
    );
    const slightly = new Date(Date.now() + 120_000);
    expect(
      (
        await open(await sealFor(w, message('hit-notification', 'AL', 'RS', slightly)), {
          ...openOptions(w),
          clockSkewSeconds: 300,
        })
      ).message.id,
    ).to.be.a('string');
  });

  it('refuses a replayed id (FFX-REPLAY)', async () => {
    const replay = new MemoryReplayStore();
    const jwe = await sealFor(w, message('hit-notification'));
    const first = await open(jwe, { ...openOptions(w), replay });
    replay.remember('AL', first.message.id);
    await refusedWith(open(jwe, { ...openOptions(w), replay }), 'FFX-REPLAY');
  });

  it('refuses oversized input before parsing (FFX-SIZE) and non-JOSE garbage (FFX-MALFORMED)', async () => {
    await refusedWith(open('x'.repeat(2000), { ...openOptions(w), maxBytes: 1000 }), 'FFX-SIZE');
    for (const garbage of [
      '',
      'hello',
      '{"protected":"x"}',
      'a.b.c.d.e',
      '....',
      Buffer.from([0xff, 0xfe, 0x00]),
    ]) {
      await refusedWith(open(garbage as string, openOptions(w)), 'FFX-MALFORMED');
    }
  });

  it('refuses algorithms outside the profile before any key is used (FFX-ALG)', async () => {
    const jwe = await sealFor(w, message('hit-notification'));
    const header = JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    for (const h of [
      { alg: 'RSA1_5' },
      { alg: 'dir' },
      { alg: 'none' },
      { enc: 'A128CBC-HS256' },
      { zip: 'DEF' },
    ]) {
      const forged = [
        base64url.encode(JSON.stringify({ ...header, ...h })),
        ...jwe.split('.').slice(1),
      ].join('.');
      await refusedWith(open(forged, openOptions(w)), 'FFX-ALG');
    }
    // Inner JWS: alg none, and HS256 keyed with AL's public certificate as the secret.
    const m = message('hit-notification');
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'ffx-msg+jws', kid: w.keys('AL').sig.kid }))}.${base64url.encode(JSON.stringify(m))}.`;
    await refusedWith(
      open(await envelopeAround(w, none, { 'ffx-id': String(m.id) }), openOptions(w)),
      'FFX-ALG',
    );
    const hs = await new CompactSign(new TextEncoder().encode(JSON.stringify(m)))
      .setProtectedHeader({ alg: 'HS256', typ: 'ffx-msg+jws', kid: w.keys('AL').sig.kid })
      .sign(createSecretKey(Buffer.from(w.pki.members.AL!.sig.certPem)));
    await refusedWith(
      open(await envelopeAround(w, hs, { 'ffx-id': String(m.id) }), openOptions(w)),
      'FFX-ALG',
    );
  });

  it('refuses an unsupported protocol version (FFX-VERSION)', async () => {
    await refusedWith(
      open(await envelopeAround(w, 'x.y.z', { 'ffx-v': 2 }), openOptions(w)),
      'FFX-VERSION',
    );
  });
});
