// Calls the node's local API from the console: same origin, session cookie, CSRF token on every change.
import { ApiError } from './problem-error.js';
import type { Problem } from './types.js';

type Method = 'GET' | 'POST' | 'DELETE' | 'PUT';

let csrfToken: string | undefined;
const expiredListeners = new Set<() => void>();

/** Remembers the CSRF token the session answered with (sent on every state-changing call). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Calls `listener` whenever the node answers 401: the session ended or was never there. */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/**
 * One call to the node. The browser sends the HttpOnly session cookie; the console never sees a
 * token. A 401 tells every listener that the session expired and rejects with an ApiError.
 */
export async function api<T>(
  method: Method,
  path: string,
  options: {
    body?: unknown;
    query?: Record<string, string | number | undefined>;
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(options.query ?? {})) {
    if (v !== undefined && v !== '') qs.set(k, String(v));
  }
  const url = qs.size > 0 ? `${path}?${qs.toString()}` : path;
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    if (res.status === 401) for (const l of expiredListeners) l();
    const problem = isProblem(data) ? data : undefined;
    throw new ApiError(res.status, problem, `${res.status} ${res.statusText}`);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'status' in v && 'title' in v;
}
