// Tests of loadDevPki: reading a dev PKI folder back, and naming what is missing.
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { certificateSerial, DevPkiError, loadDevPki } from '../../certs-dev/index.js';
import { onRunEnd } from '../fixtures/cleanup.js';
import { testPki, type TestPki } from '../fixtures/pki.js';

describe('loadDevPki', () => {
  let pki: TestPki;
  before(async () => {
    pki = await testPki();
  });

  /** A copy of the run's PKI that a test may damage. */
  async function copy(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'ffx-pki-copy-'));
    onRunEnd(() => rm(dir, { recursive: true, force: true }));
    await cp(pki.out, dir, { recursive: true });
    return dir;
  }

  async function layoutError(dir: string): Promise<DevPkiError> {
    try {
      await loadDevPki(dir);
    } catch (err) {
      expect(err).to.be.instanceOf(DevPkiError);
      expect((err as DevPkiError).code).to.equal('PKI-LAYOUT');
      return err as DevPkiError;
    }
    expect.fail('expected PKI-LAYOUT');
  }

  it('reads back every file of the layout', async () => {
    const loaded = await loadDevPki(pki.out);
    const file = (p: string) => readFile(join(pki.out, p), 'utf8');
    expect(loaded.out).to.equal(pki.out);
    expect(loaded.rootCaPem).to.equal(await file('root-ca.cert.pem'));
    expect(loaded.rootCa).to.deep.equal({
      keyPem: await file('root-ca.key.pem'),
      certPem: loaded.rootCaPem,
    });
    expect(loaded.operator).to.deep.equal({
      keyPem: await file('operator.key.pem'),
      certPem: await file('operator.cert.pem'),
    });
    expect(loaded.directoryJws).to.equal((await file('directory.jws')).trim());
    expect(loaded.directory).to.deep.equal(JSON.parse(await file('directory.json')));
    expect(loaded.members['EU-DE']!.tls).to.deep.equal({
      keyPem: await file('members/EU-DE/tls.key.pem'),
      certPem: await file('members/EU-DE/tls.cert.pem'),
    });
    expect(Object.keys(loaded.members.AL!)).to.deep.equal(['sig', 'enc', 'tls']);
    expect(loaded.members.RS!['sig-old']!.certPem).to.equal(
      await file('members/RS/sig-old.cert.pem'),
    );
  });

  it('identifies the revoked example and the token issuer', async () => {
    const loaded = await loadDevPki(pki.out);
    expect(loaded.revokedExample).to.deep.equal({
      ...loaded.members.RS!['sig-old']!,
      memberId: 'RS',
      use: 'sig',
      serial: certificateSerial(loaded.members.RS!['sig-old']!.certPem),
    });
    expect(loaded.directory.revoked.map((r) => r.serial)).to.include(loaded.revokedExample.serial);
    expect(loaded.tokenIssuer.issuer).to.equal('https://dev-issuer.ffx.invalid');
    expect(loaded.tokenIssuer.audience).to.equal('ffx-local-api');
    expect(loaded.tokenIssuer.kid).to.equal(loaded.tokenIssuer.jwks.keys[0]!.kid);
    expect(loaded.tokenIssuer.keyPem).to.match(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('names a missing member file', async () => {
    const dir = await copy();
    await unlink(join(dir, 'members', 'MK', 'enc.key.pem'));
    const err = await layoutError(dir);
    expect(err.message).to.include(join(dir, 'members', 'MK', 'enc.key.pem'));
  });

  it('refuses a directory that is not a compact JWS', async () => {
    const dir = await copy();
    await writeFile(join(dir, 'directory.jws'), 'not-a-jws');
    const err = await layoutError(dir);
    expect(err.message).to.include('not a compact JWS');
  });

  it('refuses a folder whose revoked certificate file is gone', async () => {
    const dir = await copy();
    await unlink(join(dir, 'members', 'RS', 'sig-old.cert.pem'));
    const err = await layoutError(dir);
    expect(err.message).to.include('sig-old');
  });

  it('refuses a folder that is no dev PKI at all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ffx-pki-empty-'));
    onRunEnd(() => rm(dir, { recursive: true, force: true }));
    const err = await layoutError(dir);
    expect(err.message).to.include('root-ca.key.pem');
  });
});
