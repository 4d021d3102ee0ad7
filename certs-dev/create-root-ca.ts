// Creates a self-signed federation root CA (the trust anchor of every node).
import { generateRsaKeyPair, type PemKeyPair } from './generate-rsa-key-pair.js';
import { issueCertificate } from './issue-certificate.js';
import type { PemPair } from './types.js';

/** A CA's key and certificate as PEM. */
export type CaMaterial = PemPair;

/** Options of `createRootCa`; everything but the name has a default. */
export interface RootCaOptions {
  commonName: string;
  /** Default "FFP exchange federation (development)". */
  organization?: string;
  /** RSA key size when a key is generated (default 3072). */
  keySize?: number;
  /** Use this key pair instead of generating one. */
  keyPair?: PemKeyPair;
  /** Reference time (default: now); notBefore = now − 1 h. */
  now?: Date;
  /** Lifetime in days (default 3650, ten years). */
  validityDays?: number;
  /** Explicit validity, overriding `now`/`validityDays` (to craft an expired CA). */
  notBefore?: Date;
  notAfter?: Date;
  serial?: string;
}

/**
 * Creates a self-signed root CA: basicConstraints CA:true and keyUsage keyCertSign + cRLSign (both
 * critical), subject and authority key identifiers, SHA-256 RSA signature, ten years by default.
 * Call it again to get "another CA" for negative tests.
 *
 * @example
 * const root = await createRootCa({ commonName: 'WB FFP dev root', keySize: 2048, now });
 * issueCertificate({ …, issuer: root });
 */
export async function createRootCa(options: RootCaOptions): Promise<CaMaterial> {
  const now = options.now ?? new Date();
  const keys = options.keyPair ?? (await generateRsaKeyPair(options.keySize ?? 3072));
  const certPem = issueCertificate({
    publicKeyPem: keys.publicKeyPem,
    selfKeyPem: keys.privateKeyPem,
    subject: {
      commonName: options.commonName,
      organization: options.organization ?? 'FFP exchange federation (development)',
    },
    use: 'root',
    notBefore: options.notBefore ?? new Date(now.getTime() - 3600_000),
    notAfter:
      options.notAfter ?? new Date(now.getTime() + (options.validityDays ?? 3650) * 86400_000),
    ...(options.serial ? { serial: options.serial } : {}),
  });
  return { keyPem: keys.privateKeyPem, certPem };
}
