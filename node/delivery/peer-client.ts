// HTTPS client of the peer API: mutual TLS with the node's TLS certificate, server pinned to the directory.
import { Agent, request } from 'node:https';
import type { PeerCertificate } from 'node:tls';
import type { TrustStore } from '../pki/trust-store.js';
import { digestOf } from '../../protocol/index.js';

/** What a peer answered to one POST of an envelope. */
export interface PeerResponse {
  status: number;
  contentType: string;
  body: string;
}

/** A transport failure (connection refused, reset, TLS, timeout): always worth a retry. */
export class TransportError extends Error {
  readonly reason: string;
  constructor(reason: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
    this.reason = reason;
  }
}

/**
 * The TLS options of every connection to a peer: the node's TLS certificate as client
 * certificate, the federation root as the only trust anchor, TLS 1.2 at least. The connection
 * test of the local API uses them too, so it tests what delivery does.
 */
export function peerTlsOptions(trust: Pick<TrustStore, 'tls' | 'rootCaPem'>): {
  key: string;
  cert: string;
  ca: string;
  minVersion: 'TLSv1.2';
} {
  return {
    key: trust.tls.keyPem,
    cert: trust.tls.certPem,
    ca: trust.rootCaPem,
    minVersion: 'TLSv1.2',
  };
}

/** Largest response body read from a peer (a receipt or a problem document is small). */
const MAX_RESPONSE_BYTES = 256 * 1024;

/**
 * Posts envelopes to peers over mutual TLS. Keeps one keep-alive agent per peer; the server's
 * certificate must chain to the federation root AND be a `tls` certificate the directory lists
 * for that very peer (so a valid certificate of another member is refused).
 */
export class PeerClient {
  readonly #trust: TrustStore;
  readonly #agents = new Map<string, Agent>();
  readonly #maxSockets: number;

  constructor(trust: TrustStore, options: { maxSocketsPerPeer: number }) {
    this.#trust = trust;
    this.#maxSockets = options.maxSocketsPerPeer;
    trust.on('directory', () => this.close());
  }

  #agent(peerId: string): Agent {
    let agent = this.#agents.get(peerId);
    if (!agent) {
      agent = new Agent({
        keepAlive: true,
        maxSockets: this.#maxSockets,
        ...peerTlsOptions(this.#trust),
        checkServerIdentity: (_host, cert) => this.#checkServer(peerId, cert),
      });
      this.#agents.set(peerId, agent);
    }
    return agent;
  }

  #checkServer(peerId: string, cert: PeerCertificate): Error | undefined {
    const kid = digestOf(cert.raw);
    const listed = this.#trust.directory.certificateByKid(kid);
    if (!listed || listed.memberId !== peerId || listed.use !== 'tls') {
      return new Error(
        `server certificate ${cert.serialNumber} is not a TLS certificate listed for ${peerId}`,
      );
    }
    if (this.#trust.directory.isRevoked(listed.serial)) {
      return new Error(`server certificate ${listed.serial} of ${peerId} is revoked`);
    }
    return undefined;
  }

  /** POSTs `jwe` to `<endpoint>/v1/envelopes`; rejects with TransportError when no HTTP answer came. */
  post(peerId: string, endpoint: string, jwe: string, timeoutMs: number): Promise<PeerResponse> {
    const url = new URL('/v1/envelopes', endpoint);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent: this.#agent(peerId),
          headers: {
            'content-type': 'application/jose',
            'content-length': Buffer.byteLength(jwe),
            accept: 'application/jose, application/problem+json',
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_RESPONSE_BYTES) {
              req.destroy(
                new TransportError(
                  'response-too-large',
                  `response from ${peerId} exceeds ${MAX_RESPONSE_BYTES} bytes`,
                ),
              );
              return;
            }
            chunks.push(c);
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', (err) =>
            reject(
              new TransportError(
                'response',
                `reading the answer of ${peerId} failed: ${err.message}`,
                { cause: err },
              ),
            ),
          );
        },
      );
      const timer = setTimeout(
        () =>
          req.destroy(
            new TransportError('timeout', `${peerId} did not answer within ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
      req.on('close', () => clearTimeout(timer));
      req.on('timeout', () =>
        req.destroy(
          new TransportError('timeout', `${peerId} did not answer within ${timeoutMs} ms`),
        ),
      );
      req.on('error', (err) => {
        reject(
          err instanceof TransportError
            ? err
            : new TransportError(
                (err as NodeJS.ErrnoException).code ?? 'network',
                `sending to ${peerId} at ${url.origin} failed: ${err.message}`,
                { cause: err },
              ),
        );
      });
      req.end(jwe);
    });
  }

  /** Closes every connection (after a directory change, and at shutdown). */
  close(): void {
    for (const a of this.#agents.values()) a.destroy();
    this.#agents.clear();
  }
}
