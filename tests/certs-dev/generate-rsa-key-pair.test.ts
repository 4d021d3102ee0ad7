// Tests of generateRsaKeyPair: native RSA keys as PEM, with the size checked.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { expect } from 'chai';
import { generateRsaKeyPair } from '../../certs-dev/index.js';

describe('generateRsaKeyPair', () => {
  it('returns a matching PKCS#8 / SPKI pair of the requested size with e = 65537', async () => {
    const { privateKeyPem, publicKeyPem } = await generateRsaKeyPair(2048);
    expect(privateKeyPem).to.match(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(publicKeyPem).to.match(/^-----BEGIN PUBLIC KEY-----\n/);
    const details = createPrivateKey(privateKeyPem).asymmetricKeyDetails!;
    expect(details.modulusLength).to.equal(2048);
    expect(details.publicExponent).to.equal(65537n);
    expect(createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' })).to.equal(
      publicKeyPem,
    );
  });

  it('refuses sizes below 2048 or above 8192 bits', async () => {
    for (const bits of [1024, 2047, 8193, 3072.5]) {
      let thrown: unknown;
      try {
        await generateRsaKeyPair(bits);
      } catch (err) {
        thrown = err;
      }
      expect(thrown, String(bits)).to.be.instanceOf(RangeError);
      expect((thrown as Error).message).to.include(String(bits));
    }
  });
});
