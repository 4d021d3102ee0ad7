// Generates protocol/vectors/conformance/: envelopes a receiver must accept or refuse with a given code.
// Run with `node --import tsx scripts/make-conformance-vectors.ts` and commit the output. It uses the
// published test PKI of protocol/vectors/pki and, like make-vectors.ts, seals only the vectors
// the folder lacks (sealing is randomised, a published vector is never sealed again).
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompactEncrypt, CompactSign } from 'jose';
import { certificateKid } from '../certs-dev/index.js';

const vectors = fileURLToPath(new URL('../protocol/vectors/', import.meta.url));
const out = join(vectors, 'conformance');
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );
const pem = (f: string) => readFile(join(vectors, 'pki', 'members', f), 'utf8');
const alSigKey = createPrivateKey(await pem('AL/sig.key.pem'));
const alSigKid = certificateKid(await pem('AL/sig.cert.pem'));
const rsEncCert = await pem('RS/enc.cert.pem');
const rsEncKey = createPublicKey(rsEncCert);
const rsEncKid = certificateKid(rsEncCert);
const base = JSON.parse(
  await readFile(join(vectors, 'trace-request.message.json'), 'utf8'),
) as Record<string, unknown>;

/** One conformance vector: the message, and what to change in the headers or the algorithm. */
interface Case {
  name: string;
  /** The numbered requirement of PROTOCOL.md §10 it checks. */
  rule: string;
  expect: 'accepted' | `FFX-${string}`;
  shows: string;
  message: Record<string, unknown>;
  jwsHeader?: Record<string, unknown>;
  jweHeader?: Record<string, unknown>;
  alg?: string;
}

const id = (n: number) => `01a0b1c2-d3e4-7f00-8b00-${String(n).padStart(12, '0')}`;
const cases: Case[] = [
  {
    name: 'accepted-offset-times-opaque-decision-hash',
    rule: 'P-6 P-7',
    expect: 'accepted',
    shows:
      'times with a +02:00 offset are compared as instants; a decisionHash the receiver cannot recompute is recorded, not checked',
    message: {
      ...base,
      id: id(1),
      createdAt: '2026-11-20T12:00:00+02:00',
      expiresAt: '2035-12-31T23:00:00-01:00',
      policy: { id: 'AL-sharing', version: 1, decisionHash: 'A'.repeat(43) },
    },
  },
  {
    name: 'refused-upper-case-id',
    rule: 'P-4',
    expect: 'FFX-SCHEMA',
    shows: 'a message id in upper case is not the lower-case UUIDv7 the schema requires',
    message: { ...base, id: id(2).toUpperCase() },
  },
  {
    name: 'refused-expires-before-created',
    rule: 'P-5',
    expect: 'FFX-SCHEMA',
    shows: 'expiresAt must be after createdAt',
    message: { ...base, id: id(3), expiresAt: '2026-11-20T09:59:59.000Z' },
  },
  {
    name: 'refused-extra-signed-header-field',
    rule: 'P-8',
    expect: 'FFX-MALFORMED',
    shows: 'the inner JWS protected header carries a field besides alg, typ and kid',
    message: { ...base, id: id(4) },
    jwsHeader: { 'x5t#S256': alSigKid },
  },
  {
    name: 'refused-extra-envelope-header-field',
    rule: 'P-9',
    expect: 'FFX-MALFORMED',
    shows: 'the JWE protected header carries a field the profile does not define',
    message: { ...base, id: id(5) },
    jweHeader: { 'ffx-note': 'not in the profile' },
  },
  {
    name: 'refused-key-management-rsa-oaep',
    rule: 'P-10',
    expect: 'FFX-ALG',
    shows: 'RSA-OAEP (SHA-1) instead of RSA-OAEP-256, refused before any key is used',
    message: { ...base, id: id(6) },
    alg: 'RSA-OAEP',
  },
];

await mkdir(out, { recursive: true });
const index: Array<
  Omit<Case, 'message' | 'jwsHeader' | 'jweHeader' | 'alg'> & {
    envelope: string;
    message?: string;
  }
> = [];
for (const c of cases) {
  const file = `${c.name}.jwe`;
  if (!(await exists(join(out, file)))) {
    const m = c.message;
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(m)))
      .setProtectedHeader({ alg: 'PS256', typ: 'ffx-msg+jws', kid: alSigKid, ...c.jwsHeader })
      .sign(alSigKey);
    const jwe = await new CompactEncrypt(new TextEncoder().encode(jws))
      .setProtectedHeader({
        alg: c.alg ?? 'RSA-OAEP-256',
        enc: 'A256GCM',
        kid: rsEncKid,
        cty: 'ffx-msg+jws',
        'ffx-v': 1,
        'ffx-id': m.id as string,
        'ffx-from': m.from as string,
        'ffx-to': m.to as string,
        ...c.jweHeader,
      })
      .encrypt(rsEncKey);
    await writeFile(join(out, file), jwe);
    if (c.expect === 'accepted')
      await writeFile(join(out, `${c.name}.message.json`), `${JSON.stringify(m, null, 2)}\n`);
  }
  index.push({
    name: c.name,
    rule: c.rule,
    expect: c.expect,
    shows: c.shows,
    envelope: file,
    ...(c.expect === 'accepted' ? { message: `${c.name}.message.json` } : {}),
  });
}
await writeFile(
  join(out, 'conformance.json'),
  `${JSON.stringify(
    {
      description:
        'Envelopes from AL to RS that a receiver must accept or refuse with the given code (PROTOCOL.md §10 names each rule). Open them like the vectors of ../vectors.json: at its `now`, with its directory and RS enc key.',
      vectors: index,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${index.length} conformance vectors to ${out}`);
