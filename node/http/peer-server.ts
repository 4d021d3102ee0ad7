// The peer API: HTTPS with mutual TLS, TLS ≥ 1.2 and strong suites, size limit before parsing.
import { X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { FfxError, PROTOCOL_VERSION, digestOf } from '../../protocol/index.js';
import type { TrustStore } from '../pki/trust-store.js';
import type { PeerAnswer } from '../message-flow/receive-envelope.js';
import { peerProblem } from './problem.js';
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

/** Timeouts and connection caps of the peer API (`peerApi` in the node configuration). */
export interface PeerConnectionLimits {
  /** Whole request, headers and body. */
  requestTimeoutMs: number;
  /** From the handshake (or the previous answer) to the end of a request's headers. */
  headersTimeoutMs: number;
  handshakeTimeoutMs: number;
  /** Idle wait for the next request on a kept-alive connection. */
  keepAliveTimeoutMs: number;
  /** No traffic at all on a connection, whatever it is doing. */
  idleTimeoutMs: number;
  maxConnections: number;
  maxConnectionsPerAddress: number;
}

/** What the peer server needs. */
export interface PeerServerDeps {
  trust: TrustStore;
  events: NodeEvents;
  nodeId: string;
  maxEnvelopeBytes: number;
  limits: PeerConnectionLimits;
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
 * How often Node checks the header and request timeouts of open connections (its default, 30 s,
 * let a slow client keep a connection far past the header timeout).
 */
const TIMEOUT_CHECK_MS = 500;

/**
 * After a refusal with `Connection: close`, how long the half-closed socket is kept (and not
 * read) so that the client can read the answer: closing a socket with unread input sends a TCP
 * reset, which can make a client that is still writing lose the answer.
 */
const LINGER_MS = 1000;

/**
 * Creates (does not start) the peer API server. The TLS handshake asks for a client certificate
 * but lets the request through, so that a missing or foreign certificate gets a documented FFX
 * answer (401 without a certificate, 403 for a refused one) instead of a bare handshake failure;
 * every refused identity is reported as a `peer-refused` event (logged, counted, journaled with
 * the certificate's fingerprint and subject). No envelope is read before the client certificate
 * is bound to a federation member and its declared size and type are checked. Every request of
 * an identified peer is counted against its rate limit: an envelope by the receive path (in the
 * round trip that also looks for an earlier receipt of its id), a request refused before its
 * body is read by `count`, which answers FFX-RATE-LIMITED first when over the limit.
 *
 * A refusal sent before the whole body arrived carries `Connection: close`, the body is not read
 * further, and the socket is closed once the answer is out. Connections over the caps (per
 * remote address, in total) are closed at once, before their TLS handshake; handshake, header,
 * request, keep-alive and idle timeouts close the others (`peer-connection-refused` events).
 *
 * A plain request handler, not an express app: the API has two routes, and on the receiving
 * node's hottest path express's router, body parser and response helpers took about 15 % of the
 * main thread's time per envelope.
 */
export function createPeerServer(deps: PeerServerDeps): Server {
  const { limits } = deps;
  const publicHealth = JSON.stringify({ status: 'ok' });
  const peerHealth = JSON.stringify({
    status: 'ok',
    nodeId: deps.nodeId,
    protocol: PROTOCOL_VERSION,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = routePath(req.url ?? '/');
    const socket = req.socket as TLSSocket;
    if (ROUTES.health.has(path) && (req.method === 'GET' || req.method === 'HEAD')) {
      // Without a certificate: liveness only. A presented certificate must pass the checks.
      if (!socket.getPeerCertificate()?.raw) {
        send(res, 200, 'application/json', publicHealth);
        return;
      }
      identifyPeer(deps, socket);
      send(res, 200, 'application/json', peerHealth);
      return;
    }
    if (path !== ROUTES.envelopes || req.method !== 'POST') {
      throw new FfxError('FFX-MALFORMED', 'no such peer API route', { httpStatus: 404 });
    }
    const peer = identifyPeer(deps, socket);
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
      if (!isJoseMediaType(type)) {
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
      handshakeTimeout: limits.handshakeTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    },
    (req, res) => {
      handle(req, res).catch((err: unknown) => {
        const e = toFfxError(err, deps.maxEnvelopeBytes);
        if (err instanceof IdentityRefused) {
          deps.events.emit('peer-refused', {
            code: e.code,
            message: e.message,
            remoteAddress: req.socket.remoteAddress ?? 'unknown',
            ...err.certificate,
          });
        } else if (!(err instanceof FfxError) || e.code !== 'FFX-SIZE') {
          // An oversized declaration is refused before any work; the receive path reports the rest.
          deps.events.emit('receive-rejected', { code: e.code, message: e.message });
        }
        // A refused identity cannot change on this connection; an unread body is not read.
        send(res, e.httpStatus, 'application/problem+json', JSON.stringify(peerProblem(e)), {
          close: err instanceof IdentityRefused || !req.complete,
        });
      });
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Per socket: no traffic in either direction for this long closes the connection.
  server.timeout = limits.idleTimeoutMs;
  server.maxConnections = limits.maxConnections;
  const refusedConnection = (reason: string, remoteAddress: string | undefined) =>
    deps.events.emit('peer-connection-refused', {
      reason,
      remoteAddress: remoteAddress ?? 'unknown',
    });
  server.on('drop', (d?: { remoteAddress?: string }) =>
    refusedConnection('total', d?.remoteAddress),
  );
  const perAddress = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const open = perAddress.get(address) ?? 0;
    if (open >= limits.maxConnectionsPerAddress) {
      refusedConnection('per-address', address);
      socket.destroy();
      return;
    }
    perAddress.set(address, open + 1);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });
  server.on('tlsClientError', (err: NodeJS.ErrnoException, socket: TLSSocket) =>
    refusedConnection(
      err.code === 'ERR_TLS_HANDSHAKE_TIMEOUT' ? 'handshake-timeout' : 'tls-handshake',
      socket.remoteAddress,
    ),
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    // Node's own answers (408, 431, 400), and the count of what caused them.
    const [reason, status] =
      err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['timeout', '408 Request Timeout']
        : err.code === 'HPE_HEADER_OVERFLOW'
          ? ['header-overflow', '431 Request Header Fields Too Large']
          : err.code === 'ECONNRESET'
            ? ['reset', '']
            : ['bad-request', '400 Bad Request'];
    if (reason !== 'reset') refusedConnection(reason, socket.remoteAddress);
    if (status && socket.writable && socket.bytesWritten === 0) {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    socket.destroy();
  });
  return server;
}

/** The path of a request target without its query, lower-cased, without one trailing slash. */
function routePath(url: string): string {
  const q = url.indexOf('?');
  let path = (q < 0 ? url : url.slice(0, q)).toLowerCase();
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

/** `application/jose` in any case, parameters ignored (`application/jose+json` is another type). */
function isJoseMediaType(value: string): boolean {
  const semi = value.indexOf(';');
  return (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase() === 'application/jose';
}

/**
 * Writes a whole answer (UTF-8 text) unless the client is gone. With `close` (a refusal before
 * the body arrived whole), the answer says `Connection: close`, nothing more of the body is
 * read, and the socket is closed once the answer is out (LINGER_MS later at most).
 */
function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  options: { close?: boolean } = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const bytes = Buffer.from(body, 'utf8');
  const headers: Record<string, string | number> = {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': bytes.length,
  };
  if (options.close) {
    headers.Connection = 'close';
    const req = res.req;
    // Marks the body as taken by this handler, so that Node does not read and discard the rest
    // once the answer is sent: it stays unread, the socket stops at the stream's buffer size.
    req.pause();
    req.read(0);
    const socket = req.socket;
    // Node ends such a connection with destroySoon(), which destroys the socket as soon as the
    // answer is written: with body bytes still unread that sends a TCP reset, and a client that
    // is still writing may lose the answer. Only end it here; it is destroyed LINGER_MS later.
    socket.destroySoon = () => socket.end();
    res.once('finish', () => {
      const timer = setTimeout(() => socket.destroy(), LINGER_MS);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
    });
  }
  res.writeHead(status, headers);
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

/** A refused TLS identity: the FFX error and what identifies the certificate, when one came. */
class IdentityRefused extends FfxError {
  readonly certificate:
    | { fingerprint: string; subject: string; issuer: string; serial: string }
    | Record<string, never>;
  constructor(cause: FfxError, raw: Buffer | undefined) {
    super(cause.code, cause.message, { httpStatus: cause.httpStatus, cause });
    if (!raw) {
      this.certificate = {};
      return;
    }
    const x = new X509Certificate(raw);
    this.certificate = {
      fingerprint: x.fingerprint256.replaceAll(':', '').toLowerCase(),
      subject: x.subject.split('\n').join(', '),
      issuer: x.issuer.split('\n').join(', '),
      serial: x.serialNumber.toLowerCase(),
    };
  }
}

/** Binds the TLS client certificate to a federation member, or throws IdentityRefused. */
function identifyPeer(deps: PeerServerDeps, socket: TLSSocket): string {
  const sequence = deps.trust.directory.payload.sequence;
  const now = deps.now().getTime();
  const known = identified.get(socket);
  if (known && known.sequence === sequence && now - known.at < 60_000) return known.peer;
  let peer: string;
  try {
    peer = checkPeerCertificate(deps, socket);
  } catch (err) {
    if (!(err instanceof FfxError)) throw err;
    throw new IdentityRefused(err, socket.getPeerCertificate()?.raw);
  }
  identified.set(socket, { peer, sequence, at: now });
  return peer;
}

/** TLS verification errors about time only: the directory's check (FFX-CERT-VALIDITY) says more. */
const VALIDITY_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/**
 * PROTOCOL.md §4 check 1, in order: a certificate was presented (401 FFX-TRANSPORT-IDENTITY), it
 * chains to the federation root (403 FFX-CERT-CHAIN), it is listed in the directory (403
 * FFX-CERT-UNKNOWN), then §1.1's checks for use `tls` (403 each).
 */
function checkPeerCertificate(deps: PeerServerDeps, socket: TLSSocket): string {
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.raw) {
    throw new FfxError('FFX-TRANSPORT-IDENTITY', 'no TLS client certificate was presented', {
      httpStatus: 401,
    });
  }
  // Node reports the verification failure as an OpenSSL code string (typed as an Error).
  const tlsError = socket.authorizationError as unknown;
  const tlsCode = typeof tlsError === 'string' ? tlsError : (tlsError as { code?: string })?.code;
  if (!socket.authorized && !VALIDITY_ERRORS.has(String(tlsCode))) {
    throw new FfxError(
      'FFX-CERT-CHAIN',
      `TLS client certificate ${cert.serialNumber} does not chain to the federation root: ${String(tlsError)}`,
    );
  }
  const kid = digestOf(cert.raw);
  const listed = deps.trust.directory.certificateByKid(kid);
  if (!listed) {
    throw new FfxError(
      'FFX-CERT-UNKNOWN',
      `TLS client certificate ${cert.serialNumber} is not listed in the federation directory`,
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
