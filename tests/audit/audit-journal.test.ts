// The audit journal: chain and checkpoints verify; every kind of tampering is found at its line.
import { expect } from 'chai';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditJournal, entryHash, verifyJournal, readJournal } from '../../node/audit/index.js';

describe('AuditJournal', () => {
  let dir: string;
  let signingKey: KeyObject;
  let publicKeys: Map<string, KeyObject>;
  let other: KeyObject;

  before(() => {
    const k = generateKeyPairSync('rsa', { modulusLength: 2048 });
    signingKey = k.privateKey;
    publicKeys = new Map([['al-sig', k.publicKey]]);
    other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ffx-audit-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function journalWith(
    n: number,
    file = join(dir, 'audit.jsonl'),
    checkpointEvery = 10,
  ): Promise<string> {
    const j = await AuditJournal.open({
      file,
      nodeId: 'AL',
      signingKey,
      signingKid: 'al-sig',
      checkpointEvery,
    });
    for (let i = 0; i < n; i++) {
      j.append('submitted', {
        messageId: `m-${i}`,
        to: 'RS',
        actor: { sub: 'arta.hoxha', role: 'analyst' },
        purpose: 'criminal-investigation',
      });
      // Traffic arrives over time: let the writer run between groups of entries.
      if (i % 5 === 4) await j.flush();
    }
    await j.close();
    return file;
  }

  const lines = async (file: string) => (await readFile(file, 'utf8')).trimEnd().split('\n');

  it('writes a chain with signed checkpoints that verifies', async () => {
    const file = await journalWith(25);
    const r = await verifyJournal(file, { publicKeys, nodeId: 'AL' });
    expect(r.ok).to.equal(true);
    expect(r.checkpoints).to.be.at.least(2);
    expect(r.entries).to.equal((await lines(file)).length);
    expect(r.unsignedTail).to.equal(0);
  });

  it('finds an edited entry', async () => {
    const file = await journalWith(12);
    const l = await lines(file);
    l[4] = l[4]!.replace('m-3', 'm-X');
    await writeFile(file, `${l.join('\n')}\n`);
    const r = await verifyJournal(file, { publicKeys });
    expect(r.ok).to.equal(false);
    expect(r.firstBroken).to.deep.include({ line: 5, seq: 5 });
    expect(r.firstBroken!.reason).to.match(/hash mismatch/);
  });

  it('finds a removed entry and two swapped entries', async () => {
    const file = await journalWith(12);
    const l = await lines(file);
    await writeFile(file, `${[...l.slice(0, 3), ...l.slice(4)].join('\n')}\n`);
    expect((await verifyJournal(file, { publicKeys })).firstBroken).to.deep.include({ line: 4 });
    const swapped = [...l];
    [swapped[5], swapped[6]] = [swapped[6]!, swapped[5]!];
    await writeFile(file, `${swapped.join('\n')}\n`);
    const r = await verifyJournal(file, { publicKeys });
    expect(r.firstBroken!.line).to.equal(6);
    expect(r.firstBroken!.reason).to.match(/removed, inserted or reordered/);
  });

  it('finds a checkpoint signed by another key, and one with an unknown kid', async () => {
    const file = join(dir, 'forged.jsonl');
    const j = await AuditJournal.open({
      file,
      nodeId: 'AL',
      signingKey: other,
      signingKid: 'al-sig',
      checkpointEvery: 1000,
    });
    j.append('submitted', { messageId: 'm' });
    await j.close();
    const r = await verifyJournal(file, { publicKeys });
    expect(r.ok).to.equal(false);
    expect(r.firstBroken!.reason).to.equal('checkpoint signature invalid');
    const r2 = await verifyJournal(file, { publicKeys: new Map() });
    expect(r2.firstBroken!.reason).to.match(/unknown key al-sig/);
  });

  it('finds a checkpoint whose signature was changed, even with its hash recomputed', async () => {
    const file = await journalWith(5);
    const l = await lines(file);
    const last = JSON.parse(l[l.length - 1]!) as Record<string, unknown>;
    expect(last.type).to.equal('checkpoint');
    const [h, p, sig] = (last.jws as string).split('.');
    const flipped = `${sig!.slice(0, 10)}${sig![10] === 'A' ? 'B' : 'A'}${sig!.slice(11)}`;
    last.jws = `${h}.${p}.${flipped}`;
    last.hash = entryHash(last);
    l[l.length - 1] = JSON.stringify(last);
    await writeFile(file, `${l.join('\n')}\n`);
    const r = await verifyJournal(file, { publicKeys });
    expect(r.ok).to.equal(false);
    expect(r.firstBroken).to.deep.equal({
      line: l.length,
      seq: last.seq,
      reason: 'checkpoint signature invalid',
    });
  });

  it('finds a checkpoint moved to another position of the chain', async () => {
    // A valid signature copied from elsewhere signs another seq/prev than where it now stands.
    const file = await journalWith(25);
    const l = await lines(file);
    const cps = l.map((x) => JSON.parse(x) as Record<string, unknown>);
    const i = cps.findIndex((e) => e.type === 'checkpoint');
    const lastCp = cps[cps.length - 1]!;
    const moved: Record<string, unknown> = { ...cps[i]!, jws: lastCp.jws };
    moved.hash = entryHash(moved);
    l[i] = JSON.stringify(moved);
    await writeFile(file, `${l.join('\n')}\n`);
    const r = await verifyJournal(file, { publicKeys });
    expect(r.firstBroken).to.deep.include({
      line: i + 1,
      reason: 'checkpoint signs another position of the chain',
    });
  });

  it('reports whole entries cut off after the last checkpoint as an unsigned tail', async () => {
    const file = await journalWith(25);
    const l = await lines(file);
    // Drop the closing checkpoint: what remains chains, but its end is no longer signed.
    await writeFile(file, `${l.slice(0, -1).join('\n')}\n`);
    const r = await verifyJournal(file, { publicKeys });
    expect(r.ok).to.equal(true);
    const entries = l.slice(0, -1).map((x) => JSON.parse(x) as { type: string });
    const afterLast = entries.length - 1 - entries.map((e) => e.type).lastIndexOf('checkpoint');
    expect(afterLast).to.be.greaterThan(0);
    expect(r.unsignedTail).to.equal(afterLast);
    expect(r.entries).to.equal(l.length - 1);
    expect(r.checkpoints).to.be.greaterThan(0);
  });

  it('checkpoints on time while entries arrive, and counts what it wrote', async () => {
    const file = join(dir, 'timed.jsonl');
    const j = await AuditJournal.open({
      file,
      nodeId: 'AL',
      signingKey,
      signingKid: 'al-sig',
      checkpointSeconds: 0.2,
    });
    j.append('submitted', { messageId: 'm-1' });
    await new Promise((r) => setTimeout(r, 500));
    const cps = (await readJournal(file, { type: 'checkpoint' })).entries;
    expect(cps).to.have.length(1);
    // Nothing new since: no further checkpoint.
    await new Promise((r) => setTimeout(r, 400));
    expect((await readJournal(file, { type: 'checkpoint' })).entries).to.have.length(1);
    expect(j.status()).to.deep.equal({
      healthy: true,
      backlog: 0,
      dropped: 0,
      lastError: null,
      entries: 3,
      lastSeq: 3,
    });
    await j.close();
    {
      const v = await verifyJournal(file, { publicKeys });
      expect(v.ok, JSON.stringify(v.firstBroken)).to.equal(true);
    }
  });

  it('records what it was given at append time, whatever the values, and never throws', async () => {
    const file = join(dir, 'values.jsonl');
    const j = await AuditJournal.open({ file, nodeId: 'AL', signingKey, signingKid: 'al-sig' });
    const fields: Record<string, unknown> = {
      messageId: 'm-1',
      at: 'forged',
      seq: 999,
      hash: 'forged',
      when: new Date('2026-01-02T03:04:05Z'),
      missing: undefined,
      details: { body: { name: 'Dritan K.' }, list: [{ jwe: 'x.y.z.w.v' }] },
    };
    j.append('received', fields);
    fields.messageId = 'changed-later';
    const cyclic: Record<string, unknown> = { messageId: 'm-2' };
    cyclic.self = cyclic;
    expect(() => j.append('received', cyclic)).not.to.throw();
    expect(() => j.append('received', { messageId: 'm-3', n: 10n })).not.to.throw();
    await j.close();
    const r = await verifyJournal(file, { publicKeys });
    expect(r.ok, JSON.stringify(r.firstBroken)).to.equal(true);
    const got = (await readJournal(file, { type: 'received' })).entries;
    expect(got).to.have.length(3);
    expect(got[0]).to.deep.include({
      messageId: 'm-1',
      seq: 2,
      when: '2026-01-02T03:04:05.000Z',
      details: { list: [{}] },
      stripped: ['/details/body', '/details/list/0/jwe'],
    });
    expect(got[0]!.at).not.to.equal('forged');
    expect(got[0]).not.to.have.property('missing');
    expect(got[1]!.unserializable).to.match(/circular/i);
    expect(got[2]!.unserializable).to.match(/BigInt/);
    const text = await readFile(file, 'utf8');
    expect(text).not.to.contain('Dritan');
    expect(text).not.to.contain('x.y.z.w.v');
  });

  it('finds a cut-off line', async () => {
    const file = await journalWith(5);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length - 30));
    const r = await verifyJournal(file, { publicKeys });
    expect(r.ok).to.equal(false);
    expect(r.firstBroken!.reason).to.match(/not a JSON entry/);
  });

  it('continues the chain when reopened, and cuts a torn last line recording the recovery', async () => {
    const file = await journalWith(5);
    await appendFile(file, '{"seq":99,"torn');
    await journalWith(5, file);
    const r = await verifyJournal(file, { publicKeys, nodeId: 'AL' });
    expect(r.ok).to.equal(true);
    const opened = (await readJournal(file, { type: 'journal-opened' })).entries;
    expect(opened).to.have.length(2);
    expect(opened[1]).to.deep.include({ recovered: true, truncatedBytes: 15 });
  });

  it('starts a new chain when the only line is torn (power cut during the first write)', async () => {
    const file = join(dir, 'audit.jsonl');
    await writeFile(file, '{"seq":1,"type":"journal-opened","at":"2026-');
    await journalWith(3, file);
    const r = await verifyJournal(file, { publicKeys, nodeId: 'AL' });
    expect(r.ok, JSON.stringify(r.firstBroken)).to.equal(true);
    const all = (await readJournal(file, {})).entries;
    expect(all[0]).to.deep.include({ seq: 1, type: 'journal-opened', recovered: true });
    expect(all[0]).to.deep.include({ truncatedBytes: 44 });
  });

  it('never writes message contents or tokens', async () => {
    const file = join(dir, 'clean.jsonl');
    const j = await AuditJournal.open({ file, nodeId: 'AL', signingKey, signingKid: 'al-sig' });
    j.append('received', {
      messageId: 'm',
      body: { possessor: { name: 'Dritan K.' } },
      jwe: 'a.b.c.d.e',
      token: 'eyJ…',
    });
    await j.close();
    const text = await readFile(file, 'utf8');
    expect(text).not.to.contain('Dritan');
    expect(text).not.to.contain('a.b.c.d.e');
    expect(text).to.contain('"stripped":["body","jwe","token"]');
  });

  it('keeps entries while the file cannot be written, reports unhealthy, declares what it had to drop', async () => {
    // The journal path points at /dev/full: every write fails with ENOSPC, as on a full volume.
    const file = join(dir, 'audit.jsonl');
    await symlink('/dev/full', file);
    const j = await AuditJournal.open({
      file,
      nodeId: 'AL',
      signingKey,
      signingKid: 'al-sig',
      maxBacklog: 100,
    });
    for (let i = 0; i < 150; i++) j.append('submitted', { messageId: `m-${i}` });
    await j.flush();
    const s = j.status();
    expect(s.healthy).to.equal(false);
    expect(s.backlog).to.equal(100);
    expect(s.dropped).to.equal(51);
    expect(s.lastError).to.match(/ENOSPC/);
    // Space comes back: the path is a writable file again; the journal reopens it and catches up.
    await unlink(file);
    await writeFile(file, '');
    await new Promise((r) => setTimeout(r, 1500));
    await j.close();
    expect(j.status()).to.deep.include({ healthy: true, backlog: 0 });
    const r = await verifyJournal(file, { publicKeys });
    expect(r.ok).to.equal(true);
    expect(r.gaps).to.equal(1);
    expect((await readJournal(file, { type: 'gap' })).entries[0]!.lost).to.equal(51);
    expect((await readJournal(file, { type: 'submitted', limit: 1000 })).entries).to.have.length(
      100,
    );
  });

  it('tries once more on close, and never writes after it', async () => {
    const file = join(dir, 'audit.jsonl');
    await symlink('/dev/full', file);
    const j = await AuditJournal.open({ file, nodeId: 'AL', signingKey, signingKid: 'al-sig' });
    j.append('submitted', { messageId: 'm-1' });
    await j.flush();
    expect(j.status().healthy).to.equal(false);
    // Writable again before the retry is due: close itself writes the backlog.
    await unlink(file);
    await writeFile(file, '');
    await j.close();
    expect(j.status()).to.deep.include({ healthy: true, backlog: 0 });
    expect((await verifyJournal(file, { publicKeys })).entries).to.equal(3);

    const file2 = join(dir, 'audit2.jsonl');
    await symlink('/dev/full', file2);
    const k = await AuditJournal.open({
      file: file2,
      nodeId: 'AL',
      signingKey,
      signingKid: 'al-sig',
    });
    k.append('submitted', { messageId: 'm-1' });
    await k.close();
    expect(k.status().backlog).to.equal(3);
    await unlink(file2);
    await writeFile(file2, '');
    k.append('submitted', { messageId: 'm-2' });
    await new Promise((r) => setTimeout(r, 1200));
    expect(await readFile(file2, 'utf8')).to.equal('');
  });

  it('writes entries and declares the checkpoint when it cannot be signed', async () => {
    // A public key cannot sign: the failure stays inside the journal, entries are still written.
    const file = join(dir, 'nosign.jsonl');
    const j = await AuditJournal.open({
      file,
      nodeId: 'AL',
      signingKey: publicKeys.get('al-sig')!,
      signingKid: 'al-sig',
    });
    j.append('submitted', { messageId: 'm-1' });
    await j.checkpoint();
    const s = j.status();
    expect(s).to.deep.include({ healthy: false, backlog: 0, entries: 3 });
    expect(s.lastError).to.match(/^cannot sign a checkpoint: /);
    j.append('submitted', { messageId: 'm-2' });
    await j.close();
    const r = await verifyJournal(file, { publicKeys });
    expect(r).to.deep.include({ ok: true, entries: 5, checkpoints: 0, unsignedTail: 5 });
    const failed = (await readJournal(file, { type: 'checkpoint-failed' })).entries;
    expect(failed).to.have.length(2);
    expect(failed[0]!.reason).to.equal(s.lastError);
  });

  it('reads pages filtered by type and message id', async () => {
    const file = await journalWith(30);
    const page = await readJournal(file, { type: 'submitted', limit: 10 });
    expect(page.entries).to.have.length(10);
    expect(page.nextSeq).to.be.a('number');
    const next = await readJournal(file, { type: 'submitted', limit: 10, fromSeq: page.nextSeq! });
    expect(next.entries[0]!.seq).to.equal(page.nextSeq);
    expect((await readJournal(file, { messageId: 'm-7' })).entries).to.have.length(1);
  });
});
