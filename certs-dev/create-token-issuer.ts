// Creates the dev token issuer of the local API: an ES256 key pair and its public JWKS.
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import type { TokenIssuerMaterial } from './types.js';

/** Issuer name and audience of dev tokens; `.invalid` so the issuer can never resolve to a host. */
export const DEV_ISSUER = {
  issuer: 'https://dev-issuer.ffx.invalid',
  audience: 'ffx-local-api',
} as const;

/**
 * Generates an EC P-256 key pair for ES256 bearer tokens: the PKCS#8 private key, and a public
 * JWKS with one key whose `kid` is its RFC 7638 JWK thumbprint (`alg: ES256`, `use: sig`).
 *
 * @example
 * const issuer = await createTokenIssuer();
 * const jwt = await new SignJWT({ roles: ['analyst'] })
 *   .setProtectedHeader({ alg: 'ES256', kid: issuer.kid }).sign(createPrivateKey(issuer.keyPem));
 */
export async function createTokenIssuer(
  names: { issuer?: string; audience?: string } = {},
): Promise<TokenIssuerMaterial> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return {
    keyPem: await exportPKCS8(privateKey),
    kid,
    jwks: { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] },
    issuer: names.issuer ?? DEV_ISSUER.issuer,
    audience: names.audience ?? DEV_ISSUER.audience,
  };
}
