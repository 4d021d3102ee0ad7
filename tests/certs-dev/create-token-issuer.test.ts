// Tests of createTokenIssuer: an ES256 key and the public JWKS that verifies its tokens.
import { createPrivateKey } from 'node:crypto';
import { expect } from 'chai';
import { calculateJwkThumbprint, createLocalJWKSet, jwtVerify, SignJWT, type JWK } from 'jose';
import { createTokenIssuer, DEV_ISSUER } from '../../certs-dev/index.js';

describe('createTokenIssuer', () => {
  it('makes an ES256 key whose public JWKS (kid = thumbprint) verifies its tokens, and no other', async () => {
    const issuer = await createTokenIssuer();
    expect(issuer).to.include({ issuer: DEV_ISSUER.issuer, audience: DEV_ISSUER.audience });
    const [jwk] = issuer.jwks.keys as JWK[];
    expect(issuer.jwks.keys).to.have.length(1);
    expect(jwk).to.include({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: issuer.kid });
    expect(jwk).to.not.have.property('d');
    const { kid: _kid, alg: _alg, use: _use, ...bare } = jwk!;
    expect(issuer.kid).to.equal(await calculateJwkThumbprint(bare));

    const sign = (pem: string, kid: string) =>
      new SignJWT({ roles: ['auditor'] })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(issuer.issuer)
        .setAudience(issuer.audience)
        .setExpirationTime('1m')
        .sign(createPrivateKey(pem));
    const jwks = createLocalJWKSet(issuer.jwks as { keys: JWK[] });
    const ok = await jwtVerify(await sign(issuer.keyPem, issuer.kid), jwks, {
      issuer: issuer.issuer,
      audience: issuer.audience,
    });
    expect(ok.payload.roles).to.deep.equal(['auditor']);

    const other = await createTokenIssuer({ issuer: 'https://other.ffx.invalid', audience: 'x' });
    expect(other).to.include({ issuer: 'https://other.ffx.invalid', audience: 'x' });
    expect(other.kid).to.not.equal(issuer.kid);
    let code: unknown;
    try {
      await jwtVerify(await sign(other.keyPem, issuer.kid), jwks);
    } catch (err) {
      code = (err as { code?: string }).code;
    }
    expect(code).to.equal('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });
});
