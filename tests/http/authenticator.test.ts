// Bearer-token verification of the local API: every refusal names its reason.
import { expect } from 'chai';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT, base64url } from 'jose';
import { createAuthenticator } from '../../node/http/auth/authenticator.js';
import { mintDevToken } from '../../node/http/auth/dev-token.js';
import { NodeError } from '../../node/errors.js';
import { testPki, type TestPki } from '../fixtures/pki.js';

describe('createAuthenticator', () => {
  let pki: TestPki;
  let auth: ReturnType<typeof createAuthenticator>;

  before(async () => {
    pki = await testPki();
    auth = createAuthenticator({
      issuer: pki.tokenIssuer.issuer,
      audience: pki.tokenIssuer.audience,
      jwks: pki.tokenIssuer.jwks as never,
      clockToleranceSeconds: 5,
    });
  });

  async function refusal(header: string | undefined): Promise<string> {
    try {
      await auth.authenticate(header);
    } catch (err) {
      expect(err).to.be.instanceOf(NodeError);
      expect((err as NodeError).code).to.equal('NODE-UNAUTHENTICATED');
      return (err as NodeError).message;
    }
    throw new Error('token was accepted');
  }

  const sign = (
    claims: Record<string, unknown>,
    o: {
      iss?: string;
      aud?: string;
      exp?: number;
      key?: ReturnType<typeof createPrivateKey>;
      kid?: string;
    } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: o.kid ?? pki.tokenIssuer.kid })
      .setIssuer(o.iss ?? pki.tokenIssuer.issuer)
      .setAudience(o.aud ?? pki.tokenIssuer.audience)
      .setSubject('arta.hoxha')
      .setIssuedAt(now - 10)
      .setExpirationTime(o.exp ?? now + 600)
      .sign(o.key ?? createPrivateKey(pki.tokenIssuer.keyPem));
  };

  it('accepts a dev token and returns subject and roles', async () => {
    const token = await mintDevToken({
      pkiDir: pki.out,
      sub: 'arta.hoxha',
      roles: ['analyst', 'auditor'],
    });
    expect(await auth.authenticate(`Bearer ${token}`)).to.deep.equal({
      sub: 'arta.hoxha',
      roles: ['analyst', 'auditor'],
    });
  });

  it('refuses a missing header and a non-bearer header', async () => {
    expect(await refusal(undefined)).to.match(/no bearer token/);
    expect(await refusal('Basic YWxhZGRpbjpvcGVuc2VzYW1l')).to.match(/not "Bearer <JWT>"/);
  });

  it('refuses expired, wrong-issuer and wrong-audience tokens with the reason', async () => {
    expect(
      await refusal(
        `Bearer ${await sign({ roles: ['admin'] }, { exp: Math.floor(Date.now() / 1000) - 60 })}`,
      ),
    ).to.match(/expired/);
    expect(
      await refusal(`Bearer ${await sign({ roles: ['admin'] }, { iss: 'https://evil.invalid' })}`),
    ).to.match(/claim iss/);
    expect(await refusal(`Bearer ${await sign({ roles: ['admin'] }, { aud: 'other' })}`)).to.match(
      /claim aud/,
    );
  });

  it('refuses alg none and HS256 signed with the public key as secret', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url.encode(
      JSON.stringify({
        iss: pki.tokenIssuer.issuer,
        aud: pki.tokenIssuer.audience,
        sub: 'x',
        roles: ['admin'],
        iat: now,
        exp: now + 600,
      }),
    );
    expect(await refusal(`Bearer ${base64url.encode('{"alg":"none"}')}.${payload}.`)).to.match(
      /token refused/,
    );
    const jwk = pki.tokenIssuer.jwks.keys[0]!;
    const hs = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: pki.tokenIssuer.kid })
      .setIssuer(pki.tokenIssuer.issuer)
      .setAudience(pki.tokenIssuer.audience)
      .setSubject('x')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(JSON.stringify(jwk)));
    expect(await refusal(`Bearer ${hs}`)).to.match(/algorithm not allowed|key|signature/);
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(
      await refusal(
        `Bearer ${await sign({ roles: ['admin'] }, { key: privateKey, kid: 'other' })}`,
      ),
    ).to.match(/does not publish|signature/);
  });

  it('refuses a token without a known role', async () => {
    expect(await refusal(`Bearer ${await sign({ roles: ['superuser'] })}`)).to.match(
      /no known role/,
    );
    expect(await refusal(`Bearer ${await sign({})}`)).to.match(/no known role/);
  });

  describe('remembered tokens', () => {
    // A clock the test moves; tokens are signed against the real clock.
    let clock = Date.now();
    const remembering = (cacheMs?: number) =>
      createAuthenticator({
        issuer: pki.tokenIssuer.issuer,
        audience: pki.tokenIssuer.audience,
        jwks: pki.tokenIssuer.jwks as never,
        clockToleranceSeconds: 5,
        now: () => clock,
        ...(cacheMs === undefined ? {} : { cacheMs }),
      });
    const refusedBy = async (a: ReturnType<typeof createAuthenticator>, header: string) => {
      try {
        await a.authenticate(header);
      } catch (err) {
        expect((err as NodeError).code).to.equal('NODE-UNAUTHENTICATED');
        return (err as NodeError).message;
      }
      throw new Error('token was accepted');
    };

    it('stops accepting a remembered token the moment it expires', async () => {
      clock = Date.now();
      const exp = Math.floor(clock / 1000) + 100;
      const a = remembering();
      const header = `Bearer ${await sign({ roles: ['analyst'] }, { exp })}`;
      expect((await a.authenticate(header)).roles).to.deep.equal(['analyst']);
      clock = exp * 1000 - 1000;
      expect((await a.authenticate(header)).sub).to.equal('arta.hoxha');
      // Within the clock tolerance it is verified again (and accepted), never remembered.
      clock = exp * 1000 + 2000;
      expect((await a.authenticate(header)).sub).to.equal('arta.hoxha');
      clock = exp * 1000 + 6000;
      expect(await refusedBy(a, header)).to.match(/token expired/);
    });

    it('never remembers a refused token, and works with remembering turned off', async () => {
      clock = Date.now();
      const a = remembering(0);
      const noRole = `Bearer ${await sign({ roles: ['superuser'] })}`;
      expect(await refusedBy(a, noRole)).to.match(/no known role/);
      expect(await refusedBy(a, noRole)).to.match(/no known role/);
      const ok = `Bearer ${await sign({ roles: ['admin'] })}`;
      expect((await a.authenticate(ok)).roles).to.deep.equal(['admin']);
      expect((await a.authenticate(ok)).roles).to.deep.equal(['admin']);
    });
  });
});
