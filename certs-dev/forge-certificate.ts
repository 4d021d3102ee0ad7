// Internal helpers around node-forge certificates: names, key identifiers, native signing.
import { createPrivateKey, sign } from 'node:crypto';
import forge from 'node-forge';

const { asn1, pki } = forge;

/** Distinguished name of a certificate subject; values may hold any Unicode. */
export interface Subject {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  /** Two-letter country code (written as PrintableString). */
  country?: string;
}

/** forge types `valueTagClass` as an ASN.1 class although it holds an ASN.1 type. */
const utf8String = asn1.Type.UTF8 as unknown as forge.asn1.Class;

/** Subject attributes: UTF8String for free text (member names hold non-ASCII), PrintableString for C. */
export function subjectAttributes(s: Subject): forge.pki.CertificateField[] {
  const attrs: forge.pki.CertificateField[] = [];
  if (s.country) attrs.push({ name: 'countryName', value: s.country });
  if (s.organization)
    attrs.push({ name: 'organizationName', value: s.organization, valueTagClass: utf8String });
  if (s.organizationalUnit) {
    attrs.push({
      name: 'organizationalUnitName',
      value: s.organizationalUnit,
      valueTagClass: utf8String,
    });
  }
  attrs.push({ name: 'commonName', value: s.commonName, valueTagClass: utf8String });
  return attrs;
}

/**
 * The subject of a parsed certificate, ready to be written as an issuer name. forge keeps
 * UTF8String values as raw bytes when it parses but encodes them again when it writes: decode
 * them first, or a non-ASCII issuer name would no longer match its CA's subject.
 */
export function issuerAttributes(issuer: forge.pki.Certificate): forge.pki.CertificateField[] {
  return issuer.subject.attributes.map((a) => ({
    ...(a.type ? { type: a.type } : {}),
    ...(a.valueTagClass !== undefined ? { valueTagClass: a.valueTagClass } : {}),
    value: a.valueTagClass === utf8String ? forge.util.decodeUtf8(String(a.value)) : a.value,
  }));
}

/**
 * Signs `cert` with SHA-256 and RSA PKCS#1 v1.5 the way forge's `cert.sign` does, but the RSA
 * operation runs in Node's native crypto: forge's JavaScript big numbers need a good part of a
 * second per signature with 3072-bit keys.
 */
export function signCertificate(cert: forge.pki.Certificate, signingKeyPem: string): void {
  const oid = pki.oids.sha256WithRSAEncryption!;
  const internal = cert as unknown as {
    siginfo: { algorithmOid: string };
    tbsCertificate: forge.asn1.Asn1;
  };
  cert.signatureOid = oid;
  internal.siginfo.algorithmOid = oid;
  const getTbs = (
    pki as unknown as { getTBSCertificate: (c: forge.pki.Certificate) => forge.asn1.Asn1 }
  ).getTBSCertificate;
  internal.tbsCertificate = getTbs(cert);
  const der = Buffer.from(asn1.toDer(internal.tbsCertificate).getBytes(), 'binary');
  cert.signature = sign('sha256', der, createPrivateKey(signingKeyPem)).toString('binary');
}

/** Truncates to whole seconds: X.509 times have second precision, and the directory repeats them. */
export function wholeSeconds(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}
