// Structured logs (pino): asynchronous, JSON lines, secrets redacted by path.
import { destination, pino, stdTimeFunctions, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths that must never reach a log even if a caller passes them by mistake: tokens, keys,
 * envelopes and message bodies. Logs carry ids, codes and digests only.
 */
const REDACT = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'token',
  'jwt',
  'key',
  'privateKey',
  'keyPem',
  'jwe',
  'jws',
  'receipt',
  'body',
  'message.body',
  '*.body',
  '*.jwe',
  '*.token',
  '*.keyPem',
];

/** Creates the node's logger; `file` writes there (asynchronously) instead of standard output. */
export function createLogger(options: {
  level: string;
  nodeId: string;
  instanceId: string;
  file?: string;
}): Logger {
  const dest = destination({ dest: options.file ?? 1, sync: false, mkdir: true });
  return pino(
    {
      level: options.level,
      base: { node: options.nodeId, instance: options.instanceId },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: stdTimeFunctions.isoTime,
    },
    dest,
  );
}
