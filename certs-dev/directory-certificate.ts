// Describes one certificate the way the federation directory lists it.
import { X509Certificate } from 'node:crypto';
import { certificateKid, certificateSerial } from './certificate-kid.js';
import type { DirectoryCertificate, MemberCertificateUse } from './types.js';

/**
 * The directory entry of a certificate: `{ use, kid, serial, notBefore, notAfter, pem }` with kid
 * = x5t#S256, serial in lowercase hex, and the validity read from the certificate itself (ISO 8601
 * UTC, whole seconds) so the entry can never disagree with the certificate.
 *
 * @example
 * const entry = directoryCertificate('sig', pki.members.AL.sig.certPem);
 */
export function directoryCertificate(use: MemberCertificateUse, pem: string): DirectoryCertificate {
  const x509 = new X509Certificate(pem);
  return {
    use,
    kid: certificateKid(x509),
    serial: certificateSerial(x509),
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
    pem: x509.toString(),
  };
}
