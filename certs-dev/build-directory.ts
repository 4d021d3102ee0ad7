// Assembles the federation directory payload from members, their certificates and revocations.
import { directoryCertificate } from './directory-certificate.js';
import { wholeSeconds } from './forge-certificate.js';
import type {
  FederationDirectoryPayload,
  FederationMember,
  MemberCertificateUse,
  RevokedCertificate,
} from './types.js';

/** Options of `buildDirectory`. */
export interface BuildDirectoryOptions {
  federationId: string;
  /** Members in directory order, each with the certificates to list (PEM, by use). */
  members: Array<{
    member: Pick<FederationMember, 'id' | 'name' | 'kind' | 'groups' | 'peerPort'>;
    certificates: Array<{ use: MemberCertificateUse; pem: string }>;
    /** Peer API base URL; default `https://localhost:<peerPort>`. */
    endpoint?: string;
  }>;
  revoked?: RevokedCertificate[];
  issuedAt: Date;
  /** Default issuedAt + 7 days. */
  nextUpdate?: Date;
  /**
   * Default: issuedAt in whole seconds since the epoch, so every later issue has a higher number
   * (nodes never install a directory with a lower sequence than the one in force).
   */
  sequence?: number;
}

/**
 * Builds the directory payload (schema `federation-directory`). Pure: no signing, no I/O, no
 * clock — sign the result with `signDirectory`. Tests use it to craft directories that list an
 * expired, foreign or revoked certificate, or that are stale.
 *
 * @example
 * const payload = buildDirectory({ federationId: 'wb-ffp-dev', issuedAt: now, members: [
 *   { member: al, certificates: [{ use: 'sig', pem: alSig.certPem }] } ] });
 */
export function buildDirectory(o: BuildDirectoryOptions): FederationDirectoryPayload {
  const issuedAt = wholeSeconds(o.issuedAt);
  const nextUpdate = wholeSeconds(o.nextUpdate ?? new Date(issuedAt.getTime() + 7 * 86400_000));
  return {
    v: 1,
    type: 'federation-directory',
    federationId: o.federationId,
    sequence: o.sequence ?? Math.floor(issuedAt.getTime() / 1000),
    issuedAt: issuedAt.toISOString(),
    nextUpdate: nextUpdate.toISOString(),
    members: o.members.map(({ member, certificates, endpoint }) => ({
      id: member.id,
      name: member.name,
      kind: member.kind,
      groups: [...member.groups],
      endpoint: endpoint ?? `https://localhost:${member.peerPort}`,
      certificates: certificates.map((c) => directoryCertificate(c.use, c.pem)),
    })),
    revoked: (o.revoked ?? []).map((r) => ({ ...r })),
  };
}
