// The one verify → parse → validate path of signed JSON: each step fails with the code its caller gives.
import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import { CompactSign } from 'jose';
import type { FfxError } from '../../../protocol/index.js';
import { assertSchema, verifySignedJson } from '../../../protocol/lib/verify-signed-json.js';

describe('verifySignedJson and assertSchema', () => {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sign = (payload: string) =>
    new CompactSign(new TextEncoder().encode(payload))
      .setProtectedHeader({ alg: 'PS256' })
      .sign(key.privateKey);
  const steps = {
    signature: { code: 'FFX-RECEIPT-SIGNATURE', message: 'does not verify' },
    notJson: { code: 'FFX-MALFORMED', message: 'payload is not JSON' },
  } as const;
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e as FfxError,
    );

  it('returns the parsed payload of a JWS that verifies', async () => {
    expect(await verifySignedJson(await sign('{"a":1}'), key.publicKey, steps)).to.deep.equal({
      a: 1,
    });
  });

  it('refuses another key with the signature code, keeping the cause', async () => {
    const e = await refusal(verifySignedJson(await sign('{"a":1}'), other.publicKey, steps));
    expect([e?.code, e?.message]).to.deep.equal(['FFX-RECEIPT-SIGNATURE', 'does not verify']);
    expect(e?.cause).to.be.instanceOf(Error);
  });

  it('refuses a payload that is not JSON, and bytes the caller reads strictly', async () => {
    const e = await refusal(verifySignedJson(await sign('not json'), key.publicKey, steps));
    expect([e?.code, e?.message]).to.deep.equal(['FFX-MALFORMED', 'payload is not JSON']);
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const bad = await new CompactSign(Uint8Array.from([0x22, 0xff, 0x22]))
      .setProtectedHeader({ alg: 'PS256' })
      .sign(key.privateKey);
    const strict = await refusal(
      verifySignedJson(bad, key.publicKey, { ...steps, decode: (b) => fatal.decode(b) }),
    );
    expect(strict?.code).to.equal('FFX-MALFORMED');
  });

  it('refuses a document off its schema with every pointer', () => {
    let e: FfxError | undefined;
    try {
      assertSchema('receipt', { v: 1 }, 'FFX-SCHEMA', 'receipt');
    } catch (err) {
      e = err as FfxError;
    }
    expect(e?.code).to.equal('FFX-SCHEMA');
    expect(e?.message).to.match(/^receipt does not match its schema: /);
    expect(e?.problems.length).to.be.greaterThan(0);
    expect(e?.problems.every((p) => typeof p.pointer === 'string' && p.message)).to.equal(true);
  });
});
