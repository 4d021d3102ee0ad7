// `ffx node start` as a child process: a broken configuration is refused with its pointer, exit 1.
import { expect } from 'chai';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { onRunEnd } from '../fixtures/cleanup.js';
import { testNodeConfig } from '../fixtures/node-config.js';
import { testPki } from '../fixtures/pki.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/ffx.js', import.meta.url));

async function ffx(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('ffx node start', function () {
  this.timeout(30_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ffx-cli-node-'));
    onRunEnd(() => rm(dir, { recursive: true, force: true }));
  });

  it('documents its options', async () => {
    const r = await ffx('node', 'start', '--help');
    expect(r.code).to.equal(0);
    expect(r.stdout).to.contain('--config <file>');
  });

  it('refuses a configuration that does not match the schema, naming the pointer', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'nodeId: albania\nredis: { url: "redis://127.0.0.1:6379" }\n');
    const r = await ffx('node', 'start', '--config', file);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain('/nodeId');
    expect(r.stderr).to.contain('/pki');
    expect(r.stdout).to.equal('');
  });

  it('refuses a missing configuration file', async () => {
    const r = await ffx('node', 'start', '--config', join(dir, 'absent.yaml'));
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/cannot read configuration/);
  });

  it('exits non-zero within 5 s of refusing, with one line naming the setting, when the peer port is taken', async function () {
    this.timeout(120_000);
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      await testPki();
      const { file } = await testNodeConfig('AL', 'cliportbusy', (raw) => {
        (raw.peerApi as { port: number }).port = port;
      });
      // Loading and starting take seconds on a busy machine; what must be short is the time from
      // the refusal to the exit (a start that leaks its connections never exits at all).
      const child = spawn(process.execPath, [BIN, 'node', 'start', '--config', file]);
      let stderr = '';
      let stdout = '';
      let refusedAt = 0;
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        refusedAt ||= Date.now();
      });
      const [code] = (await once(child, 'exit')) as [number];
      const afterRefusal = Date.now() - refusedAt;
      expect(code, stderr).to.equal(1);
      expect(refusedAt, 'a refusal line').to.be.above(0);
      expect(afterRefusal, 'ms from the refusal to the exit').to.be.below(5000);
      expect(stderr.trim().split('\n')).to.deep.equal([
        `ffx node: cannot start: peerApi: cannot listen on 127.0.0.1:${port}: the address is in use (EADDRINUSE)`,
      ]);
      expect(stdout).to.equal('');
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });

  it('refuses to start, with one line naming localApi.auth.jwks, when the JWKS file is missing', async function () {
    this.timeout(120_000);
    const { file, dir } = await testNodeConfig('AL', 'clijwks', (raw) => {
      (raw.localApi as { auth: { jwks: string } }).auth.jwks = 'no-such-jwks.json';
    });
    const r = await ffx('node', 'start', '--config', file);
    expect(r.code).to.equal(1);
    expect(r.stderr.trim().split('\n')).to.deep.equal([
      `ffx node: localApi.auth.jwks: ${join(dir, 'no-such-jwks.json')} cannot be read: no such file`,
    ]);
  });

  it('requires --config', async () => {
    const r = await ffx('node', 'start');
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain("required option '-c, --config <file>'");
  });
});
