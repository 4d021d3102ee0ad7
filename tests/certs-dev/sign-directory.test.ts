// Tests of signDirectory: the operator-signed compact JWS, and the bad directories it can craft.
import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { certificateKid, DIRECTORY_TYP, signDirectory } from '../../certs-dev/index.js';
import { testPki, type TestPki } from '../fixtures/pki.js';

describe('signDirectory', () => {
  let pki: TestPki;
  before(async () => {
    pki = await testPki();
  });

  it('signs the JSON of the payload with PS256 and names the signer by kid and x5c', async () => {
    const payload = { ...pki.directory, sequence: pki.directory.sequence + 1 };
    const jws = await signDirectory(payload, pki.operator.keyPem, pki.operator.certPem);
    expect(jws.split('.')).to.have.length(3);
    const operator = new X509Certificate(pki.operator.certPem);
    expect(decodeProtectedHeader(jws)).to.deep.equal({
      alg: 'PS256',
      typ: DIRECTORY_TYP,
      kid: certificateKid(operator),
      x5c: [operator.raw.toString('base64')],
    });
    expect(DIRECTORY_TYP).to.equal('ffx-directory+jws');
    const { payload: bytes } = await compactVerify(jws, operator.publicKey, {
      algorithms: ['PS256'],
    });
    expect(JSON.parse(new TextDecoder().decode(bytes))).to.deep.equal(payload);
  });

  it('signs with any key it is given — a directory signed by a member key names that member', async () => {
    const al = pki.members.AL!.sig;
    const jws = await signDirectory(pki.directory, al.keyPem, al.certPem);
    expect(decodeProtectedHeader(jws).kid).to.equal(certificateKid(al.certPem));
    await compactVerify(jws, new X509Certificate(al.certPem).publicKey, { algorithms: ['PS256'] });
    let code: unknown;
    try {
      await compactVerify(jws, new X509Certificate(pki.operator.certPem).publicKey, {
        algorithms: ['PS256'],
      });
    } catch (err) {
      code = (err as { code?: string }).code;
    }
    expect(code).to.equal('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('lets a test override header fields, e.g. claim the operator while signing with another key', async () => {
    const al = pki.members.AL!.sig;
    const operatorDer = new X509Certificate(pki.operator.certPem).raw.toString('base64');
    const jws = await signDirectory(pki.directory, al.keyPem, al.certPem, {
      typ: 'JWT',
      alg: 'RS256',
      x5c: [operatorDer],
    });
    expect(decodeProtectedHeader(jws)).to.include({ typ: 'JWT', alg: 'RS256' });
    expect(decodeProtectedHeader(jws).x5c).to.deep.equal([operatorDer]);
  });

  it('refuses a certificate that is not one', async () => {
    let thrown: unknown;
    try {
      await signDirectory(pki.directory, pki.operator.keyPem, 'garbage');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).to.be.instanceOf(Error);
  });
});
