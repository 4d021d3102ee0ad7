// The peer API of a real node process under a hostile peer (issue 12): health answer, foreign-CA
// certificates, refused bodies, slow connections and connection caps, on real TLS sockets.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { request } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { v7 as uuidv7 } from 'uuid';
import { seal } from '../../protocol/index.js';
import { certificateKid } from '../../certs-dev/index.js';
import { STORY_BODIES } from '../../node/dev/demo-story.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { eventually, testFederation } from '../fixtures/federation.js';
import { envelopeFrom, postEnvelope } from '../fixtures/peer.js';
import {
  closed,
  foreignCertificate,
  openTcp,
  openTls,
  pushBody,
  readAnswer,
  type ClientTls,
} from '../fixtures/raw-tls.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import type { TestPki } from '../fixtures/pki.js';

const MiB = 1024 * 1024;

/** GET `path` on the peer API with the given client TLS; status, headers and body. */
function get(
  url: string,
  path: string,
  tls: ClientTls,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { ...tls, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** `ffx_peer_refused_total{code}` of a node, read from its local API's metrics. */
async function refusedCount(localUrl: string, code: string): Promise<number> {
  const text = await (await fetch(new URL('/v1/metrics', localUrl))).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('ffx_peer_refused_total{') && l.includes(`code="${code}"`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

/** Runs a command with `input` on stdin; resolves with its stdout and stderr. */
function run(cmd: string, args: string[], input = ''): Promise<string> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { timeout: 20_000 }, (_err, stdout, stderr) =>
      resolve(`${stdout}\n${stderr}`),
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

describe('security: peer API under a hostile peer (real node process)', function () {
  this.timeout(120_000);
  let fed: DevFederationRunner;
  let pki: TestPki;
  let stateDir: string;
  let url: string;
  let localUrl: string;
  let al: ClientTls;
  let files: string;

  before(async () => {
    ({ fed, pki, stateDir } = await testFederation('hostile', {
      peerApi: {
        headersTimeoutMs: 5000,
        handshakeTimeoutMs: 2000,
        keepAliveTimeoutMs: 2000,
        maxConnectionsPerAddress: 10,
        maxConnections: 40,
      },
    }));
    const rs = await fed.start('RS');
    url = rs.ready.peerApi;
    localUrl = rs.ready.localApi;
    const m = pki.members.AL!;
    al = { key: m.tls.keyPem, cert: m.tls.certPem, ca: pki.rootCaPem };
    files = await mkdtemp(join(tmpdir(), 'ffx-hostile-'));
  });

  after(async () => {
    await fed.stopAll();
    await rm(files, { recursive: true, force: true });
  });

  describe('finding 1: the health route', () => {
    it('[P-16] answers a client without a certificate only {"status":"ok"}: no node id, no version', async () => {
      const a = await get(url, '/v1/health', { ca: pki.rootCaPem });
      expect(a.status).to.equal(200);
      expect(JSON.parse(a.body)).to.deep.equal({ status: 'ok' });
      expect(a.body).to.not.include('RS');
      const b = await get(url, '/v1/peer/health', { ca: pki.rootCaPem });
      expect(JSON.parse(b.body)).to.deep.equal({ status: 'ok' });
    });

    it('[P-16] answers an authenticated peer its node id and protocol version, never the software version', async () => {
      const a = await get(url, '/v1/health', al);
      expect(a.status).to.equal(200);
      expect(JSON.parse(a.body)).to.deep.equal({ status: 'ok', nodeId: 'RS', protocol: 1 });
    });

    it('[P-16] [P-19] refuses a foreign certificate on the health route as on any other (403 FFX-CERT-CHAIN)', async () => {
      const foreign = await foreignCertificate(pki.members.AL!.tls.certPem, pki.rootCaPem);
      const a = await get(url, '/v1/health', {
        key: foreign.key,
        cert: foreign.cert,
        ca: pki.rootCaPem,
      });
      expect(a.status).to.equal(403);
      expect(JSON.parse(a.body)).to.include({ code: 'FFX-CERT-CHAIN' });
    });
  });

  describe('finding 2: a certificate of a foreign CA', () => {
    it('[P-19] [P-20] answers 403 FFX-CERT-CHAIN to every TLS client and logs, counts and journals each attempt with fingerprint and subject', async () => {
      const m = pki.members.AL!;
      const foreign = await foreignCertificate(m.tls.certPem, pki.rootCaPem);
      const env = await envelopeFrom(pki, 'AL', 'RS');
      const before = await refusedCount(localUrl, 'FFX-CERT-CHAIN');
      await writeFile(join(files, 'f.key'), foreign.key);
      await writeFile(join(files, 'f.cert'), foreign.cert);
      await writeFile(join(files, 'root.pem'), pki.rootCaPem);
      await writeFile(join(files, 'env.jwe'), env);
      const answers: Array<[string, number, string]> = [];
      const tls = { key: foreign.key, cert: foreign.cert, ca: pki.rootCaPem };

      // Node's client, TLS 1.3 and TLS 1.2.
      const viaNode = await postEnvelope(url, env, tls);
      answers.push(['node tls1.3', viaNode.status, JSON.parse(viaNode.body).code]);
      // A body near the size limit, still being written when the refusal comes.
      const large = await postEnvelope(url, Buffer.alloc(900 * 1024, 0x41), tls);
      answers.push(['node, 900 KiB body', large.status, JSON.parse(large.body).code]);
      for (const maxVersion of ['TLSv1.2', 'TLSv1.3'] as const) {
        const s = await openTls(url, tls, { maxVersion });
        const answer = readAnswer(s);
        s.write(
          `POST /v1/envelopes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/jose\r\nContent-Length: ${env.length}\r\n\r\n${env}`,
        );
        const a = await answer;
        answers.push([`raw ${maxVersion}`, a.status, JSON.parse(a.body).code]);
        s.destroy();
      }
      // curl, TLS 1.3 and TLS 1.2.
      for (const v of ['--tlsv1.3', '--tls-max']) {
        const out = await run('curl', [
          '-s',
          ...(v === '--tls-max' ? ['--tls-max', '1.2'] : [v]),
          '--cacert',
          join(files, 'root.pem'),
          '--cert',
          join(files, 'f.cert'),
          '--key',
          join(files, 'f.key'),
          '-H',
          'content-type: application/jose',
          '--data-binary',
          `@${join(files, 'env.jwe')}`,
          '-w',
          '\n%{http_code}',
          new URL('/v1/envelopes', url).href,
        ]);
        const lines = out.trim().split('\n');
        const status = Number(lines.at(-1));
        let code: string;
        try {
          code = JSON.parse(lines.slice(0, -1).join('\n')).code;
        } catch {
          code = `unparsable: ${out}`;
        }
        answers.push([`curl ${v}`, status, code]);
      }
      // openssl s_client, TLS 1.3 and TLS 1.2.
      for (const v of ['-tls1_3', '-tls1_2']) {
        const out = await run(
          'openssl',
          [
            's_client',
            '-quiet',
            '-ign_eof',
            v,
            '-connect',
            `127.0.0.1:${new URL(url).port}`,
            '-servername',
            'localhost',
            '-CAfile',
            join(files, 'root.pem'),
            '-cert',
            join(files, 'f.cert'),
            '-key',
            join(files, 'f.key'),
          ],
          `POST /v1/envelopes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/jose\r\nConnection: close\r\nContent-Length: ${env.length}\r\n\r\n${env}`,
        );
        const status = Number(/HTTP\/1\.1 (\d{3})/.exec(out)?.[1] ?? 0);
        const code = /"code":"([A-Z-]+)"/.exec(out)?.[1] ?? `none: ${out.slice(0, 300)}`;
        answers.push([`openssl ${v}`, status, code]);
      }
      expect(answers).to.deep.equal(answers.map(([c]) => [c, 403, 'FFX-CERT-CHAIN']));

      expect(await refusedCount(localUrl, 'FFX-CERT-CHAIN')).to.equal(before + answers.length);
      const journalFile = join(stateDir, 'RS', 'audit-main.jsonl');
      const refused = await eventually(
        'journal entries of the refusals',
        async () => {
          const entries = (await readFile(journalFile, 'utf8'))
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Record<string, unknown>)
            .filter((e) => e.type === 'peer-refused' && e.fingerprint === foreign.fingerprint);
          return entries.length >= answers.length ? entries : undefined;
        },
        10_000,
      );
      expect(refused).to.have.length(answers.length);
      for (const e of refused) {
        expect(e).to.include({ code: 'FFX-CERT-CHAIN', subject: foreign.subject });
        expect(e.remoteAddress).to.be.a('string');
      }
      const log = await readFile(join(stateDir, 'RS', 'node-main.log'), 'utf8');
      const lines = log
        .split('\n')
        .filter((l) => l.includes(foreign.fingerprint) && l.includes('FFX-CERT-CHAIN'));
      expect(lines).to.have.length(answers.length);
      expect(lines[0]).to.include(foreign.subject);
    });

    it('[P-19] [P-20] answers 401 FFX-TRANSPORT-IDENTITY without a certificate, and counts and journals it', async () => {
      const before = await refusedCount(localUrl, 'FFX-TRANSPORT-IDENTITY');
      const a = await postEnvelope(url, await envelopeFrom(pki, 'AL', 'RS'), { ca: pki.rootCaPem });
      expect(a.status).to.equal(401);
      expect(JSON.parse(a.body).code).to.equal('FFX-TRANSPORT-IDENTITY');
      expect(await refusedCount(localUrl, 'FFX-TRANSPORT-IDENTITY')).to.equal(before + 1);
    });
  });

  describe('settled questions of PROTOCOL.md', () => {
    it('[P-13] accepts application/jose in any case and with parameters, refuses application/jose+json (415)', async () => {
      for (const type of ['application/jose; charset=utf-8', 'Application/JOSE']) {
        const a = await postEnvelope(url, await envelopeFrom(pki, 'AL', 'RS'), al, type);
        expect(a.status, type).to.equal(200);
      }
      const b = await postEnvelope(
        url,
        await envelopeFrom(pki, 'AL', 'RS'),
        al,
        'application/jose+json',
      );
      expect(b.status).to.equal(415);
      expect(JSON.parse(b.body).code).to.equal('FFX-MALFORMED');
    });

    it('[P-22] checks a refused id afresh when it is sent again, and accepts it then', async () => {
      const m = pki.members.AL!;
      const id = uuidv7();
      const sealAt = (createdAt: Date) =>
        seal({
          message: {
            v: 1,
            id,
            type: 'hit-notification',
            from: 'AL',
            to: 'RS',
            createdAt: createdAt.toISOString(),
            expiresAt: new Date(createdAt.getTime() + 3600_000).toISOString(),
            handling: {
              code: 'H1',
              purpose: 'criminal-investigation',
              containsPersonalData: false,
              legalBasis: 'Police Cooperation Convention for Southeast Europe, Art. 5',
            },
            policy: { id: 'test', version: 1, decisionHash: 'A'.repeat(43) },
            body: STORY_BODIES.hit,
          },
          signingKey: createPrivateKey(m.sig.keyPem),
          signingKid: certificateKid(m.sig.certPem),
          recipientKey: createPublicKey(pki.members.RS!.enc.certPem),
          recipientKid: certificateKid(pki.members.RS!.enc.certPem),
        });
      const future = await postEnvelope(url, await sealAt(new Date(Date.now() + 3600_000)), al);
      expect(future.status).to.equal(400);
      expect(JSON.parse(future.body).code).to.equal('FFX-FUTURE');
      const again = await postEnvelope(url, await sealAt(new Date()), al);
      expect(again.status, again.body).to.equal(200);
      expect(again.type).to.match(/^application\/jose/);
    });

    it('[P-11] does not negotiate HTTP/2: a client offering h2 and http/1.1 by ALPN gets HTTP/1.1', async () => {
      const u = new URL(url);
      const protocol = await new Promise<string | false | null>((resolve, reject) => {
        const s = tlsConnect(
          {
            host: '127.0.0.1',
            port: Number(u.port),
            servername: 'localhost',
            ca: pki.rootCaPem,
            key: al.key,
            cert: al.cert,
            ALPNProtocols: ['h2', 'http/1.1'],
          },
          () => {
            resolve(s.alpnProtocol ?? null);
            s.destroy();
          },
        );
        s.on('error', reject);
      });
      expect(protocol).to.not.equal('h2');
    });
  });

  describe('finding 3: a refused body closes the connection', () => {
    it('[P-15] refuses Content-Length 20 MiB with 413 and Connection: close, reads almost none of it and closes the socket', async () => {
      const s = await openTls(url, al);
      const answer = readAnswer(s);
      const gone = closed(s);
      s.write(
        `POST /v1/envelopes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/jose\r\nContent-Length: ${20 * MiB}\r\n\r\n`,
      );
      const pushed = pushBody(s, 20 * MiB);
      const a = await answer;
      expect(a.status).to.equal(413);
      expect(a.headers.connection).to.equal('close');
      expect(JSON.parse(a.body).code).to.equal('FFX-SIZE');
      const ms = await Promise.race([
        gone,
        new Promise<number>((r) => setTimeout(() => r(-1), 5000)),
      ]);
      const written = await pushed;
      s.destroy();
      expect(ms, 'the server closes the connection').to.be.within(0, 5000);
      // What the client could push at all: the server's reads plus the kernel's socket buffers,
      // which grow with how long a loaded machine takes to answer (3.8 MiB quiet, 13 MiB at a
      // load average of 15); a server that read the body to its end would have taken all 20 MiB.
      console.log(`      the client could write ${(written / MiB).toFixed(1)} MiB of 20 MiB`);
      expect(written, `bytes the client could write (${written})`).to.be.below(20 * MiB);
    });

    it('[P-15] refuses a chunked body over the limit with 413 and Connection: close, and closes the socket', async () => {
      const s = await openTls(url, al);
      const answer = readAnswer(s);
      const gone = closed(s);
      s.write(
        'POST /v1/envelopes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/jose\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      const pushed = pushBody(s, 20 * MiB, (c) =>
        Buffer.concat([Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]),
      );
      const a = await answer;
      expect(a.status).to.equal(413);
      expect(a.headers.connection).to.equal('close');
      const ms = await Promise.race([
        gone,
        new Promise<number>((r) => setTimeout(() => r(-1), 5000)),
      ]);
      const written = await pushed;
      s.destroy();
      expect(ms, 'the server closes the connection').to.be.within(0, 5000);
      console.log(`      the client could write ${(written / MiB).toFixed(1)} MiB of 20 MiB`);
      expect(written, `bytes the client could write (${written})`).to.be.below(20 * MiB);
    });

    it('[P-15] closes the connection after any refusal before the body is read (415, 401)', async () => {
      for (const [tls, type, status] of [
        [al, 'application/json', 415],
        [{ ca: pki.rootCaPem }, 'application/jose', 401],
      ] as const) {
        const s = await openTls(url, tls);
        const answer = readAnswer(s);
        const gone = closed(s);
        s.write(
          `POST /v1/envelopes HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${type}\r\nContent-Length: ${MiB / 2}\r\n\r\n`,
        );
        void pushBody(s, MiB / 2);
        const a = await answer;
        expect(a.status).to.equal(status);
        expect(a.headers.connection).to.equal('close');
        const ms = await Promise.race([
          gone,
          new Promise<number>((r) => setTimeout(() => r(-1), 5000)),
        ]);
        s.destroy();
        expect(ms, `the server closes the connection after ${status}`).to.be.within(0, 5000);
      }
    });
  });

  describe('finding 4: slow connections and connection caps', () => {
    it('[P-17] closes connections whose request headers do not complete within the header timeout (5 s), promptly', async () => {
      const sockets: Socket[] = [];
      try {
        // Twenty, five from each of four addresses (under the cap of ten per address).
        const opened = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            openTls(url, al, { localAddress: `127.0.3.${(i % 4) + 1}` }),
          ),
        );
        for (const s of opened) {
          s.write('POST /v1/envelopes HTTP/1.1\r\nHost: localhost\r\n');
          sockets.push(s);
        }
        const started = Date.now();
        const drip = setInterval(() => {
          for (const s of sockets) if (!s.destroyed) s.write('X');
        }, 300);
        const times = await Promise.all(sockets.map((s) => closed(s)));
        clearInterval(drip);
        const elapsed = Date.now() - started;
        expect(elapsed, `all 20 closed after ${elapsed} ms`).to.be.within(1000, 6500);
        expect(Math.max(...times)).to.be.below(6500);
      } finally {
        for (const s of sockets) s.destroy();
      }
    });

    it('[P-17] closes a connection that never completes its TLS handshake within the handshake timeout', async () => {
      const s = await openTcp(url);
      s.on('error', () => undefined);
      const ms = await Promise.race([
        closed(s),
        new Promise<number>((r) => setTimeout(() => r(-1), 6000)),
      ]);
      s.destroy();
      expect(ms).to.be.within(1000, 4000);
    });

    it('[P-17] closes a kept-alive connection idle past the keep-alive timeout', async () => {
      const s = await openTls(url, al);
      const answer = readAnswer(s);
      s.write('GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n');
      expect((await answer).status).to.equal(200);
      const ms = await Promise.race([
        closed(s),
        new Promise<number>((r) => setTimeout(() => r(-1), 6000)),
      ]);
      s.destroy();
      expect(ms).to.be.within(1000, 4000);
    });

    it('[P-17] closes connections over the cap per remote address at once, and serves other addresses', async () => {
      const sockets: Socket[] = [];
      try {
        for (let i = 0; i < 10; i++)
          sockets.push(await openTls(url, al, { localAddress: '127.0.0.7' }));
        const over = await openTls(url, al, { localAddress: '127.0.0.7' }).then(
          (s) => {
            sockets.push(s);
            return 'handshake completed';
          },
          (err: Error) => err.message,
        );
        expect(over).to.not.equal('handshake completed');
        const a = await postEnvelope(url, await envelopeFrom(pki, 'AL', 'RS'), al);
        expect(a.status).to.equal(200);
      } finally {
        for (const s of sockets) s.destroy();
      }
    });

    it('[P-17] closes connections over the total cap at once', async () => {
      const sockets: Socket[] = [];
      try {
        // 40 in all, from four addresses of ten each, opened at once (within the header timeout).
        sockets.push(
          ...(await Promise.all(
            Array.from({ length: 40 }, (_, i) =>
              openTls(url, al, { localAddress: `127.0.1.${(i % 4) + 1}` }),
            ),
          )),
        );
        const over = await openTls(url, al, { localAddress: '127.0.1.9' }).then(
          (s) => {
            sockets.push(s);
            return 'handshake completed';
          },
          (err: Error) => err.message,
        );
        expect(over).to.not.equal('handshake completed');
        for (const s of sockets.splice(0)) s.destroy();
        // Once they are gone, new connections are served again.
        await eventually(
          'a connection is accepted again',
          async () => {
            const a = await postEnvelope(url, await envelopeFrom(pki, 'AL', 'RS'), al).catch(
              () => undefined,
            );
            return a?.status === 200;
          },
          10_000,
        );
      } finally {
        for (const s of sockets) s.destroy();
      }
    });
  });
});

describe('security: legitimate envelopes flow while 1 000 slow connections are open (real node process)', function () {
  this.timeout(180_000);
  const SLOW = 1000;
  const ADDRESSES = 20;
  let fed: DevFederationRunner;
  let pki: TestPki;
  let url: string;
  const sockets: Socket[] = [];

  before(async () => {
    ({ fed, pki } = await testFederation('slowloris', {
      peerApi: {
        headersTimeoutMs: 60_000,
        requestTimeoutMs: 60_000,
        idleTimeoutMs: 60_000,
        maxConnectionsPerAddress: 60,
        maxConnections: SLOW + 100,
      },
    }));
    url = (await fed.start('RS')).ready.peerApi;
  });

  after(async () => {
    for (const s of sockets) s.destroy();
    await fed.stopAll();
  });

  it('[P-17] answers 40 envelopes from a member while 1 000 connections send their headers slowly, then closes the slow ones at the header timeout', async () => {
    // A TLS session to resume: each slow connection then costs the node no RSA signature, so
    // that opening them all fits well within the header timeout on a loaded machine.
    const first = await openTls(url, { ca: pki.rootCaPem }, { localAddress: '127.0.2.1' });
    const session = await new Promise<Buffer>((resolve) => {
      const s = first.getSession();
      if (s) resolve(s);
      else first.once('session', resolve);
    });
    first.destroy();
    const started = Date.now();
    // Opened 50 at a time, from 20 loopback addresses (50 each, under the cap of 60 per address).
    for (let i = 0; i < SLOW; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          openTls(
            url,
            { ca: pki.rootCaPem },
            { localAddress: `127.0.2.${((i + j) % ADDRESSES) + 1}`, session },
          ),
        ),
      );
      for (const s of batch) {
        s.on('error', () => undefined);
        s.write('POST /v1/envelopes HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
        sockets.push(s);
      }
    }
    const opened = Date.now() - started;
    const drip = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write('x');
    }, 1000);
    try {
      const m = pki.members.AL!;
      const tls = { key: m.tls.keyPem, cert: m.tls.certPem, ca: pki.rootCaPem };
      const latencies: number[] = [];
      for (let i = 0; i < 40; i++) {
        const env = await envelopeFrom(pki, 'AL', 'RS');
        const t = Date.now();
        const a = await postEnvelope(url, env, tls);
        latencies.push(Date.now() - t);
        expect(a.status, a.body).to.equal(200);
      }
      const open = sockets.filter((s) => !s.destroyed).length;
      expect(open, 'slow connections still open while the envelopes went through').to.equal(SLOW);
      latencies.sort((a, b) => a - b);
      console.log(
        `      opened ${SLOW} slow connections in ${opened} ms; 40 envelopes: median ${latencies[20]} ms, max ${latencies[39]} ms`,
      );
      expect(latencies[39]).to.be.below(5000);
      // The slow ones are closed by the server at the header timeout, not by this test.
      const closedAt = Date.now();
      await Promise.all(sockets.map((s) => closed(s)));
      console.log(
        `      all ${SLOW} closed by the server ${Date.now() - started} ms after the first opened (${Date.now() - closedAt} ms after the envelopes)`,
      );
      expect(Date.now() - started).to.be.below(60_000 + opened + 5000);
    } finally {
      clearInterval(drip);
    }
  });
});
