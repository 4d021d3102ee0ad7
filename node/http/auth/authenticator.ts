// Verifies local API bearer tokens (JWT) with jose against the configured issuer's JWKS.
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import { NodeError } from '../../errors.js';

/** The roles of the local API. */
export const ROLES = ['analyst', 'compliance-officer', 'auditor', 'admin'] as const;
/** One role of the local API. */
export type Role = (typeof ROLES)[number];

/** The authenticated caller. */
export interface Principal {
  sub: string;
  roles: Role[];
}

/** How tokens are verified. */
export interface AuthenticatorOptions {
  issuer: string;
  audience: string;
  /** A JWKS document, or the https URL it is fetched from (cached, refreshed on unknown kid). */
  jwks: JSONWebKeySet | URL;
  /** Accepted signature algorithms (default ES256, PS256, EdDSA); `none` and HS* never are. */
  algorithms?: string[];
  clockToleranceSeconds?: number;
  /** Claim holding the roles (default `roles`): an array of strings or a space-separated string. */
  rolesClaim?: string;
  /**
   * How long a verified token is remembered, milliseconds (default 60 000; 0 turns the cache
   * off). A remembered token is accepted without checking its signature again until this time
   * has passed or it expires, whichever is first; a key withdrawn from a remote JWKS therefore
   * stops working within this time.
   */
  cacheMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** Most tokens remembered at once (a local API has few clients, each with one token at a time). */
const CACHE_ENTRIES = 1000;

const DEFAULT_ALGS = ['ES256', 'PS256', 'EdDSA'];

/**
 * Creates the bearer-token check of the local API. Every failure is NODE-UNAUTHENTICATED with
 * the reason (missing, malformed, expired, wrong issuer or audience, bad signature, no roles).
 *
 * @example
 * const auth = createAuthenticator({ issuer, audience, jwks });
 * const { sub, roles } = await auth.authenticate(req.headers.authorization);
 */
export function createAuthenticator(o: AuthenticatorOptions): {
  authenticate(header: string | undefined): Promise<Principal>;
} {
  const keys = o.jwks instanceof URL ? createRemoteJWKSet(o.jwks) : createLocalJWKSet(o.jwks);
  const algorithms = (o.algorithms ?? DEFAULT_ALGS).filter(
    (a) => a !== 'none' && !a.startsWith('HS'),
  );
  const rolesClaim = o.rolesClaim ?? 'roles';
  const now = o.now ?? Date.now;
  const cacheMs = o.cacheMs ?? 60_000;
  // Verified tokens: the same token is sent with every request of a client, and checking its
  // signature each time costs more than the rest of a small request.
  const verified = new Map<string, { principal: Principal; until: number }>();
  return {
    async authenticate(header) {
      if (!header)
        throw new NodeError(
          'NODE-UNAUTHENTICATED',
          'no bearer token: send Authorization: Bearer <token>',
        );
      const m = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header.trim());
      if (!m)
        throw new NodeError('NODE-UNAUTHENTICATED', 'Authorization header is not "Bearer <JWT>"');
      const token = m[1]!;
      const at = now();
      const known = verified.get(token);
      if (known && at < known.until) return known.principal;
      if (known) verified.delete(token);
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: o.issuer,
          audience: o.audience,
          algorithms,
          clockTolerance: o.clockToleranceSeconds ?? 30,
          requiredClaims: ['sub', 'exp', 'iat'],
          currentDate: new Date(at),
        }));
      } catch (err) {
        if (keysUnreachable(err)) {
          throw new NodeError(
            'NODE-UNAVAILABLE',
            'bearer tokens cannot be checked now: the token keys cannot be fetched',
            { cause: err },
          );
        }
        throw new NodeError('NODE-UNAUTHENTICATED', `bearer token refused: ${reason(err)}`);
      }
      const raw = payload[rolesClaim];
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(' ') : [];
      const roles = list.filter(
        (r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r),
      );
      if (roles.length === 0) {
        throw new NodeError(
          'NODE-UNAUTHENTICATED',
          `bearer token carries no known role in claim "${rolesClaim}"`,
        );
      }
      const principal = { sub: String(payload.sub), roles };
      // Remembered no longer than the token is valid without tolerance, and not at all when
      // only the clock tolerance still lets it in.
      const until = Math.min(at + cacheMs, Number(payload.exp) * 1000);
      if (cacheMs > 0 && until > at) {
        if (verified.size >= CACHE_ENTRIES) verified.delete(verified.keys().next().value!);
        verified.set(token, { principal, until });
      }
      return principal;
    },
  };
}

/** A remote key set that could not be fetched (not a fault of the token). */
function keysUnreachable(err: unknown): boolean {
  if (err instanceof errors.JWKSTimeout) return true;
  // jose passes fetch's own errors through, and a non-200 answer as a generic JOSE error.
  return !(err instanceof errors.JOSEError) || err.code === 'ERR_JOSE_GENERIC';
}

/** An authenticator as the local API uses it. */
export type Authenticator = ReturnType<typeof createAuthenticator>;

function reason(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'token expired';
  if (err instanceof errors.JWTClaimValidationFailed)
    return `claim ${err.claim} invalid (${err.reason})`;
  if (err instanceof errors.JOSEAlgNotAllowed) return 'signature algorithm not allowed';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature does not verify';
  if (err instanceof errors.JWKSNoMatchingKey) return 'signed by a key the issuer does not publish';
  if (err instanceof errors.JWTInvalid || err instanceof errors.JWSInvalid)
    return 'malformed token';
  if (err instanceof errors.JOSEError) return err.code;
  return 'cannot be verified';
}
