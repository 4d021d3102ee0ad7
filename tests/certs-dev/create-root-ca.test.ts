// Tests of createRootCa: a self-signed CA that openssl accepts as a trust anchor.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import forge from 'node-forge';
import { createRootCa, type CaMaterial, type PemKeyPair } from '../../certs-dev/index.js';
import { testPki } from '../fixtures/pki.js';
import { opensslVerify, pemFile } from './openssl.js';

/** A key pair of the run's PKI, reused so these tests generate no RSA key of their own. */
function keyPairOf(privateKeyPem: string): PemKeyPair {
  return {
    privateKeyPem,
    publicKeyPem: createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString(),
  };
}

describe('createRootCa', () => {
  let ca: CaMaterial;
  let keyPair: PemKeyPair;
  const now = new Date('2026-06-15T12:00:00Z');

  before(async () => {
    keyPair = keyPairOf((await testPki()).members.BA!.tls.keyPem);
    ca = await createRootCa({ commonName: 'test root', keyPair, now });
  });

  it('is a self-signed CA with critical basicConstraints and keyCertSign + cRLSign only', () => {
    const x509 = new X509Certificate(ca.certPem);
    expect(x509.ca).to.equal(true);
    expect(x509.subject).to.equal('O=FFP exchange federation (development)\nCN=test root');
    expect(x509.issuer).to.equal(x509.subject);
    expect(x509.verify(x509.publicKey)).to.equal(true);
    const cert = forge.pki.certificateFromPem(ca.certPem);
    const bc = cert.getExtension('basicConstraints') as { cA: boolean; critical: boolean };
    expect([bc.cA, bc.critical]).to.deep.equal([true, true]);
    const ku = cert.getExtension('keyUsage') as Record<string, unknown>;
    expect(ku.critical).to.equal(true);
    const set = [
      'digitalSignature',
      'nonRepudiation',
      'keyEncipherment',
      'dataEncipherment',
      'keyCertSign',
      'cRLSign',
    ].filter((b) => ku[b] === true);
    expect(set).to.deep.equal(['keyCertSign', 'cRLSign']);
    expect(cert.getExtension('subjectKeyIdentifier')).to.not.equal(null);
  });

  it('lives ten years from an hour before now by default', () => {
    const x509 = new X509Certificate(ca.certPem);
    expect(new Date(x509.validFrom).toISOString()).to.equal('2026-06-15T11:00:00.000Z');
    expect(new Date(x509.validTo).toISOString()).to.equal('2036-06-12T12:00:00.000Z');
  });

  it('is accepted by openssl as its own trust anchor', () => {
    const file = pemFile(ca.certPem);
    const r = opensslVerify(file, [file], undefined, now);
    expect(r.status, r.output).to.equal(0);
  });

  it('takes an explicit validity, e.g. to make an expired CA openssl refuses', async () => {
    const expired = await createRootCa({
      commonName: 'expired root',
      keyPair,
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
      serial: '1234',
    });
    const x509 = new X509Certificate(expired.certPem);
    expect(x509.serialNumber).to.equal('1234');
    expect(x509.validTo).to.include('2021');
    const file = pemFile(expired.certPem);
    const r = opensslVerify(file, [file]);
    expect(r.status).to.not.equal(0);
    expect(r.output).to.include('certificate has expired');
  });

  it('generates its own key of the requested size when none is given', async () => {
    const fresh = await createRootCa({ commonName: 'fresh', keySize: 2048 });
    expect(
      new X509Certificate(fresh.certPem).publicKey.asymmetricKeyDetails?.modulusLength,
    ).to.equal(2048);
    expect(
      new X509Certificate(fresh.certPem).checkPrivateKey(createPrivateKey(fresh.keyPem)),
    ).to.equal(true);
  });
});
