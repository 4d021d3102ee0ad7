// Generates protocol/vectors/: a fixed two-member federation, a sealed message of each type and a receipt.
// Run once (`node --import tsx scripts/make-vectors.ts`) and commit the output; the keys are public test keys.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDevPki, loadDevPki, certificateKid } from '../certs-dev/index.js';
import { buildReceipt, digestOf, seal, signReceipt } from '../protocol/index.js';
import { STORY_BODIES } from '../node/dev/demo-story.js';

const out = fileURLToPath(new URL('../protocol/vectors/', import.meta.url));
const now = new Date('2026-11-20T10:00:00.000Z');
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await generateDevPki({
  out: join(out, 'pki'),
  members: ['AL', 'RS'],
  keySize: 2048,
  now,
  validityDays: 3650,
  nextUpdateDays: 3650,
  endpoints: { AL: 'https://al.ffx.invalid', RS: 'https://rs.ffx.invalid' },
});
const pki = await loadDevPki(join(out, 'pki'));
const al = pki.members.AL!;
const rs = pki.members.RS!;
const ids = {
  'trace-request': '01a0b1c2-d3e4-7f00-8a00-000000000001',
  'trace-response': '01a0b1c2-d3e4-7f00-8a00-000000000002',
  'hit-notification': '01a0b1c2-d3e4-7f00-8a00-000000000003',
} as const;
const bodies = {
  'trace-request': STORY_BODIES.traceRequest,
  'trace-response': STORY_BODIES.traceResponse,
  'hit-notification': STORY_BODIES.hit,
};
const files: Array<Record<string, unknown>> = [];
for (const type of Object.keys(ids) as Array<keyof typeof ids>) {
  const message = {
    v: 1,
    id: ids[type],
    type,
    from: 'AL',
    to: 'RS',
    createdAt: now.toISOString(),
    expiresAt: '2036-01-01T00:00:00.000Z',
    ...(type === 'trace-response' ? { inReplyTo: ids['trace-request'] } : {}),
    handling: {
      code: 'H1',
      purpose: 'criminal-investigation',
      legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
      containsPersonalData: type === 'trace-request',
    },
    policy: { id: 'AL-sharing', version: 1, decisionHash: digestOf(JSON.stringify(bodies[type])) },
    body: bodies[type],
  };
  const jwe = await seal({
    message,
    signingKey: createPrivateKey(al.sig.keyPem),
    signingKid: certificateKid(al.sig.certPem),
    recipientKey: createPublicKey(rs.enc.certPem),
    recipientKid: certificateKid(rs.enc.certPem),
  });
  await writeFile(join(out, `${type}.jwe`), jwe);
  await writeFile(join(out, `${type}.message.json`), `${JSON.stringify(message, null, 2)}\n`);
  files.push({
    envelope: `${type}.jwe`,
    message: `${type}.message.json`,
    from: 'AL',
    to: 'RS',
    digest: digestOf(jwe),
  });
}
const first = await readFile(join(out, 'trace-request.jwe'), 'utf8');
const receipt = await signReceipt({
  receipt: buildReceipt({
    messageId: ids['trace-request'],
    from: 'RS',
    to: 'AL',
    receivedAt: '2026-11-20T10:00:01.000Z',
    digest: digestOf(first),
    status: 'accepted',
  }),
  signingKey: createPrivateKey(rs.sig.keyPem),
  signingKid: certificateKid(rs.sig.certPem),
});
await writeFile(join(out, 'trace-request.receipt.jws'), receipt);
await writeFile(
  join(out, 'vectors.json'),
  `${JSON.stringify({ description: "FFX protocol v1 test vectors: AL seals one message of each type for RS; RS receipts the trace request. Open at `now` with RS's enc key from pki/members/RS/enc.key.pem and the directory pki/directory.jws (root pki/root-ca.cert.pem).", now: '2026-11-21T00:00:00.000Z', rootCa: 'pki/root-ca.cert.pem', directory: 'pki/directory.jws', recipient: { id: 'RS', encKey: 'pki/members/RS/enc.key.pem', encCert: 'pki/members/RS/enc.cert.pem' }, sender: { id: 'AL', sigCert: 'pki/members/AL/sig.cert.pem' }, envelopes: files, receipt: { file: 'trace-request.receipt.jws', for: 'trace-request.jwe', signer: 'RS', sigCert: 'pki/members/RS/sig.cert.pem' } }, null, 2)}\n`,
);
await writeFile(
  join(out, 'README.md'),
  `# Protocol test vectors\n\nGenerated once by \`scripts/make-vectors.ts\` and committed. \`vectors.json\` says what each file is and\nthe time (\`now\`) to open them at; \`tests/protocol/vectors.test.ts\` opens them.\n\n**The private keys under \`pki/\` are published test keys.** They exist so that an implementer can\nreproduce every step; never use them, or anything they signed, outside tests.\n`,
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
