// Names, attributes and parsing of the console's two cookies: the session and the pending sign-in.
import { parse, serialize, type SerializeOptions } from 'cookie';
import type { IncomingHttpHeaders } from 'node:http';

/** The cookies of one node's console. */
export interface SessionCookies {
  /** Session cookie name (`__Host-ffx-session-<node>` when Secure). */
  session: string;
  /** Pending sign-in cookie name. */
  signIn: string;
  /** The session id the request carries, if any. */
  sessionId(headers: IncomingHttpHeaders): string | undefined;
  /** The pending sign-in id the request carries, if any. */
  signInId(headers: IncomingHttpHeaders): string | undefined;
  /** `Set-Cookie` of a new session. */
  setSession(id: string, maxAgeSeconds: number): string;
  /** `Set-Cookie` of a pending sign-in. */
  setSignIn(id: string, maxAgeSeconds: number): string;
  /** `Set-Cookie` values that remove the session or the sign-in cookie. */
  clearSession(): string;
  clearSignIn(): string;
}

/**
 * The cookies of node `nodeId`'s console. Both are HttpOnly with Path=/ and, on HTTPS, Secure
 * with the `__Host-` prefix (no Domain: sent to this host only). The session cookie is
 * SameSite=Strict. The sign-in cookie is SameSite=Lax: it must come back with the provider's
 * redirect to the callback, a navigation from another site. Cookies ignore ports, so the node id
 * is part of the names: two nodes on one host keep apart.
 *
 * @example const cookies = sessionCookies('AL', { secure: true });
 */
export function sessionCookies(nodeId: string, o: { secure: boolean }): SessionCookies {
  const suffix = nodeId.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const prefix = o.secure ? '__Host-' : '';
  const session = `${prefix}ffx-session-${suffix}`;
  const signIn = `${prefix}ffx-sign-in-${suffix}`;
  const base: SerializeOptions = { httpOnly: true, path: '/', secure: o.secure };
  const read = (headers: IncomingHttpHeaders, name: string) => {
    const header = headers.cookie;
    if (!header) return undefined;
    return parse(header)[name] || undefined;
  };
  return {
    session,
    signIn,
    sessionId: (h) => read(h, session),
    signInId: (h) => read(h, signIn),
    setSession: (id, maxAge) => serialize(session, id, { ...base, sameSite: 'strict', maxAge }),
    setSignIn: (id, maxAge) => serialize(signIn, id, { ...base, sameSite: 'lax', maxAge }),
    clearSession: () => serialize(session, '', { ...base, sameSite: 'strict', maxAge: 0 }),
    clearSignIn: () => serialize(signIn, '', { ...base, sameSite: 'lax', maxAge: 0 }),
  };
}
