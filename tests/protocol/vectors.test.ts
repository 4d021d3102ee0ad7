// The published test vectors open, verify and match their expected messages.
import { expect } from 'chai';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { certificateKid } from '../../certs-dev/index.js';
import { open, verifyDirectory, verifyReceipt } from '../../protocol/index.js';

const dir = new URL('../../protocol/vectors/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

interface Vectors {
  now: string;
  rootCa: string;
  directory: string;
  recipient: { id: string; encKey: string; encCert: string };
  envelopes: Array<{ envelope: string; message: string; from: string; to: string; digest: string }>;
  receipt: { file: string; for: string; signer: string };
}

describe('protocol test vectors', () => {
  const v = JSON.parse(read('vectors.json')) as Vectors;
  const now = new Date(v.now);

  for (const e of v.envelopes) {
    it(`opens ${e.envelope} at ${v.now} to exactly ${e.message}`, async () => {
      const directory = await verifyDirectory(read(v.directory), {
        rootCaPem: read(v.rootCa),
        now,
      });
      const opened = await open(read(e.envelope), {
        self: v.recipient.id,
        decryptionKeys: [
          {
            kid: certificateKid(read(v.recipient.encCert)),
            key: createPrivateKey(read(v.recipient.encKey)),
          },
        ],
        directory,
        now,
      });
      expect(opened.message).to.deep.equal(JSON.parse(read(e.message)));
      expect(opened.digest).to.equal(e.digest);
    });
  }

  it('verifies the receipt against the envelope it receipts', async () => {
    const directory = await verifyDirectory(read(v.directory), { rootCaPem: read(v.rootCa), now });
    const jwe = read(v.receipt.for);
    const r = await verifyReceipt(read(v.receipt.file), {
      directory,
      now,
      expected: {
        messageId: JSON.parse(read(v.envelopes[0]!.message)).id,
        from: v.receipt.signer,
        to: 'AL',
        jwe,
      },
    });
    expect(r.status).to.equal('accepted');
  });
});
