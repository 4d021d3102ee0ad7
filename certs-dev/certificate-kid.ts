// The key id and serial of a certificate as the protocol and the directory write them.
import { createHash, X509Certificate } from 'node:crypto';
import { normaliseSerial } from './serial-number.js';

const parse = (cert: string | X509Certificate) =>
  typeof cert === 'string' ? new X509Certificate(cert) : cert;

/**
 * base64url(SHA-256(DER)) of a certificate — the JOSE `x5t#S256` thumbprint, used as `kid` in
 * every JWS/JWE header and in the directory.
 *
 * @example
 * const kid = certificateKid(pki.members.AL.sig.certPem);
 */
export function certificateKid(cert: string | X509Certificate): string {
  return createHash('sha256').update(parse(cert).raw).digest('base64url');
}

/**
 * The certificate's serial number as the directory writes it: lowercase hex without leading
 * zeros (see `normaliseSerial`).
 *
 * @example
 * certificateSerial(pem); // '3f9a…'
 */
export function certificateSerial(cert: string | X509Certificate): string {
  return normaliseSerial(parse(cert).serialNumber);
}
