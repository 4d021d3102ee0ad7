// Where each file of a dev PKI folder lives; one place so the generator and the loader agree.
import { join } from 'node:path';
import type { PemPairPaths } from './types.js';

/**
 * File names of the dev PKI layout under `out`:
 * `root-ca.{cert,key}.pem`, `operator.{cert,key}.pem`, `directory.jws`, `directory.json`,
 * `members/<ID>/<use>.{key,cert}.pem` (the revoked example as `<use>-old.…`),
 * `token-issuer/{key.pem,jwks.json,issuer.json}`.
 */
export const devPkiLayout = {
  rootCa: (out: string): PemPairPaths => ({
    key: join(out, 'root-ca.key.pem'),
    cert: join(out, 'root-ca.cert.pem'),
  }),
  operator: (out: string): PemPairPaths => ({
    key: join(out, 'operator.key.pem'),
    cert: join(out, 'operator.cert.pem'),
  }),
  directoryJws: (out: string): string => join(out, 'directory.jws'),
  directoryJson: (out: string): string => join(out, 'directory.json'),
  membersDir: (out: string): string => join(out, 'members'),
  member: (out: string, id: string, name: string): PemPairPaths => ({
    key: join(out, 'members', id, `${name}.key.pem`),
    cert: join(out, 'members', id, `${name}.cert.pem`),
  }),
  tokenIssuerDir: (out: string): string => join(out, 'token-issuer'),
  tokenIssuer: (out: string) => ({
    key: join(out, 'token-issuer', 'key.pem'),
    jwks: join(out, 'token-issuer', 'jwks.json'),
    issuer: join(out, 'token-issuer', 'issuer.json'),
  }),
  /** Top-level entries the generator owns (and removes on `force`). */
  entries: [
    'root-ca.key.pem',
    'root-ca.cert.pem',
    'operator.key.pem',
    'operator.cert.pem',
    'directory.jws',
    'directory.json',
    'members',
    'token-issuer',
  ],
} as const;
