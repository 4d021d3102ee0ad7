// `ffx policy preview|validate|test` on free text, as a compliance officer and an analyst run them.
import { expect } from 'chai';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ffx } from '../../fixtures/cli.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('ffx policy on free text', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ffx-policy-free-text-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('preview lists each finding with its span, the text as written, and what is done', async () => {
    const body = await readFile(
      join(ROOT, 'policies', 'tests', 'bodies', 'trace-request-free-text.yaml'),
      'utf8',
    );
    const message = join(dir, 'message.yaml');
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
    expect(r.stdout).to.contain('personal data in free text:');
    expect(r.stdout).to.contain(
      'generalised date of birth /specialInstructions [32, 42) "14.03.1991" (repeats /possessor/dateOfBirth; rule regional-trace-requests)',
    );
    expect(r.stdout).to.contain(
      'redacted document number /specialInstructions [91, 100) "AB1234567" (repeats /possessor/identityDocument; rule regional-trace-requests)',
    );
    expect(r.stdout).to.contain(
      'kept name /specialInstructions [10, 25) "Dritan Krasniqi" (repeats /possessor/name)',
    );
    expect(r.stdout).to.contain(
      '+ /specialInstructions: "Possessor Dritan Krasniqi, born 1991, lives at [address withheld], Tirana; passport [document number withheld]."',
    );
  });

  it('validate warns, in the officer’s words, about a rule that leaves free text unhandled (exit 0)', async () => {
    const file = join(dir, 'unhandled.yaml');
    await writeFile(
      file,
      'id: AL-x\nmember: AL\noutbound:\n  - id: to-rs\n    effect: allow\n    when: { to: { in: [RS] } }\n    redact: [/possessor/name]\ninbound: []\n',
    );
    const r = await ffx(['policy', 'validate', file]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.contain(
      'warning /outbound/0: rule to-rs withholds /possessor/name from RS but leaves free text unhandled',
    );
    expect(r.stdout).to.match(/^OK /);
  });

  it('test fails when a free-text handling is exercised by no case', async () => {
    const policies = join(dir, 'policies');
    await mkdir(join(policies, 'tests', 'AL'), { recursive: true });
    await writeFile(
      join(policies, 'AL.yaml'),
      'id: AL-x\nmember: AL\noutbound:\n  - id: to-rs\n    effect: allow\n    redact: [/possessor/name]\n    freeText: { action: redact }\ninbound: [{ id: in, effect: allow }]\n',
    );
    await writeFile(
      join(policies, 'tests', 'AL', 'cases.yaml'),
      'cases:\n  - name: no free text\n    to: RS\n    message: { type: trace-request, handling: { code: H1, purpose: criminal-investigation }, body: { possessor: { name: A B } } }\n    expect: { effect: allow, rules: [to-rs] }\n  - name: inbound\n    direction: inbound\n    from: RS\n    message: { type: trace-request }\n    expect: { effect: allow }\n',
    );
    const r = await ffx(['policy', 'test', policies]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain('rules exercised by no case: AL/to-rs#freeText');
  });
});
