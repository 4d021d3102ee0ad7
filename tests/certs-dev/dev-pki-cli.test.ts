// Tests of `ffx dev-pki` run as a child process: help, success, unknown member, refusal to overwrite.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { loadDevPki } from '../../certs-dev/index.js';
import { onRunEnd } from '../fixtures/cleanup.js';
import { opensslVerify } from './openssl.js';

const ffx = fileURLToPath(new URL('../../bin/ffx.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [ffx, ...args],
      { encoding: 'utf8', timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('ffx dev-pki', () => {
  let base: string;
  before(async () => {
    base = await mkdtemp(join(tmpdir(), 'ffx-cli-pki-'));
    onRunEnd(() => rm(base, { recursive: true, force: true }));
  });

  it('describes itself and every option in --help', async () => {
    const r = await run(['dev-pki', '--help']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.include('Usage: ffx dev-pki [options]');
    expect(r.stdout).to.include('generate a development PKI');
    for (const option of [
      '--out <dir>',
      '--members <ids>',
      '--key-size <bits>',
      '--validity-days <days>',
      '--force',
    ]) {
      const line = r.stdout.split('\n').find((l) => l.includes(option));
      expect(line, option).to.not.equal(undefined);
      expect(
        line!.replace(option, '').trim().length,
        `${option} has a description`,
      ).to.be.greaterThan(10);
    }
    const top = await run(['--help']);
    expect(top.stdout).to.match(/dev-pki \[options\]\s+generate a development PKI/);
  });

  it('generates the requested members and prints a summary', async () => {
    const out = join(base, 'ok');
    const r = await run([
      'dev-pki',
      '--out',
      out,
      '--members',
      'AL, EU-EUROPOL',
      '--key-size',
      '2048',
      '--validity-days',
      '10',
    ]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.equal('');
    expect(r.stdout).to.match(new RegExp(`^dev PKI written to ${out} in \\d+\\.\\d s\\n`));
    expect(r.stdout).to.include(
      'members         AL, EU-EUROPOL (sig, enc, tls each; RSA 2048, 10 days)',
    );
    expect(r.stdout).to.include('root CA         root-ca.cert.pem');
    expect(r.stdout).to.include('directory       directory.jws');
    expect(r.stdout).to.include('members/<ID>/{sig,enc,tls}.{key,cert}.pem');
    expect(r.stdout).to.match(/revoked +[0-9a-f]{32} \(AL sig-old, superseded\)/);
    expect((await readdir(join(out, 'members'))).sort()).to.deep.equal(['AL', 'EU-EUROPOL']);
    const pki = await loadDevPki(out);
    const days =
      (Date.parse(pki.directory.members[0]!.certificates[0]!.notAfter) -
        Date.parse(pki.directory.issuedAt)) /
      86400_000;
    expect(days).to.equal(10);
    const certs = ['AL', 'EU-EUROPOL'].flatMap((id) =>
      ['sig', 'enc', 'tls'].map((u) => join(out, 'members', id, `${u}.cert.pem`)),
    );
    const v = opensslVerify(join(out, 'root-ca.cert.pem'), [
      join(out, 'operator.cert.pem'),
      ...certs,
    ]);
    expect(v.status, v.output).to.equal(0);
  });

  it('ends with exit 1 and names an unknown member, creating nothing', async () => {
    const out = join(base, 'unknown');
    const r = await run(['dev-pki', '--out', out, '--members', 'AL,XX', '--key-size', '2048']);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.equal(
      'ffx dev-pki: unknown member XX; the federation wb-ffp-dev has AL, BA, XK, MD, ME, MK, RS, EU-DE, EU-EUROPOL\n',
    );
    expect(existsSync(out)).to.equal(false);
  });

  it('refuses to overwrite an existing PKI unless --force', async () => {
    const out = join(base, 'twice');
    expect(
      (await run(['dev-pki', '--out', out, '--members', 'MD', '--key-size', '2048'])).code,
    ).to.equal(0);
    const first = await readFile(join(out, 'directory.jws'), 'utf8');

    const again = await run(['dev-pki', '--out', out, '--members', 'MD', '--key-size', '2048']);
    expect(again.code).to.equal(1);
    expect(again.stderr).to.equal(
      `ffx dev-pki: ${out} is not empty; refusing to overwrite it (--force replaces the dev PKI in it)\n`,
    );
    expect(await readFile(join(out, 'directory.jws'), 'utf8')).to.equal(first);

    const forced = await run([
      'dev-pki',
      '--out',
      out,
      '--members',
      'MD',
      '--key-size',
      '2048',
      '--force',
    ]);
    expect(forced.code, forced.stderr).to.equal(0);
    expect(await readFile(join(out, 'directory.jws'), 'utf8')).to.not.equal(first);
  });

  it('ends with exit 1 on a key size or validity it does not offer', async () => {
    const out = join(base, 'bad');
    const size = await run(['dev-pki', '--out', out, '--key-size', '1024']);
    expect([size.code, size.stderr]).to.deep.equal([
      1,
      'ffx dev-pki: --key-size must be 2048, 3072 or 4096, not 1024\n',
    ]);
    const days = await run(['dev-pki', '--out', out, '--validity-days', 'ten']);
    expect([days.code, days.stderr]).to.deep.equal([
      1,
      'ffx dev-pki: --validity-days must be a positive integer, not ten\n',
    ]);
    expect(existsSync(out)).to.equal(false);
  });
});
