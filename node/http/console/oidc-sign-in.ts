// The node's side of OpenID Connect: authorization code flow with PKCE, refresh, RP-initiated logout (openid-client).
import * as oidc from 'openid-client';
import { NodeError } from '../../errors.js';
import { ROLES, type Role } from '../auth/authenticator.js';
import type { ConsoleSettings } from './console-settings.js';
import type { PendingSignIn } from './session-store.js';

/** What a completed sign-in or refresh yields. */
export interface SignedIn {
  sub: string;
  name?: string;
  roles: Role[];
  idToken?: string;
  accessToken: string;
  /** Epoch milliseconds. */
  accessExpiresAt?: number;
  refreshToken?: string;
}

/** The provider refused (an OAuth error): the user must sign in again. */
export class SignInRefused extends Error {
  readonly error: string;
  constructor(error: string, description: string, options?: { cause?: unknown }) {
    super(description ? `${error}: ${description}` : error, options);
    this.name = 'SignInRefused';
    this.error = error;
  }
}

/**
 * OpenID Connect client of one node. The provider's metadata is discovered on first use (and
 * again after a failure), so a node starts while its identity provider is down. ID tokens are
 * verified with the provider's keys from its `jwks_uri` (openid-client's non-repudiation checks),
 * not only trusted because they came over TLS.
 *
 * @example
 * const signIn = new OidcSignIn(settings);
 * const { url, pending } = await signIn.start('/console/');
 */
export class OidcSignIn {
  readonly #s: ConsoleSettings;
  readonly #now: () => number;
  #config: Promise<oidc.Configuration> | undefined;

  constructor(settings: ConsoleSettings, now: () => number = Date.now) {
    this.#s = settings;
    this.#now = now;
  }

  /** The redirect URI registered with the provider. */
  get redirectUri(): string {
    return `${this.#s.publicUrl}/console/auth/callback`;
  }

  /** Where the provider sends the browser after signing out. */
  get postLogoutUri(): string {
    return `${this.#s.publicUrl}/console/`;
  }

  /** The provider's metadata; NODE-UNAVAILABLE when it cannot be reached. */
  async configuration(): Promise<oidc.Configuration> {
    this.#config ??= oidc
      .discovery(
        new URL(this.#s.issuer),
        this.#s.clientId,
        undefined,
        oidc.ClientSecretBasic(this.#s.clientSecret),
        this.#s.insecureIssuer ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .then((config) => {
        oidc.enableNonRepudiationChecks(config);
        return config;
      });
    try {
      return await this.#config;
    } catch (err) {
      this.#config = undefined;
      throw new NodeError(
        'NODE-UNAVAILABLE',
        `the identity provider ${this.#s.issuer} cannot be reached: ${describe(err)}`,
        { cause: err },
      );
    }
  }

  /** The provider's URL to send the browser to, and what must be kept until it answers. */
  async start(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const config = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier,
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.#s.scopes.join(' '),
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Completes a sign-in from the provider's answer (`callbackUrl`: the callback as the browser
   * requested it). SignInRefused when the provider or a check refused; NODE-UNAVAILABLE when the
   * provider cannot be reached.
   */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<SignedIn> {
    const config = await this.configuration();
    let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw refusal(err, this.#s.issuer);
    }
    return this.#signedIn(config, tokens, undefined);
  }

  /** Renews the tokens of a session; SignInRefused when the provider ended the grant. */
  async refresh(refreshToken: string, sub: string): Promise<SignedIn> {
    const config = await this.configuration();
    let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
    try {
      tokens = await oidc.refreshTokenGrant(config, refreshToken);
    } catch (err) {
      throw refusal(err, this.#s.issuer);
    }
    return this.#signedIn(config, tokens, sub, refreshToken);
  }

  /** The provider's logout URL (RP-initiated logout), when it has one. */
  async logoutUrl(idToken: string | undefined): Promise<string | undefined> {
    let config: oidc.Configuration;
    try {
      config = await this.configuration();
    } catch {
      return undefined;
    }
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return oidc
      .buildEndSessionUrl(config, {
        post_logout_redirect_uri: this.postLogoutUri,
        client_id: this.#s.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      })
      .toString();
  }

  async #signedIn(
    config: oidc.Configuration,
    tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
    expectedSub: string | undefined,
    previousRefreshToken?: string,
  ): Promise<SignedIn> {
    const claims = tokens.claims() as Record<string, unknown> | undefined;
    const sub = typeof claims?.sub === 'string' ? claims.sub : expectedSub;
    if (!sub) throw new SignInRefused('invalid_token', 'the provider named no user (sub)');
    if (expectedSub !== undefined && sub !== expectedSub)
      throw new SignInRefused('invalid_token', 'the refreshed tokens are of another user');
    let source: Record<string, unknown> | undefined = claims;
    if (claimAt(source, this.#s.rolesClaim) === undefined) {
      // Providers that keep the roles out of the ID token give them at userinfo.
      try {
        source = (await oidc.fetchUserInfo(config, tokens.access_token, sub)) as Record<
          string,
          unknown
        >;
      } catch (err) {
        throw refusal(err, this.#s.issuer);
      }
    }
    const name = typeof source?.name === 'string' ? source.name : undefined;
    const expiresIn = tokens.expiresIn();
    return {
      sub,
      ...(name ? { name } : {}),
      roles: rolesOf(claimAt(source, this.#s.rolesClaim)),
      ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
      accessToken: tokens.access_token,
      ...(expiresIn !== undefined ? { accessExpiresAt: this.#now() + expiresIn * 1000 } : {}),
      ...(tokens.refresh_token || previousRefreshToken
        ? { refreshToken: tokens.refresh_token ?? previousRefreshToken }
        : {}),
    };
  }
}

/** The value at a dotted claim path (`realm_access.roles`). */
export function claimAt(claims: Record<string, unknown> | undefined, path: string): unknown {
  let v: unknown = claims;
  for (const part of path.split('.')) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** The local API roles in a claim value (an array of strings or a space-separated string). */
export function rolesOf(raw: unknown): Role[] {
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(' ') : [];
  return [
    ...new Set(
      list.filter(
        (r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r),
      ),
    ),
  ];
}

function refusal(err: unknown, issuer: string): Error {
  if (err instanceof oidc.ResponseBodyError || err instanceof oidc.AuthorizationResponseError)
    return new SignInRefused(err.error, err.error_description ?? '', { cause: err });
  if (err instanceof oidc.ClientError)
    return new SignInRefused('invalid_response', err.message, { cause: err });
  return new NodeError(
    'NODE-UNAVAILABLE',
    `the identity provider ${issuer} cannot be reached: ${describe(err)}`,
    { cause: err },
  );
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}
