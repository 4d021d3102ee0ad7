// `ffx validate` run as a real process: exit codes, the OK line, one `<pointer>: <message>` per error.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { namedSchemas } from '../../protocol/schema-registry.js';

const cwd = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ffx(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/ffx.js', 'validate', ...args],
      { cwd, timeout: 20_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const examples = 'schemas/examples';
const knownList = Object.keys(namedSchemas).join(', ');

describe('ffx validate', function () {
  // each case spawns node with tsx (about a second each); three run side by side
  this.timeout(60_000);
  let dir: string;
  const runs = new Map<string, Run>();
  const cases: Record<string, () => string[]> = {};

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ffx-validate-'));
    const receipt = {
      v: 1,
      type: 'receipt',
      messageId: '01a20623-c175-7aa8-8898-7acbc28dace8',
      from: 'RS',
      to: 'AL',
      receivedAt: '2026-11-22T08:15:01.120Z',
      digest: 'x0f5h3du9yjoQ2oE4wV5s1i9B0r2mS8c7ZxYv6uT5pL',
      status: 'accepted',
    };
    await writeFile(
      join(dir, 'receipt.yaml'),
      [
        '# a receipt written by hand',
        'v: 1',
        'type: receipt',
        `messageId: ${receipt.messageId}`,
        'from: RS',
        'to: AL',
        `receivedAt: "${receipt.receivedAt}"`,
        `digest: ${receipt.digest}`,
        'status: accepted',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'two-errors.json'),
      JSON.stringify({ ...receipt, from: 'rs', status: 'lost' }),
    );
    await writeFile(join(dir, 'array.json'), '[]');
    await writeFile(join(dir, 'trailing-comma.json'), '{"v": 1,}');
    await writeFile(join(dir, 'repeated-key.yaml'), 'v: 1\nv: 2\n');
    await writeFile(join(dir, 'broken.yaml'), 'v: [1, 2\ntype: receipt\n');
    await writeFile(join(dir, 'two-documents.yaml'), '---\nv: 1\n---\nv: 2\n');
    await writeFile(join(dir, 'empty.json'), '  \n');
    await writeFile(join(dir, 'locked.json'), '{}');
    await chmod(join(dir, 'locked.json'), 0o000);

    Object.assign(cases, {
      validJson: () => [
        '--schema',
        'trace-request',
        `${examples}/trace-request/valid-minimal-routine.json`,
      ],
      validYaml: () => ['--schema', 'receipt', join(dir, 'receipt.yaml')],
      nodeConfigYaml: () => ['--schema', 'node-config', 'config/dev/AL.yaml'],
      twoErrors: () => ['--schema', 'receipt', join(dir, 'two-errors.json')],
      rootError: () => ['--schema', 'receipt', join(dir, 'array.json')],
      wrongSchema: () => [
        '--schema',
        'receipt',
        `${examples}/trace-request/valid-minimal-routine.json`,
      ],
      unknownSchema: () => [
        '--schema',
        'trace-requests',
        `${examples}/receipt/valid-accepted.json`,
      ],
      missingSchema: () => [`${examples}/receipt/valid-accepted.json`],
      missingFile: () => ['--schema', 'receipt'],
      noSuchFile: () => ['--schema', 'receipt', join(dir, 'absent.json')],
      directory: () => ['--schema', 'receipt', dir],
      unreadable: () => ['--schema', 'receipt', join(dir, 'locked.json')],
      trailingComma: () => ['--schema', 'receipt', join(dir, 'trailing-comma.json')],
      repeatedKey: () => ['--schema', 'receipt', join(dir, 'repeated-key.yaml')],
      brokenYaml: () => ['--schema', 'receipt', join(dir, 'broken.yaml')],
      twoDocuments: () => ['--schema', 'receipt', join(dir, 'two-documents.yaml')],
      empty: () => ['--schema', 'receipt', join(dir, 'empty.json')],
      help: () => ['--help'],
    });
    // a few at a time: a small CI machine starting many tsx processes at once would time out
    const queue = Object.entries(cases);
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        runs.set(next[0], await ffx(...next[1]()));
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  });

  after(async () => {
    await chmod(join(dir, 'locked.json'), 0o600).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  const run = (k: string): Run => runs.get(k)!;

  it('accepts a valid JSON document: OK line on stdout, exit 0', () => {
    const r = run('validJson');
    expect(r).to.deep.equal({
      code: 0,
      stdout: `OK ${examples}/trace-request/valid-minimal-routine.json is a valid trace-request\n`,
      stderr: '',
    });
  });

  it('accepts a valid YAML document (comments, quoted timestamp)', () => {
    const r = run('validYaml');
    expect(r.stderr).to.equal('');
    expect(r.code).to.equal(0);
    expect(r.stdout).to.equal(`OK ${join(dir, 'receipt.yaml')} is a valid receipt\n`);
  });

  it("accepts the development node's configuration", () => {
    const r = run('nodeConfigYaml');
    expect(r.stderr).to.equal('');
    expect(r.code).to.equal(0);
    expect(r.stdout).to.equal('OK config/dev/AL.yaml is a valid node-config\n');
  });

  it('prints one <pointer>: <message> line per error on stderr, exit 1', () => {
    const r = run('twoErrors');
    expect(r.code).to.equal(1);
    expect(r.stdout).to.equal('');
    const lines = r.stderr.trimEnd().split('\n').sort();
    expect(lines).to.have.length(2);
    expect(lines[0]).to.match(/^\/from: must match pattern /);
    expect(lines[1]).to.equal('/status: must be one of "accepted", "rejected"');
  });

  it('names the document itself "/" when the error is at the root', () => {
    const r = run('rootError');
    expect(r.code).to.equal(1);
    expect(r.stderr).to.equal('/: must be object\n');
  });

  it('reports missing and extra properties by their own pointer', () => {
    const r = run('wrongSchema');
    expect(r.code).to.equal(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).to.include('/messageId: messageId is required');
    expect(lines).to.include('/requestRef: requestRef is not allowed here');
    for (const l of lines) expect(l).to.match(/^(\/[^/:]*)+: \S/);
  });

  it('refuses an unknown schema with exit 2, listing the known names', () => {
    const r = run('unknownSchema');
    expect(r.code).to.equal(2);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.equal(`unknown schema trace-requests; known: ${knownList}\n`);
  });

  it('refuses a missing --schema or file with exit 2', () => {
    expect(run('missingSchema')).to.deep.include({
      code: 2,
      stderr: `missing --schema <name>; known: ${knownList}\n`,
    });
    expect(run('missingFile')).to.deep.include({ code: 2, stderr: 'missing <file> to validate\n' });
  });

  it('refuses a file it cannot read with exit 2 and the reason', () => {
    expect(run('noSuchFile')).to.deep.include({
      code: 2,
      stderr: `cannot read ${join(dir, 'absent.json')}: no such file\n`,
    });
    expect(run('directory')).to.deep.include({
      code: 2,
      stderr: `cannot read ${dir}: is a directory\n`,
    });
    const locked = run('unreadable');
    // root reads anything: then the empty object is simply invalid
    if (process.getuid?.() === 0) expect(locked.code).to.equal(1);
    else
      expect(locked).to.deep.include({
        code: 2,
        stderr: `cannot read ${join(dir, 'locked.json')}: permission denied\n`,
      });
  });

  it('refuses a file it cannot parse with exit 2 and the reason', () => {
    const trailing = run('trailingComma');
    expect(trailing.code).to.equal(2);
    expect(trailing.stderr).to.match(
      new RegExp(`^cannot parse ${join(dir, 'trailing-comma.json')}: .*JSON.*\\n$`),
    );
    const repeated = run('repeatedKey');
    expect(repeated.code).to.equal(2);
    expect(repeated.stderr).to.equal(
      `cannot parse ${join(dir, 'repeated-key.yaml')}: Map keys must be unique at line 2, column 1\n`,
    );
    const broken = run('brokenYaml');
    expect(broken.code).to.equal(2);
    expect(broken.stderr).to.match(/^cannot parse .*broken\.yaml: .* at line \d+, column \d+\n$/);
    expect(run('twoDocuments')).to.deep.include({
      code: 2,
      stderr: `cannot parse ${join(dir, 'two-documents.yaml')}: it holds several YAML documents; one is expected\n`,
    });
    expect(run('empty')).to.deep.include({
      code: 2,
      stderr: `cannot parse ${join(dir, 'empty.json')}: the file is empty\n`,
    });
  });

  it('--help names every schema and the exit codes', () => {
    const r = run('help');
    expect(r.code).to.equal(0);
    expect(r.stdout).to.match(/^Usage: ffx validate \[options\] \[file\]/);
    for (const name of Object.keys(namedSchemas)) expect(r.stdout).to.include(name);
    expect(r.stdout).to.include('Exit codes:');
    expect(r.stdout).to.match(/ 1 +the document is not valid/);
    expect(r.stdout).to.match(/ 2 +unknown schema/);
  });
});
