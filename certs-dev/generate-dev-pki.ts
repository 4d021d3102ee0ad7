// Generates the dev PKI: root CA, operator, per-member sig/enc/tls, the signed directory, the dev token issuer.
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildDirectory } from './build-directory.js';
import { certificateSerial } from './certificate-kid.js';
import { createRootCa } from './create-root-ca.js';
import { createTokenIssuer } from './create-token-issuer.js';
import { DevPkiError } from './dev-pki-error.js';
import { devPkiLayout } from './dev-pki-layout.js';
import { wholeSeconds, type Subject } from './forge-certificate.js';
import { generateRsaKeyPair } from './generate-rsa-key-pair.js';
import { issueCertificate } from './issue-certificate.js';
import { loadDevFederation } from './load-dev-federation.js';
import { signDirectory } from './sign-directory.js';
import type {
  DevPkiSummary,
  FederationDescription,
  FederationMember,
  MemberCertificateUse,
  PemPair,
  PemPairPaths,
} from './types.js';

/** Options of `generateDevPki`. */
export interface DevPkiOptions {
  /** Output folder; refused when it is not empty, unless `force`. */
  out: string;
  /** Members to include (default: every member of the federation), in any order. */
  members?: string[];
  /** RSA key size of every key (default 3072; tests use 2048). */
  keySize?: number;
  /** Validity of operator and member certificates in days (default 365; the root has 10 years). */
  validityDays?: number;
  /** Reference time (default: now). Every certificate starts at now − 1 h. */
  now?: Date;
  /** Peer API endpoint per member (default `https://localhost:<peerPort>`). */
  endpoints?: Record<string, string>;
  /** Federation description (default: `certs-dev/dev-federation.json`). */
  federation?: FederationDescription;
  /**
   * Replace the dev PKI in a non-empty output folder. Only the generator's own entries are
   * removed (see `devPkiLayout.entries`); anything else in the folder is left alone.
   */
  force?: boolean;
  /** Directory sequence number (default: `now` in seconds since the epoch, so it always grows). */
  sequence?: number;
  /** Days until the directory's nextUpdate (default 7). */
  nextUpdateDays?: number;
}

const USES: readonly MemberCertificateUse[] = ['sig', 'enc', 'tls'];

/** Who carries the revoked example when present; otherwise the first generated member does. */
const REVOKED_EXAMPLE_MEMBER = 'RS';

/**
 * Country attribute of a member's certificates: its id when that is two letters (XK is the
 * user-assigned code used for Kosovo*), the code after `EU-` when that is two letters (EU-DE → DE),
 * none otherwise (EU-EUROPOL).
 */
function countryOf(id: string): string | undefined {
  if (/^[A-Z]{2}$/.test(id)) return id;
  return /^EU-([A-Z]{2})$/.exec(id)?.[1];
}

function memberSubject(m: FederationMember, label: string): Subject {
  const country = countryOf(m.id);
  return {
    commonName: `${m.id} ${label}`,
    organization: m.name,
    organizationalUnit: label,
    ...(country ? { country } : {}),
  };
}

async function writeKey(path: string, pem: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, pem, { mode: 0o600 });
  await chmod(path, 0o600); // the mode option does not apply to a file that already existed
}

async function writePair(paths: PemPairPaths, pair: PemPair): Promise<void> {
  await writeKey(paths.key, pair.keyPem);
  await writeFile(paths.cert, pair.certPem);
}

/** Refuses a non-empty `out` unless forced; when forced removes only the generator's entries. */
async function prepareOut(out: string, force: boolean): Promise<void> {
  let existing: string[];
  try {
    existing = await readdir(out);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR')
      throw new DevPkiError('PKI-OUT-EXISTS', `${out} exists and is not a folder`);
    throw err;
  }
  if (existing.length === 0) return;
  if (!force) {
    throw new DevPkiError(
      'PKI-OUT-EXISTS',
      `${out} is not empty; refusing to overwrite it (--force replaces the dev PKI in it)`,
    );
  }
  for (const entry of devPkiLayout.entries)
    await rm(join(out, entry), { recursive: true, force: true });
}

/**
 * Generates a complete dev PKI into `out`:
 * - `root-ca.{key,cert}.pem`: the federation root CA (10 years);
 * - `operator.{key,cert}.pem`: the operator certificate that signs the directory;
 * - `members/<ID>/{sig,enc,tls}.{key,cert}.pem`: separate keys and certificates per use (profiles
 *   in `issueCertificate`; subject CN `<ID> <use>`, O the member's name, OU the use, C its country);
 * - one revoked example: a superseded second signing certificate of RS (of the first member when
 *   RS is not generated) as `members/<ID>/sig-old.{key,cert}.pem`. It is in the directory's
 *   `revoked` list (reason `superseded`) AND still listed among that member's certificates with
 *   use `sig`: a verifier must refuse it because it is revoked, which is the stricter test (an
 *   unlisted certificate would be refused as unknown before revocation is ever looked at);
 * - `directory.jws` (signed, see `signDirectory`) and `directory.json` (its payload, for humans);
 * - `token-issuer/{key.pem,jwks.json,issuer.json}`: the ES256 dev token issuer.
 * Every key is generated natively and in parallel; nothing is written before all material
 * exists; private keys get mode 0600.
 *
 * @throws DevPkiError `PKI-UNKNOWN-MEMBER`, `PKI-OUT-EXISTS` or `PKI-OPTION`.
 * @example await generateDevPki({ out: 'certs-dev/out', keySize: 3072 });
 */
export async function generateDevPki(options: DevPkiOptions): Promise<DevPkiSummary> {
  const t0 = process.hrtime.bigint();
  const out = resolve(options.out);
  const federation = options.federation ?? loadDevFederation();
  const keySize = options.keySize ?? 3072;
  const validityDays = options.validityDays ?? 365;
  if (!Number.isInteger(keySize) || keySize < 2048 || keySize > 8192) {
    throw new DevPkiError(
      'PKI-OPTION',
      `key size must be an integer from 2048 to 8192, not ${keySize}`,
    );
  }
  if (!(validityDays > 0)) {
    throw new DevPkiError(
      'PKI-OPTION',
      `validity must be a positive number of days, not ${validityDays}`,
    );
  }
  const known = federation.members.map((m) => m.id);
  const ids = options.members ?? known;
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new DevPkiError(
      'PKI-UNKNOWN-MEMBER',
      `unknown member ${unknown.join(', ')}; the federation ${federation.federationId} has ${known.join(', ')}`,
    );
  }
  if (ids.length === 0) throw new DevPkiError('PKI-OPTION', 'at least one member is needed');
  await prepareOut(out, options.force === true);

  const now = wholeSeconds(options.now ?? new Date());
  const notBefore = new Date(now.getTime() - 3600_000);
  const notAfter = new Date(now.getTime() + validityDays * 86400_000);
  // Directory order follows the federation description, whatever order the ids came in.
  const members = federation.members.filter((m) => ids.includes(m.id));
  const revokedOwner = members.find((m) => m.id === REVOKED_EXAMPLE_MEMBER) ?? members[0]!;

  // Every RSA key at once: Node generates them on the libuv thread pool.
  const [rootKeys, operatorKeys, oldKeys, ...memberKeys] = await Promise.all(
    Array.from({ length: 3 + members.length * USES.length }, () => generateRsaKeyPair(keySize)),
  );
  const root = await createRootCa({
    commonName: `${federation.federationId} root CA`,
    organization: federation.name,
    keyPair: rootKeys!,
    now,
  });
  const issue = (publicKeyPem: string, subject: Subject, use: MemberCertificateUse | 'operator') =>
    issueCertificate({ publicKeyPem, subject, use, notBefore, notAfter, issuer: root });
  const operator: PemPair = {
    keyPem: operatorKeys!.privateKeyPem,
    certPem: issue(
      operatorKeys!.publicKeyPem,
      {
        commonName: `${federation.federationId} directory operator`,
        organization: federation.name,
        organizationalUnit: 'operator',
      },
      'operator',
    ),
  };
  const material = new Map<string, Record<MemberCertificateUse, PemPair>>();
  members.forEach((m, i) => {
    const pairs = {} as Record<MemberCertificateUse, PemPair>;
    USES.forEach((use, u) => {
      const keys = memberKeys[i * USES.length + u]!;
      pairs[use] = {
        keyPem: keys.privateKeyPem,
        certPem: issue(keys.publicKeyPem, memberSubject(m, use), use),
      };
    });
    material.set(m.id, pairs);
  });
  const revokedPair: PemPair = {
    keyPem: oldKeys!.privateKeyPem,
    certPem: issue(oldKeys!.publicKeyPem, memberSubject(revokedOwner, 'sig-old'), 'sig'),
  };
  const revokedSerial = certificateSerial(revokedPair.certPem);

  const payload = buildDirectory({
    federationId: federation.federationId,
    issuedAt: now,
    nextUpdate: new Date(now.getTime() + (options.nextUpdateDays ?? 7) * 86400_000),
    ...(options.sequence !== undefined ? { sequence: options.sequence } : {}),
    members: members.map((m) => {
      const pairs = material.get(m.id)!;
      const certificates = USES.map((use) => ({ use, pem: pairs[use].certPem }));
      if (m.id === revokedOwner.id) certificates.push({ use: 'sig', pem: revokedPair.certPem });
      const endpoint = options.endpoints?.[m.id];
      return { member: m, certificates, ...(endpoint ? { endpoint } : {}) };
    }),
    revoked: [{ serial: revokedSerial, revokedAt: now.toISOString(), reason: 'superseded' }],
  });
  const directoryJws = await signDirectory(payload, operator.keyPem, operator.certPem);
  const tokenIssuer = await createTokenIssuer();

  await mkdir(out, { recursive: true });
  const rootPaths = devPkiLayout.rootCa(out);
  const operatorPaths = devPkiLayout.operator(out);
  await writePair(rootPaths, root);
  await writePair(operatorPaths, operator);
  const memberPaths: DevPkiSummary['paths']['members'] = {};
  for (const m of members) {
    const pairs = material.get(m.id)!;
    const paths = {} as Record<MemberCertificateUse, PemPairPaths>;
    for (const use of USES) {
      paths[use] = devPkiLayout.member(out, m.id, use);
      await writePair(paths[use], pairs[use]);
    }
    memberPaths[m.id] = paths;
  }
  const revokedPaths = devPkiLayout.member(out, revokedOwner.id, 'sig-old');
  await writePair(revokedPaths, revokedPair);
  await writeFile(devPkiLayout.directoryJws(out), `${directoryJws}\n`);
  await writeFile(devPkiLayout.directoryJson(out), `${JSON.stringify(payload, null, 2)}\n`);
  const tokenPaths = devPkiLayout.tokenIssuer(out);
  await writeKey(tokenPaths.key, tokenIssuer.keyPem);
  await writeFile(tokenPaths.jwks, `${JSON.stringify(tokenIssuer.jwks, null, 2)}\n`);
  await writeFile(
    tokenPaths.issuer,
    `${JSON.stringify({ issuer: tokenIssuer.issuer, audience: tokenIssuer.audience, kid: tokenIssuer.kid }, null, 2)}\n`,
  );

  return {
    out,
    members: members.map((m) => m.id),
    keySize,
    sequence: payload.sequence,
    revokedSerials: payload.revoked.map((r) => r.serial),
    revokedMember: revokedOwner.id,
    paths: {
      rootCa: rootPaths,
      operator: operatorPaths,
      directoryJws: devPkiLayout.directoryJws(out),
      directoryJson: devPkiLayout.directoryJson(out),
      members: memberPaths,
      revokedExample: revokedPaths,
      tokenIssuer: tokenPaths,
    },
    millis: Number((process.hrtime.bigint() - t0) / 1_000_000n),
  };
}
