// Mints local API tokens with the dev issuer of the dev PKI (development and tests only).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from './authenticator.js';

/** What to mint. */
export interface DevTokenOptions {
  /** The dev PKI folder (holds `token-issuer/`). */
  pkiDir: string;
  sub: string;
  roles: Role[] | string[];
  ttlSeconds?: number;
  /** Overrides for tests of refusals (another audience or issuer, an expiry in the past). */
  audience?: string;
  issuer?: string;
  now?: Date;
}

/**
 * Mints an ES256 JWT signed by the dev issuer's key (`<pki>/token-issuer/key.pem`), accepted by
 * nodes configured with the dev issuer's JWKS. Never for production.
 *
 * @example const token = await mintDevToken({ pkiDir: 'certs-dev/out', sub: 'arta.hoxha', roles: ['analyst'] });
 */
export async function mintDevToken(o: DevTokenOptions): Promise<string> {
  const dir = join(o.pkiDir, 'token-issuer');
  const [keyPem, issuerText] = await Promise.all([
    readFile(join(dir, 'key.pem'), 'utf8'),
    readFile(join(dir, 'issuer.json'), 'utf8'),
  ]);
  const meta = JSON.parse(issuerText) as { issuer: string; audience: string; kid: string };
  const iat = Math.floor((o.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ roles: [...o.roles] })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: meta.kid })
    .setSubject(o.sub)
    .setIssuer(o.issuer ?? meta.issuer)
    .setAudience(o.audience ?? meta.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (o.ttlSeconds ?? 3600))
    .setJti(crypto.randomUUID())
    .sign(createPrivateKey(keyPem));
}
