// Shapes shared by the dev PKI library: federation members, directory payload, generated layout.

/** A member's certificate uses as listed in the directory. */
export type MemberCertificateUse = 'sig' | 'enc' | 'tls';

/** One member of a federation as described in `certs-dev/dev-federation.json`. */
export interface FederationMember {
  id: string;
  name: string;
  kind: 'ffp-node' | 'eu-counterpart';
  groups: string[];
  peerPort: number;
  localPort: number;
}

/** The parsed `certs-dev/dev-federation.json`. */
export interface FederationDescription {
  federationId: string;
  name: string;
  members: FederationMember[];
}

/** A PEM private key (PKCS#8) and the PEM certificate issued for its public key. */
export interface PemPair {
  keyPem: string;
  certPem: string;
}

/**
 * One certificate as listed in the directory. `kid` is base64url(SHA-256(DER)) — the JOSE
 * `x5t#S256`; `serial` is lowercase hex without leading zeros (Node's
 * `X509Certificate.serialNumber` gives the same digits in upper case: compare case-insensitively
 * or through `normaliseSerial`). `notBefore`/`notAfter` are read from the certificate.
 */
export interface DirectoryCertificate {
  use: MemberCertificateUse;
  kid: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  pem: string;
}

/** One member entry of the directory. */
export interface DirectoryMember {
  id: string;
  name: string;
  kind: 'ffp-node' | 'eu-counterpart';
  groups: string[];
  /** Base URL of the member's peer API, `https://…`. */
  endpoint: string;
  certificates: DirectoryCertificate[];
}

/** RFC 5280 revocation reasons the directory schema admits. */
export type RevocationReason =
  'unspecified' | 'keyCompromise' | 'affiliationChanged' | 'superseded' | 'cessationOfOperation';

/** One revoked certificate serial (lowercase hex) with when and why. */
export interface RevokedCertificate {
  serial: string;
  revokedAt: string;
  reason?: RevocationReason;
}

/** The payload of the signed federation directory (schema `federation-directory`). */
export interface FederationDirectoryPayload {
  v: 1;
  type: 'federation-directory';
  federationId: string;
  sequence: number;
  issuedAt: string;
  nextUpdate: string;
  members: DirectoryMember[];
  revoked: RevokedCertificate[];
}

/** The dev token issuer of the local API (ES256). */
export interface TokenIssuerMaterial {
  /** PKCS#8 PEM of the EC P-256 private key. */
  keyPem: string;
  /** RFC 7638 JWK thumbprint of the public key: the `kid` of tokens and of the JWKS entry. */
  kid: string;
  /** The public JWKS: one key, `alg: ES256`, `use: sig`. */
  jwks: { keys: Array<Record<string, unknown>> };
  issuer: string;
  audience: string;
}

/** A member's key pairs and certificates; `sig-old` is the revoked example, on one member only. */
export interface MemberMaterial {
  sig: PemPair;
  enc: PemPair;
  tls: PemPair;
  'sig-old'?: PemPair;
}

/** The revoked example certificate every dev PKI contains (so `revoked` is never empty). */
export interface RevokedExample extends PemPair {
  memberId: string;
  use: MemberCertificateUse;
  /** Lowercase hex, as in the directory. */
  serial: string;
}

/** Everything a dev PKI folder holds, read back by `loadDevPki`. */
export interface LoadedDevPki {
  /** The folder, absolute. */
  out: string;
  rootCa: PemPair;
  /** Same as `rootCa.certPem`. */
  rootCaPem: string;
  operator: PemPair;
  /** The signed directory, compact JWS (no trailing newline). */
  directoryJws: string;
  /** Its payload, decoded but NOT verified. */
  directory: FederationDirectoryPayload;
  members: Record<string, MemberMaterial>;
  revokedExample: RevokedExample;
  tokenIssuer: TokenIssuerMaterial;
}

/** Paths of one key and its certificate. */
export interface PemPairPaths {
  key: string;
  cert: string;
}

/** What `generateDevPki` wrote (absolute paths) and how long it took. */
export interface DevPkiSummary {
  out: string;
  /** Member ids in directory order. */
  members: string[];
  keySize: number;
  /** Directory sequence number. */
  sequence: number;
  /** Serials (lowercase hex) in the directory's `revoked` list. */
  revokedSerials: string[];
  /** Member the revoked example (`members/<ID>/sig-old.*`) belongs to. */
  revokedMember: string;
  paths: {
    rootCa: PemPairPaths;
    operator: PemPairPaths;
    directoryJws: string;
    directoryJson: string;
    members: Record<string, Record<MemberCertificateUse, PemPairPaths>>;
    revokedExample: PemPairPaths;
    tokenIssuer: { key: string; jwks: string; issuer: string };
  };
  /** Wall time of the generation in milliseconds. */
  millis: number;
}
