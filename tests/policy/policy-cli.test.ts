// `ffx policy test|validate|preview` as a compliance officer runs them.
import { expect } from 'chai';
import { ffx } from '../fixtures/cli.js';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('ffx policy', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ffx-policy-cli-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('test passes on the dev policies with every rule covered', async () => {
    const r = await ffx(['policy', 'test', 'policies/']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/rule coverage/);
    expect(r.stdout).to.match(/(\d+)\/\1 cases pass, (\d+)\/\2 rules covered/);
    expect(r.stdout).not.to.contain('FAIL');
  });

  it('test fails, naming them, when a case fails or a rule is exercised by no case', async () => {
    const policies = join(dir, 'policies');
    await execFileP('cp', ['-r', join(ROOT, 'policies'), policies]);
    const al = join(policies, 'AL.yaml');
    await writeFile(
      al,
      `${await readFile(al, 'utf8')}  - id: never-tested\n    effect: allow\n    when: { from: { in: [MD] }, type: { in: [trace-request] } }\n`,
    );
    const rs = join(policies, 'tests', 'RS', 'outbound.yaml');
    await writeFile(
      rs,
      (await readFile(rs, 'utf8')).replace(
        'expect: { effect: deny, rules: [tlp-red-stays, regional-exchange] }',
        'expect: { effect: allow }',
      ),
    );
    const r = await ffx(['policy', 'test', policies]);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.match(/TLP:RED never leaves\s+FAIL/);
    expect(r.stdout).to.contain('effect deny, expected allow');
    expect(r.stderr).to.contain('rules exercised by no case: AL/never-tested');
  });

  it('validate accepts a dev policy and explains a broken one with pointers, exit 1', async () => {
    const ok = await ffx(['policy', 'validate', 'policies/RS.yaml']);
    expect(ok.code).to.equal(0);
    expect(ok.stdout).to.match(
      /^OK policies\/RS.yaml: policy RS-sharing, 6 outbound and 2 inbound rules/,
    );
    const broken = join(dir, 'broken.yaml');
    await writeFile(
      broken,
      'id: AL-x\nmember: AL\noutbound:\n  - id: to-mars\n    effect: allow\n    when: { to: { in: [MARS] } }\n    redact: [/possessor/shoeSize]\ninbound: []\n',
    );
    const r = await ffx(['policy', 'validate', broken]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain(
      'error /outbound/0/when/to/in/0: MARS is neither a member, a group nor a kind of the federation',
    );
    expect(r.stderr).to.contain(
      'error /outbound/0/redact/0: no trace-request or trace-response or hit-notification body has a field /possessor/shoeSize',
    );
    expect(r.stderr).to.contain('this policy cannot be activated');
    const yaml = join(dir, 'not-yaml.yaml');
    await writeFile(yaml, 'id: [unclosed\n');
    const y = await ffx(['policy', 'validate', yaml]);
    expect(y.code).to.equal(1);
    expect(y.stderr).to.match(/not-yaml.yaml:\d+:\d+/);
  });

  it('preview prints the decision, why, and the body before and after', async () => {
    const message = join(dir, 'message.yaml');
    const body = await readFile(
      join(ROOT, 'policies', 'tests', 'bodies', 'trace-request.yaml'),
      'utf8',
    );
    await writeFile(
      message,
      `type: trace-request\nhandling: { code: H1, purpose: criminal-investigation }\nbody:\n${body
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .map((l) => `  ${l}`)
        .join('\n')}\n`,
    );
    const r = await ffx([
      'policy',
      'preview',
      '--policy',
      'policies/AL.yaml',
      '--to',
      'RS',
      '--message',
      message,
    ]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^decision: ALLOW trace-request to RS under AL-sharing/);
    expect(r.stdout).to.contain('allow regional-trace-requests');
    expect(r.stdout).to.contain('eu-exchange: to expected {"in":["EU"]}, got "RS"');
    expect(r.stdout).to.contain(
      'generalise to year /possessor/dateOfBirth (rule regional-trace-requests)',
    );
    expect(r.stdout).to.contain('- /possessor/dateOfBirth: "1991-04-17"');
    expect(r.stdout).to.contain('+ /possessor/dateOfBirth: "1991"');
    expect(r.stdout).to.contain('- /possessor/address/street: "Rruga e Kavajës 112"');
  });
});

function execFileP(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, (err) => (err ? reject(err as Error) : resolve())),
  );
}
