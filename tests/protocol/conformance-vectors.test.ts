// The conformance vectors: envelopes a receiver must accept, or refuse with exactly the given code.
import { expect } from 'chai';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { certificateKid } from '../../certs-dev/index.js';
import { FfxError, open, verifyDirectory } from '../../protocol/index.js';

const dir = new URL('../../protocol/vectors/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

interface ConformanceVector {
  name: string;
  rule: string;
  expect: string;
  shows: string;
  envelope: string;
  message?: string;
}

describe('protocol conformance vectors', () => {
  const v = JSON.parse(read('vectors.json')) as {
    now: string;
    rootCa: string;
    directory: string;
    recipient: { id: string; encKey: string; encCert: string };
  };
  const { vectors } = JSON.parse(read('conformance/conformance.json')) as {
    vectors: ConformanceVector[];
  };
  const now = new Date(v.now);
  const openVector = async (file: string) =>
    open(read(`conformance/${file}`), {
      self: v.recipient.id,
      decryptionKeys: [
        {
          kid: certificateKid(read(v.recipient.encCert)),
          key: createPrivateKey(read(v.recipient.encKey)),
        },
      ],
      directory: await verifyDirectory(read(v.directory), { rootCaPem: read(v.rootCa), now }),
      now,
    });

  it('has vectors to accept and to refuse', () => {
    expect(vectors.filter((c) => c.expect === 'accepted')).to.not.be.empty;
    expect(vectors.filter((c) => c.expect !== 'accepted')).to.not.be.empty;
  });

  for (const c of vectors) {
    const tags = c.rule
      .split(' ')
      .map((r) => `[${r}]`)
      .join(' ');
    it(`${tags} ${c.expect === 'accepted' ? 'accepts' : `refuses with ${c.expect}`} ${c.envelope}: ${c.shows}`, async () => {
      if (c.expect === 'accepted') {
        const opened = await openVector(c.envelope);
        expect(opened.message).to.deep.equal(JSON.parse(read(`conformance/${c.message!}`)));
        return;
      }
      const err = await openVector(c.envelope).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, `${c.envelope} must be refused`).to.be.instanceOf(FfxError);
      expect((err as FfxError).code).to.equal(c.expect);
    });
  }
});
