// Tests of certificateKid and certificateSerial against independent computations.
import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { calculateJwkThumbprint } from 'jose';
import { certificateKid, certificateSerial } from '../../certs-dev/index.js';
import { testPki, type TestPki } from '../fixtures/pki.js';

describe('certificateKid', () => {
  let pki: TestPki;
  before(async () => {
    pki = await testPki();
  });

  it('is base64url SHA-256 of the DER, the x5t#S256 of the certificate', () => {
    const pem = pki.members.XK!.sig.certPem;
    const x509 = new X509Certificate(pem);
    const expected = Buffer.from(x509.fingerprint256.replace(/:/g, ''), 'hex').toString(
      'base64url',
    );
    expect(certificateKid(pem)).to.equal(expected);
    expect(certificateKid(x509)).to.equal(expected);
    expect(expected).to.match(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differs from the JWK thumbprint of the key (it names the certificate, not the key)', async () => {
    const x509 = new X509Certificate(pki.members.XK!.sig.certPem);
    const jwkThumbprint = await calculateJwkThumbprint(
      x509.publicKey.export({ format: 'jwk' }) as Parameters<typeof calculateJwkThumbprint>[0],
    );
    expect(certificateKid(x509)).to.not.equal(jwkThumbprint);
  });

  it('refuses what is not a certificate', () => {
    expect(() =>
      certificateKid('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
    ).to.throw();
  });
});

describe('certificateSerial', () => {
  it("is Node's serialNumber in lower case", async () => {
    const pem = (await testPki()).members.ME!.enc.certPem;
    expect(certificateSerial(pem)).to.equal(new X509Certificate(pem).serialNumber.toLowerCase());
    expect(certificateSerial(pem)).to.match(/^[1-7][0-9a-f]{31}$/);
  });
});
