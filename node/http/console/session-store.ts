// Console sessions and pending sign-ins in Redis, under ids only the browser's cookie holds.
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Role } from '../auth/authenticator.js';

/** A signed-in user's session (server-side only: the browser never sees the tokens). */
export interface ConsoleSession {
  sub: string;
  name?: string;
  roles: Role[];
  /** The token the console sends in `X-CSRF-Token` with every state-changing call. */
  csrfToken: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds: the session ends then, whatever happens. */
  expiresAt: number;
  idToken?: string;
  accessToken: string;
  /** Epoch milliseconds, when the provider said. */
  accessExpiresAt?: number;
  /** Epoch milliseconds: when the tokens were obtained (sign-in or last renewal). */
  tokensAt?: number;
  refreshToken?: string;
}

/** A sign-in between the redirect to the provider and its answer. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Console path to return to afterwards. */
  returnTo: string;
}

/** How long a started sign-in may take. */
export const PENDING_SIGN_IN_SECONDS = 600;

/** Options of the store. */
export interface SessionStoreOptions {
  redis: Redis;
  /** The node's Redis key prefix. */
  prefix: string;
  /** A session unused this long ends. */
  idleSeconds: number;
  now?: () => number;
  randomId?: () => string;
}

const ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sessions are stored under the SHA-256 of their id (who reads Redis cannot take one over), with
 * a Redis expiry of the idle time, renewed on each use, never beyond the session's end.
 *
 * @example
 * const store = new SessionStore({ redis, prefix: 'ffx:AL:', idleSeconds: 1800 });
 * const id = await store.create(session);
 */
export class SessionStore {
  readonly #o: SessionStoreOptions;
  readonly #now: () => number;
  readonly #randomId: () => string;

  constructor(o: SessionStoreOptions) {
    this.#o = o;
    this.#now = o.now ?? Date.now;
    this.#randomId = o.randomId ?? (() => randomBytes(32).toString('base64url'));
  }

  /** Whether a cookie value can be a session or sign-in id at all. */
  static wellFormed(id: string): boolean {
    return ID.test(id);
  }

  /** A fresh random token (CSRF tokens). */
  randomToken(): string {
    return this.#randomId();
  }

  /** Stores a new session and returns its id. */
  async create(session: ConsoleSession): Promise<string> {
    const id = this.#randomId();
    await this.#write(id, session, 'NX');
    return id;
  }

  /** The session of `id`, renewing its idle time; undefined when unknown, ended or malformed. */
  async get(id: string): Promise<ConsoleSession | undefined> {
    if (!SessionStore.wellFormed(id)) return undefined;
    const key = this.#key('session', id);
    const text = await this.#o.redis.getex(key, 'PX', this.#o.idleSeconds * 1000);
    if (text === null) return undefined;
    const session = parseSession(text);
    const left = session ? session.expiresAt - this.#now() : 0;
    if (!session || left <= 0) {
      await this.#o.redis.unlink(key);
      return undefined;
    }
    if (left < this.#o.idleSeconds * 1000) await this.#o.redis.pexpire(key, left);
    return session;
  }

  /** Replaces the session of `id` (after a token refresh) if it still exists. */
  async update(id: string, session: ConsoleSession): Promise<boolean> {
    return this.#write(id, session, 'XX');
  }

  /** Ends the session of `id`. */
  async delete(id: string): Promise<void> {
    if (SessionStore.wellFormed(id)) await this.#o.redis.unlink(this.#key('session', id));
  }

  /** Stores a pending sign-in and returns its id (for the sign-in cookie). */
  async startSignIn(pending: PendingSignIn): Promise<string> {
    const id = this.#randomId();
    await this.#o.redis.set(
      this.#key('sign-in', id),
      JSON.stringify(pending),
      'EX',
      PENDING_SIGN_IN_SECONDS,
      'NX',
    );
    return id;
  }

  /** Takes a pending sign-in (it can be used once). */
  async takeSignIn(id: string): Promise<PendingSignIn | undefined> {
    if (!SessionStore.wellFormed(id)) return undefined;
    const text = await this.#o.redis.getdel(this.#key('sign-in', id));
    if (text === null) return undefined;
    const v = JSON.parse(text) as Partial<PendingSignIn>;
    return typeof v.state === 'string' &&
      typeof v.nonce === 'string' &&
      typeof v.codeVerifier === 'string' &&
      typeof v.returnTo === 'string'
      ? (v as PendingSignIn)
      : undefined;
  }

  async #write(id: string, session: ConsoleSession, mode: 'NX' | 'XX'): Promise<boolean> {
    const ttl = Math.min(this.#o.idleSeconds * 1000, session.expiresAt - this.#now());
    if (ttl <= 0) return false;
    const key = this.#key('session', id);
    const text = JSON.stringify(session);
    const ok =
      mode === 'NX'
        ? await this.#o.redis.set(key, text, 'PX', ttl, 'NX')
        : await this.#o.redis.set(key, text, 'PX', ttl, 'XX');
    return ok === 'OK';
  }

  #key(kind: 'session' | 'sign-in', id: string): string {
    return `${this.#o.prefix}console:${kind}:${createHash('sha256').update(id).digest('base64url')}`;
  }
}

/** Reads a stored session; anything not shaped as one (an older format) counts as no session. */
function parseSession(text: string): ConsoleSession | undefined {
  try {
    const v = JSON.parse(text) as Partial<ConsoleSession>;
    if (
      typeof v.sub === 'string' &&
      Array.isArray(v.roles) &&
      typeof v.csrfToken === 'string' &&
      typeof v.expiresAt === 'number' &&
      typeof v.createdAt === 'number' &&
      typeof v.accessToken === 'string'
    )
      return v as ConsoleSession;
  } catch {
    // Not JSON: not a session.
  }
  return undefined;
}
