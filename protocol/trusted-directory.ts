// A verified federation directory: members, endpoints, certificates by kid, revocations.
import { X509Certificate, type KeyObject } from 'node:crypto';
import { FfxError } from './errors.js';
import {
  chainsTo,
  normalSerial,
  usageProblem,
  validityProblem,
  type CertificateUse,
} from './lib/certificate-profile.js';
import type { components } from '../generated/openapi.js';

/** The directory payload (schema `federation-directory`). */
export type DirectoryPayload = components['schemas']['FederationDirectory'];
/** One member entry of the directory. */
export type DirectoryMember = DirectoryPayload['members'][number];

/** A certificate the directory lists, parsed once. */
export interface ListedCertificate {
  memberId: string;
  use: CertificateUse;
  kid: string;
  /** Lower-case hex. */
  serial: string;
  notBefore: string;
  notAfter: string;
  pem: string;
  cert: X509Certificate;
  publicKey: KeyObject;
}

/**
 * The federation directory after `verifyDirectory` accepted it. Only construct it through
 * `verifyDirectory`: the constructor trusts its input. Certificate checks (`checkCertificate`)
 * say exactly which check failed: listing, member binding, usage, chain, validity, revocation.
 */
export class TrustedDirectory {
  readonly payload: DirectoryPayload;
  readonly graceSeconds: number;
  readonly #root: X509Certificate;
  readonly #members = new Map<string, DirectoryMember>();
  readonly #byKid = new Map<string, ListedCertificate>();
  readonly #revoked: Set<string>;
  readonly #fit = new Map<string, string | null>();

  constructor(payload: DirectoryPayload, root: X509Certificate, graceSeconds: number) {
    this.payload = payload;
    this.graceSeconds = graceSeconds;
    this.#root = root;
    this.#revoked = new Set(payload.revoked.map((r) => normalSerial(r.serial)));
    for (const m of payload.members) {
      this.#members.set(m.id, m);
      for (const c of m.certificates) {
        const cert = new X509Certificate(c.pem);
        this.#byKid.set(c.kid, {
          memberId: m.id,
          use: c.use as CertificateUse,
          kid: c.kid,
          serial: normalSerial(c.serial),
          notBefore: c.notBefore,
          notAfter: c.notAfter,
          pem: c.pem,
          cert,
          publicKey: cert.publicKey,
        });
      }
    }
  }

  /** The member with this id, if listed. */
  member(id: string): DirectoryMember | undefined {
    return this.#members.get(id);
  }

  /** Every member, in directory order. */
  members(): DirectoryMember[] {
    return this.payload.members;
  }

  /** The peer API base URL of a member; FFX-SENDER-UNKNOWN when not listed. */
  endpointOf(id: string): string {
    const m = this.#members.get(id);
    if (!m) throw new FfxError('FFX-SENDER-UNKNOWN', `${id} is not a member of the federation`);
    return m.endpoint;
  }

  /** The listed certificate with this kid (x5t#S256), if any. */
  certificateByKid(kid: string): ListedCertificate | undefined {
    return this.#byKid.get(kid);
  }

  /** The certificates a member has for one use (several during a rotation). */
  certificatesOf(memberId: string, use: CertificateUse): ListedCertificate[] {
    return [...this.#byKid.values()].filter((c) => c.memberId === memberId && c.use === use);
  }

  /** Whether a serial (any case, leading zeros ignored) is on the revocation list. */
  isRevoked(serial: string): boolean {
    return this.#revoked.has(normalSerial(serial));
  }

  /** Whether `now` is past nextUpdate plus the grace period. */
  isStale(now: Date): boolean {
    return now.getTime() > Date.parse(this.payload.nextUpdate) + this.graceSeconds * 1000;
  }

  /**
   * Checks that the certificate `kid` may be used by `memberId` for `use` at `now`, in this
   * order: listed (FFX-CERT-UNKNOWN), bound to that member (FFX-CERT-BINDING), listed for that
   * use and fit for it (FFX-CERT-USAGE), issued by the federation root (FFX-CERT-CHAIN), within
   * its validity (FFX-CERT-VALIDITY), not revoked (FFX-CERT-REVOKED).
   */
  checkCertificate(
    kid: string,
    expect: { memberId: string; use: CertificateUse; now: Date },
  ): ListedCertificate {
    const c = this.#byKid.get(kid);
    if (!c) {
      throw new FfxError(
        'FFX-CERT-UNKNOWN',
        `certificate ${kid} is not listed in federation directory ${this.payload.sequence}`,
      );
    }
    if (c.memberId !== expect.memberId) {
      throw new FfxError(
        'FFX-CERT-BINDING',
        `certificate ${c.serial} is listed for ${c.memberId}, not for ${expect.memberId}`,
      );
    }
    if (c.use !== expect.use) {
      throw new FfxError(
        'FFX-CERT-USAGE',
        `certificate ${c.serial} of ${c.memberId} is listed for use ${c.use}, not ${expect.use}`,
      );
    }
    const problem = this.#fitness(c);
    if (problem) throw new FfxError(problem.code, problem.message);
    const invalid = validityProblem(c.cert, expect.now);
    if (invalid) {
      throw new FfxError(
        'FFX-CERT-VALIDITY',
        `certificate ${c.serial} of ${c.memberId} (${c.use}) is ${invalid}`,
      );
    }
    if (this.#revoked.has(c.serial)) {
      throw new FfxError(
        'FFX-CERT-REVOKED',
        `certificate ${c.serial} of ${c.memberId} (${c.use}) is revoked in directory ${this.payload.sequence}`,
      );
    }
    return c;
  }

  /** Usage and chain, which do not depend on time: computed once per certificate. */
  #fitness(
    c: ListedCertificate,
  ): { code: 'FFX-CERT-USAGE' | 'FFX-CERT-CHAIN'; message: string } | undefined {
    let cached = this.#fit.get(c.kid);
    if (cached === undefined) {
      const usage = usageProblem(c.cert, c.use);
      cached = usage
        ? `U${usage}`
        : chainsTo(c.cert, this.#root, this.#root.publicKey)
          ? null
          : 'Cdoes not chain to the federation root CA';
      this.#fit.set(c.kid, cached);
    }
    if (cached === null) return undefined;
    const code = cached.startsWith('U') ? 'FFX-CERT-USAGE' : 'FFX-CERT-CHAIN';
    return {
      code,
      message: `certificate ${c.serial} of ${c.memberId} (${c.use}) ${code === 'FFX-CERT-USAGE' ? 'is not fit for its use: ' : ''}${cached.slice(1)}`,
    };
  }
}
