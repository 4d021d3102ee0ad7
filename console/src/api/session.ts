// The signed-in user as the node's backend-for-frontend reports it; sign-in and sign-out addresses.
import { setCsrfToken } from './client.js';

/** Where the node's sign-in lives (served by the node beside the console). */
export const AUTH = {
  login: '/console/auth/login',
  logout: '/console/auth/logout',
  whoami: '/console/auth/whoami',
} as const;

/** The roles of the local API (openapi.yaml `x-roles`). */
export type Role = 'analyst' | 'compliance-officer' | 'auditor' | 'admin';

/** Who is signed in. */
export interface Session {
  sub: string;
  name?: string;
  roles: Role[];
  nodeId?: string;
  csrfToken?: string;
  expiresAt?: string;
}

/** The current session, or undefined when nobody is signed in (401). */
export async function fetchSession(): Promise<Session | undefined> {
  const res = await fetch(AUTH.whoami, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (res.status === 401) {
    setCsrfToken(undefined);
    return undefined;
  }
  if (!res.ok) throw new Error(`the node answered ${res.status} to ${AUTH.whoami}`);
  const s = (await res.json()) as Session;
  setCsrfToken(s.csrfToken);
  return s;
}

/** Sends the browser to the identity provider; it comes back to `returnTo` (a console hash route). */
export function signIn(returnTo: string): void {
  window.location.assign(`${AUTH.login}?returnTo=${encodeURIComponent(returnTo)}`);
}
