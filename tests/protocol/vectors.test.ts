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

  it('keeps the first published envelopes byte for byte (a vector is never sealed again)', () => {
    const digests = Object.fromEntries(v.envelopes.map((e) => [e.envelope, e.digest]));
    expect(digests).to.include({
      'trace-request.jwe': 'wz0UwvXWIzi4HpdXr9hda1nlIrTLh0EeoSL8JX_483U',
      'trace-response.jwe': 'GjcnWMjxiwDriqcs4slr_t-OTZ9aa3sUQJJvw3oddes',
      'hit-notification.jwe': 'iBxu54E1FPo0NOTOY5JL9lZtxzar8VvVd2CpBubSKpw',
    });
  });

  it('includes a seizure of several items and a per-item answer that names its items', () => {
    const request = JSON.parse(read('trace-request-seizure.message.json')) as {
      id: string;
      body: { items: Array<{ itemId: string; kind: string }>; firearm?: unknown };
    };
    const answer = JSON.parse(read('trace-response-items.message.json')) as {
      inReplyTo: string;
      body: { status: string; items: Array<{ itemId: string }> };
    };
    expect(request.body.firearm).to.equal(undefined);
    expect(request.body.items.map((i) => i.kind)).to.deep.equal([
      'firearm',
      'firearm',
      'firearm',
      'firearm',
      'ammunition',
      'ammunition',
    ]);
    expect(answer.inReplyTo).to.equal(request.id);
    expect(answer.body.status).to.equal('partial');
    const ids = request.body.items.map((i) => i.itemId);
    for (const a of answer.body.items) expect(ids).to.include(a.itemId);
  });

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
