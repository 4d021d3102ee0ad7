// A jurisdiction's dev OpenID provider (oidc-provider 8): one user per role, a login and a consent page.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { exportJWK } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/** The one password of every dev user (dev only; `ffx demo` prints it). */
export const DEV_PASSWORD = 'ffp-dev-password';

/** One dev user. */
export interface DevUser {
  /** Login name and `sub`, e.g. `analyst.al`. */
  username: string;
  name: string;
  roles: string[];
}

/** A client (a node's console) registered with the provider. */
export interface DevClient {
  clientId: string;
  clientSecret: string;
  /** Where browsers reach the node, e.g. `http://127.0.0.1:7501`. */
  nodeUrl: string;
}

/** Options of `startIdentityProvider`. */
export interface IdentityProviderOptions {
  /** Lower-case jurisdiction id used in the user names (`al` gives `analyst.al`, …). */
  jurisdiction: string;
  /** The node's console client; its secret is generated when absent. */
  client: Omit<DevClient, 'clientSecret'> & { clientSecret?: string };
  /** Port to listen on, 127.0.0.1 (default: a free one). */
  port?: number;
  /** Lifetime of access and ID tokens, seconds (default 600; tests of refresh shorten it). */
  accessTokenSeconds?: number;
  /** Name of the claim carrying the roles (default `roles`). */
  rolesClaim?: string;
}

/** A running dev identity provider. */
export interface DevIdentityProvider {
  /** The issuer URL (also where discovery and the JWKS are). */
  issuer: string;
  jwksUri: string;
  client: DevClient;
  users: DevUser[];
  /** Method and path of every request the provider answered, oldest first (tests). */
  requests: string[];
  /** Revokes every grant of a user (their refresh tokens stop working). */
  revokeGrants(username: string): Promise<void>;
  stop(): Promise<void>;
}

/** The dev users of a jurisdiction: one per role, a second compliance officer and one without a role. */
export function devUsers(jurisdiction: string): DevUser[] {
  const j = jurisdiction.toLowerCase();
  const J = jurisdiction.toUpperCase();
  return [
    { username: `analyst.${j}`, name: `Analyst (${J})`, roles: ['analyst'] },
    {
      username: `compliance.${j}`,
      name: `Compliance officer (${J})`,
      roles: ['compliance-officer'],
    },
    {
      username: `compliance2.${j}`,
      name: `Second compliance officer (${J})`,
      roles: ['compliance-officer'],
    },
    { username: `auditor.${j}`, name: `Auditor (${J})`, roles: ['auditor'] },
    { username: `admin.${j}`, name: `Administrator (${J})`, roles: ['admin'] },
    // Signs in at the provider but holds no role of the node: the node refuses it with a page.
    { username: `visitor.${j}`, name: `Visitor without a role (${J})`, roles: [] },
  ];
}

/**
 * Starts a dev OpenID provider on 127.0.0.1 with its own signing keys (generated now, never
 * written anywhere), the dev users of the jurisdiction (password `DEV_PASSWORD`) and one
 * confidential client: the node's console, authorization code with PKCE and refresh tokens.
 * Development and tests only.
 *
 * @example
 * const idp = await startIdentityProvider({ jurisdiction: 'al', client: { clientId: 'ffx-console-al', nodeUrl } });
 * console.log(idp.issuer, idp.client.clientSecret);
 */
export async function startIdentityProvider(
  o: IdentityProviderOptions,
): Promise<DevIdentityProvider> {
  const users = devUsers(o.jurisdiction);
  const rolesClaim = o.rolesClaim ?? 'roles';
  const client: DevClient = {
    clientId: o.client.clientId,
    nodeUrl: o.client.nodeUrl.replace(/\/$/, ''),
    clientSecret: o.client.clientSecret ?? randomBytes(32).toString('base64url'),
  };
  // Grant ids per user, so a test can withdraw a user's access at the provider.
  const grantIds = new Map<string, Set<string>>();
  const server = createServer();
  server.listen(o.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: randomBytes(8).toString('hex'),
    use: 'sig',
    alg: 'RS256',
  };
  const ttl = o.accessTokenSeconds ?? 600;

  const configuration: Configuration = {
    adapter: await memoryAdapter(),
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [`${client.nodeUrl}/console/auth/callback`],
        post_logout_redirect_uris: [`${client.nodeUrl}/console/`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'roles', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], roles: [rolesClaim] },
    // Roles go into the ID token as well as userinfo, as Keycloak and Entra ID put them there.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // Our own pages: the library's load a web font from the internet.
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = page(
            'Sign out',
            `<main><h1>Sign out of the identity provider too?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button></main>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = page(
            'Signed out',
            `<main><h1>Signed out</h1><p><a href="${escapeHtml(client.nodeUrl)}/console/">Back to the console</a></p></main>`,
          );
        },
      },
      revocation: { enabled: true },
    },
    // A refresh token for the node's confidential client without `offline_access`, as
    // Keycloak's default is.
    issueRefreshToken: async (_ctx, c) => c.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: ttl,
      IdToken: ttl,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      RefreshToken: 8 * 3600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const user = users.find((u) => u.username === sub);
      if (!user) return undefined;
      return {
        accountId: user.username,
        claims: () => ({
          sub: user.username,
          name: user.name,
          preferred_username: user.username,
          [rolesClaim]: user.roles,
        }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        'Sign-in error',
        `<h1>Sign-in error</h1><p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p>`,
      );
    },
  };
  const provider = new Provider(issuer, configuration);
  const providerCallback = provider.callback();
  const requests: string[] = [];
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    requests.push(`${req.method ?? 'GET'} ${path}`);
    if (!path.startsWith('/interaction/')) return void providerCallback(req, res);
    interaction(provider, users, grantIds, client.nodeUrl, req, res, path).catch((err: unknown) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        page(
          'Sign-in error',
          `<h1>Sign-in error</h1><p>${escapeHtml((err as Error).message)}</p><p><a href="${escapeHtml(client.nodeUrl)}/console/">Back to the console</a></p>`,
        ),
      );
    });
  });

  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    client,
    users,
    requests,
    async revokeGrants(username) {
      for (const id of grantIds.get(username) ?? []) {
        await provider.RefreshToken.adapter.revokeByGrantId(id);
        await (await provider.Grant.find(id))?.destroy();
      }
      grantIds.delete(username);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** The login and consent pages and their form posts. */
async function interaction(
  provider: Provider,
  users: DevUser[],
  grantIds: Map<string, Set<string>>,
  nodeUrl: string,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const uid = details.uid;
  const base = `/interaction/${uid}`;
  const html = (status: number, body: string) => {
    res.statusCode = status;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader(
      'content-security-policy',
      `default-src 'none'; form-action 'self' ${new URL(nodeUrl).origin}; frame-ancestors 'none'`,
    );
    res.end(body);
  };
  if (req.method === 'GET' && path === base) {
    if (details.prompt.name === 'login') return html(200, loginPage(base, ''));
    const client = await provider.Client.find(String(details.params.client_id));
    return html(
      200,
      page(
        'Allow access',
        `<main><h1>Allow the console to use your account?</h1>
<p>${escapeHtml(client?.clientId ?? '')} asks for your name and your roles.</p>
<form method="post" action="${base}/confirm"><button type="submit">Allow</button></form>
<form method="post" action="${base}/abort"><button type="submit">Cancel</button></form></main>`,
      ),
    );
  }
  if (req.method !== 'POST') return html(404, page('Not found', '<h1>Not found</h1>'));
  const form = new URLSearchParams(await readBody(req));
  if (path === `${base}/login`) {
    const username = form.get('username') ?? '';
    const user = users.find((u) => u.username === username);
    if (!user || form.get('password') !== DEV_PASSWORD) {
      return html(401, loginPage(base, 'Unknown user name or wrong password.', username));
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.username } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (path === `${base}/confirm`) {
    const accountId = details.session?.accountId;
    if (!accountId) throw new Error('no signed-in user for this consent');
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new Error('the grant of this sign-in has ended');
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    const ids = grantIds.get(accountId) ?? new Set<string>();
    ids.add(grantId);
    grantIds.set(accountId, ids);
    await provider.interactionFinished(
      req,
      res,
      { consent: details.grantId ? {} : { grantId } },
      { mergeWithLastSubmission: true },
    );
    return;
  }
  if (path === `${base}/abort`) {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'the user cancelled the sign-in' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  return html(404, page('Not found', '<h1>Not found</h1>'));
}

/**
 * oidc-provider's own in-memory store, under another name: a dev provider's state is meant to
 * end with it, and the name keeps the library from warning that it is not for production.
 */
async function memoryAdapter(): Promise<NonNullable<Configuration['adapter']>> {
  const specifier = 'oidc-provider/lib/adapters/memory_adapter.js';
  const { default: MemoryAdapter } = (await import(specifier)) as {
    default: new (name: string) => object;
  };
  return class DevMemoryAdapter extends MemoryAdapter {} as NonNullable<Configuration['adapter']>;
}

function loginPage(base: string, error: string, username = ''): string {
  return page(
    'Sign in',
    `<main><h1>Sign in to the exchange node (dev identity provider)</h1>
${error ? `<p role="alert" id="login-error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${base}/login">
<p><label for="username">User name</label><br><input id="username" name="username" autocomplete="username" required value="${escapeHtml(username)}"${error ? ' aria-describedby="login-error"' : ''} autofocus></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form></main>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
