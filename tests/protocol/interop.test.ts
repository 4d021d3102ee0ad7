// An independent JOSE implementation (node-jose) decrypts and verifies what seal makes.
import { expect } from 'chai';
import nodeJose from 'node-jose';
import { message, protocolWorld, sealFor } from './fixtures.js';

describe('interoperability with node-jose', function () {
  this.timeout(30_000);

  for (const type of ['trace-request', 'trace-response', 'hit-notification'] as const) {
    it(`node-jose opens a sealed ${type} with the recipient's enc key and the sender's sig certificate`, async () => {
      const w = await protocolWorld();
      const m = message(type);
      const jwe = await sealFor(w, m);
      const encKey = await nodeJose.JWK.asKey(w.pki.members.RS!.enc.keyPem, 'pem');
      const decrypted = await nodeJose.JWE.createDecrypt(encKey).decrypt(jwe);
      expect(decrypted.header).to.deep.include({
        alg: 'RSA-OAEP-256',
        enc: 'A256GCM',
        cty: 'ffx-msg+jws',
        'ffx-from': 'AL',
        'ffx-to': 'RS',
      });
      const sigCert = await nodeJose.JWK.asKey(w.pki.members.AL!.sig.certPem, 'pem');
      const verified = await nodeJose.JWS.createVerify(sigCert, { algorithms: ['PS256'] }).verify(
        decrypted.plaintext.toString('utf8'),
      );
      expect(verified.header).to.deep.include({ alg: 'PS256', typ: 'ffx-msg+jws' });
      expect(JSON.parse(verified.payload.toString('utf8'))).to.deep.equal(m);
    });
  }
});
