// The signed-in user as the node's backend-for-frontend reports it; sign-in and sign-out addresses.
import { setCsrfToken } from './client.js';

/** Where the node's sign-in lives (served by the node beside the console). */
export const AUTH = {
  login: '/console/auth/login',
  logout: '/console/auth/logout',
  session: '/console/auth/session',
} as const;

/** The roles of the local API (openapi.yaml `x-roles`). */
export type Role = 'analyst' | 'compliance-officer' | 'auditor' | 'admin';

/** Who is signed in (GET /console/auth/session). */
export interface Session {
  sub: string;
  name?: string;
  roles: Role[];
  /** Sent as `X-CSRF-Token` with every state-changing call. */
  csrfToken: string;
  expiresAt: string;
  idleSeconds: number;
}

/** Nobody is signed in; `expired` when the browser still held a session that ended. */
export interface SignedOut {
  expired: boolean;
}

/** The current session, or why there is none. */
export async function fetchSession(): Promise<Session | SignedOut> {
  const res = await fetch(AUTH.session, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (res.status === 401) {
    setCsrfToken(undefined);
    const problem = (await res.json().catch(() => ({}))) as { code?: string };
    return { expired: problem.code === 'NODE-SESSION-EXPIRED' };
  }
  if (!res.ok) throw new Error(`the node answered ${res.status} to ${AUTH.session}`);
  const s = (await res.json()) as Session;
  setCsrfToken(s.csrfToken);
  return s;
}

/** Whether `s` is a session (not a signed-out answer). */
export function isSession(s: Session | SignedOut): s is Session {
  return 'sub' in s;
}

/** Sends the browser to the identity provider; it comes back to the console page `hash`. */
export function signIn(hash: string): void {
  const returnTo = `/console/${hash.startsWith('#') ? hash : ''}`;
  window.location.assign(`${AUTH.login}?returnTo=${encodeURIComponent(returnTo)}`);
}
