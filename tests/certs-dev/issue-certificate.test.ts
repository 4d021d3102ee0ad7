// Tests of issueCertificate: the certificate profile of each use, names, serials, and chain checks by openssl.
import { createPublicKey, X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import forge from 'node-forge';
import {
  certificateSerial,
  createRootCa,
  issueCertificate,
  type CaMaterial,
  type CertificateUse,
} from '../../certs-dev/index.js';
import { testPki, type TestPki } from '../fixtures/pki.js';
import { opensslVerify, pemFile } from './openssl.js';

type Ext = Record<string, unknown> & { name: string; critical?: boolean };

function extension(pem: string, name: string): Ext | undefined {
  return (forge.pki.certificateFromPem(pem).getExtension(name) as Ext | null) ?? undefined;
}

const keyUsageBits = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
] as const;

function keyUsage(pem: string): string[] {
  const ku = extension(pem, 'keyUsage');
  return keyUsageBits.filter((b) => ku?.[b] === true);
}

describe('issueCertificate', () => {
  let pki: TestPki;
  let root: CaMaterial;
  let publicKeyPem: string;
  const notBefore = new Date('2026-01-01T00:00:00.500Z');
  const notAfter = new Date('2036-01-01T00:00:00Z');

  before(async () => {
    pki = await testPki();
    root = pki.rootCa;
    // Reuse a key of the run's PKI: issuing certificates needs no fresh key pair.
    publicKeyPem = createPublicKey(pki.members.AL!.sig.keyPem)
      .export({ type: 'spki', format: 'pem' })
      .toString();
  });

  const issue = (
    use: CertificateUse,
    extra: Partial<Parameters<typeof issueCertificate>[0]> = {},
  ) =>
    issueCertificate({
      publicKeyPem,
      subject: {
        commonName: `AL ${use}`,
        organization: 'Albania — Firearms Focal Point',
        organizationalUnit: use,
        country: 'AL',
      },
      use,
      notBefore,
      notAfter,
      issuer: root,
      ...extra,
    });

  const profiles: Array<[CertificateUse, string[]]> = [
    ['sig', ['digitalSignature', 'nonRepudiation']],
    ['enc', ['keyEncipherment', 'dataEncipherment']],
    ['tls', ['digitalSignature', 'keyEncipherment']],
    ['operator', ['digitalSignature']],
  ];
  for (const [use, bits] of profiles) {
    it(`gives a ${use} certificate exactly the key usage ${bits.join(' + ')} (critical), CA:false`, () => {
      const pem = issue(use);
      expect(keyUsage(pem)).to.deep.equal(bits);
      expect(extension(pem, 'keyUsage')!.critical).to.equal(true);
      const bc = extension(pem, 'basicConstraints')!;
      expect(bc.critical).to.equal(true);
      expect(bc.cA).to.equal(false);
      expect(new X509Certificate(pem).ca).to.equal(false);
      if (use !== 'tls') {
        expect(extension(pem, 'extKeyUsage')).to.equal(undefined);
        expect(extension(pem, 'subjectAltName')).to.equal(undefined);
      }
    });
  }

  it('gives a tls certificate serverAuth + clientAuth and the loopback names', () => {
    const pem = issue('tls');
    const eku = extension(pem, 'extKeyUsage')!;
    expect([eku.serverAuth, eku.clientAuth, eku.codeSigning, eku.emailProtection]).to.deep.equal([
      true,
      true,
      undefined,
      undefined,
    ]);
    const x509 = new X509Certificate(pem);
    expect(x509.subjectAltName).to.equal(
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(x509.checkHost('localhost')).to.equal('localhost');
    expect(x509.checkIP('127.0.0.1')).to.equal('127.0.0.1');
    expect(x509.checkHost('example.org')).to.equal(undefined);
  });

  it('takes other subjectAltNames for tls', () => {
    const pem = issue('tls', { altNames: { dns: ['node.al.ffx.invalid'], ip: ['10.0.0.7'] } });
    expect(new X509Certificate(pem).subjectAltName).to.equal(
      'DNS:node.al.ffx.invalid, IP Address:10.0.0.7',
    );
  });

  it('writes UTF-8 names, the issuer name of the CA and the CA key id as authority key id', () => {
    const pem = issue('sig');
    const x509 = new X509Certificate(pem);
    const rootX509 = new X509Certificate(root.certPem);
    expect(x509.subject).to.equal('C=AL\nO=Albania — Firearms Focal Point\nOU=sig\nCN=AL sig');
    expect(x509.issuer).to.equal(rootX509.subject);
    expect(x509.checkIssued(rootX509)).to.equal(true);
    expect(x509.verify(rootX509.publicKey)).to.equal(true);
    // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] … }: forge leaves it undecoded.
    const aki = forge.asn1.fromDer(String(extension(pem, 'authorityKeyIdentifier')!.value));
    const keyId = (aki.value as forge.asn1.Asn1[])[0]!.value as string;
    const rootSki = String(extension(root.certPem, 'subjectKeyIdentifier')!.subjectKeyIdentifier);
    expect(Buffer.from(keyId, 'binary').toString('hex')).to.equal(rootSki);
    expect(extension(pem, 'subjectKeyIdentifier')).to.not.equal(undefined);
  });

  it('keeps a non-ASCII issuer name intact when the CA itself has one', async () => {
    const ca = await createRootCa({
      commonName: 'Србија CA',
      organization: 'Shqipëri — ÇÆ',
      keyPair: {
        privateKeyPem: pki.members.RS!.sig.keyPem,
        publicKeyPem: publicKeyPemOf(pki.members.RS!.sig.keyPem),
      },
    });
    const pem = issue('enc', { issuer: ca });
    const x509 = new X509Certificate(pem);
    expect(x509.issuer).to.equal(new X509Certificate(ca.certPem).subject);
    expect(x509.issuer).to.include('CN=Србија CA');
    expect(opensslVerify(pemFile(ca.certPem), [pemFile(pem)]).status).to.equal(0);
  });

  it('signs with SHA-256 RSA and truncates the validity to whole seconds', () => {
    const pem = issue('sig');
    expect(forge.pki.certificateFromPem(pem).signatureOid).to.equal(
      forge.pki.oids.sha256WithRSAEncryption,
    );
    const x509 = new X509Certificate(pem);
    expect(new Date(x509.validFrom).toISOString()).to.equal('2026-01-01T00:00:00.000Z');
    expect(new Date(x509.validTo).toISOString()).to.equal('2036-01-01T00:00:00.000Z');
  });

  it('uses a given serial, and otherwise a random positive 128-bit one that Node reads back unchanged', () => {
    expect(certificateSerial(issue('sig', { serial: '7fee01' }))).to.equal('7fee01');
    const serials = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const pem = issue('sig');
      const serial = certificateSerial(pem);
      expect(serial).to.match(/^[1-7][0-9a-f]{31}$/);
      expect(new X509Certificate(pem).serialNumber).to.equal(serial.toUpperCase());
      serials.add(serial);
    }
    expect(serials.size).to.equal(20);
  });

  it('self-signs only with selfKeyPem', () => {
    expect(() => issue('root', { issuer: undefined })).to.throw(TypeError, 'selfKeyPem');
  });

  it('is accepted by openssl verify under its CA, with the tls purposes for tls', () => {
    const ca = pemFile(root.certPem);
    const files = (['sig', 'enc', 'tls', 'operator'] as const).map((u) => pemFile(issue(u)));
    const r = opensslVerify(ca, files);
    expect(r.status, r.output).to.equal(0);
    expect(r.output.match(/: OK/g)).to.have.length(4);
    expect(opensslVerify(ca, [files[2]!], 'sslserver').status).to.equal(0);
    expect(opensslVerify(ca, [files[2]!], 'sslclient').status).to.equal(0);
  });

  it('is refused by openssl for a purpose outside its EKU, another CA, and when expired', async () => {
    const ca = pemFile(root.certPem);
    // The tls certificate's extendedKeyUsage binds it to TLS: e-mail signing is refused.
    const wrongPurpose = opensslVerify(ca, [pemFile(issue('tls'))], 'smimesign');
    expect(wrongPurpose.status).to.not.equal(0);
    expect(wrongPurpose.output).to.include('unsuitable certificate purpose');

    const other = await createRootCa({
      commonName: 'wb-ffp-dev root CA',
      keyPair: {
        privateKeyPem: pki.members.MD!.enc.keyPem,
        publicKeyPem: publicKeyPemOf(pki.members.MD!.enc.keyPem),
      },
    });
    const foreign = opensslVerify(ca, [pemFile(issue('sig', { issuer: other }))]);
    expect(foreign.status).to.not.equal(0);
    expect(foreign.output).to.match(
      /unable to get local issuer certificate|certificate signature failure/,
    );

    const expired = opensslVerify(ca, [
      pemFile(
        issue('sig', {
          notBefore: new Date('2020-01-01T00:00:00Z'),
          notAfter: new Date('2021-01-01T00:00:00Z'),
        }),
      ),
    ]);
    expect(expired.status).to.not.equal(0);
    expect(expired.output).to.include('certificate has expired');
  });
});

function publicKeyPemOf(privateKeyPem: string): string {
  return createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
}
