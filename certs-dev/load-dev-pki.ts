// Reads a dev PKI folder back (the layout `generateDevPki` writes).
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { certificateSerial } from './certificate-kid.js';
import { DevPkiError } from './dev-pki-error.js';
import { devPkiLayout } from './dev-pki-layout.js';
import type {
  FederationDirectoryPayload,
  LoadedDevPki,
  MemberMaterial,
  PemPair,
  PemPairPaths,
  TokenIssuerMaterial,
} from './types.js';

export type { LoadedDevPki, PemPair } from './types.js';

async function read(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new DevPkiError('PKI-LAYOUT', `cannot read ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

async function readPair(paths: PemPairPaths): Promise<PemPair> {
  return { keyPem: await read(paths.key), certPem: await read(paths.cert) };
}

function decodePayload(jws: string, path: string): FederationDirectoryPayload {
  try {
    const parts = jws.split('.');
    if (parts.length !== 3) throw new Error('not three dot-separated parts');
    return JSON.parse(
      Buffer.from(parts[1]!, 'base64url').toString('utf8'),
    ) as FederationDirectoryPayload;
  } catch (err) {
    throw new DevPkiError('PKI-LAYOUT', `${path} is not a compact JWS with a JSON payload`, {
      cause: err,
    });
  }
}

/**
 * Loads a dev PKI folder: root CA, operator, every member under `members/` (with its `sig-old`
 * pair where there is one), the directory, the revoked example and the token issuer. The directory
 * payload is decoded WITHOUT verifying the signature — this is a loader for dev tooling and tests,
 * not a trust decision; nodes verify with `verifyDirectory` from `protocol/`.
 *
 * @throws DevPkiError `PKI-LAYOUT` naming the first missing or unreadable file.
 * @example
 * const pki = await loadDevPki('certs-dev/out');
 * pki.members.AL.sig.keyPem; pki.directoryJws; pki.operator.certPem; pki.revokedExample.serial;
 */
export async function loadDevPki(out: string): Promise<LoadedDevPki> {
  const dir = resolve(out);
  const rootCa = await readPair(devPkiLayout.rootCa(dir));
  const operator = await readPair(devPkiLayout.operator(dir));
  const jwsPath = devPkiLayout.directoryJws(dir);
  const directoryJws = (await read(jwsPath)).trim();
  const directory = decodePayload(directoryJws, jwsPath);

  let ids: string[];
  try {
    const entries = await readdir(devPkiLayout.membersDir(dir), { withFileTypes: true });
    ids = entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch (err) {
    throw new DevPkiError('PKI-LAYOUT', `cannot list ${devPkiLayout.membersDir(dir)}`, {
      cause: err,
    });
  }
  const members: Record<string, MemberMaterial> = {};
  for (const id of ids) {
    const files = await readdir(join(devPkiLayout.membersDir(dir), id));
    members[id] = {
      sig: await readPair(devPkiLayout.member(dir, id, 'sig')),
      enc: await readPair(devPkiLayout.member(dir, id, 'enc')),
      tls: await readPair(devPkiLayout.member(dir, id, 'tls')),
      ...(files.includes('sig-old.cert.pem')
        ? { 'sig-old': await readPair(devPkiLayout.member(dir, id, 'sig-old')) }
        : {}),
    };
  }

  const revokedSerials = new Set(directory.revoked.map((r) => r.serial));
  const owner = ids.find((id) => {
    const old = members[id]!['sig-old'];
    return old !== undefined && revokedSerials.has(certificateSerial(old.certPem));
  });
  if (!owner) {
    throw new DevPkiError(
      'PKI-LAYOUT',
      `no members/<ID>/sig-old.cert.pem holds a serial the directory revokes`,
    );
  }
  const revokedPair = members[owner]!['sig-old']!;

  const tokenPaths = devPkiLayout.tokenIssuer(dir);
  const jwks = JSON.parse(await read(tokenPaths.jwks)) as TokenIssuerMaterial['jwks'];
  const names = JSON.parse(await read(tokenPaths.issuer)) as { issuer: string; audience: string };
  return {
    out: dir,
    rootCa,
    rootCaPem: rootCa.certPem,
    operator,
    directoryJws,
    directory,
    members,
    revokedExample: {
      ...revokedPair,
      memberId: owner,
      use: 'sig',
      serial: certificateSerial(revokedPair.certPem),
    },
    tokenIssuer: {
      keyPem: await read(tokenPaths.key),
      kid: String((jwks.keys[0] as { kid?: string } | undefined)?.kid ?? ''),
      jwks,
      issuer: names.issuer,
      audience: names.audience,
    },
  };
}
