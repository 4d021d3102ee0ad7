// The keys local API bearer tokens are verified with (`localApi.auth.jwks`): a JWKS file, or the URL it is fetched from.
import { readFile } from 'node:fs/promises';
import type { JSONWebKeySet } from 'jose';
import { NodeError } from '../../errors.js';

/** Where the keys come from and whether the node has them. */
export interface TokenKeysStatus {
  ok: boolean;
  /** The file or URL of `localApi.auth.jwks`. */
  source: string;
  lastError?: string;
}

/** The token keys as the authenticator and readiness use them. */
export interface TokenKeys {
  /** The key set itself (a file), or the URL jose fetches and caches it from. */
  keys: JSONWebKeySet | URL;
  status(): TokenKeysStatus;
  /** Stops retrying a URL that was down. */
  close(): void;
}

/** Options of `loadTokenKeys`. */
export interface TokenKeysOptions {
  log: { warn(o: object, m: string): void; info(o: object, m: string): void };
  /** Wait between fetches of a URL that is down at start (default 5 000 ms). */
  retryMs?: number;
  /** Time one fetch may take (default 5 000 ms). */
  fetchTimeoutMs?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Loads `localApi.auth.jwks`. A node whose tokens cannot be verified must not start, so a file
 * that cannot be read, is not JSON or holds no key set, a URL that does not parse or is plain
 * http to another host than loopback, and a URL that answers 4xx or with something that is not a
 * key set are refused (NODE-CONFIG-INVALID, one line naming the setting, the file or URL and
 * why). A URL that does not answer, or answers 5xx, is taken to be an identity provider that is
 * not up yet: the node starts, reports `auth` not ready, answers authenticated calls 503, and
 * fetches again every `retryMs` until it answers.
 *
 * @example const tokenKeys = await loadTokenKeys(config.localApi.auth.jwks, { log });
 */
export async function loadTokenKeys(source: string, o: TokenKeysOptions): Promise<TokenKeys> {
  const refuse = (why: string, cause?: unknown): never => {
    throw new NodeError('NODE-CONFIG-INVALID', `localApi.auth.jwks: ${source} ${why}`, {
      ...(cause === undefined ? {} : { cause }),
    });
  };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    let text = '';
    try {
      text = await readFile(source, 'utf8');
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      refuse(`cannot be read: ${e.code === 'ENOENT' ? 'no such file' : e.message}`, err);
    }
    const keys = keySet(text, (why) => refuse(why));
    return { keys, status: () => ({ ok: true, source }), close: () => undefined };
  }

  let url: URL | undefined;
  try {
    url = new URL(source);
  } catch (err) {
    refuse('is not a valid URL', err);
  }
  const u = url!;
  if (!(u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname)))) {
    refuse('must be an https URL (plain http only on a loopback address)');
  }
  const timeoutMs = o.fetchTimeoutMs ?? 5000;
  const first = await fetchKeySet(u, timeoutMs);
  if (first.kind === 'wrong') refuse(first.why);
  const state: TokenKeysStatus =
    first.kind === 'ok' ? { ok: true, source } : { ok: false, source, lastError: first.why };
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  if (!state.ok) {
    o.log.warn(
      { jwks: source, err: state.lastError },
      'token keys cannot be fetched yet; authenticated calls are refused (503) until they can',
    );
    const retry = () => {
      timer = setTimeout(() => {
        void fetchKeySet(u, timeoutMs).then((r) => {
          if (closed) return;
          if (r.kind === 'ok') {
            state.ok = true;
            delete state.lastError;
            o.log.info({ jwks: source }, 'token keys fetched');
            return;
          }
          state.lastError = r.why;
          retry();
        });
      }, o.retryMs ?? 5000);
      timer.unref();
    };
    retry();
  }
  return {
    keys: u,
    status: () => ({ ...state }),
    close: () => {
      closed = true;
      clearTimeout(timer);
    },
  };
}

type Fetched = { kind: 'ok' } | { kind: 'down'; why: string } | { kind: 'wrong'; why: string };

async function fetchKeySet(url: URL, timeoutMs: number): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return { kind: 'down', why: `does not answer (${cause?.code ?? (err as Error).name})` };
  }
  const text = await res.text().catch(() => '');
  if (res.status >= 500) return { kind: 'down', why: `answers ${res.status}` };
  if (res.status !== 200) return { kind: 'wrong', why: `answers ${res.status}, not a key set` };
  let why: string | undefined;
  keySet(text, (w) => {
    why = w;
    return undefined as never;
  });
  return why === undefined
    ? { kind: 'ok' }
    : { kind: 'wrong', why: `answers with a document that ${why}` };
}

/** Parses a JWKS document; `refuse` gets why it is not one. */
function keySet(text: string, refuse: (why: string) => never): JSONWebKeySet {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return refuse('is not JSON');
  }
  const keys = (doc as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return refuse('is not a JWKS (no "keys" array)');
  if (keys.length === 0) return refuse('holds no keys');
  if (!keys.every((k) => typeof (k as { kty?: unknown } | null)?.kty === 'string')) {
    return refuse('is not a JWKS (a key without "kty")');
  }
  return doc as JSONWebKeySet;
}
