// The node's composition root started in this process: failed starts leave nothing open, token keys, 5xx logging, peer URL.
import { expect } from 'chai';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { readFile, readdir, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { ExchangeNode } from '../../node/app/exchange-node.js';
import { NodeError } from '../../node/errors.js';
import { mintDevToken } from '../../node/http/auth/dev-token.js';
import { freePort } from '../../node/dev/private-redis.js';
import { testNodeConfig } from '../fixtures/node-config.js';
import { testPki } from '../fixtures/pki.js';
import { testRedis } from '../fixtures/redis.js';
import { eventually } from '../fixtures/federation.js';

/** A real pino logger whose JSON lines are kept for the test to read. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const text: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) {
        text.push(l);
        lines.push(JSON.parse(l) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines, text };
}

let admin: ReturnType<typeof testRedis> | undefined;

/** Redis connections whose client name carries the node's instance id. */
async function redisClientsOf(instanceId: string): Promise<number> {
  admin ??= testRedis();
  const list = (await admin.client('LIST')) as string;
  return list.split('\n').filter((l) => l.includes(instanceId)).length;
}

/** Open descriptors of this process that point at `file`. */
async function openDescriptors(file: string): Promise<number> {
  let n = 0;
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target === file) n++;
  }
  return n;
}

/** Sockets, servers and timers this process holds, by kind. */
function resources(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) {
    if (['TCPSocketWrap', 'TCPServerWrap', 'Timeout'].includes(r)) out[r] = (out[r] ?? 0) + 1;
  }
  return out;
}

const listen = (s: TcpServer | HttpServer, port = 0) =>
  new Promise<number>((resolve, reject) => {
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
  });
const close = (s: TcpServer | HttpServer) => new Promise<void>((r) => s.close(() => r()));

async function token(roles: string[]): Promise<string> {
  const pki = await testPki();
  return mintDevToken({ pkiDir: pki.out, sub: 'arta.hoxha', roles, ttlSeconds: 600 });
}

describe('ExchangeNode (in process)', function () {
  this.timeout(60_000);

  describe('a start that fails', () => {
    it('with the peer port taken rejects and leaves no connection, socket, timer or file open', async () => {
      const blocker = createTcpServer();
      const port = await listen(blocker);
      try {
        const { config } = await testNodeConfig('AL', 'portbusy', (raw) => {
          raw.peerApi.port = port;
        });
        await redisClientsOf(config.instanceId);
        const before = resources();
        const err = await ExchangeNode.start(config, { logger: capturedLogger().logger }).then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        expect(err, 'start must fail').to.be.instanceOf(Error);
        expect(err!.message).to.contain(String(port));
        expect(err!.message).to.match(/in use/);
        await eventually(
          'connections to close',
          async () => ((await redisClientsOf(config.instanceId)) === 0 ? true : undefined),
          10_000,
        );
        expect(await openDescriptors(config.audit.file)).to.equal(0);
        await eventually(
          'handles to close',
          async () => {
            const after = resources();
            return JSON.stringify(after) === JSON.stringify(before) ? true : undefined;
          },
          10_000,
        );
      } finally {
        await close(blocker);
      }
    });
  });

  describe('localApi.auth.jwks', () => {
    async function refused(jwks: string, why: RegExp): Promise<void> {
      const { config } = await testNodeConfig('AL', 'jwks', (raw) => {
        raw.localApi.auth.jwks = jwks;
      });
      const err = await ExchangeNode.start(config, { logger: capturedLogger().logger }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(err, `a node with jwks ${jwks} must not start`).to.be.instanceOf(NodeError);
      expect((err as NodeError).code).to.equal('NODE-CONFIG-INVALID');
      expect(err!.message.split('\n')).to.have.length(1);
      expect(err!.message).to.contain('localApi.auth.jwks');
      expect(err!.message).to.match(why);
      await eventually(
        'connections to close',
        async () => ((await redisClientsOf(config.instanceId)) === 0 ? true : undefined),
        10_000,
      );
    }

    it('refuses to start when the JWKS file does not exist, naming the file', async () => {
      const { dir } = await testNodeConfig('AL', 'jwksdir');
      const file = join(dir, 'absent-jwks.json');
      await refused(file, new RegExp(`${file}.*no such file`));
    });

    it('refuses to start when the JWKS file is not JSON', async () => {
      const { dir } = await testNodeConfig('AL', 'jwksdir');
      const file = join(dir, 'jwks.json');
      await writeFile(file, '{"keys": [');
      await refused(file, /is not JSON/);
    });

    it('refuses to start when the file is JSON but no key set', async () => {
      const { dir } = await testNodeConfig('AL', 'jwksdir');
      const file = join(dir, 'jwks.json');
      await writeFile(file, JSON.stringify({ keys: [] }));
      await refused(file, /no keys/);
      await writeFile(file, JSON.stringify({ kty: 'EC' }));
      await refused(file, /not a JWKS/);
    });

    it('refuses to start on a malformed URL, and on plain http to another host than loopback', async () => {
      await refused('https://idp .example/jwks', /not a valid URL/);
      await refused('http://idp.example/jwks', /https/);
    });

    it('refuses to start when the JWKS URL answers with something that is not a key set', async () => {
      const server = createHttpServer((_req, res) => res.end('<html>login</html>'));
      const port = await listen(server);
      try {
        await refused(`http://127.0.0.1:${port}/jwks`, /not JSON/);
      } finally {
        await close(server);
      }
    });

    it('starts when the JWKS URL is down, reports it in readiness and recovers when it comes up', async () => {
      const port = await freePort();
      const { config } = await testNodeConfig('AL', 'jwksdown', (raw) => {
        raw.localApi.auth.jwks = `http://127.0.0.1:${port}/jwks`;
      });
      const { logger, lines } = capturedLogger();
      const node = await ExchangeNode.start(config, { logger, authRetryMs: 200 });
      let server: HttpServer | undefined;
      try {
        const ready = await fetch(`${node.localUrl}/v1/ready`);
        expect(ready.status).to.equal(503);
        const body = (await ready.json()) as { checks: { auth: { ok: boolean; source: string } } };
        expect(body.checks.auth).to.deep.include({ ok: false, source: config.localApi.auth.jwks });
        expect(lines.some((l) => String(l.msg).includes('token keys'))).to.equal(true);
        const analyst = await token(['analyst']);
        const refusedCall = await fetch(`${node.localUrl}/v1/outbox`, {
          headers: { authorization: `Bearer ${analyst}` },
        });
        expect(refusedCall.status).to.equal(503);
        expect(((await refusedCall.json()) as { code: string }).code).to.equal('NODE-UNAVAILABLE');

        const pki = await testPki();
        const jwks = await readFile(join(pki.out, 'token-issuer', 'jwks.json'), 'utf8');
        server = createHttpServer((_req, res) => {
          res.setHeader('content-type', 'application/json');
          res.end(jwks);
        });
        await listen(server, port);
        await eventually(
          'readiness',
          async () => {
            const r = await fetch(`${node.localUrl}/v1/ready`);
            return r.status === 200 ? true : undefined;
          },
          10_000,
        );
        const ok = await fetch(`${node.localUrl}/v1/outbox`, {
          headers: { authorization: `Bearer ${analyst}` },
        });
        expect(ok.status).to.equal(200);
      } finally {
        await node.stop();
        if (server) await close(server);
      }
    });
  });

  describe('a running node', () => {
    it('logs every local API 5xx with request id, route and error, never the token', async () => {
      const { config } = await testNodeConfig('AL', 'log5xx');
      const { logger, lines, text } = capturedLogger();
      const node = await ExchangeNode.start(config, { logger });
      try {
        const analyst = await token(['analyst']);
        // Redis gone under the node: the outbox cannot be read.
        node.redis.disconnect();
        const r = await fetch(`${node.localUrl}/v1/outbox?limit=5`, {
          headers: { authorization: `Bearer ${analyst}`, 'x-request-id': 'req-5xx-check' },
        });
        expect(r.status).to.equal(500);
        expect(r.headers.get('x-request-id')).to.equal('req-5xx-check');
        const problem = (await r.json()) as { code: string; detail: string };
        expect(problem.code).to.equal('NODE-INTERNAL');
        const logged = lines.find((l) => l.msg === 'local API request failed');
        expect(logged, text.join('\n')).to.not.equal(undefined);
        expect(logged).to.deep.include({
          requestId: 'req-5xx-check',
          route: '/v1/outbox',
          status: 500,
        });
        expect(String(logged!.err)).to.match(/closed/i);
        expect(text.join('\n')).to.not.contain(analyst);
        // Without a request id of its own, the caller gets one, and the log line carries it.
        const r2 = await fetch(`${node.localUrl}/v1/inbox`, {
          headers: { authorization: `Bearer ${analyst}` },
        });
        expect(r2.status).to.equal(500);
        const id = r2.headers.get('x-request-id');
        expect(id).to.match(/^[0-9a-f-]{36}$/);
        expect(lines.some((l) => l.requestId === id && l.route === '/v1/inbox')).to.equal(true);
      } finally {
        await node.stop();
      }
    });

    it('gives as its peer URL the endpoint the directory lists for it', async () => {
      const pki = await testPki();
      const { config } = await testNodeConfig('AL', 'peerurl');
      const node = await ExchangeNode.start(config, { logger: capturedLogger().logger });
      try {
        expect(config.peerApi.port).to.not.equal(pki.peerPorts.AL);
        expect(node.peerUrl).to.equal(`https://localhost:${pki.peerPorts.AL}`);
        expect(node.peerUrl).to.equal(node.trust.directory.endpointOf('AL'));
      } finally {
        await node.stop();
      }
    });
  });
});
