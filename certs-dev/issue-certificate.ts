// Issues one X.509 certificate of the dev PKI (node-forge): root CA, operator or member sig/enc/tls.
import forge from 'node-forge';
import {
  issuerAttributes,
  signCertificate,
  subjectAttributes,
  wholeSeconds,
  type Subject,
} from './forge-certificate.js';
import { randomSerial } from './serial-number.js';

export type { Subject } from './forge-certificate.js';

/** What a certificate is for; decides its key usage and extended key usage. */
export type CertificateUse = 'root' | 'operator' | 'sig' | 'enc' | 'tls';

/** Input of `issueCertificate`. */
export interface IssueInput {
  /** SPKI PEM of the RSA key being certified (forge writes RSA certificates only). */
  publicKeyPem: string;
  subject: Subject;
  use: CertificateUse;
  /** Truncated to whole seconds (X.509 precision). */
  notBefore: Date;
  notAfter: Date;
  /** Issuer key (PEM) and certificate; absent for a self-signed root. */
  issuer?: { keyPem: string; certPem: string };
  /** Private key of the subject, for self-signing (root CA). */
  selfKeyPem?: string;
  /** Hex serial; random (positive, 16 bytes, see `randomSerial`) when absent. */
  serial?: string;
  /** DNS names and IP addresses of a `tls` certificate (default localhost, 127.0.0.1, ::1). */
  altNames?: { dns?: string[]; ip?: string[] };
}

/** keyUsage bits per use; each certificate carries exactly these. */
const keyUsage: Record<CertificateUse, Record<string, boolean>> = {
  root: { keyCertSign: true, cRLSign: true },
  operator: { digitalSignature: true },
  sig: { digitalSignature: true, nonRepudiation: true },
  enc: { keyEncipherment: true, dataEncipherment: true },
  tls: { digitalSignature: true, keyEncipherment: true },
};

function extensions(input: IssueInput, authorityKeyId: string): object[] {
  const exts: object[] = [
    { name: 'basicConstraints', cA: input.use === 'root', critical: true },
    { name: 'keyUsage', critical: true, ...keyUsage[input.use] },
  ];
  if (input.use === 'tls') {
    const dns = input.altNames?.dns ?? ['localhost'];
    const ip = input.altNames?.ip ?? ['127.0.0.1', '::1'];
    exts.push({ name: 'extKeyUsage', serverAuth: true, clientAuth: true });
    exts.push({
      name: 'subjectAltName',
      altNames: [
        ...dns.map((value) => ({ type: 2, value })),
        ...ip.map((v) => ({ type: 7, ip: v })),
      ],
    });
  }
  exts.push({ name: 'subjectKeyIdentifier' });
  exts.push({ name: 'authorityKeyIdentifier', keyIdentifier: authorityKeyId });
  return exts;
}

/**
 * Issues a certificate (SHA-256 with RSA) and returns it as PEM. Profile by `use` (keyUsage is
 * always critical, basicConstraints always present and critical):
 * - `root`: CA:true, keyCertSign + cRLSign;
 * - `operator` (signs the federation directory): digitalSignature, no extendedKeyUsage;
 * - `sig`: digitalSignature + nonRepudiation;
 * - `enc`: keyEncipherment + dataEncipherment;
 * - `tls`: digitalSignature + keyEncipherment, extendedKeyUsage serverAuth + clientAuth,
 *   subjectAltName from `altNames`.
 * Every certificate has a subjectKeyIdentifier and an authorityKeyIdentifier (the issuer's key id).
 * Nothing is checked against the issuer (its validity or usage): tests use this on purpose to
 * craft bad material — an expired certificate, one from another CA, one for the wrong use.
 *
 * @example
 * const pem = issueCertificate({ publicKeyPem, subject: { commonName: 'AL sig' }, use: 'sig',
 *   notBefore, notAfter, issuer: { keyPem: root.keyPem, certPem: root.certPem } });
 */
export function issueCertificate(input: IssueInput): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(input.publicKeyPem);
  cert.serialNumber = input.serial ?? randomSerial();
  cert.validity.notBefore = wholeSeconds(input.notBefore);
  cert.validity.notAfter = wholeSeconds(input.notAfter);
  cert.setSubject(subjectAttributes(input.subject));
  let signingKeyPem: string;
  let authorityKeyId: string;
  if (input.issuer) {
    const issuerCert = forge.pki.certificateFromPem(input.issuer.certPem);
    cert.setIssuer(issuerAttributes(issuerCert));
    authorityKeyId = issuerCert.generateSubjectKeyIdentifier().getBytes();
    signingKeyPem = input.issuer.keyPem;
  } else {
    if (!input.selfKeyPem) throw new TypeError('a self-signed certificate needs selfKeyPem');
    cert.setIssuer(subjectAttributes(input.subject));
    authorityKeyId = cert.generateSubjectKeyIdentifier().getBytes();
    signingKeyPem = input.selfKeyPem;
  }
  cert.setExtensions(extensions(input, authorityKeyId));
  signCertificate(cert, signingKeyPem);
  return forge.pki.certificateToPem(cert);
}
