// The crypto ceiling: messages per second one process achieves doing only the protocol's crypto.
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDevPki, loadDevPki, certificateKid } from '../certs-dev/index.js';
import {
  buildReceipt,
  open,
  seal,
  signReceipt,
  verifyDirectory,
  verifyReceipt,
} from '../protocol/index.js';
import { validate } from '../protocol/validate.js';
import { sampleMessage } from './sample-message.js';

/** Result of one ceiling measurement. */
export interface CeilingResult {
  keySize: number;
  messages: number;
  seconds: number;
  perSecond: number;
  /** Mean milliseconds per step of one message. */
  stepsMs: { seal: number; open: number; signReceipt: number; verifyReceipt: number };
}

/** A prepared ceiling measurement: keys generated once, measured as often as wanted. */
export interface CeilingBench {
  measure(seconds: number): Promise<CeilingResult>;
  dispose(): Promise<void>;
}

/**
 * Generates a two-member PKI with `keySize`-bit keys and returns a measurement that seals,
 * opens, signs and verifies the receipt of one message after another for `seconds` (after a
 * warm-up) and reports messages per second.
 */
export async function prepareCryptoCeiling(keySize: number): Promise<CeilingBench> {
  const dir = await mkdtemp(join(tmpdir(), 'ffx-bench-pki-'));
  await generateDevPki({ out: dir, members: ['AL', 'RS'], keySize });
  const pki = await loadDevPki(dir);
  const directory = await verifyDirectory(pki.directoryJws, {
    rootCaPem: pki.rootCaPem,
    now: new Date(),
  });
  const al = pki.members.AL!;
  const rs = pki.members.RS!;
  const alSig = { key: createPrivateKey(al.sig.keyPem), kid: certificateKid(al.sig.certPem) };
  const rsSig = { key: createPrivateKey(rs.sig.keyPem), kid: certificateKid(rs.sig.certPem) };
  const rsEnc = { key: createPrivateKey(rs.enc.keyPem), kid: certificateKid(rs.enc.certPem) };
  const rsEncCert = directory.certificateByKid(rsEnc.kid)!;
  const measure = async (seconds: number): Promise<CeilingResult> => {
    const steps = { seal: 0, open: 0, signReceipt: 0, verifyReceipt: 0 };
    const one = async (timed: boolean) => {
      const message = sampleMessage('AL', 'RS');
      const t = performance.now();
      const jwe = await seal({
        message,
        signingKey: alSig.key,
        signingKid: alSig.kid,
        recipientKey: rsEncCert.publicKey,
        recipientKid: rsEnc.kid,
      });
      const t1 = performance.now();
      const opened = await open(jwe, {
        self: 'RS',
        decryptionKeys: [rsEnc],
        directory,
        now: new Date(),
      });
      const t2 = performance.now();
      const receipt = await signReceipt({
        receipt: buildReceipt({
          messageId: opened.message.id,
          from: 'RS',
          to: 'AL',
          receivedAt: new Date().toISOString(),
          digest: opened.digest,
          status: 'accepted',
        }),
        signingKey: rsSig.key,
        signingKid: rsSig.kid,
      });
      const t3 = performance.now();
      await verifyReceipt(receipt, {
        directory,
        now: new Date(),
        expected: { messageId: opened.message.id, from: 'RS', to: 'AL', jwe },
      });
      const t4 = performance.now();
      if (timed) {
        steps.seal += t1 - t;
        steps.open += t2 - t1;
        steps.signReceipt += t3 - t2;
        steps.verifyReceipt += t4 - t3;
      }
    };
    for (let i = 0; i < 20; i++) await one(false);
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < seconds * 1000) {
      await one(true);
      n++;
    }
    const elapsed = (performance.now() - start) / 1000;
    return {
      keySize,
      messages: n,
      seconds: elapsed,
      perSecond: n / elapsed,
      stepsMs: {
        seal: steps.seal / n,
        open: steps.open / n,
        signReceipt: steps.signReceipt / n,
        verifyReceipt: steps.verifyReceipt / n,
      },
    };
  };
  return { measure, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Schema validations of the sample message per second (one `validate('message', …)` each). */
export function measureValidations(seconds = 2): number {
  const m = sampleMessage('AL', 'RS');
  for (let i = 0; i < 200; i++) validate('message', m);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (let i = 0; i < 100; i++) validate('message', m);
    n += 100;
  }
  return n / ((performance.now() - start) / 1000);
}
