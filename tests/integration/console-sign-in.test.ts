// Console sign-in end to end: a real node process, a real OpenID provider (oidc-provider), real HTTP, no browser.
import { expect } from 'chai';
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { testFederation, eventually } from '../fixtures/federation.js';
import { redisUrl } from '../fixtures/redis.js';
import { hit } from '../fixtures/traffic.js';
import { CookieClient, signInThroughProvider, type Answer } from '../fixtures/sign-in.js';
import { DEV_PASSWORD } from '../../node/dev/identity-provider.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import type { TestPki } from '../fixtures/pki.js';
import { mintDevToken } from '../../node/http/auth/dev-token.js';
import { freePort } from '../../node/dev/private-redis.js';

const SESSION = 'ffx-session-al';
const SIGN_IN = 'ffx-sign-in-al';
/** Short token lifetime at the provider, so renewal happens within a test. */
const ACCESS_TOKEN_SECONDS = 4;

describe('console sign-in: OpenID Connect code flow with PKCE through the node (real node, real provider)', function () {
  this.timeout(120_000);
  let fed: DevFederationRunner;
  let pki: TestPki;
  let base: string;
  let redis: Redis;
  let prefix: string;
  let stateDir: string;

  before(async () => {
    ({ fed, pki, stateDir } = await testFederation('console-sign-in', {
      identityProviders: { accessTokenSeconds: ACCESS_TOKEN_SECONDS },
    }));
    base = (await fed.start('AL')).ready.localApi;
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    prefix = `${fed.options.redisPrefix}AL:`;
  });

  after(async () => {
    redis?.disconnect();
    await fed.stopAll();
  });

  /** Signs in a user and returns the client holding the session cookie and the session view. */
  async function signedIn(username: string) {
    const client = new CookieClient();
    const { callback } = await signInThroughProvider(client, base, username, DEV_PASSWORD);
    expect(callback.status, callback.text).to.equal(200);
    const session = await client.request(`${base}/console/auth/session`);
    expect(session.status, session.text).to.equal(200);
    return { client, view: JSON.parse(session.text) as { csrfToken: string; roles: string[] } };
  }

  const sessionKey = (id: string) =>
    `${prefix}console:session:${createHash('sha256').update(id).digest('base64url')}`;

  const json = (a: Answer) => JSON.parse(a.text) as Record<string, unknown>;

  it('signs in through the provider: PKCE S256, state and nonce, the login form, consent, back to the console page asked for', async () => {
    const client = new CookieClient();
    // The node's first sign-in: it discovers the provider and fetches its keys now.
    const seen = fed.identityProvider('AL').requests.length;
    const { callback, chain, authorizeUrl } = await signInThroughProvider(
      client,
      base,
      'analyst.al',
      DEV_PASSWORD,
      '/console/outbox?status=queued',
    );
    const idp = fed.identityProvider('AL');
    expect(authorizeUrl.origin).to.equal(idp.issuer);
    const q = authorizeUrl.searchParams;
    expect(q.get('response_type')).to.equal('code');
    expect(q.get('client_id')).to.equal('ffx-console-al');
    expect(q.get('redirect_uri')).to.equal(`${base}/console/auth/callback`);
    expect(q.get('code_challenge_method')).to.equal('S256');
    expect(q.get('code_challenge')).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).to.have.length.greaterThan(20);
    expect(q.get('nonce')).to.have.length.greaterThan(20);
    expect(q.get('scope')!.split(' ')).to.include.members(['openid', 'roles']);
    // Neither the verifier nor any token went to the browser.
    expect(authorizeUrl.toString()).not.to.include('code_verifier');
    expect(chain.at(-1)).to.match(new RegExp(`^${base}/console/auth/callback\\?code=`));
    expect(callback.status).to.equal(200);
    expect(callback.text).to.include(
      '<meta http-equiv="refresh" content="0;url=/console/outbox?status=queued">',
    );
    expect(callback.text).not.to.match(/eyJ[A-Za-z0-9_-]{10,}/);
    // The node redeemed the code at the token endpoint and verified the ID token with the keys
    // of the provider's JWKS URL (fetched on first use).
    const during = fed.identityProvider('AL').requests.slice(seen);
    expect(during).to.include.members([
      'GET /.well-known/openid-configuration',
      'POST /token',
      'GET /jwks',
    ]);
    const session = await client.request(`${base}/console/auth/session`);
    const view = json(session);
    expect(view).to.include({ sub: 'analyst.al', name: 'Analyst (AL)' });
    expect(view.roles).to.deep.equal(['analyst']);
    expect(view.csrfToken).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(session.headers['cache-control']).to.equal('no-store');
    expect(session.text).not.to.match(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/, without Domain, and the one-use sign-in cookie SameSite=Lax', async () => {
    const client = new CookieClient();
    const start = await client.request(`${base}/console/auth/login`);
    const signInCookie = start.setCookies.find((c) => c.startsWith(`${SIGN_IN}=`))!;
    expect(signInCookie).to.match(/; HttpOnly/);
    expect(signInCookie).to.match(/; SameSite=Lax/);
    expect(signInCookie).to.match(/; Path=\//);
    expect(signInCookie).not.to.match(/Domain=/i);
    const { callback } = await signInThroughProvider(client, base, 'auditor.al', DEV_PASSWORD);
    const sessionCookie = callback.setCookies.find((c) => c.startsWith(`${SESSION}=`))!;
    expect(sessionCookie).to.match(/^ffx-session-al=[A-Za-z0-9_-]{43};/);
    expect(sessionCookie).to.match(/; HttpOnly/);
    expect(sessionCookie).to.match(/; SameSite=Strict/);
    expect(sessionCookie).to.match(/; Path=\//);
    expect(sessionCookie).to.match(/; Max-Age=28800/);
    expect(sessionCookie).not.to.match(/Domain=/i);
    // Plain HTTP local API: not Secure (the HTTPS suite checks Secure and __Host-).
    expect(sessionCookie).not.to.match(/; Secure/);
    // The sign-in cookie is cleared by the callback, and the pending sign-in cannot be replayed.
    expect(callback.setCookies.find((c) => c.startsWith(`${SIGN_IN}=;`))).to.match(/Max-Age=0/);
    const replay = await client.request(`${base}/console/auth/callback?code=x&state=y`, {
      headers: { cookie: `${SIGN_IN}=${'A'.repeat(43)}` },
    });
    expect(replay.status).to.equal(400);
    expect(replay.text).to.include('This sign-in has expired, was already used');
  });

  it('maps the roles from the configured claim: a session reaches the same handlers as a bearer token, with the user as caller', async () => {
    const analyst = await signedIn('analyst.al');
    expect(analyst.view.roles).to.deep.equal(['analyst']);
    const outbox = await analyst.client.request(`${base}/v1/outbox`);
    expect(outbox.status, outbox.text).to.equal(200);
    const admin = await analyst.client.request(`${base}/v1/dead-letters`);
    expect(admin.status).to.equal(403);
    expect(json(admin).code).to.equal('NODE-FORBIDDEN');

    const officer = await signedIn('compliance2.al');
    expect(officer.view.roles).to.deep.equal(['compliance-officer']);
    expect((await officer.client.request(`${base}/v1/policies`)).status).to.equal(200);
    expect((await officer.client.request(`${base}/v1/outbox`)).status).to.equal(403);

    const adminUser = await signedIn('admin.al');
    expect((await adminUser.client.request(`${base}/v1/dead-letters`)).status).to.equal(200);

    // A message sent with the session is the user's: the audit journal names analyst.al.
    const sent = await analyst.client.request(`${base}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': analyst.view.csrfToken,
        origin: base,
      },
      body: JSON.stringify(hit('RS', 1)),
    });
    expect(sent.status, sent.text).to.equal(202);
    const auditor = await signedIn('auditor.al');
    await eventually('the submission in the journal', async () => {
      const audit = await auditor.client.request(`${base}/v1/audit?limit=200`);
      return audit.text.includes('"analyst.al"');
    });
  });

  it('refuses a state-changing call without the CSRF token, with a wrong one and from another origin, and changes nothing', async () => {
    const { client, view } = await signedIn('analyst.al');
    const count = async () =>
      (json(await client.request(`${base}/v1/outbox?limit=200`)).items as unknown[]).length;
    const before = await count();
    const post = (headers: Record<string, string>) =>
      client.request(`${base}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(hit('RS', 2)),
      });
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['no token', { origin: base }, /no X-CSRF-Token header/],
      [
        'wrong token',
        { origin: base, 'x-csrf-token': randomBytes(32).toString('base64url') },
        /not the one of this session/,
      ],
      [
        'wrong origin',
        { origin: 'http://evil.example', 'x-csrf-token': view.csrfToken },
        /origin http:\/\/evil\.example refused/,
      ],
      [
        'cross-site fetch without origin',
        { 'sec-fetch-site': 'cross-site', 'x-csrf-token': view.csrfToken },
        /another site/,
      ],
    ];
    for (const [what, headers, detail] of cases) {
      const r = await post(headers);
      expect(r.status, what).to.equal(403);
      expect(json(r).code, what).to.equal('NODE-CSRF');
      expect(String(json(r).detail), what).to.match(detail);
    }
    expect(await count()).to.equal(before);
    // Reads need no token (SameSite=Strict and no CORS keep other sites from reading them).
    expect((await client.request(`${base}/v1/outbox`)).status).to.equal(200);
  });

  it('refuses forged, tampered, expired and ended session cookies with NODE-SESSION-EXPIRED, so the console can say so', async () => {
    const { client } = await signedIn('analyst.al');
    const good = client.cookie(SESSION)!.value;
    const tampered = (good[0] === 'A' ? 'B' : 'A') + good.slice(1);
    const attempts: Array<[string, string]> = [
      ['forged', randomBytes(32).toString('base64url')],
      ['tampered', tampered],
      ['malformed', 'not-a-session'],
    ];
    for (const [what, value] of attempts) {
      const r = await client.request(`${base}/v1/outbox`, {
        headers: { cookie: `${SESSION}=${value}` },
      });
      expect(r.status, what).to.equal(401);
      expect(json(r).code, what).to.equal('NODE-SESSION-EXPIRED');
      expect(String(json(r).detail)).to.match(/sign in again/);
    }
    // Past its end (the stored end moved into the past), the session is refused and removed.
    const key = sessionKey(good);
    const stored = JSON.parse((await redis.get(key))!) as { expiresAt: number };
    await redis.set(key, JSON.stringify({ ...stored, expiresAt: Date.now() - 1000 }), 'KEEPTTL');
    const expired = await client.request(`${base}/console/auth/session`);
    expect(expired.status).to.equal(401);
    expect(json(expired).code).to.equal('NODE-SESSION-EXPIRED');
    expect(expired.setCookies.find((c) => c.startsWith(`${SESSION}=;`))).to.match(/Max-Age=0/);
    expect(await redis.exists(key)).to.equal(0);
    // Without any cookie or token it is plain "not signed in".
    const none = await new CookieClient().request(`${base}/console/auth/session`);
    expect(json(none).code).to.equal('NODE-UNAUTHENTICATED');
  });

  it("signs out: the session ends server-side, then the provider's RP-initiated logout", async () => {
    const { client, view } = await signedIn('analyst.al');
    const id = client.cookie(SESSION)!.value;
    expect(await redis.exists(sessionKey(id))).to.equal(1);
    const refused = await client.request(`${base}/console/auth/logout`, {
      method: 'POST',
      headers: { origin: base },
    });
    expect(refused.status).to.equal(403);
    expect(await redis.exists(sessionKey(id))).to.equal(1);
    const out = await client.request(`${base}/console/auth/logout`, {
      method: 'POST',
      headers: {
        origin: base,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ csrf: view.csrfToken }).toString(),
    });
    expect(out.status).to.equal(303);
    const logout = new URL(String(out.headers.location));
    const idp = fed.identityProvider('AL');
    expect(logout.origin).to.equal(idp.issuer);
    expect(logout.pathname).to.equal('/session/end');
    expect(logout.searchParams.get('post_logout_redirect_uri')).to.equal(`${base}/console/`);
    expect(logout.searchParams.get('id_token_hint')).to.match(/^eyJ/);
    expect(out.setCookies.find((c) => c.startsWith(`${SESSION}=;`))).to.match(/Max-Age=0/);
    expect(await redis.exists(sessionKey(id))).to.equal(0);
    const after = await client.request(`${base}/v1/outbox`, {
      headers: { cookie: `${SESSION}=${id}` },
    });
    expect(after.status).to.equal(401);
    expect(json(after).code).to.equal('NODE-SESSION-EXPIRED');
    // The provider's logout page answers (its own confirmation form).
    const page = await client.follow(logout.toString());
    expect(page.status).to.equal(200);
    expect(page.text).to.match(/<form/);

    // A console calling with fetch gets the logout URL as JSON.
    const again = await signedIn('analyst.al');
    const asJson = await again.client.request(`${base}/console/auth/logout`, {
      method: 'POST',
      headers: { origin: base, accept: 'application/json', 'x-csrf-token': again.view.csrfToken },
    });
    expect(asJson.status).to.equal(200);
    expect(json(asJson)).to.include({ signedOut: true });
    expect(String(json(asJson).logoutUrl)).to.match(new RegExp(`^${idp.issuer}/session/end\\?`));
  });

  it('keeps bearer tokens and ffx dev-token working, and prefers the bearer token over a session cookie', async () => {
    const token = await mintDevToken({ pkiDir: pki.out, sub: 'api.client', roles: ['admin'] });
    const plain = new CookieClient();
    const r = await plain.request(`${base}/v1/dead-letters`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.status, r.text).to.equal(200);
    const { client } = await signedIn('analyst.al');
    // The analyst's session would be refused here; the admin token is what counts.
    const both = await client.request(`${base}/v1/dead-letters`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(both.status).to.equal(200);
    // A bearer POST needs no CSRF token (a browser never attaches it by itself).
    const analystToken = await mintDevToken({
      pkiDir: pki.out,
      sub: 'api.analyst',
      roles: ['analyst'],
    });
    const sent = await client.request(`${base}/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${analystToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(hit('RS', 3)),
    });
    expect(sent.status, sent.text).to.equal(202);
  });

  it('refuses a wrong password and a cancelled consent at the provider and a user without a role at the node, with pages that say so', async () => {
    const client = new CookieClient();
    const start = await client.request(`${base}/console/auth/login`);
    const login = await client.follow(String(start.headers.location));
    const wrong = await client.submit(login, /\/login$/, {
      username: 'analyst.al',
      password: 'guess',
    });
    expect(wrong.status).to.equal(401);
    expect(wrong.text).to.include('Unknown user name or wrong password.');
    expect(wrong.text).to.match(/<label for="username">User name<\/label>/);
    expect(client.cookie(SESSION)).to.equal(undefined);

    // Cancelling at the provider's consent page comes back as access_denied: a page, no session.
    const cancelling = new CookieClient();
    const cStart = await cancelling.request(`${base}/console/auth/login`);
    const cLogin = await cancelling.follow(String(cStart.headers.location));
    const consent = await cancelling.submit(cLogin, /\/login$/, {
      username: 'analyst.al',
      password: DEV_PASSWORD,
    });
    const cancelled = await cancelling.submit(consent, /\/abort$/);
    expect(cancelled.status).to.equal(403);
    expect(cancelled.text).to.include('Sign-in refused');
    expect(cancelled.text).to.include('access_denied');
    expect(cancelling.cookie(SESSION)).to.equal(undefined);

    const visitor = new CookieClient();
    const { callback } = await signInThroughProvider(visitor, base, 'visitor.al', DEV_PASSWORD);
    expect(callback.status).to.equal(403);
    expect(callback.text).to.include('your account has none of the roles of this node');
    expect(visitor.cookie(SESSION)).to.equal(undefined);
  });

  it('renews the tokens before they expire, and ends the session when the provider withdraws the grant', async () => {
    const { client } = await signedIn('analyst.al');
    const id = client.cookie(SESSION)!.value;
    const first = JSON.parse((await redis.get(sessionKey(id)))!) as {
      accessToken: string;
      refreshToken: string;
      tokensAt: number;
    };
    expect(first.refreshToken).to.be.a('string');
    await new Promise((r) => setTimeout(r, (ACCESS_TOKEN_SECONDS / 2) * 1000 + 300));
    const renewedAnswer = await client.request(`${base}/v1/outbox`);
    expect(renewedAnswer.status).to.equal(200);
    const renewed = JSON.parse((await redis.get(sessionKey(id)))!) as typeof first;
    expect(renewed.accessToken).not.to.equal(first.accessToken);
    expect(renewed.tokensAt).to.be.greaterThan(first.tokensAt);

    await fed.identityProvider('AL').revokeGrants('analyst.al');
    await new Promise((r) => setTimeout(r, (ACCESS_TOKEN_SECONDS / 2) * 1000 + 300));
    const ended = await client.request(`${base}/v1/outbox`);
    expect(ended.status).to.equal(401);
    expect(json(ended).code).to.equal('NODE-SESSION-EXPIRED');
    expect(String(json(ended).detail)).to.match(/identity provider ended your sign-in/);
    expect(await redis.exists(sessionKey(id))).to.equal(0);
  });

  it('sends the security headers on console, docs, sign-in and API answers', async () => {
    const client = new CookieClient();
    for (const path of [
      '/console/',
      '/docs/',
      '/console/auth/login',
      '/v1/health',
      '/v1/outbox',
      '/no/such/route',
    ]) {
      const r = await client.request(`${base}${path}`);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, path).to.include("default-src 'self'");
      expect(csp, path).to.include("script-src 'self'");
      expect(csp, path).to.include("style-src 'self'");
      expect(csp, path).to.include("frame-ancestors 'none'");
      expect(csp, path).to.include("object-src 'none'");
      expect(csp, path).to.include(`form-action 'self' ${fed.identityProvider('AL').issuer}`);
      expect(csp, path).not.to.include('unsafe-inline');
      expect(csp, path).not.to.include('unsafe-eval');
      expect(r.headers['x-content-type-options'], path).to.equal('nosniff');
      expect(r.headers['referrer-policy'], path).to.equal('same-origin');
      expect(r.headers['cross-origin-opener-policy'], path).to.equal('same-origin');
      expect(r.headers['x-frame-options'], path).to.equal('DENY');
      // HSTS only on HTTPS (the HTTPS suite checks it is there).
      expect(r.headers['strict-transport-security'], path).to.equal(undefined);
      expect(r.headers['x-powered-by'], path).to.equal(undefined);
    }
  });

  it("serves /docs from the node's own files: Swagger UI, an initializer file, the bundled OpenAPI document, no external URL", async () => {
    const client = new CookieClient();
    const page = await client.request(`${base}/docs/`);
    expect(page.status).to.equal(200);
    expect(page.headers['content-type']).to.match(/^text\/html/);
    expect(page.text).not.to.match(/https?:\/\//);
    expect(page.text).not.to.match(/<script>(?!<)/);
    const refs = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs).to.include.members(['./swagger-ui-bundle.js', './init.js', './swagger-ui.css']);
    for (const ref of refs) {
      expect(ref, ref).to.match(/^\.\//);
      const r = await client.request(new URL(ref, `${base}/docs/`).toString());
      expect(r.status, ref).to.equal(200);
    }
    const init = await client.request(`${base}/docs/init.js`);
    expect(init.headers['content-type']).to.match(/^text\/javascript/);
    expect(init.text).not.to.match(/https?:\/\//);
    expect(init.text).to.include('validatorUrl: null');
    const spec = await client.request(`${base}/docs/openapi.json`);
    const doc = JSON.parse(spec.text) as Record<string, unknown>;
    expect(doc.openapi).to.match(/^3\.1/);
    const refsOut = spec.text.match(/"\$ref":\s*"[^#"][^"]*"/g) ?? [];
    expect(refsOut).to.deep.equal([]);
    expect(spec.text).not.to.match(/"\$id"\s*:\s*"https?:/);
    expect((await client.request(`${base}/docs`)).headers.location).to.equal('/docs/');
    expect((await client.request(`${base}/docs/index.css`)).status).to.equal(404);
  });
  it("writes no token, session id, CSRF token or client secret to the node's log, but the sign-ins and sign-outs", async () => {
    const { client, view } = await signedIn('compliance.al');
    const id = client.cookie(SESSION)!.value;
    const stored = JSON.parse((await redis.get(sessionKey(id)))!) as Record<string, string>;
    await client.request(`${base}/console/auth/logout`, {
      method: 'POST',
      headers: { origin: base, accept: 'application/json', 'x-csrf-token': view.csrfToken },
    });
    const log = await eventually('the sign-out in the log', async () => {
      const text = await readFile(join(stateDir, 'AL', 'node-main.log'), 'utf8');
      return text.includes('console sign-out') && text;
    });
    expect(log).to.include('"console sign-in"');
    expect(log).to.include('"sub":"compliance.al"');
    const secrets = [id, view.csrfToken, stored.accessToken, stored.refreshToken, stored.idToken];
    secrets.push(fed.identityProvider('AL').client.clientSecret);
    for (const secret of secrets) {
      expect(secret).to.be.a('string').with.length.greaterThan(20);
      expect(log.includes(secret!), 'a secret in the log').to.equal(false);
    }
    expect(log).not.to.match(/eyJ[A-Za-z0-9_-]{20,}/);
  });
});

describe('console sign-in on an HTTPS local API (real node, real provider)', function () {
  this.timeout(120_000);
  let fed: DevFederationRunner;
  let base: string;
  let ca: string;

  before(async () => {
    let pki: TestPki;
    ({ fed, pki } = await testFederation('console-https', {
      identityProviders: true,
      localHttps: true,
    }));
    base = (await fed.start('AL')).ready.localApi;
    ca = pki.rootCa.certPem;
  });

  after(async () => {
    await fed.stopAll();
  });

  it('listens on HTTPS only, sends HSTS, and sets a Secure __Host- session cookie', async () => {
    expect(base).to.match(/^https:\/\/127\.0\.0\.1:\d+$/);
    const client = new CookieClient({ ca });
    const { callback } = await signInThroughProvider(client, base, 'admin.al', DEV_PASSWORD);
    expect(callback.status, callback.text).to.equal(200);
    const cookie = callback.setCookies.find((c) => c.startsWith('__Host-ffx-session-al='))!;
    expect(cookie).to.match(/; Secure/);
    expect(cookie).to.match(/; HttpOnly/);
    expect(cookie).to.match(/; SameSite=Strict/);
    expect(cookie).to.match(/; Path=\//);
    expect(cookie).not.to.match(/Domain=/i);
    const session = await client.request(`${base}/console/auth/session`);
    expect(session.status).to.equal(200);
    expect(session.headers['strict-transport-security']).to.equal('max-age=31536000');
    expect(String(session.headers['content-security-policy'])).to.include(
      'upgrade-insecure-requests',
    );
    expect((await client.request(`${base}/v1/dead-letters`)).status).to.equal(200);
    // Plain HTTP on the HTTPS port is not served.
    const plain = await new CookieClient()
      .request(base.replace('https:', 'http:') + '/v1/health')
      .then(
        (r) => r.status,
        () => 'refused',
      );
    expect(plain).to.not.equal(200);
  });
});

describe('console sign-in when the provider is down or sign-in is not configured (real nodes)', function () {
  this.timeout(120_000);
  let fed: DevFederationRunner;
  let withDeadProvider: string;
  let withoutSignIn: string;

  before(async () => {
    let stateDir: string;
    ({ fed, stateDir } = await testFederation('console-no-idp'));
    const secret = join(stateDir, 'secret');
    await writeFile(secret, 'unused-secret\n', { mode: 0o600 });
    const deadPort = await freePort();
    const localPort = await freePort();
    withDeadProvider = (
      await fed.start('AL', 'main', {
        localPort,
        console: {
          publicUrl: `http://127.0.0.1:${localPort}`,
          oidc: {
            issuer: `http://127.0.0.1:${deadPort}`,
            clientId: 'ffx-console-al',
            clientSecretFile: secret,
          },
        },
      })
    ).ready.localApi;
    withoutSignIn = (await fed.start('RS')).ready.localApi;
  });

  after(async () => {
    await fed.stopAll();
  });

  it('starts the node while its identity provider is down, and says so at sign-in', async () => {
    const client = new CookieClient();
    const login = await client.request(`${withDeadProvider}/console/auth/login`);
    expect(login.status).to.equal(503);
    expect(login.headers['content-type']).to.match(/^text\/html/);
    expect(login.text).to.match(
      /the identity provider http:\/\/127\.0\.0\.1:\d+ cannot be reached/,
    );
    expect(login.text).to.include('Sign in again');
    expect(login.setCookies).to.deep.equal([]);
    expect((await client.request(`${withDeadProvider}/v1/health`)).status).to.equal(200);
  });

  it('answers NODE-UNAVAILABLE on the sign-in routes of a node without sign-in configured', async () => {
    for (const path of ['/console/auth/login', '/console/auth/session']) {
      const r = await new CookieClient().request(`${withoutSignIn}${path}`);
      expect(r.status, path).to.equal(503);
      expect(JSON.parse(r.text)).to.include({ code: 'NODE-UNAVAILABLE' });
      expect(JSON.parse(r.text).detail).to.match(/console sign-in is not configured/);
    }
  });
});
