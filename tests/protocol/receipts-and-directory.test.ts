// Receipts (sign/verify, digest binding) and federation directory verification.
import { expect } from 'chai';
import { signDirectory } from '../../certs-dev/index.js';
import {
  buildReceipt,
  digestOf,
  ffxErrorCatalogue,
  signReceipt,
  verifyDirectory,
  verifyReceipt,
} from '../../protocol/index.js';
import { message, protocolWorld, refusedWith, sealFor, type ProtocolWorld } from './fixtures.js';

describe('receipts', function () {
  this.timeout(30_000);
  let w: ProtocolWorld;
  let jwe: string;
  let id: string;

  before(async () => {
    w = await protocolWorld();
    const m = message('hit-notification');
    id = String(m.id);
    jwe = await sealFor(w, m);
  });

  const receiptBy = async (
    signer: string,
    over: Partial<Parameters<typeof buildReceipt>[0]> = {},
  ) =>
    signReceipt({
      receipt: buildReceipt({
        messageId: id,
        from: 'RS',
        to: 'AL',
        receivedAt: new Date().toISOString(),
        digest: digestOf(jwe),
        status: 'accepted',
        ...over,
      }),
      signingKey: w.keys(signer).sig.key,
      signingKid: w.keys(signer).sig.kid,
    });
  const expected = () => ({
    directory: w.directory,
    now: new Date(),
    expected: { messageId: id, from: 'RS', to: 'AL', jwe },
  });

  it('verifies a receipt over the exact envelope bytes', async () => {
    const r = await verifyReceipt(await receiptBy('RS'), expected());
    expect(r).to.deep.include({
      v: 1,
      type: 'receipt',
      messageId: id,
      from: 'RS',
      to: 'AL',
      status: 'accepted',
      digest: digestOf(jwe),
    });
  });

  it('verifies a signed negative receipt and returns its error', async () => {
    const r = await verifyReceipt(
      await receiptBy('RS', {
        status: 'rejected',
        error: { code: 'FFX-POLICY', message: 'inbound policy refuses' },
      }),
      expected(),
    );
    expect(r.status).to.equal('rejected');
    expect(r.error).to.deep.equal({ code: 'FFX-POLICY', message: 'inbound policy refuses' });
  });

  it('refuses a receipt for other bytes (FFX-RECEIPT-DIGEST), another message (FFX-RECEIPT-MISMATCH)', async () => {
    await refusedWith(
      verifyReceipt(await receiptBy('RS', { digest: digestOf(`${jwe}x`) }), expected()),
      'FFX-RECEIPT-DIGEST',
    );
    await refusedWith(
      verifyReceipt(await receiptBy('RS', { messageId: 'another' }), expected()),
      'FFX-RECEIPT-MISMATCH',
    );
  });

  it('refuses a receipt signed by another member (FFX-CERT-BINDING) or tampered (FFX-RECEIPT-SIGNATURE)', async () => {
    await refusedWith(verifyReceipt(await receiptBy('ME'), expected()), 'FFX-CERT-BINDING');
    const good = await receiptBy('RS');
    const parts = good.split('.');
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    parts[1] = Buffer.from(
      JSON.stringify({ ...payload, status: 'accepted', receivedAt: '2020-01-01T00:00:00.000Z' }),
    ).toString('base64url');
    await refusedWith(verifyReceipt(parts.join('.'), expected()), 'FFX-RECEIPT-SIGNATURE');
  });

  it('never signs a malformed receipt (FFX-SCHEMA)', async () => {
    await refusedWith(receiptBy('RS', { status: 'rejected' }), 'FFX-SCHEMA');
  });
});

describe('verifyDirectory', function () {
  this.timeout(30_000);
  let w: ProtocolWorld;

  before(async () => {
    w = await protocolWorld();
  });

  it('accepts the operator-signed directory and exposes members, endpoints and revocations', async () => {
    const d = await verifyDirectory(w.pki.directoryJws, {
      rootCaPem: w.pki.rootCaPem,
      now: new Date(),
    });
    expect(d.members().map((m) => m.id)).to.include.members(['AL', 'RS', 'EU-DE']);
    expect(d.endpointOf('RS')).to.match(/^https:\/\/localhost:\d+$/);
    expect(d.isRevoked(w.pki.revokedExample.serial)).to.equal(true);
    expect(d.certificatesOf('AL', 'enc')).to.have.length(1);
  });

  it("refuses a directory signed by a member's key (FFX-DIRECTORY-SIGNER)", async () => {
    const al = w.pki.members.AL!;
    const forged = await signDirectory(w.pki.directory, al.sig.keyPem, al.sig.certPem);
    const e = await refusedWith(
      verifyDirectory(forged, { rootCaPem: w.pki.rootCaPem, now: new Date() }),
      'FFX-DIRECTORY-SIGNER',
    );
    expect(e.message).to.match(/not an operator certificate|listed for member AL/);
  });

  it('refuses a directory whose payload was changed after signing (FFX-DIRECTORY-SIGNATURE)', async () => {
    const parts = w.pki.directoryJws.split('.');
    parts[1] = Buffer.from(
      JSON.stringify({ ...w.pki.directory, sequence: w.pki.directory.sequence + 100 }),
    ).toString('base64url');
    await refusedWith(
      verifyDirectory(parts.join('.'), { rootCaPem: w.pki.rootCaPem, now: new Date() }),
      'FFX-DIRECTORY-SIGNATURE',
    );
  });

  it('refuses a directory that breaks its schema (FFX-DIRECTORY-SCHEMA), alg none (FFX-ALG), and a stale one when asked (FFX-DIRECTORY-STALE)', async () => {
    const bad = await signDirectory(
      { ...w.pki.directory, members: [] },
      w.pki.operator.keyPem,
      w.pki.operator.certPem,
    );
    await refusedWith(
      verifyDirectory(bad, { rootCaPem: w.pki.rootCaPem, now: new Date() }),
      'FFX-DIRECTORY-SCHEMA',
    );
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'ffx-directory+jws' })).toString('base64url')}.${w.pki.directoryJws.split('.')[1]}.`;
    await refusedWith(
      verifyDirectory(none, { rootCaPem: w.pki.rootCaPem, now: new Date() }),
      'FFX-ALG',
    );
    const later = new Date(Date.parse(w.pki.directory.nextUpdate) + 2 * 86400_000);
    await refusedWith(
      verifyDirectory(w.pki.directoryJws, {
        rootCaPem: w.pki.rootCaPem,
        now: later,
        graceSeconds: 3600,
        rejectStale: true,
      }),
      'FFX-DIRECTORY-STALE',
    );
  });
});

describe('error catalogue', () => {
  it('gives every code an HTTP status, retry semantics and a title; retryable codes never get a negative receipt', () => {
    for (const [code, e] of Object.entries(ffxErrorCatalogue)) {
      expect(code).to.match(/^FFX-[A-Z0-9-]+$/);
      expect(e.status).to.be.within(400, 599);
      expect(e.title).to.be.a('string').and.not.equal('');
      if (e.retryable) expect(e.negativeReceipt, code).to.equal(false);
    }
  });
});
