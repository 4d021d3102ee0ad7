// `ffx audit verify` on a journal signed with a dev PKI member key: OK, then BROKEN after an edit.
import { expect } from 'chai';
import { ffx } from '../fixtures/cli.js';
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateKid } from '../../certs-dev/index.js';
import { AuditJournal } from '../../node/audit/index.js';
import { testPki, type TestPki } from '../fixtures/pki.js';

describe('ffx audit', function () {
  this.timeout(60_000);
  let pki: TestPki;
  let dir: string;
  let file: string;

  before(async () => {
    pki = await testPki();
    dir = await mkdtemp(join(tmpdir(), 'ffx-audit-cli-'));
    file = join(dir, 'audit-main.jsonl');
    const al = pki.members.AL!;
    const j = await AuditJournal.open({
      file,
      nodeId: 'AL',
      signingKey: createPrivateKey(al.sig.keyPem),
      signingKid: certificateKid(al.sig.certPem),
    });
    for (let i = 0; i < 5; i++) j.append('submitted', { messageId: `m-${i}`, to: 'RS' });
    await j.close();
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('verify prints OK with the counts and exits 0', async () => {
    const r = await ffx(['audit', 'verify', file, '--pki', pki.out, '--node', 'AL']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^OK .*: 7 entries, 1 signed checkpoints\n$/);
  });

  it('verify names the first broken line and exits 2', async () => {
    const copy = join(dir, 'edited.jsonl');
    await writeFile(copy, (await readFile(file, 'utf8')).replace('"m-2"', '"m-9"'));
    const r = await ffx([
      'audit',
      'verify',
      copy,
      '--cert',
      join(pki.out, 'members', 'AL', 'sig.cert.pem'),
    ]);
    expect(r.code).to.equal(2);
    expect(r.stderr.trim()).to.equal(
      `BROKEN ${copy} line 4 (seq 4): hash mismatch: the entry was edited`,
    );
  });

  it('verify refuses to run without keys, and checkpoints signed for another node fail', async () => {
    expect((await ffx(['audit', 'verify', file])).code).to.equal(1);
    const r = await ffx(['audit', 'verify', file, '--pki', pki.out, '--node', 'RS']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('checkpoint signed for node AL, not RS');
  });

  it('show prints entries filtered by message id', async () => {
    const r = await ffx(['audit', 'show', file, '--message-id', 'm-3']);
    expect(r.code).to.equal(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { messageId: string });
    expect(lines.map((l) => l.messageId)).to.deep.equal(['m-3']);
  });
});
