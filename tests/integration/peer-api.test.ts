// The peer API of a real node process refuses unauthenticated or mismatched senders and oversized bodies.
import { expect } from 'chai';
import { request as httpsRequest } from 'node:https';
import { createRootCa, generateRsaKeyPair, issueCertificate } from '../../certs-dev/index.js';
import { testFederation } from '../fixtures/federation.js';
import {
  envelopeFrom as envelopeFromPki,
  postEnvelope as post,
  type Answer,
} from '../fixtures/peer.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import type { TestPki } from '../fixtures/pki.js';

describe('peer API refusals (real node process, mutual TLS)', function () {
  this.timeout(120_000);
  let fed: DevFederationRunner;
  let pki: TestPki;
  let rsUrl: string;

  before(async () => {
    ({ fed, pki } = await testFederation('peerapi'));
    rsUrl = (await fed.start('RS')).ready.peerApi;
  });

  after(async () => {
    await fed.stopAll();
  });

  const envelopeFrom = (from: string) => envelopeFromPki(pki, from, 'RS');

  async function inboxSize(): Promise<number> {
    const rs = await fed.client('RS', 'officer.rs', ['analyst']);
    return (await rs.inbox('?limit=500')).items.length;
  }

  function problemCode(a: Answer): string {
    expect(a.type).to.match(/^application\/problem\+json/);
    return String((JSON.parse(a.body) as { code: string }).code);
  }

  it('accepts a proper envelope (the control case) and answers a signed receipt', async () => {
    const al = pki.members.AL!;
    const a = await post(rsUrl, await envelopeFrom('AL'), {
      key: al.tls.keyPem,
      cert: al.tls.certPem,
      ca: pki.rootCaPem,
    });
    expect(a.status).to.equal(200);
    expect(a.type).to.match(/^application\/jose/);
    expect(a.body.split('.')).to.have.length(3);
    expect(await inboxSize()).to.equal(1);
  });

  it('refuses a request without a client certificate (FFX-TRANSPORT-IDENTITY) and stores nothing', async () => {
    const before = await inboxSize();
    const a = await post(rsUrl, await envelopeFrom('AL'), { ca: pki.rootCaPem });
    expect(a.status).to.equal(401);
    expect(problemCode(a)).to.equal('FFX-TRANSPORT-IDENTITY');
    expect(await inboxSize()).to.equal(before);
  });

  it('[P-19] refuses a client certificate from another CA (403 FFX-CERT-CHAIN) and stores nothing', async () => {
    const before = await inboxSize();
    const otherRoot = await createRootCa({ commonName: 'someone else root', keySize: 2048 });
    const keys = await generateRsaKeyPair(2048);
    const now = Date.now();
    const cert = issueCertificate({
      publicKeyPem: keys.publicKeyPem,
      subject: { commonName: 'AL tls', organization: 'Albania — Firearms Focal Point' },
      use: 'tls',
      notBefore: new Date(now - 3600_000),
      notAfter: new Date(now + 86400_000),
      issuer: otherRoot,
    });
    const a = await post(rsUrl, await envelopeFrom('AL'), {
      key: keys.privateKeyPem,
      cert,
      ca: pki.rootCaPem,
    });
    // [P-19] a presented certificate that is refused: 403 (401 only when none is presented).
    expect(a.status).to.equal(403);
    expect(problemCode(a)).to.equal('FFX-CERT-CHAIN');
    expect(await inboxSize()).to.equal(before);
  });

  it("[P-18] refuses a member's TLS certificate carrying another member's signed envelope and stores nothing", async () => {
    const before = await inboxSize();
    const al = pki.members.AL!;
    const a = await post(rsUrl, await envelopeFrom('MD'), {
      key: al.tls.keyPem,
      cert: al.tls.certPem,
      ca: pki.rootCaPem,
    });
    expect(a.status).to.be.oneOf([401, 403]);
    const code = a.type.startsWith('application/jose') ? 'signed negative receipt' : problemCode(a);
    expect(code).to.equal('FFX-TRANSPORT-IDENTITY');
    expect(await inboxSize()).to.equal(before);
  });

  it('[P-14] refuses an oversized body before reading it whole (FFX-SIZE) and stores nothing', async () => {
    const before = await inboxSize();
    const al = pki.members.AL!;
    const a = await post(rsUrl, Buffer.alloc(1024 * 1024 + 1, 0x41), {
      key: al.tls.keyPem,
      cert: al.tls.certPem,
      ca: pki.rootCaPem,
    });
    expect(a.status).to.equal(413);
    expect(problemCode(a)).to.equal('FFX-SIZE');
    expect(await inboxSize()).to.equal(before);
  });

  it('refuses a body that is not a JOSE envelope with a specific code', async () => {
    const al = pki.members.AL!;
    const a = await post(rsUrl, '{"hello":"world"}', {
      key: al.tls.keyPem,
      cert: al.tls.certPem,
      ca: pki.rootCaPem,
    });
    expect(a.status).to.equal(400);
    expect(problemCode(a)).to.equal('FFX-MALFORMED');
    const b = await post(
      rsUrl,
      await envelopeFrom('AL'),
      { key: al.tls.keyPem, cert: al.tls.certPem, ca: pki.rootCaPem },
      'application/json',
    );
    expect(b.status).to.equal(415);
    expect(problemCode(b)).to.equal('FFX-MALFORMED');
    // A compressed body is not decompressed: refused before it is read.
    const before = await inboxSize();
    const c = await post(
      rsUrl,
      await envelopeFrom('AL'),
      { key: al.tls.keyPem, cert: al.tls.certPem, ca: pki.rootCaPem },
      'application/jose',
      { 'content-encoding': 'gzip' },
    );
    expect(c.status).to.equal(415);
    expect(problemCode(c)).to.equal('FFX-MALFORMED');
    expect(await inboxSize()).to.equal(before);
  });

  it('answers the health route to a peer and no other route or method (404, FFX-MALFORMED)', async () => {
    const al = pki.members.AL!;
    const tls = { key: al.tls.keyPem, cert: al.tls.certPem, ca: pki.rootCaPem };
    const call = (method: string, path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpsRequest(new URL(path, rsUrl), { method, ...tls, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
        });
        req.on('error', reject);
        req.end();
      });
    const health = await call('GET', '/v1/health?probe=1');
    expect(health.status).to.equal(200);
    expect(JSON.parse(health.body)).to.include({ status: 'ok', nodeId: 'RS', protocol: 1 });
    expect((await call('GET', '/v1/peer/health/')).status).to.equal(200);
    for (const [method, path] of [
      ['GET', '/v1/envelopes'],
      ['POST', '/v1/health'],
      ['GET', '/v1/messages'],
      ['DELETE', '/v1/envelopes'],
    ] as const) {
      const a = await call(method, path);
      expect(a.status, `${method} ${path}`).to.equal(404);
      expect(JSON.parse(a.body).code).to.equal('FFX-MALFORMED');
    }
  });

  it('[P-21] answers a redelivery with the original receipt and keeps one inbox entry', async () => {
    const al = pki.members.AL!;
    const env = await envelopeFrom('AL');
    const before = await inboxSize();
    const tls = { key: al.tls.keyPem, cert: al.tls.certPem, ca: pki.rootCaPem };
    const first = await post(rsUrl, env, tls);
    const second = await post(rsUrl, env, tls);
    expect(first.status).to.equal(200);
    expect(second.status).to.equal(200);
    expect(second.body).to.equal(first.body);
    expect(await inboxSize()).to.equal(before + 1);
  });
});
