// Tests of generateDevPki: the run's full dev PKI (real openssl, jose, schema) and the generator's refusals.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import {
  calculateJwkThumbprint,
  compactVerify,
  createLocalJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  SignJWT,
  type JWK,
} from 'jose';
import {
  certificateKid,
  certificateSerial,
  DevPkiError,
  generateDevPki,
  loadDevFederation,
  loadDevPki,
  type DevPkiSummary,
  type FederationDirectoryPayload,
} from '../../certs-dev/index.js';
import { validate } from '../../protocol/validate.js';
import { onRunEnd } from '../fixtures/cleanup.js';
import { testPki, type TestPki } from '../fixtures/pki.js';
import { opensslVerify } from './openssl.js';

const federation = loadDevFederation();
const USES = ['sig', 'enc', 'tls'] as const;
const DAY = 86400_000;

async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `ffx-${label}-`));
  onRunEnd(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Expects `promise` to reject with a DevPkiError of `code`; returns it for more checks. */
async function rejectsWith(promise: Promise<unknown>, code: string): Promise<DevPkiError> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(DevPkiError);
    expect((err as DevPkiError).code).to.equal(code);
    return err as DevPkiError;
  }
  expect.fail(`expected a DevPkiError ${code}`);
}

describe('generateDevPki', () => {
  let pki: TestPki;
  let payload: FederationDirectoryPayload;

  before(async () => {
    pki = await testPki();
    payload = pki.directory;
  });

  describe('the full default member set (the run’s test PKI)', () => {
    it('has every member of the dev federation with sig, enc and tls files', async () => {
      expect(Object.keys(pki.members).sort()).to.deep.equal(
        federation.members.map((m) => m.id).sort(),
      );
      for (const m of federation.members) {
        const files = (await readdir(join(pki.out, 'members', m.id))).sort();
        const expected = USES.flatMap((u) => [`${u}.cert.pem`, `${u}.key.pem`]);
        if (m.id === 'RS') expected.push('sig-old.cert.pem', 'sig-old.key.pem');
        expect(files, m.id).to.deep.equal(expected.sort());
      }
      for (const f of [
        'root-ca.cert.pem',
        'root-ca.key.pem',
        'operator.cert.pem',
        'operator.key.pem',
        'directory.jws',
        'directory.json',
      ]) {
        expect(existsSync(join(pki.out, f)), f).to.equal(true);
      }
    });

    it('has every issued certificate accepted by openssl verify against the root', () => {
      const certs = [
        join(pki.out, 'operator.cert.pem'),
        ...federation.members.flatMap((m) =>
          USES.map((u) => join(pki.out, 'members', m.id, `${u}.cert.pem`)),
        ),
        join(pki.out, 'members', 'RS', 'sig-old.cert.pem'),
      ];
      const r = opensslVerify(join(pki.out, 'root-ca.cert.pem'), certs);
      expect(r.status, r.output).to.equal(0);
      expect(r.output.match(/: OK$/gm)).to.have.length(certs.length);
      expect(certs).to.have.length(29);
    });

    it('has tls certificates openssl accepts for TLS servers and clients', () => {
      const tls = federation.members.map((m) => join(pki.out, 'members', m.id, 'tls.cert.pem'));
      for (const purpose of ['sslserver', 'sslclient']) {
        const r = opensslVerify(join(pki.out, 'root-ca.cert.pem'), tls, purpose);
        expect(r.status, `${purpose}: ${r.output}`).to.equal(0);
      }
    });

    it('names each certificate after member and use', () => {
      const country: Record<string, string | undefined> = {
        'EU-DE': 'DE',
        'EU-EUROPOL': undefined,
      };
      for (const m of federation.members) {
        for (const use of USES) {
          const x509 = new X509Certificate(pki.members[m.id]![use].certPem);
          const c = m.id in country ? country[m.id] : m.id;
          const expected = [
            ...(c ? [`C=${c}`] : []),
            `O=${m.name}`,
            `OU=${use}`,
            `CN=${m.id} ${use}`,
          ].join('\n');
          expect(x509.subject, `${m.id} ${use}`).to.equal(expected);
          expect(x509.issuer).to.equal(new X509Certificate(pki.rootCaPem).subject);
        }
      }
      expect(new X509Certificate(pki.rootCaPem).subject).to.equal(
        `O=${federation.name}\nCN=wb-ffp-dev root CA`,
      );
    });

    it('gives every use its own key, each matching its certificate, 2048 bits in tests', () => {
      const seen = new Set<string>();
      const pairs = [
        pki.rootCa,
        pki.operator,
        pki.revokedExample,
        ...Object.values(pki.members).flatMap((m) => USES.map((u) => m[u])),
      ];
      for (const pair of pairs) {
        const cert = new X509Certificate(pair.certPem);
        const fromKey = createPublicKey(createPrivateKey(pair.keyPem))
          .export({ type: 'spki', format: 'der' })
          .toString('base64');
        expect(cert.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')).to.equal(
          fromKey,
        );
        expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).to.equal(2048);
        expect(cert.checkPrivateKey(createPrivateKey(pair.keyPem))).to.equal(true);
        seen.add(fromKey);
      }
      expect(seen.size).to.equal(pairs.length);
    });

    it('writes private keys readable by their owner only', async () => {
      const keys = [
        'root-ca.key.pem',
        'operator.key.pem',
        'token-issuer/key.pem',
        'members/RS/sig-old.key.pem',
        ...federation.members.flatMap((m) => USES.map((u) => `members/${m.id}/${u}.key.pem`)),
      ];
      for (const k of keys) expect((await stat(join(pki.out, k))).mode & 0o777, k).to.equal(0o600);
      expect((await stat(join(pki.out, 'members/AL/sig.cert.pem'))).mode & 0o077).to.not.equal(0);
    });

    it('starts every certificate an hour before issue; members for 365 days, the root for 10 years', () => {
      const issuedAt = Date.parse(payload.issuedAt);
      const al = new X509Certificate(pki.members.AL!.enc.certPem);
      expect(Date.parse(al.validFrom)).to.equal(issuedAt - 3600_000);
      expect(Date.parse(al.validTo)).to.equal(issuedAt + 365 * DAY);
      const root = new X509Certificate(pki.rootCaPem);
      expect(Date.parse(root.validFrom)).to.equal(issuedAt - 3600_000);
      expect(Date.parse(root.validTo)).to.equal(issuedAt + 3650 * DAY);
      expect(root.ca).to.equal(true);
    });

    it('signs the directory as a PS256 JWS with the operator certificate in the header', async () => {
      const header = decodeProtectedHeader(pki.directoryJws);
      const operator = new X509Certificate(pki.operator.certPem);
      expect(header).to.deep.equal({
        alg: 'PS256',
        typ: 'ffx-directory+jws',
        kid: certificateKid(operator),
        x5c: [operator.raw.toString('base64')],
      });
      const fromX5c = new X509Certificate(Buffer.from(header.x5c![0]!, 'base64'));
      expect(fromX5c.verify(new X509Certificate(pki.rootCaPem).publicKey)).to.equal(true);
      const { payload: bytes } = await compactVerify(pki.directoryJws, fromX5c.publicKey, {
        algorithms: ['PS256'],
      });
      expect(JSON.parse(new TextDecoder().decode(bytes))).to.deep.equal(payload);
      expect(JSON.parse(await readFile(join(pki.out, 'directory.json'), 'utf8'))).to.deep.equal(
        payload,
      );
    });

    it('has a directory that does not verify with any other key', async () => {
      const al = new X509Certificate(pki.members.AL!.sig.certPem).publicKey;
      let code: unknown;
      try {
        await compactVerify(pki.directoryJws, al, { algorithms: ['PS256'] });
      } catch (err) {
        code = (err as { code?: string }).code;
      }
      expect(code).to.equal('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    });

    it('has a directory payload valid against the federation-directory schema', () => {
      expect(validate('federation-directory', payload)).to.deep.equal({ valid: true });
      expect(payload.v).to.equal(1);
      expect(payload.type).to.equal('federation-directory');
      expect(payload.federationId).to.equal(federation.federationId);
      expect(payload.sequence).to.equal(Math.floor(Date.parse(payload.issuedAt) / 1000));
      expect(Date.parse(payload.nextUpdate) - Date.parse(payload.issuedAt)).to.equal(7 * DAY);
    });

    it('lists every member in federation order with endpoint and the kids and serials of its files', () => {
      expect(payload.members.map((m) => m.id)).to.deep.equal(federation.members.map((m) => m.id));
      for (const entry of payload.members) {
        const m = federation.members.find((x) => x.id === entry.id)!;
        expect(entry).to.include({ name: m.name, kind: m.kind });
        expect(entry.groups).to.deep.equal(m.groups);
        expect(entry.endpoint).to.equal(`https://localhost:${pki.peerPorts[m.id]}`);
        const current = entry.certificates.filter((c) => c.serial !== pki.revokedExample.serial);
        expect(current.map((c) => c.use)).to.deep.equal([...USES]);
        for (const c of current) {
          const pem = pki.members[m.id]![c.use].certPem;
          const x509 = new X509Certificate(pem);
          expect(c.kid).to.equal(certificateKid(pem));
          expect(c.kid).to.equal(
            Buffer.from(x509.fingerprint256.replace(/:/g, ''), 'hex').toString('base64url'),
          );
          expect(c.serial).to.equal(x509.serialNumber.toLowerCase());
          expect(c.notBefore).to.equal(new Date(x509.validFrom).toISOString());
          expect(c.notAfter).to.equal(new Date(x509.validTo).toISOString());
          expect(new X509Certificate(c.pem).raw.equals(x509.raw)).to.equal(true);
        }
      }
    });

    it('revokes the superseded RS signing certificate and still lists it for RS', () => {
      expect(payload.revoked).to.have.length(1);
      const [revoked] = payload.revoked;
      expect(revoked).to.deep.equal({
        serial: pki.revokedExample.serial,
        revokedAt: payload.issuedAt,
        reason: 'superseded',
      });
      expect(pki.revokedExample.memberId).to.equal('RS');
      expect(revoked!.serial).to.equal(certificateSerial(pki.members.RS!['sig-old']!.certPem));
      const listed = payload.members
        .find((m) => m.id === 'RS')!
        .certificates.find((c) => c.serial === revoked!.serial);
      expect(listed?.use).to.equal('sig');
      expect(listed?.kid).to.equal(certificateKid(pki.revokedExample.certPem));
      const others = payload.members.filter((m) => m.id !== 'RS').flatMap((m) => m.certificates);
      expect(others.some((c) => c.serial === revoked!.serial)).to.equal(false);
    });

    it('writes a dev token issuer whose key signs tokens its JWKS verifies', async () => {
      const jwks = JSON.parse(
        await readFile(join(pki.out, 'token-issuer', 'jwks.json'), 'utf8'),
      ) as { keys: JWK[] };
      expect(jwks.keys).to.have.length(1);
      const [jwk] = jwks.keys;
      expect(jwk).to.include({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(jwk).to.not.have.property('d');
      expect(jwk!.kid).to.equal(await calculateJwkThumbprint(jwk!));
      const names = JSON.parse(
        await readFile(join(pki.out, 'token-issuer', 'issuer.json'), 'utf8'),
      ) as Record<string, string>;
      expect(names).to.include({
        issuer: 'https://dev-issuer.ffx.invalid',
        audience: 'ffx-local-api',
      });
      const key = createPrivateKey(
        await readFile(join(pki.out, 'token-issuer', 'key.pem'), 'utf8'),
      );
      expect(key.asymmetricKeyType).to.equal('ec');
      const jwt = await new SignJWT({ roles: ['analyst'] })
        .setProtectedHeader({ alg: 'ES256', kid: jwk!.kid! })
        .setIssuer(names.issuer!)
        .setAudience(names.audience!)
        .setSubject('analyst-1')
        .setExpirationTime('5m')
        .sign(key);
      const { payload: claims } = await jwtVerify(jwt, createLocalJWKSet(jwks), {
        issuer: names.issuer!,
        audience: names.audience!,
      });
      expect(claims.roles).to.deep.equal(['analyst']);
    });
  });

  describe('options and refusals', () => {
    let out: string;
    let summary: DevPkiSummary;
    const now = new Date('2026-03-01T10:20:30.456Z');

    before(async () => {
      out = join(await tempDir('pki-small'), 'pki');
      summary = await generateDevPki({
        out,
        members: ['MD', 'AL'],
        keySize: 2048,
        validityDays: 30,
        now,
        sequence: 42,
        nextUpdateDays: 2,
      });
    });

    it('issues for the requested members only, in federation order, with the given validity', async () => {
      expect(summary.members).to.deep.equal(['AL', 'MD']);
      expect(summary.keySize).to.equal(2048);
      expect(summary.sequence).to.equal(42);
      expect((await readdir(join(out, 'members'))).sort()).to.deep.equal(['AL', 'MD']);
      const loaded = await loadDevPki(out);
      expect(loaded.directory.members.map((m) => m.id)).to.deep.equal(['AL', 'MD']);
      expect(loaded.directory.issuedAt).to.equal('2026-03-01T10:20:30.000Z');
      expect(loaded.directory.nextUpdate).to.equal('2026-03-03T10:20:30.000Z');
      expect(loaded.directory.members[0]!.endpoint).to.equal('https://localhost:7401');
      const sig = new X509Certificate(loaded.members.MD!.sig.certPem);
      expect(new Date(sig.validFrom).toISOString()).to.equal('2026-03-01T09:20:30.000Z');
      expect(new Date(sig.validTo).toISOString()).to.equal('2026-03-31T10:20:30.000Z');
      expect(validate('federation-directory', loaded.directory)).to.deep.equal({ valid: true });
    });

    it('puts the revoked example on the first member when RS is not generated', async () => {
      expect(summary.revokedMember).to.equal('AL');
      expect(summary.revokedSerials).to.have.length(1);
      expect(summary.paths.revokedExample.cert).to.equal(
        join(out, 'members', 'AL', 'sig-old.cert.pem'),
      );
      // The PKI was made for a past `now`: verify at that time.
      const r = opensslVerify(
        summary.paths.rootCa.cert,
        [summary.paths.revokedExample.cert],
        undefined,
        now,
      );
      expect(r.status, r.output).to.equal(0);
    });

    it('returns absolute paths of everything it wrote', () => {
      const files = [
        summary.paths.rootCa.cert,
        summary.paths.rootCa.key,
        summary.paths.operator.cert,
        summary.paths.operator.key,
        summary.paths.directoryJws,
        summary.paths.directoryJson,
        summary.paths.tokenIssuer.key,
        summary.paths.tokenIssuer.jwks,
        summary.paths.tokenIssuer.issuer,
        ...Object.values(summary.paths.members).flatMap((m) =>
          USES.flatMap((u) => [m[u].key, m[u].cert]),
        ),
      ];
      expect(files).to.have.length(9 + 12);
      for (const f of files) expect(existsSync(f), f).to.equal(true);
      expect(summary.out).to.equal(out);
      expect(summary.millis).to.be.a('number').and.to.be.greaterThan(0);
    });

    it('refuses to overwrite a non-empty folder and leaves it untouched', async () => {
      const before = await readFile(join(out, 'directory.jws'), 'utf8');
      const err = await rejectsWith(
        generateDevPki({ out, members: ['AL'], keySize: 2048 }),
        'PKI-OUT-EXISTS',
      );
      expect(err.message).to.include(out).and.include('--force');
      expect(await readFile(join(out, 'directory.jws'), 'utf8')).to.equal(before);
    });

    it('refuses a folder holding any file, not only an earlier PKI', async () => {
      const dir = await tempDir('pki-other');
      await writeFile(join(dir, 'notes.txt'), 'mine');
      await rejectsWith(
        generateDevPki({ out: dir, members: ['AL'], keySize: 2048 }),
        'PKI-OUT-EXISTS',
      );
      const file = join(dir, 'notes.txt');
      await rejectsWith(
        generateDevPki({ out: file, members: ['AL'], keySize: 2048 }),
        'PKI-OUT-EXISTS',
      );
      expect(await readFile(file, 'utf8')).to.equal('mine');
    });

    it('with force replaces its own files only, with a higher sequence by default', async () => {
      const dir = join(await tempDir('pki-force'), 'pki');
      const first = await generateDevPki({
        out: dir,
        members: ['AL', 'RS'],
        keySize: 2048,
        now: new Date('2026-03-01T00:00:00Z'),
      });
      await writeFile(join(dir, 'README.local'), 'keep me');
      const second = await generateDevPki({
        out: dir,
        members: ['ME'],
        keySize: 2048,
        force: true,
        now: new Date('2026-03-02T00:00:00Z'),
      });
      expect((await readdir(join(dir, 'members'))).sort()).to.deep.equal(['ME']);
      expect(await readFile(join(dir, 'README.local'), 'utf8')).to.equal('keep me');
      expect(second.sequence).to.be.greaterThan(first.sequence);
      const loaded = await loadDevPki(dir);
      expect(loaded.directory.members.map((m) => m.id)).to.deep.equal(['ME']);
      expect(loaded.revokedExample.memberId).to.equal('ME');
      expect(loaded.rootCaPem).to.not.equal((await loadDevPki(out)).rootCaPem);
    });

    it('refuses unknown members before creating anything', async () => {
      const dir = join(await tempDir('pki-unknown'), 'pki');
      const err = await rejectsWith(
        generateDevPki({ out: dir, members: ['AL', 'XX', 'EU-FR'], keySize: 2048 }),
        'PKI-UNKNOWN-MEMBER',
      );
      expect(err.message)
        .to.include('XX, EU-FR')
        .and.include('AL, BA, XK, MD, ME, MK, RS, EU-DE, EU-EUROPOL');
      expect(existsSync(dir)).to.equal(false);
    });

    it('refuses a key size, validity or member list out of range', async () => {
      const dir = join(await tempDir('pki-range'), 'pki');
      await rejectsWith(generateDevPki({ out: dir, keySize: 1024 }), 'PKI-OPTION');
      await rejectsWith(generateDevPki({ out: dir, keySize: 2048.5 }), 'PKI-OPTION');
      await rejectsWith(generateDevPki({ out: dir, validityDays: 0 }), 'PKI-OPTION');
      await rejectsWith(generateDevPki({ out: dir, validityDays: Number.NaN }), 'PKI-OPTION');
      await rejectsWith(generateDevPki({ out: dir, members: [] }), 'PKI-OPTION');
      expect(existsSync(dir)).to.equal(false);
    });
  });
});
