// Security matrix of the peer API's transport: TLS versions and suites (openssl s_client), revoked
// client certificates, header size limits and per-peer rate limiting, on a real node process.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'node:https';
import { testFederation } from '../fixtures/federation.js';
import { pkiWithRevocation, testPki, type TestPki } from '../fixtures/pki.js';
import { envelopeFrom, postEnvelope } from '../fixtures/peer.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';

/** Runs `openssl s_client` against the peer API; resolves whether the handshake completed. */
function handshake(
  port: number,
  args: string[],
  pki: TestPki,
): Promise<{ ok: boolean; output: string }> {
  const member = join(pki.out, 'members', 'AL');
  return new Promise((resolve) => {
    const child = execFile(
      'openssl',
      [
        's_client',
        '-connect',
        `127.0.0.1:${port}`,
        '-servername',
        'localhost',
        '-CAfile',
        join(pki.out, 'root-ca.cert.pem'),
        '-cert',
        join(member, 'tls.cert.pem'),
        '-key',
        join(member, 'tls.key.pem'),
        ...args,
      ],
      { timeout: 15_000 },
      (err, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`;
        const cipher = /Cipher is (\S+)/.exec(output)?.[1];
        resolve({ ok: !err && cipher !== undefined && cipher !== '(NONE)', output });
      },
    );
    // s_client waits for input; end it at once. It may already have exited (a refused
    // handshake), so a broken pipe here is expected, not an error.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end('');
  });
}

describe('security: peer API transport (real node process)', function () {
  this.timeout(120_000);
  let fed: DevFederationRunner;
  let pki: TestPki;
  let port: number;
  let url: string;
  let pkiDir: string;

  before(async () => {
    pki = await testPki();
    // A copy of the PKI whose directory revokes MK's TLS certificate; RS runs on it.
    ({ pkiDir } = await pkiWithRevocation('MK', 'tls'));
    ({ fed } = await testFederation('sec-transport', {
      pkiDir,
      peerApi: { rateLimit: { max: 8, windowSeconds: 3600 } },
    }));
    const rs = await fed.start('RS');
    url = rs.ready.peerApi;
    port = Number(new URL(url).port);
  });

  after(async () => {
    await fed.stopAll();
  });

  it('[P-11] completes TLS 1.3 and TLS 1.2 with an ECDHE-AEAD suite (control)', async () => {
    expect((await handshake(port, ['-tls1_3'], pki)).ok).to.equal(true);
    expect(
      (await handshake(port, ['-tls1_2', '-cipher', 'ECDHE-RSA-AES256-GCM-SHA384'], pki)).ok,
    ).to.equal(true);
  });

  it('[P-11] refuses TLS 1.1 and TLS 1.0 even when the client offers them', async () => {
    for (const v of ['-tls1_1', '-tls1']) {
      const r = await handshake(port, [v, '-cipher', 'DEFAULT@SECLEVEL=0'], pki);
      expect(r.ok, `${v} must be refused`).to.equal(false);
    }
  });

  it('[P-11] refuses weak TLS 1.2 suites: RSA key transport, CBC, SHA-1', async () => {
    for (const suite of [
      'AES128-SHA',
      'AES256-GCM-SHA384',
      'ECDHE-RSA-AES128-SHA',
      'ECDHE-RSA-AES256-SHA384',
    ]) {
      const r = await handshake(port, ['-tls1_2', '-cipher', `${suite}@SECLEVEL=0`], pki);
      expect(r.ok, `${suite} must be refused`).to.equal(false);
    }
  });

  it('[P-19] refuses a client certificate the directory revokes (403 FFX-CERT-REVOKED)', async () => {
    const mk = pki.members.MK!;
    const a = await postEnvelope(url, await envelopeFrom(pki, 'MK', 'RS'), {
      key: mk.tls.keyPem,
      cert: mk.tls.certPem,
      ca: pki.rootCaPem,
    });
    expect(a.status).to.equal(403);
    expect((JSON.parse(a.body) as { code: string }).code).to.equal('FFX-CERT-REVOKED');
  });

  it('[P-14] refuses oversized request headers (431) before any processing', async () => {
    const al = pki.members.AL!;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        new URL('/v1/envelopes', url),
        {
          method: 'POST',
          key: al.tls.keyPem,
          cert: al.tls.certPem,
          ca: pki.rootCaPem,
          agent: false,
          headers: { 'content-type': 'application/jose', 'x-padding': 'x'.repeat(32 * 1024) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('x');
    });
    expect(status).to.equal(431);
  });

  it('[P-18] rate-limits each peer separately (FFX-RATE-LIMITED, 429), the rate before the type', async () => {
    // An hour's window: the ten requests cannot straddle two windows.
    const al = pki.members.AL!;
    const me = pki.members.ME!;
    const alTls = { key: al.tls.keyPem, cert: al.tls.certPem, ca: pki.rootCaPem };
    // A request refused before its body is read (wrong type) counts as one of the eight.
    expect((await postEnvelope(url, 'garbage', alTls, 'application/json')).status).to.equal(415);
    const codes: number[] = [];
    for (let i = 0; i < 9; i++) codes.push((await postEnvelope(url, 'garbage', alTls)).status);
    expect(codes.slice(0, 7).every((c) => c !== 429)).to.equal(true);
    expect(codes.slice(7)).to.deep.equal([429, 429]);
    // Refused before its body is read, the request is still counted, and its rate comes first
    // (PROTOCOL.md §4: check 2 before check 3): 429, not 415.
    expect((await postEnvelope(url, 'garbage', alTls, 'application/json')).status).to.equal(429);
    const other = await postEnvelope(url, 'garbage', {
      key: me.tls.keyPem,
      cert: me.tls.certPem,
      ca: pki.rootCaPem,
    });
    expect(other.status, "another peer is not limited by AL's traffic").to.not.equal(429);
  });
});
