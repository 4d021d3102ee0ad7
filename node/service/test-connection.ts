// Connection test to a peer, step by step as delivery connects: name, TCP, TLS, certificate, health.
import { lookup } from 'node:dns/promises';
import { X509Certificate } from 'node:crypto';
import { request } from 'node:http';
import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { performance } from 'node:perf_hooks';
import { digestOf } from '../../protocol/index.js';
import { chainsTo, usageProblem, validityProblem } from '../../protocol/lib/certificate-profile.js';
import { peerTlsOptions } from '../delivery/peer-client.js';
import { NodeError } from '../errors.js';
import type { TrustStore } from '../pki/trust-store.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];
type Step = Schemas['ConnectionStep'];
type StepName = Step['step'];
type Check = NonNullable<Step['checks']>[number];

/** What a connection test needs: the node's TLS material, the directory, the clock, a time budget. */
export interface ConnectionTestDeps {
  trust: Pick<TrustStore, 'nodeId' | 'directory' | 'tls' | 'rootCaPem'>;
  now: () => Date;
  /** The whole test's budget; a step still running when it ends fails with ETIMEDOUT. */
  timeoutMs: number;
}

const TITLES: Record<StepName, string> = {
  dns: 'Name resolution',
  tcp: 'TCP connection',
  tls: 'TLS handshake with this node’s client certificate',
  certificate: 'Server certificate checks',
  health: 'Peer health route',
};
const ORDER: StepName[] = ['dns', 'tcp', 'tls', 'certificate', 'health'];
const MAX_HEALTH_BYTES = 64 * 1024;
/** The protocol's code for each failed certificate check (PROTOCOL.md's FFX-CERT-… catalogue). */
const CHECK_CODES: Record<Check['check'], string> = {
  chain: 'FFX-CERT-CHAIN',
  usage: 'FFX-CERT-USAGE',
  validity: 'FFX-CERT-VALIDITY',
  revocation: 'FFX-CERT-REVOKED',
  binding: 'FFX-CERT-BINDING',
};

/** A failed step's reason. */
class StepFailure extends Error {
  readonly code: string | undefined;
  readonly checks: Check[] | undefined;
  constructor(message: string, code?: string, checks?: Check[]) {
    super(message);
    this.code = code;
    this.checks = checks;
  }
}

/**
 * Tests the connection to `peerId` the way delivery connects (the peer client's TLS options),
 * one step after the other: name resolution, TCP connect, TLS handshake with this node's client
 * certificate, the server certificate's checks (chain to the federation root, usage, validity,
 * revocation, binding to the peer's directory entry), then `GET /v1/health` over that
 * connection. Each step is ok, failed (the reason in words, a code, its time) or skipped after a
 * failure. Never throws for a peer that fails; NODE-NOT-FOUND for a member the directory does
 * not list, NODE-VALIDATION for this node itself.
 *
 * @example
 * const r = await testConnection({ trust, now: () => new Date(), timeoutMs: 10_000 }, 'RS');
 * r.failedStep; // 'tcp' when RS's node is stopped
 */
export async function testConnection(
  deps: ConnectionTestDeps,
  peerId: string,
): Promise<Schemas['ConnectionTest']> {
  const { trust } = deps;
  if (peerId === trust.nodeId) {
    throw new NodeError('NODE-VALIDATION', 'a node does not test a connection to itself', {
      problems: [{ pointer: '/path/peer', message: 'this node itself' }],
    });
  }
  const member = trust.directory.member(peerId);
  if (!member) throw new NodeError('NODE-NOT-FOUND', `${peerId} is not a member of the federation`);

  const startedAt = deps.now();
  const t0 = performance.now();
  const deadline = t0 + deps.timeoutMs;
  const url = new URL(member.endpoint);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const steps: Step[] = [];
  const sockets: Socket[] = [];
  let failedStep: StepName | undefined;

  const run = async <T>(
    step: StepName,
    fn: (remainingMs: number) => Promise<{ value: T; message: string; checks?: Check[] }>,
  ): Promise<T | undefined> => {
    if (failedStep) return undefined;
    const s = performance.now();
    const remaining = Math.max(0, deadline - s);
    let timer: NodeJS.Timeout | undefined;
    try {
      const out = await Promise.race([
        fn(remaining),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new StepFailure(
                  `no answer within the test's ${deps.timeoutMs} ms (${TITLES[step].toLowerCase()} did not complete)`,
                  'ETIMEDOUT',
                ),
              ),
            remaining,
          );
        }),
      ]);
      steps.push({
        step,
        title: TITLES[step],
        status: 'ok',
        durationMs: elapsed(s),
        message: out.message,
        ...(out.checks ? { checks: out.checks } : {}),
      });
      return out.value;
    } catch (err) {
      failedStep = step;
      const f = err instanceof StepFailure ? err : new StepFailure(String(err));
      steps.push({
        step,
        title: TITLES[step],
        status: 'failed',
        durationMs: elapsed(s),
        message: f.message,
        ...(f.code ? { code: f.code } : {}),
        ...(f.checks ? { checks: f.checks } : {}),
      });
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    const address = await run('dns', async () => {
      if (isIP(host)) return { value: host, message: `${host} is an IP address` };
      try {
        const a = await lookup(host);
        return { value: a.address, message: `${host} resolves to ${a.address}` };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new StepFailure(
          `the name ${host} of ${peerId}'s endpoint does not resolve${code ? ` (${code})` : ''}`,
          code,
        );
      }
    });
    const tcp = await run('tcp', () => connectTcp(address!, port, peerId, sockets));
    const tls = await run('tls', () => handshake(deps, tcp!, host, peerId, sockets));
    await run('certificate', async () => checkServerCertificate(deps, tls!, peerId));
    await run('health', () => health(tls!, host, port, peerId));
  } finally {
    // The TLS socket owns the TCP one once it wraps it: end the outermost only (destroying the
    // wrapped socket under a live TLS socket crashed Node 20 on the next connection).
    sockets.at(-1)?.destroy();
  }
  for (const step of ORDER) {
    if (!steps.some((s) => s.step === step)) {
      steps.push({
        step,
        title: TITLES[step],
        status: 'skipped',
        durationMs: 0,
        message: `not tried: the ${TITLES[failedStep!].toLowerCase()} step failed`,
      });
    }
  }
  return {
    peer: peerId,
    endpoint: member.endpoint,
    ok: failedStep === undefined,
    startedAt: startedAt.toISOString(),
    durationMs: elapsed(t0),
    ...(failedStep ? { failedStep } : {}),
    steps,
  };
}

/**
 * Keeps a socket for the final clean-up. An error after its step settled (a reset while the
 * test tears the connection down) has nowhere to go: it is dropped, never thrown.
 */
function track(sockets: Socket[], socket: Socket): void {
  sockets.push(socket);
  socket.on('error', () => undefined);
}

function elapsed(from: number): number {
  return Math.round((performance.now() - from) * 10) / 10;
}

function connectTcp(
  address: string,
  port: number,
  peerId: string,
  sockets: Socket[],
): Promise<{ value: Socket; message: string }> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: address, port });
    track(sockets, socket);
    socket.once('connect', () =>
      resolve({ value: socket, message: `connected to ${address} port ${port}` }),
    );
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'ECONNREFUSED'
          ? `nothing accepts connections at ${address} port ${port} (connection refused): ${peerId}'s node is not running or a firewall refuses`
          : err.code === 'EHOSTUNREACH' || err.code === 'ENETUNREACH'
            ? `${address} cannot be reached (${err.code}): no route to ${peerId}'s network`
            : `connecting to ${address} port ${port} failed: ${err.message}`;
      reject(new StepFailure(why, err.code));
    });
  });
}

function handshake(
  deps: ConnectionTestDeps,
  socket: Socket,
  host: string,
  peerId: string,
  sockets: Socket[],
): Promise<{ value: TLSSocket; message: string }> {
  return new Promise((resolve, reject) => {
    // The chain is checked in the certificate step, where its failure is named with the others.
    const tls = tlsConnect({
      socket,
      ...peerTlsOptions(deps.trust),
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
    });
    track(sockets, tls);
    tls.once('secureConnect', () => {
      const cipher = tls.getCipher();
      resolve({
        value: tls,
        message: `${tls.getProtocol() ?? 'TLS'} with ${cipher.standardName ?? cipher.name}; this node presented its TLS certificate`,
      });
    });
    tls.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new StepFailure(
          `the TLS handshake with ${peerId} failed: ${err.message}`,
          err.code ?? 'TLS',
        ),
      );
    });
    tls.once('close', () =>
      reject(
        new StepFailure(`${peerId} closed the connection during the TLS handshake`, 'ECONNRESET'),
      ),
    );
  });
}

function checkServerCertificate(
  deps: ConnectionTestDeps,
  tls: TLSSocket,
  peerId: string,
): { value: undefined; message: string; checks: Check[] } {
  const peerCert = tls.getPeerCertificate();
  if (!peerCert?.raw)
    throw new StepFailure(`${peerId} presented no certificate`, 'FFX-CERT-UNKNOWN');
  const cert = new X509Certificate(peerCert.raw);
  const root = new X509Certificate(deps.trust.rootCaPem);
  const directory = deps.trust.directory;
  const serial = cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, '');
  const listed = directory.certificateByKid(digestOf(cert.raw));
  const usage = usageProblem(cert, 'tls');
  const invalid = validityProblem(cert, deps.now());
  const chained = chainsTo(cert, root, root.publicKey);
  const checks: Check[] = [
    {
      check: 'chain',
      ok: chained,
      message: chained
        ? 'issued by the federation root CA'
        : `not issued by the federation root CA${tls.authorizationError ? ` (${String(tls.authorizationError)})` : ''}`,
    },
    {
      check: 'usage',
      ok: !usage,
      message: usage ?? 'fit for TLS (digitalSignature, serverAuth and clientAuth)',
    },
    {
      check: 'validity',
      ok: !invalid,
      message: invalid ? `it is ${invalid}` : `valid until ${new Date(cert.validTo).toISOString()}`,
    },
    {
      check: 'revocation',
      ok: !directory.isRevoked(serial),
      message: directory.isRevoked(serial)
        ? `serial ${serial} is revoked in directory ${directory.payload.sequence}`
        : `serial ${serial} is not revoked`,
    },
    {
      check: 'binding',
      ok: !!listed && listed.memberId === peerId && listed.use === 'tls',
      message: !listed
        ? `directory ${directory.payload.sequence} does not list this certificate (serial ${serial})`
        : listed.memberId !== peerId
          ? `the directory lists this certificate for ${listed.memberId}, not for ${peerId}`
          : listed.use !== 'tls'
            ? `the directory lists this certificate for use ${listed.use}, not tls`
            : `listed in directory ${directory.payload.sequence} as ${peerId}'s TLS certificate`,
    },
  ];
  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    throw new StepFailure(
      `the server certificate of ${peerId} fails ${failed.map((c) => `${c.check}: ${c.message}`).join('; ')}; delivery refuses this server`,
      CHECK_CODES[failed[0]!.check],
      checks,
    );
  }
  return {
    value: undefined,
    message: `serial ${serial}, ${cert.subject.replace(/\n/g, ', ')}: every check passed`,
    checks,
  };
}

function health(
  tls: TLSSocket,
  host: string,
  port: number,
  peerId: string,
): Promise<{ value: undefined; message: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port,
        path: '/v1/health',
        method: 'GET',
        headers: { accept: 'application/json', connection: 'close' },
        createConnection: () => tls,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= MAX_HEALTH_BYTES) chunks.push(c);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) {
            reject(
              new StepFailure(
                `GET /v1/health answered HTTP ${res.statusCode}${problemTitle(text)}`,
                `HTTP-${res.statusCode}`,
              ),
            );
            return;
          }
          let body: {
            status?: string | number;
            nodeId?: string;
            version?: string | number;
            protocol?: string | number;
          };
          try {
            body = JSON.parse(text) as typeof body;
          } catch {
            reject(
              new StepFailure('GET /v1/health answered 200 but not with JSON', 'FFX-MALFORMED'),
            );
            return;
          }
          if (body.nodeId !== undefined && body.nodeId !== peerId) {
            reject(
              new StepFailure(
                `the health route answers as ${String(body.nodeId)}, not as ${peerId}`,
                'FFX-CERT-BINDING',
              ),
            );
            return;
          }
          const parts = [`status ${String(body.status ?? 'unknown')}`];
          if (body.nodeId !== undefined) parts.push(`node ${String(body.nodeId)}`);
          if (body.version !== undefined) parts.push(`version ${String(body.version)}`);
          if (body.protocol !== undefined) parts.push(`protocol ${String(body.protocol)}`);
          resolve({
            value: undefined,
            message: `GET /v1/health answered 200: ${parts.join(', ')}`,
          });
        });
        res.on('error', (err) =>
          reject(new StepFailure(`reading the health answer failed: ${err.message}`, 'ECONNRESET')),
        );
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        new StepFailure(
          `GET /v1/health failed: ${err.message}${err.code === 'ECONNRESET' ? ` (${peerId} closed the connection: it may refuse this node's client certificate)` : ''}`,
          err.code,
        ),
      ),
    );
    req.end();
  });
}

function problemTitle(text: string): string {
  try {
    const p = JSON.parse(text) as { code?: string; detail?: string; title?: string };
    const what = [p.code, p.detail ?? p.title].filter(Boolean).join(': ');
    return what ? ` (${what})` : '';
  } catch {
    return '';
  }
}
