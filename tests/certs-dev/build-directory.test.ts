// Tests of buildDirectory and directoryCertificate: the directory payload, pure and schema-valid.
import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import {
  buildDirectory,
  certificateKid,
  directoryCertificate,
  loadDevFederation,
} from '../../certs-dev/index.js';
import { validate } from '../../protocol/validate.js';
import { testPki, type TestPki } from '../fixtures/pki.js';

describe('directoryCertificate', () => {
  it('reads kid, serial and validity from the certificate itself', async () => {
    const pem = (await testPki()).members.MK!.tls.certPem;
    const x509 = new X509Certificate(pem);
    const entry = directoryCertificate('tls', pem);
    expect(entry).to.deep.equal({
      use: 'tls',
      kid: certificateKid(pem),
      serial: x509.serialNumber.toLowerCase(),
      notBefore: new Date(x509.validFrom).toISOString(),
      notAfter: new Date(x509.validTo).toISOString(),
      pem: x509.toString(),
    });
    expect(entry.notBefore).to.match(/\.000Z$/);
  });

  it('refuses what is not a certificate', () => {
    expect(() => directoryCertificate('sig', 'not a pem')).to.throw();
  });
});

describe('buildDirectory', () => {
  let pki: TestPki;
  const [al, rs] = ['AL', 'RS'].map((id) => loadDevFederation().members.find((m) => m.id === id)!);
  const issuedAt = new Date('2026-05-01T08:00:00.999Z');

  before(async () => {
    pki = await testPki();
  });

  it('builds a schema-valid payload with defaults: next update in 7 days, sequence from issuedAt', () => {
    const payload = buildDirectory({
      federationId: 'wb-ffp-dev',
      issuedAt,
      members: [
        { member: al!, certificates: [{ use: 'sig', pem: pki.members.AL!.sig.certPem }] },
        {
          member: rs!,
          endpoint: 'https://rs.ffx.invalid:8443',
          certificates: [{ use: 'enc', pem: pki.members.RS!.enc.certPem }],
        },
      ],
    });
    expect(validate('federation-directory', payload)).to.deep.equal({ valid: true });
    expect(payload).to.include({
      v: 1,
      type: 'federation-directory',
      federationId: 'wb-ffp-dev',
      issuedAt: '2026-05-01T08:00:00.000Z',
      nextUpdate: '2026-05-08T08:00:00.000Z',
      sequence: Math.floor(Date.parse('2026-05-01T08:00:00Z') / 1000),
    });
    expect(payload.revoked).to.deep.equal([]);
    expect(payload.members.map((m) => [m.id, m.endpoint, m.kind, m.groups])).to.deep.equal([
      ['AL', 'https://localhost:7401', 'ffp-node', ['WB6']],
      ['RS', 'https://rs.ffx.invalid:8443', 'ffp-node', ['WB6']],
    ]);
    expect(payload.members[1]!.certificates[0]!.kid).to.equal(
      certificateKid(pki.members.RS!.enc.certPem),
    );
  });

  it('takes sequence, next update and revocations as given, without sharing the caller’s arrays', () => {
    const revoked = [
      { serial: 'abc', revokedAt: '2026-04-01T00:00:00.000Z', reason: 'keyCompromise' as const },
    ];
    const groups = ['WB6'];
    const payload = buildDirectory({
      federationId: 'wb-ffp-dev',
      issuedAt,
      nextUpdate: new Date('2026-05-02T00:00:00Z'),
      sequence: 7,
      revoked,
      members: [
        {
          member: { ...al!, groups },
          certificates: [{ use: 'sig', pem: pki.members.AL!.sig.certPem }],
        },
      ],
    });
    expect(payload.sequence).to.equal(7);
    expect(payload.nextUpdate).to.equal('2026-05-02T00:00:00.000Z');
    expect(payload.revoked).to.deep.equal(revoked);
    revoked[0]!.serial = 'def';
    groups.push('EU');
    expect(payload.revoked[0]!.serial).to.equal('abc');
    expect(payload.members[0]!.groups).to.deep.equal(['WB6']);
  });

  it('builds what the schema refuses when asked to (no members): the caller crafts bad directories', () => {
    const payload = buildDirectory({ federationId: 'wb-ffp-dev', issuedAt, members: [] });
    const result = validate('federation-directory', payload);
    expect(result.valid).to.equal(false);
    if (!result.valid)
      expect(result.errors.map((e) => [e.pointer, e.keyword])).to.deep.include([
        '/members',
        'minItems',
      ]);
  });
});
