// The peer API: HTTPS with mutual TLS, TLS ≥ 1.2 and strong suites, size limit before parsing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { FfxError, PROTOCOL_VERSION, digestOf } from '../../protocol/index.js';
import type { TrustStore } from '../pki/trust-store.js';
import { peerProblem, type PeerAnswer } from '../service/receive-envelope.js';
import type { NodeEvents } from '../service/node-events.js';

/**
 * Cipher suites offered: TLS 1.3's AEAD suites and, for TLS 1.2, only ECDHE key exchange with
 * AEAD ciphers (forward secrecy, no CBC, no RSA key transport, no SHA-1).
 */
export const PEER_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-RSA-AES128-GCM-SHA256',
].join(':');

/** What the peer server needs. */
export interface PeerServerDeps {
  trust: TrustStore;
  events: NodeEvents;
  nodeId: string;
  version: string;
  maxEnvelopeBytes: number;
  requestTimeoutMs: number;
  now: () => Date;
  receive: (bytes: Buffer, transportPeer: string) => Promise<PeerAnswer>;
  /** Counts a request refused before its body is read; throws FFX-RATE-LIMITED over the limit. */
  count: (transportPeer: string) => Promise<unknown>;
}

/** Paths of the peer API, matched as express matched them: case-insensitive, one trailing slash. */
const ROUTES = {
  health: new Set(['/v1/health', '/v1/peer/health']),
  envelopes: '/v1/envelopes',
};

/**
 * Creates (does not start) the peer API server. The TLS handshake asks for a client certificate
 * but lets the request through, so that a missing or foreign certificate gets a documented FFX
 * error code instead of a bare handshake failure; no envelope is read before the client
 * certificate is bound to a federation member and its declared size and type are checked. Every
 * request of an identified peer is counted against its rate limit: an envelope by the receive
 * path (in the round trip that also looks for an earlier receipt of its id), a request refused
 * before its body is read by `count`, which answers FFX-RATE-LIMITED first when over the limit.
 *
 * A plain request handler, not an express app: the API has two routes, and on the receiving
 * node's hottest path express's router, body parser and response helpers took about 15 % of the
 * main thread's time per envelope.
 */
export function createPeerServer(deps: PeerServerDeps): Server {
  const healthBody = () =>
    JSON.stringify({
      status: 'ok',
      nodeId: deps.nodeId,
      version: deps.version,
      protocol: PROTOCOL_VERSION,
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = routePath(req.url ?? '/');
    if (ROUTES.health.has(path) && (req.method === 'GET' || req.method === 'HEAD')) {
      send(res, 200, 'application/json', healthBody());
      return;
    }
    if (path !== ROUTES.envelopes || req.method !== 'POST') {
      throw new FfxError('FFX-MALFORMED', 'no such peer API route', { httpStatus: 404 });
    }
    const peer = identifyPeer(deps, req.socket as TLSSocket);
    let body: Buffer;
    try {
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > deps.maxEnvelopeBytes) {
        throw new FfxError(
          'FFX-SIZE',
          `envelope of ${declared} bytes exceeds the limit of ${deps.maxEnvelopeBytes}`,
        );
      }
      const type = String(req.headers['content-type'] ?? '');
      if (!type.startsWith('application/jose')) {
        throw new FfxError(
          'FFX-MALFORMED',
          `content type must be application/jose, got '${type || 'none'}'`,
          { httpStatus: 415 },
        );
      }
      const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (encoding !== 'identity') {
        throw new FfxError('FFX-MALFORMED', `content encoding '${encoding}' is not accepted`, {
          httpStatus: 415,
        });
      }
      body = await readBody(req, deps.maxEnvelopeBytes);
    } catch (err) {
      // Still counted, and refused for its rate first (PROTOCOL.md §4: check 2 before check 3).
      await deps.count(peer);
      throw err;
    }
    const answer = await deps.receive(body, peer);
    send(res, answer.status, answer.contentType, answer.body);
  };

  const server = createServer(
    {
      key: deps.trust.tls.keyPem,
      cert: deps.trust.tls.certPem,
      ca: deps.trust.rootCaPem,
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
      ciphers: PEER_CIPHERS,
      honorCipherOrder: true,
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => {
      handle(req, res).catch((err: unknown) => {
        const e = toFfxError(err, deps.maxEnvelopeBytes);
        // An oversized declaration is refused before any work; the receive path reports the rest.
        if (!(err instanceof FfxError) || e.code !== 'FFX-SIZE') {
          deps.events.emit('receive-rejected', { code: e.code, message: e.message });
        }
        send(res, e.httpStatus, 'application/problem+json', JSON.stringify(peerProblem(e)));
      });
    },
  );
  server.requestTimeout = deps.requestTimeoutMs;
  server.headersTimeout = Math.min(deps.requestTimeoutMs, 20_000);
  server.keepAliveTimeout = 65_000;
  return server;
}

/** The path of a request target without its query, lower-cased, without one trailing slash. */
function routePath(url: string): string {
  const q = url.indexOf('?');
  let path = (q < 0 ? url : url.slice(0, q)).toLowerCase();
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

/** Writes a whole answer (UTF-8 text) unless the client is gone. */
function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent || res.destroyed) return;
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': bytes.length,
  });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

/** Thrown by `readBody`, turned into the documented codes by `toFfxError`. */
class BodyError extends Error {
  constructor(readonly type: 'entity.too.large' | 'request.aborted') {
    super(type);
  }
}

/** Reads the request body whole, refusing it as soon as it exceeds `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (err: Error | undefined, body?: Buffer) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
      req.off('error', onError);
      if (err) {
        req.pause();
        reject(err);
      } else resolve(body!);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done(new BodyError('entity.too.large'));
      else chunks.push(chunk);
    };
    const onEnd = () =>
      done(undefined, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    const onAborted = () => done(new BodyError('request.aborted'));
    const onError = (err: Error) => done(err);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onAborted);
    req.on('error', onError);
  });
}

/**
 * Who each kept-alive TLS connection belongs to, as decided under which directory and when: a
 * connection carries many envelopes, and its certificate cannot change, so it is checked once per
 * directory sequence and at most once a minute (validity periods end).
 */
const identified = new WeakMap<TLSSocket, { peer: string; sequence: number; at: number }>();

/** Binds the TLS client certificate to a federation member, or throws the check that failed. */
function identifyPeer(deps: PeerServerDeps, socket: TLSSocket): string {
  const sequence = deps.trust.directory.payload.sequence;
  const now = deps.now().getTime();
  const known = identified.get(socket);
  if (known && known.sequence === sequence && now - known.at < 60_000) return known.peer;
  const peer = checkPeerCertificate(deps, socket);
  identified.set(socket, { peer, sequence, at: now });
  return peer;
}

function checkPeerCertificate(deps: PeerServerDeps, socket: TLSSocket): string {
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.raw) {
    throw new FfxError('FFX-TRANSPORT-IDENTITY', 'no TLS client certificate was presented', {
      httpStatus: 401,
    });
  }
  if (!socket.authorized) {
    throw new FfxError(
      'FFX-CERT-CHAIN',
      `TLS client certificate ${cert.serialNumber} does not chain to the federation root: ${String(socket.authorizationError)}`,
      { httpStatus: 401 },
    );
  }
  const kid = digestOf(cert.raw);
  const listed = deps.trust.directory.certificateByKid(kid);
  if (!listed) {
    throw new FfxError(
      'FFX-CERT-UNKNOWN',
      `TLS client certificate ${cert.serialNumber} is not listed in the federation directory`,
      { httpStatus: 401 },
    );
  }
  deps.trust.directory.checkCertificate(kid, {
    memberId: listed.memberId,
    use: 'tls',
    now: deps.now(),
  });
  return listed.memberId;
}

function toFfxError(err: unknown, maxBytes: number): FfxError {
  if (err instanceof FfxError) return err;
  const e = err as { type?: string; code?: string };
  if (e?.type === 'entity.too.large') {
    return new FfxError('FFX-SIZE', `envelope exceeds the limit of ${maxBytes} bytes`);
  }
  if (e?.type === 'request.aborted' || e?.code === 'ECONNRESET')
    return new FfxError('FFX-MALFORMED', 'request aborted by the client');
  return new FfxError('FFX-INTERNAL', 'the receiver failed', { cause: err });
}
