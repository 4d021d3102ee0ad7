// `ffx node start` as a child process: a broken configuration is refused with its pointer, exit 1.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { onRunEnd } from '../fixtures/cleanup.js';

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

  it('requires --config', async () => {
    const r = await ffx('node', 'start');
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain("required option '-c, --config <file>'");
  });
});
