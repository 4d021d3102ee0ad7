// Fuzzing `open` directly: every hostile input ends in a catalogued FfxError, never anything else.
import { expect } from 'chai';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { certificateKid } from '../../certs-dev/index.js';
import {
  FfxError,
  MemoryReplayStore,
  isFfxCode,
  open,
  seal,
  verifyDirectory,
  type TrustedDirectory,
} from '../../protocol/index.js';
import { STORY_BODIES } from '../../node/dev/demo-story.js';
import { testPki, type TestPki } from '../fixtures/pki.js';
import { FUZZ_RUNS, mutatedEnvelope } from '../fixtures/mutations.js';

describe('fuzz: open()', function () {
  this.timeout(120_000);
  let pki: TestPki;
  let directory: TrustedDirectory;
  let valid: string;

  before(async () => {
    pki = await testPki();
    directory = await verifyDirectory(pki.directoryJws, {
      rootCaPem: pki.rootCaPem,
      now: new Date(),
    });
    const now = new Date();
    valid = await seal({
      message: {
        v: 1,
        id: uuidv7(),
        type: 'hit-notification',
        from: 'AL',
        to: 'RS',
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 3600_000).toISOString(),
        handling: { code: 'H1', purpose: 'criminal-investigation', containsPersonalData: false },
        policy: { id: 'fuzz', version: 1, decisionHash: 'A'.repeat(43) },
        body: STORY_BODIES.hit,
      },
      signingKey: createPrivateKey(pki.members.AL!.sig.keyPem),
      signingKid: certificateKid(pki.members.AL!.sig.certPem),
      recipientKey: createPublicKey(pki.members.RS!.enc.certPem),
      recipientKid: certificateKid(pki.members.RS!.enc.certPem),
    });
  });

  it('answers every mutation with a catalogued FFX code (no crash, no other error)', async () => {
    const rs = pki.members.RS!;
    const keys = [{ kid: certificateKid(rs.enc.certPem), key: createPrivateKey(rs.enc.keyPem) }];
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(mutatedEnvelope(valid), async ({ kind, bytes }) => {
        try {
          await open(bytes, {
            self: 'RS',
            decryptionKeys: keys,
            directory,
            now: new Date(),
            maxBytes: 64 * 1024,
            replay: new MemoryReplayStore(),
            transportPeer: 'AL',
          });
          // A flip inside base64 padding bits can leave the bytes' meaning unchanged: then it must open intact.
          seen.set(`${kind}:opened`, (seen.get(`${kind}:opened`) ?? 0) + 1);
        } catch (err) {
          expect(err, `${kind} threw a non-protocol error: ${String(err)}`).to.be.instanceOf(
            FfxError,
          );
          expect(isFfxCode((err as FfxError).code)).to.equal(true);
          seen.set((err as FfxError).code, (seen.get((err as FfxError).code) ?? 0) + 1);
        }
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
    console.log(
      `      ${FUZZ_RUNS * 5} mutations: ${[...seen.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
  });
});
