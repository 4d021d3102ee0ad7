// The local API's listening server: plain HTTP, or HTTPS with the configured certificate.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { dirname, isAbsolute, resolve } from 'node:path';
import { NodeError } from '../../errors.js';

/** TLS settings of the local API (`localApi.tls`). */
export interface LocalTls {
  key: string;
  cert: string;
}

/**
 * Creates the local API's server: HTTPS (TLS ≥ 1.2) when `tls` is given, paths resolved against
 * the configuration file's folder; otherwise HTTP. Timeouts and header size are the same for both.
 *
 * @example const server = createLocalServer(app, config.localApi.tls, config.configPath);
 */
export function createLocalServer(
  app: RequestListener,
  tls: LocalTls | undefined,
  configPath: string,
): Server {
  const options = { maxHeaderSize: 16 * 1024 };
  let server: Server;
  if (tls) {
    const file = (p: string, what: string) => {
      const path = isAbsolute(p) ? p : resolve(dirname(configPath), p);
      try {
        return readFileSync(path);
      } catch (err) {
        throw new NodeError(
          'NODE-CONFIG-INVALID',
          `localApi.tls.${what}: cannot read ${path}: ${(err as Error).message}`,
          { cause: err },
        );
      }
    };
    try {
      server = createHttpsServer(
        {
          ...options,
          key: file(tls.key, 'key'),
          cert: file(tls.cert, 'cert'),
          minVersion: 'TLSv1.2',
        },
        app,
      ) as unknown as Server;
    } catch (err) {
      if (err instanceof NodeError) throw err;
      throw new NodeError(
        'NODE-CONFIG-INVALID',
        `localApi.tls: the key and certificate cannot be used: ${(err as Error).message}`,
        { cause: err },
      );
    }
  } else {
    server = createHttpServer(options, app);
  }
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  return server;
}
