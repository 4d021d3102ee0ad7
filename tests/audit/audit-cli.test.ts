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

  it('verify --json prints the result, and a cut-off file is BROKEN at its last line', async () => {
    const ok = await ffx(['audit', 'verify', file, '--pki', pki.out, '--json']);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(JSON.parse(ok.stdout)).to.deep.include({ file, ok: true, entries: 7, checkpoints: 1 });
    const cut = join(dir, 'cut.jsonl');
    const text = await readFile(file, 'utf8');
    await writeFile(cut, text.slice(0, text.length - 40));
    const r = await ffx(['audit', 'verify', cut, '--pki', pki.out, '--json']);
    expect(r.code).to.equal(2);
    expect(JSON.parse(r.stdout)).to.deep.include({
      ok: false,
      firstBroken: { line: 7, reason: 'not a JSON entry: the line was edited or cut' },
    });
  });

  it('verify says how many entries follow the last checkpoint when the end is not signed', async () => {
    const tail = join(dir, 'tail.jsonl');
    const l = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(tail, `${l.slice(0, -1).join('\n')}\n`);
    const r = await ffx(['audit', 'verify', tail, '--pki', pki.out]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(
      `OK ${tail}: 6 entries, 0 signed checkpoints, 6 entries after the last checkpoint\n`,
    );
  });

  it('verify of a missing file exits 1', async () => {
    const r = await ffx(['audit', 'verify', join(dir, 'none.jsonl'), '--pki', pki.out]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/cannot read .*none\.jsonl/);
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
