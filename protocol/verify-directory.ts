// Verifies the federation directory: operator signature chained to the root, schema, sanity.
import { X509Certificate } from 'node:crypto';
import { FfxError } from './errors.js';
import { DIRECTORY_TYP, SIGNATURE_ALG } from './constants.js';
import { parseHeader, pinAlgorithm, splitCompact } from './lib/compact.js';
import { chainsTo, usageProblem, validityProblem } from './lib/certificate-profile.js';
import { TrustedDirectory, type DirectoryPayload } from './trusted-directory.js';
import { assertSchema, verifySignedJson } from './lib/verify-signed-json.js';
import { digestOf } from './digest-of.js';

/** Options of `verifyDirectory`. */
export interface VerifyDirectoryOptions {
  /** PEM of the federation root CA. */
  rootCaPem: string;
  /** The time the signer certificate must be valid at. */
  now: Date;
  /** How long past nextUpdate the directory may still be used (default 86400 s). */
  graceSeconds?: number;
  /** When given, the directory is refused if it is past nextUpdate + grace (FFX-DIRECTORY-STALE). */
  rejectStale?: boolean;
  /** Kids (x5t#S256) of operator certificates to accept; when absent any operator certificate of the root. */
  operatorKids?: string[];
}

/**
 * Verifies a federation directory (compact JWS) and returns it as a TrustedDirectory. Checks, in
 * order: compact form and header (FFX-MALFORMED), `alg` PS256 and `typ` (FFX-ALG/FFX-MALFORMED),
 * the signer certificate in `x5c` is an operator certificate issued by the root, valid now, with
 * digitalSignature and subject OU `operator`, not listed as any member's certificate
 * (FFX-DIRECTORY-SIGNER), the signature (FFX-DIRECTORY-SIGNATURE), the payload schema and that
 * kids match their certificates (FFX-DIRECTORY-SCHEMA), and staleness when asked
 * (FFX-DIRECTORY-STALE).
 *
 * @example
 * const directory = await verifyDirectory(jws, { rootCaPem, now: new Date() });
 * directory.endpointOf('RS'); // 'https://localhost:7407'
 */
export async function verifyDirectory(
  jws: string,
  options: VerifyDirectoryOptions,
): Promise<TrustedDirectory> {
  const parts = splitCompact(jws.trim(), 3, 'federation directory');
  const header = parseHeader(parts[0]!, 'federation directory');
  pinAlgorithm(header, 'alg', SIGNATURE_ALG, 'federation directory');
  if (header.typ !== DIRECTORY_TYP) {
    throw new FfxError('FFX-MALFORMED', `federation directory typ must be ${DIRECTORY_TYP}`);
  }
  const x5c = header.x5c;
  if (!Array.isArray(x5c) || typeof x5c[0] !== 'string') {
    throw new FfxError(
      'FFX-DIRECTORY-SIGNER',
      'federation directory header carries no x5c signer certificate',
    );
  }
  let signer: X509Certificate;
  let root: X509Certificate;
  try {
    signer = new X509Certificate(Buffer.from(x5c[0], 'base64'));
  } catch {
    throw new FfxError('FFX-DIRECTORY-SIGNER', 'federation directory x5c[0] is not a certificate');
  }
  try {
    root = new X509Certificate(options.rootCaPem);
  } catch (cause) {
    throw new FfxError('FFX-DIRECTORY-SIGNER', 'the configured root CA is not a PEM certificate', {
      cause,
    });
  }
  const signerKid = digestOf(signer.raw);
  if (!chainsTo(signer, root, root.publicKey)) {
    throw new FfxError(
      'FFX-DIRECTORY-SIGNER',
      `directory signer "${signer.subject.replace(/\n/g, ', ')}" is not issued by the federation root CA`,
    );
  }
  const invalid = validityProblem(signer, options.now);
  if (invalid)
    throw new FfxError('FFX-DIRECTORY-SIGNER', `directory signer certificate is ${invalid}`);
  const usage = usageProblem(signer, 'operator');
  if (usage) throw new FfxError('FFX-DIRECTORY-SIGNER', `directory signer certificate: ${usage}`);
  if (!/^OU=operator$/m.test(signer.subject)) {
    throw new FfxError(
      'FFX-DIRECTORY-SIGNER',
      `directory signer "${signer.subject.replace(/\n/g, ', ')}" is not an operator certificate (subject OU must be "operator")`,
    );
  }
  if (options.operatorKids && !options.operatorKids.includes(signerKid)) {
    throw new FfxError(
      'FFX-DIRECTORY-SIGNER',
      `directory signer ${signerKid} is not a pinned operator certificate`,
    );
  }
  const data = await verifySignedJson(jws.trim(), signer.publicKey, {
    signature: {
      code: 'FFX-DIRECTORY-SIGNATURE',
      message: 'federation directory signature does not verify with its operator certificate',
    },
    notJson: { code: 'FFX-DIRECTORY-SCHEMA', message: 'federation directory payload is not JSON' },
  });
  const p = assertSchema<DirectoryPayload>(
    'federation-directory',
    data,
    'FFX-DIRECTORY-SCHEMA',
    'federation directory',
  );
  const ids = new Set<string>();
  const kids = new Set<string>();
  for (const m of p.members) {
    if (ids.has(m.id)) throw new FfxError('FFX-DIRECTORY-SCHEMA', `member ${m.id} is listed twice`);
    ids.add(m.id);
    for (const c of m.certificates) {
      let cert: X509Certificate;
      try {
        cert = new X509Certificate(c.pem);
      } catch {
        throw new FfxError(
          'FFX-DIRECTORY-SCHEMA',
          `a ${c.use} certificate of ${m.id} is not a PEM certificate`,
        );
      }
      if (digestOf(cert.raw) !== c.kid) {
        throw new FfxError(
          'FFX-DIRECTORY-SCHEMA',
          `kid ${c.kid} of ${m.id} (${c.use}) is not the thumbprint of its certificate`,
        );
      }
      if (c.kid === signerKid) {
        throw new FfxError(
          'FFX-DIRECTORY-SIGNER',
          `the directory is signed with a certificate listed for member ${m.id}`,
        );
      }
      if (kids.has(c.kid))
        throw new FfxError('FFX-DIRECTORY-SCHEMA', `certificate ${c.kid} is listed twice`);
      kids.add(c.kid);
    }
  }
  const directory = new TrustedDirectory(p, root, options.graceSeconds ?? 86_400);
  if (options.rejectStale && directory.isStale(options.now)) {
    throw new FfxError(
      'FFX-DIRECTORY-STALE',
      `federation directory ${p.sequence} expired: nextUpdate ${p.nextUpdate} plus ${directory.graceSeconds} s grace is past`,
    );
  }
  return directory;
}
