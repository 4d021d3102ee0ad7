// The connection test from narrow dependencies against real TLS servers on loopback: each certificate check and the health route named when they fail.
import { expect } from 'chai';
import { once } from 'node:events';
import { join } from 'node:path';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import {
  createServer as createTlsServer,
  type Server as TlsServer,
  type TLSSocket,
} from 'node:tls';
import type { ServerResponse } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import {
  createRootCa,
  generateRsaKeyPair,
  issueCertificate,
  signDirectory,
} from '../../certs-dev/index.js';
import { TrustStore } from '../../node/pki/trust-store.js';
import { testConnection } from '../../node/service/test-connection.js';
import { pkiWithRevocation, testPki, type TestPki } from '../fixtures/pki.js';

const DAY = 86_400_000;

/** AL's trust store on the PKI in `dir` (its directory, or the one in `directoryFile`). */
function trustOf(dir: string, directoryFile = join(dir, 'directory.jws')): Promise<TrustStore> {
  const m = (name: string) => join(dir, 'members', 'AL', name);
  return TrustStore.load({
    nodeId: 'AL',
    rootCa: join(dir, 'root-ca.cert.pem'),
    directory: { source: directoryFile, refreshSeconds: 3600, graceSeconds: 86400 },
    sig: { key: m('sig.key.pem'), cert: m('sig.cert.pem') },
    enc: [{ key: m('enc.key.pem'), cert: m('enc.cert.pem') }],
    tls: { key: m('tls.key.pem'), cert: m('tls.cert.pem') },
  });
}

describe('testConnection (real TLS servers on loopback)', function () {
  this.timeout(60_000);
  let pki: TestPki;
  let trust: TrustStore;
  let server: TlsServer | HttpsServer | undefined;

  before(async () => {
    pki = await testPki();
    trust = await trustOf(pki.out);
  });

  afterEach(async () => {
    if (server?.listening) {
      server.close();
      await once(server, 'close');
    }
    server = undefined;
  });

  /** Serves TLS with `key`/`cert` on MD's peer port (the directory's endpoint of MD). */
  async function serveTls(key: string, cert: string): Promise<void> {
    const s = createTlsServer({ key, cert });
    s.on('secureConnection', (c) => c.end());
    s.on('tlsClientError', () => undefined);
    s.listen(pki.peerPorts.MD, '127.0.0.1');
    await once(s, 'listening');
    server = s;
  }

  /** A TLS key and certificate for "MD" issued by `issuer` with `use` and validity. */
  async function certificate(
    issuer: { keyPem: string; certPem: string },
    use: 'tls' | 'sig',
    notBefore: Date,
    notAfter: Date,
  ) {
    const keys = await generateRsaKeyPair(2048);
    const certPem = issueCertificate({
      publicKeyPem: keys.publicKeyPem,
      subject: { commonName: 'MD tls', organizationalUnit: use },
      use,
      notBefore,
      notAfter,
      issuer,
      altNames: { dns: ['localhost'] },
    });
    return { keyPem: keys.privateKeyPem, certPem };
  }

  const failedChecks = async (t: TrustStore = trust) => {
    const r = await testConnection({ trust: t, now: () => new Date(), timeoutMs: 5000 }, 'MD');
    const step = r.steps.find((s) => s.step === 'certificate')!;
    expect(r.failedStep).to.equal('certificate');
    expect(r.steps.find((s) => s.step === 'health')!.status).to.equal('skipped');
    return { code: step.code, failed: step.checks!.filter((c) => !c.ok).map((c) => c.check), step };
  };

  it('names a certificate not issued by the federation root (chain)', async () => {
    const foreign = await createRootCa({ commonName: 'Someone else', keySize: 2048 });
    const now = Date.now();
    const c = await certificate(foreign, 'tls', new Date(now - DAY), new Date(now + 30 * DAY));
    await serveTls(c.keyPem, c.certPem);
    const r = await failedChecks();
    expect(r.code).to.equal('FFX-CERT-CHAIN');
    expect(r.failed).to.deep.equal(['chain', 'binding']);
    expect(r.step.message).to.match(/not issued by the federation root CA/);
  });

  it('names an expired certificate of the federation (validity)', async () => {
    const now = Date.now();
    const c = await certificate(pki.rootCa, 'tls', new Date(now - 60 * DAY), new Date(now - DAY));
    await serveTls(c.keyPem, c.certPem);
    const r = await failedChecks();
    expect(r.code).to.equal('FFX-CERT-VALIDITY');
    expect(r.failed).to.deep.equal(['validity', 'binding']);
    expect(r.step.checks!.find((x) => x.check === 'validity')!.message).to.match(
      /^it is expired at/,
    );
  });

  it('names a certificate unfit for TLS (usage)', async () => {
    const now = Date.now();
    const c = await certificate(pki.rootCa, 'sig', new Date(now - DAY), new Date(now + 30 * DAY));
    await serveTls(c.keyPem, c.certPem);
    const r = await failedChecks();
    expect(r.code).to.equal('FFX-CERT-USAGE');
    expect(r.failed).to.deep.equal(['usage', 'binding']);
  });

  it('names a revoked certificate (revocation), the peer’s own and listed', async () => {
    const revoked = await pkiWithRevocation('MD', 'tls');
    await revoked.revoke();
    await serveTls(pki.members.MD!.tls.keyPem, pki.members.MD!.tls.certPem);
    const r = await failedChecks(await trustOf(revoked.pkiDir));
    expect(r.code).to.equal('FFX-CERT-REVOKED');
    expect(r.failed).to.deep.equal(['revocation']);
  });

  it('names an endpoint whose name does not resolve (dns), and skips the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ffx-dns-'));
    try {
      const payload = {
        ...pki.directory,
        sequence: pki.directory.sequence + 1,
        members: pki.directory.members.map((m) =>
          m.id === 'MD' ? { ...m, endpoint: 'https://md-peer.ffx.invalid:7443' } : m,
        ),
      };
      const file = join(dir, 'directory.jws');
      await writeFile(
        file,
        await signDirectory(payload, pki.operator.keyPem, pki.operator.certPem),
      );
      const r = await testConnection(
        { trust: await trustOf(pki.out, file), now: () => new Date(), timeoutMs: 5000 },
        'MD',
      );
      expect(r.failedStep).to.equal('dns');
      const dns = r.steps[0]!;
      expect(dns.code).to.be.oneOf(['ENOTFOUND', 'EAI_AGAIN']);
      expect(dns.message).to.match(
        /^the name md-peer\.ffx\.invalid of MD's endpoint does not resolve/,
      );
      expect(r.steps.slice(1).map((x) => x.status)).to.deep.equal([
        'skipped',
        'skipped',
        'skipped',
        'skipped',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('health route', () => {
    async function serveHttps(answer: (res: ServerResponse) => void) {
      const s = createHttpsServer(
        {
          key: pki.members.MD!.tls.keyPem,
          cert: pki.members.MD!.tls.certPem,
          ca: pki.rootCaPem,
          requestCert: true,
          rejectUnauthorized: true,
        },
        (req, res) => {
          const client = (req.socket as TLSSocket).getPeerCertificate();
          res.setHeader('x-client', client?.subject?.CN ?? '');
          answer(res);
        },
      );
      s.listen(pki.peerPorts.MD, '127.0.0.1');
      await once(s, 'listening');
      server = s;
    }

    it('passes when the peer answers as itself, having seen this node’s client certificate', async () => {
      let seen = '';
      await serveHttps((res) => {
        seen = String(res.getHeader('x-client'));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ status: 'ok', nodeId: 'MD', version: '0.1.0', protocol: 1 }));
      });
      const r = await testConnection({ trust, now: () => new Date(), timeoutMs: 5000 }, 'MD');
      expect(r.ok, JSON.stringify(r.steps)).to.equal(true);
      expect(r.steps.find((s) => s.step === 'health')!.message).to.equal(
        'GET /v1/health answered 200: status ok, node MD, version 0.1.0, protocol 1',
      );
      expect(seen).to.match(/AL/);
    });

    it('fails when the peer answers as another node, or with an error status', async () => {
      await serveHttps((res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ status: 'ok', nodeId: 'RS' }));
      });
      let r = await testConnection({ trust, now: () => new Date(), timeoutMs: 5000 }, 'MD');
      let health = r.steps.find((s) => s.step === 'health')!;
      expect([r.failedStep, health.code]).to.deep.equal(['health', 'FFX-CERT-BINDING']);
      expect(health.message).to.equal('the health route answers as RS, not as MD');
      server!.close();
      await once(server!, 'close');

      await serveHttps((res) => {
        res.statusCode = 503;
        res.setHeader('content-type', 'application/problem+json');
        res.end(JSON.stringify({ code: 'FFX-UNAVAILABLE', detail: 'draining' }));
      });
      r = await testConnection({ trust, now: () => new Date(), timeoutMs: 5000 }, 'MD');
      health = r.steps.find((s) => s.step === 'health')!;
      expect(health).to.include({ status: 'failed', code: 'HTTP-503' });
      expect(health.message).to.equal(
        'GET /v1/health answered HTTP 503 (FFX-UNAVAILABLE: draining)',
      );
    });
  });
});
