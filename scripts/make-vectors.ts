// Generates protocol/vectors/: a fixed two-member federation, sealed messages of each type and a receipt.
// Run with `node --import tsx scripts/make-vectors.ts` and commit the output; the keys are public test keys.
// Sealing is randomised (RSA-OAEP, PSS), so a published vector is never sealed again: the script
// keeps the PKI and every envelope already in the folder and seals only the vectors it lacks
// (`--fresh` starts over with a new PKI, which invalidates every published vector).
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDevPki, certificateKid } from '../certs-dev/index.js';
import { buildReceipt, digestOf, seal, signReceipt } from '../protocol/index.js';
import { STORY_BODIES } from '../node/dev/demo-story.js';

const out = fileURLToPath(new URL('../protocol/vectors/', import.meta.url));
const now = new Date('2026-11-20T10:00:00.000Z');
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

if (process.argv.includes('--fresh')) await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
if (!(await exists(join(out, 'pki', 'directory.jws')))) {
  await generateDevPki({
    out: join(out, 'pki'),
    members: ['AL', 'RS'],
    keySize: 2048,
    now,
    validityDays: 3650,
    nextUpdateDays: 3650,
    endpoints: { AL: 'https://al.ffx.invalid', RS: 'https://rs.ffx.invalid' },
  });
}
const pem = (f: string) => readFile(join(out, 'pki', 'members', f), 'utf8');
const al = { sigKey: await pem('AL/sig.key.pem'), sigCert: await pem('AL/sig.cert.pem') };
const rs = {
  sigKey: await pem('RS/sig.key.pem'),
  sigCert: await pem('RS/sig.cert.pem'),
  encCert: await pem('RS/enc.cert.pem'),
};

/** One published envelope: AL seals `body` for RS. */
interface Vector {
  name: string;
  id: string;
  type: 'trace-request' | 'trace-response' | 'hit-notification';
  body: unknown;
  inReplyTo?: string;
  containsPersonalData: boolean;
  /** What the vector shows, for vectors.json. */
  shows?: string;
}

const vectors: Vector[] = [
  {
    name: 'trace-request',
    id: '01a0b1c2-d3e4-7f00-8a00-000000000001',
    type: 'trace-request',
    body: STORY_BODIES.traceRequest,
    containsPersonalData: true,
  },
  {
    name: 'trace-response',
    id: '01a0b1c2-d3e4-7f00-8a00-000000000002',
    type: 'trace-response',
    body: STORY_BODIES.traceResponse,
    inReplyTo: '01a0b1c2-d3e4-7f00-8a00-000000000001',
    containsPersonalData: false,
  },
  {
    name: 'hit-notification',
    id: '01a0b1c2-d3e4-7f00-8a00-000000000003',
    type: 'hit-notification',
    body: STORY_BODIES.hit,
    containsPersonalData: false,
  },
  {
    name: 'trace-request-seizure',
    id: '01a0b1c2-d3e4-7f00-8a00-000000000004',
    type: 'trace-request',
    body: STORY_BODIES.seizure,
    containsPersonalData: true,
    shows: 'a seizure: six items (firearms and ammunition lots) in one trace request',
  },
  {
    name: 'trace-response-items',
    id: '01a0b1c2-d3e4-7f00-8a00-000000000005',
    type: 'trace-response',
    body: STORY_BODIES.seizureAnswers[0],
    inReplyTo: '01a0b1c2-d3e4-7f00-8a00-000000000004',
    containsPersonalData: true,
    shows: 'a partial answer to the seizure, item by item',
  },
];

const files: Array<Record<string, unknown>> = [];
for (const v of vectors) {
  const envelope = `${v.name}.jwe`;
  if (!(await exists(join(out, envelope)))) {
    const message = {
      v: 1,
      id: v.id,
      type: v.type,
      from: 'AL',
      to: 'RS',
      createdAt: now.toISOString(),
      expiresAt: '2036-01-01T00:00:00.000Z',
      ...(v.inReplyTo ? { inReplyTo: v.inReplyTo } : {}),
      handling: {
        code: 'H1',
        purpose: 'criminal-investigation',
        legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
        containsPersonalData: v.containsPersonalData,
      },
      policy: { id: 'AL-sharing', version: 1, decisionHash: digestOf(JSON.stringify(v.body)) },
      body: v.body,
    };
    const jwe = await seal({
      message,
      signingKey: createPrivateKey(al.sigKey),
      signingKid: certificateKid(al.sigCert),
      recipientKey: createPublicKey(rs.encCert),
      recipientKid: certificateKid(rs.encCert),
    });
    await writeFile(join(out, envelope), jwe);
    await writeFile(join(out, `${v.name}.message.json`), `${JSON.stringify(message, null, 2)}\n`);
  }
  files.push({
    envelope,
    message: `${v.name}.message.json`,
    from: 'AL',
    to: 'RS',
    digest: digestOf(await readFile(join(out, envelope), 'utf8')),
    ...(v.shows ? { shows: v.shows } : {}),
  });
}
if (!(await exists(join(out, 'trace-request.receipt.jws')))) {
  const first = await readFile(join(out, 'trace-request.jwe'), 'utf8');
  const receipt = await signReceipt({
    receipt: buildReceipt({
      messageId: vectors[0]!.id,
      from: 'RS',
      to: 'AL',
      receivedAt: '2026-11-20T10:00:01.000Z',
      digest: digestOf(first),
      status: 'accepted',
    }),
    signingKey: createPrivateKey(rs.sigKey),
    signingKid: certificateKid(rs.sigCert),
  });
  await writeFile(join(out, 'trace-request.receipt.jws'), receipt);
}
await writeFile(
  join(out, 'vectors.json'),
  `${JSON.stringify({ description: "FFX protocol v1 test vectors: AL seals messages of each type for RS (a single-item trace request, its answer, a hit, a seizure of several items and a per-item answer); RS receipts the trace request. Open at `now` with RS's enc key from pki/members/RS/enc.key.pem and the directory pki/directory.jws (root pki/root-ca.cert.pem).", now: '2026-11-21T00:00:00.000Z', rootCa: 'pki/root-ca.cert.pem', directory: 'pki/directory.jws', recipient: { id: 'RS', encKey: 'pki/members/RS/enc.key.pem', encCert: 'pki/members/RS/enc.cert.pem' }, sender: { id: 'AL', sigCert: 'pki/members/AL/sig.cert.pem' }, envelopes: files, receipt: { file: 'trace-request.receipt.jws', for: 'trace-request.jwe', signer: 'RS', sigCert: 'pki/members/RS/sig.cert.pem' } }, null, 2)}\n`,
);
await writeFile(
  join(out, 'README.md'),
  `# Protocol test vectors\n\nGenerated by \`scripts/make-vectors.ts\` and committed. \`vectors.json\` says what each file is and\nthe time (\`now\`) to open them at; \`tests/protocol/vectors.test.ts\` opens them. A published\nvector is never sealed again: the script only adds the vectors the folder lacks.\n\n**The private keys under \`pki/\` are published test keys.** They exist so that an implementer can\nreproduce every step; never use them, or anything they signed, outside tests.\n`,
);
// Only the keys a reader needs to reproduce sealing, opening and receipting stay.
for (const f of [
  'token-issuer',
  'root-ca.key.pem',
  'operator.key.pem',
  'members/AL/tls.key.pem',
  'members/RS/tls.key.pem',
  'members/RS/sig-old.key.pem',
  'members/AL/sig-old.key.pem',
]) {
  await rm(join(out, 'pki', f), { recursive: true, force: true });
}
console.log(`wrote ${out}`);
