// Signs a federation directory payload as the federation operator (compact JWS, PS256, x5c).
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { CompactSign, type CompactJWSHeaderParameters } from 'jose';
import { certificateKid } from './certificate-kid.js';

/** The JWS `typ` of a federation directory. */
export const DIRECTORY_TYP = 'ffx-directory+jws';

/**
 * Signs `payload` (its JSON is the JWS payload) with the operator key. Protected header:
 * `{ alg: 'PS256', typ: 'ffx-directory+jws', kid: <x5t#S256 of the operator certificate>,
 * x5c: [<operator certificate DER, base64>] }`, so a node can check the signer chains to the
 * federation root. Nothing is checked here: pass a member's key and certificate, a payload that
 * breaks the schema, or `headerOverrides` (e.g. another `typ`, a different `x5c`) to craft
 * directories a verifier must refuse. The key must be RSA, so an overridden `alg` must be an RS or PS algorithm.
 *
 * @example const jws = await signDirectory(payload, pki.operator.keyPem, pki.operator.certPem);
 */
export async function signDirectory(
  payload: unknown,
  operatorKeyPem: string,
  operatorCertPem: string,
  headerOverrides: Partial<CompactJWSHeaderParameters> = {},
): Promise<string> {
  const cert = new X509Certificate(operatorCertPem);
  const header: CompactJWSHeaderParameters = {
    alg: 'PS256',
    typ: DIRECTORY_TYP,
    kid: certificateKid(cert),
    x5c: [cert.raw.toString('base64')],
    ...headerOverrides,
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(header)
    .sign(createPrivateKey(operatorKeyPem));
}
