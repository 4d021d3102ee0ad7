// Console sessions: who a request's session cookie belongs to, CSRF checks, token refresh.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from '../../lib/logger.js';
import { NodeError } from '../../errors.js';
import type { Principal } from '../auth/authenticator.js';
import type { ConsoleSettings } from './console-settings.js';
import type { SessionCookies } from './session-cookies.js';
import type { ConsoleSession, SessionStore } from './session-store.js';
import { SignInRefused, type OidcSignIn } from './oidc-sign-in.js';

/** What the console's session handling needs. */
export interface ConsoleSessionDeps {
  settings: ConsoleSettings;
  store: SessionStore;
  signIn: OidcSignIn;
  cookies: SessionCookies;
  log: Logger;
  now: () => number;
}

/** The parts of a request the session check reads. */
export interface SessionRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** A CSRF token sent in a form field instead of the header (the sign-out form). */
  formCsrfToken?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Tokens are renewed this long before they expire (at most half their lifetime). */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Resolves console sessions. A request without a session cookie is not the console's (the bearer
 * check applies); one with a cookie that names no live session is NODE-SESSION-EXPIRED, so the
 * console can say the session ended and keep what the user typed. State-changing requests must
 * carry the session's CSRF token in `X-CSRF-Token` and, when the browser sends one, the console's
 * Origin (NODE-CSRF otherwise).
 *
 * @example const principal = await sessions.principal(req); // undefined: use the bearer token
 */
export class ConsoleSessions {
  readonly #d: ConsoleSessionDeps;
  /** Refreshes under way, so parallel requests of one session refresh once. */
  readonly #refreshing = new Map<string, Promise<ConsoleSession>>();

  constructor(deps: ConsoleSessionDeps) {
    this.#d = deps;
  }

  /** The caller of a local API request signed in through the console, if it is one. */
  async principal(req: SessionRequest): Promise<Principal | undefined> {
    // A request with a bearer token is an API client's, even from a browser with a session.
    if (req.headers.authorization !== undefined) return undefined;
    const found = await this.session(req);
    if (!found) return undefined;
    return { sub: found.session.sub, roles: found.session.roles };
  }

  /**
   * The session of a request (refreshed when its tokens are about to expire), after the CSRF
   * checks of a state-changing method; undefined without a session cookie.
   */
  async session(req: SessionRequest): Promise<{ id: string; session: ConsoleSession } | undefined> {
    const id = this.#d.cookies.sessionId(req.headers);
    if (id === undefined) return undefined;
    let session = await this.#d.store.get(id);
    if (!session) {
      throw new NodeError(
        'NODE-SESSION-EXPIRED',
        'your console session has ended (or the session cookie is not one of this node): sign in again',
      );
    }
    if (!SAFE_METHODS.has(req.method.toUpperCase())) this.#checkCsrf(req, session);
    session = await this.#fresh(id, session);
    return { id, session };
  }

  #checkCsrf(req: SessionRequest, session: ConsoleSession): void {
    const origin = req.headers.origin;
    const expected = this.#d.settings.publicUrl;
    if (origin !== undefined && origin !== expected) {
      throw new NodeError(
        'NODE-CSRF',
        `request from origin ${origin} refused: the console's state-changing requests come from ${expected}`,
      );
    }
    const site = req.headers['sec-fetch-site'];
    if (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new NodeError('NODE-CSRF', `request from another site (${String(site)}) refused`);
    }
    const header = req.headers['x-csrf-token'];
    const sent = typeof header === 'string' ? header : req.formCsrfToken;
    if (sent === undefined || sent === '') {
      throw new NodeError(
        'NODE-CSRF',
        'no X-CSRF-Token header: send the csrfToken of GET /console/auth/session with every state-changing request',
      );
    }
    const a = Buffer.from(sent);
    const b = Buffer.from(session.csrfToken);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new NodeError('NODE-CSRF', 'the X-CSRF-Token header is not the one of this session');
    }
  }

  async #fresh(id: string, session: ConsoleSession): Promise<ConsoleSession> {
    const at = this.#d.now();
    if (!session.refreshToken || session.accessExpiresAt === undefined) return session;
    const lifetime = session.accessExpiresAt - (session.tokensAt ?? session.createdAt);
    const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 2);
    if (session.accessExpiresAt - at > margin) return session;
    let running = this.#refreshing.get(id);
    if (!running) {
      running = this.#refresh(id, session).finally(() => this.#refreshing.delete(id));
      this.#refreshing.set(id, running);
    }
    return running;
  }

  async #refresh(id: string, session: ConsoleSession): Promise<ConsoleSession> {
    let renewed;
    try {
      renewed = await this.#d.signIn.refresh(session.refreshToken!, session.sub);
    } catch (err) {
      if (err instanceof SignInRefused) {
        await this.#d.store.delete(id);
        this.#d.log.info(
          { sub: session.sub, error: err.error },
          'console session ended: the identity provider refused to renew it',
        );
        throw new NodeError(
          'NODE-SESSION-EXPIRED',
          `the identity provider ended your sign-in (${err.error}): sign in again`,
        );
      }
      // The provider is unreachable: the session goes on until its own end; renewal is tried
      // again with the next request.
      this.#d.log.warn(
        { sub: session.sub, err: (err as Error).message },
        'console session tokens could not be renewed',
      );
      return session;
    }
    if (renewed.roles.length === 0) {
      await this.#d.store.delete(id);
      throw new NodeError(
        'NODE-SESSION-EXPIRED',
        'your account no longer has a role of this node: your session has ended',
      );
    }
    const next: ConsoleSession = {
      ...session,
      ...renewed,
      name: renewed.name ?? session.name,
      tokensAt: this.#d.now(),
    };
    if (!(await this.#d.store.update(id, next))) {
      throw new NodeError('NODE-SESSION-EXPIRED', 'your console session has ended: sign in again');
    }
    return next;
  }
}
