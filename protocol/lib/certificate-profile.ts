// Reads what the protocol checks in an X.509 certificate: chain to the root, validity, key usage.
import type { X509Certificate, KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** Certificate uses of the federation. */
export type CertificateUse = 'sig' | 'enc' | 'tls';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** keyUsage bits each use requires. */
const REQUIRED_KEY_USAGE: Record<CertificateUse | 'operator', string[]> = {
  sig: ['digitalSignature'],
  enc: ['keyEncipherment'],
  tls: ['digitalSignature'],
  operator: ['digitalSignature'],
};

/** The keyUsage bits of a certificate (empty when the extension is absent). */
export function keyUsageBits(cert: X509Certificate): Set<string> {
  const parsed = forge.pki.certificateFromPem(cert.toString());
  const ext = parsed.getExtension('keyUsage') as Record<string, unknown> | null;
  const bits = new Set<string>();
  if (ext) {
    for (const b of [
      'digitalSignature',
      'nonRepudiation',
      'keyEncipherment',
      'dataEncipherment',
      'keyAgreement',
      'keyCertSign',
      'cRLSign',
    ]) {
      if (ext[b] === true) bits.add(b);
    }
  }
  return bits;
}

/** Why a certificate is unfit for `use`, or undefined when it is fit (keyUsage, and EKU for tls). */
export function usageProblem(
  cert: X509Certificate,
  use: CertificateUse | 'operator',
): string | undefined {
  const bits = keyUsageBits(cert);
  const missing = REQUIRED_KEY_USAGE[use].filter((b) => !bits.has(b));
  if (missing.length > 0) return `keyUsage lacks ${missing.join(', ')}`;
  if (bits.has('keyCertSign')) return 'a CA certificate cannot be used by a member';
  if (use === 'tls') {
    const eku = cert.keyUsage ?? [];
    if (!eku.includes(SERVER_AUTH) || !eku.includes(CLIENT_AUTH)) {
      return 'extendedKeyUsage lacks serverAuth and clientAuth';
    }
  }
  return undefined;
}

/** Whether `cert` was issued and signed by `root`. */
export function chainsTo(
  cert: X509Certificate,
  root: X509Certificate,
  rootKey: KeyObject,
): boolean {
  try {
    return cert.checkIssued(root) && cert.verify(rootKey);
  } catch {
    return false;
  }
}

/** Why `cert` is not valid at `now`, or undefined. */
export function validityProblem(cert: X509Certificate, now: Date): string | undefined {
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  if (now < from) return `not valid before ${from.toISOString()}`;
  if (now > to) return `expired at ${to.toISOString()}`;
  return undefined;
}

/** Lower-case hex serial without leading zeros, as the directory lists it. */
export function normalSerial(serial: string): string {
  return serial.toLowerCase().replace(/^0+(?=.)/, '');
}
