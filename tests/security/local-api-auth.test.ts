// Security matrix of the local API: every route × every role × missing, expired, wrong-issuer,
// wrong-audience, unsigned and malformed tokens, on a real node process.
import { expect } from 'chai';
import { createPrivateKey } from 'node:crypto';
import { SignJWT, base64url } from 'jose';
import { v7 as uuidv7 } from 'uuid';
import { loadOperations, type Operation } from '../../node/http/openapi-operations.js';
import { mintDevToken } from '../../node/http/auth/dev-token.js';
import { testFederation } from '../fixtures/federation.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import type { TestPki } from '../fixtures/pki.js';

const ROLES = ['analyst', 'compliance-officer', 'auditor', 'admin'] as const;
const localOps = loadOperations().filter((o) => !o.tags.includes('peer'));

/** A concrete URL path for an operation, with harmless parameter values. */
function concretePath(op: Operation): string {
  return op.path
    .replace('{id}', uuidv7())
    .replace('{version}', '1')
    .replace('{peer}', 'RS')
    .replace('{correlationId}', 'case-1');
}

describe('security: local API tokens and roles (real node process)', function () {
  this.timeout(120_000);
  let fed: DevFederationRunner;
  let pki: TestPki;
  let base: string;

  before(async () => {
    ({ fed, pki } = await testFederation('sec-localapi'));
    base = (await fed.start('AL')).ready.localApi;
  });

  after(async () => {
    await fed.stopAll();
  });

  describe('authentication and roles', () => {
    const tokens: Record<string, string> = {};

    before(async () => {
      for (const role of ROLES)
        tokens[role] = await mintDevToken({
          pkiDir: pki.out,
          sub: `t.${role}`,
          roles: [role],
          ttlSeconds: 600,
        });
      const key = createPrivateKey(pki.tokenIssuer.keyPem);
      const sign = (claims: Record<string, unknown>, iss: string, aud: string, exp: number) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'ES256', kid: pki.tokenIssuer.kid })
          .setIssuer(iss)
          .setAudience(aud)
          .setSubject('x')
          .setIssuedAt(exp - 600)
          .setExpirationTime(exp)
          .sign(key);
      const now = Math.floor(Date.now() / 1000);
      tokens.expired = await sign(
        { roles: ['admin'] },
        pki.tokenIssuer.issuer,
        pki.tokenIssuer.audience,
        now - 120,
      );
      tokens.wrongIssuer = await sign(
        { roles: ['admin'] },
        'https://someone-else.invalid',
        pki.tokenIssuer.audience,
        now + 600,
      );
      tokens.wrongAudience = await sign(
        { roles: ['admin'] },
        pki.tokenIssuer.issuer,
        'another-api',
        now + 600,
      );
      const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
      const body = base64url.encode(
        JSON.stringify({
          iss: pki.tokenIssuer.issuer,
          aud: pki.tokenIssuer.audience,
          sub: 'x',
          roles: ['admin'],
          exp: now + 600,
        }),
      );
      tokens.algNone = `${header}.${body}.`;
    });

    async function call(
      op: Operation,
      token?: string,
    ): Promise<{ status: number; body: Record<string, unknown> }> {
      const res = await fetch(new URL(concretePath(op), base), {
        method: op.method.toUpperCase(),
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(op.bodySchema ? { 'content-type': 'application/json' } : {}),
        },
        ...(op.bodySchema ? { body: '{}' } : {}),
      });
      // A live update stream stays open: its status and headers are the answer.
      if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        await res.body?.cancel();
        return { status: res.status, body: {} };
      }
      const text = await res.text();
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // Metrics are text.
      }
      return { status: res.status, body };
    }

    for (const op of localOps) {
      if (!op.authenticated) {
        it(`${op.operationId} answers without a token`, async () => {
          const r = await call(op);
          expect(r.status).to.be.oneOf([200, 503]);
        });
        continue;
      }
      it(`${op.operationId} refuses missing, expired, foreign and unsigned tokens`, async () => {
        for (const t of [
          undefined,
          'expired',
          'wrongIssuer',
          'wrongAudience',
          'algNone',
          'not.a.jwt',
        ]) {
          const r = await call(op, t === undefined ? undefined : (tokens[t] ?? t));
          expect(r.status, `${op.operationId} with ${t ?? 'no token'}`).to.equal(401);
          expect(r.body.code).to.equal('NODE-UNAUTHENTICATED');
        }
      });
      it(`${op.operationId}: only ${op.roles.join(', ')} may call it`, async () => {
        for (const role of ROLES) {
          const r = await call(op, tokens[role]);
          if (op.roles.includes(role)) {
            expect(r.status, `${role} on ${op.operationId}`).to.not.be.oneOf([401, 403]);
          } else {
            expect(r.status, `${role} on ${op.operationId}`).to.equal(403);
            expect(r.body.code).to.equal('NODE-FORBIDDEN');
          }
        }
      });
    }
  });
});
