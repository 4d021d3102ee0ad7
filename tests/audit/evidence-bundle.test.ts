// The auditor's evidence between two real nodes: bundle from AL's local API, ffx audit verify-bundle offline, disclosures.
import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { ffx } from '../fixtures/cli.js';
import { testFederation } from '../fixtures/federation.js';
import { mintDevToken } from '../../node/http/auth/dev-token.js';
import { STORY_BODIES } from '../../node/dev/demo-story.js';
import { entryHash } from '../../node/audit/index.js';
import { DISCLOSURE_COLUMNS } from '../../node/audit/index.js';
import type { DevFederationRunner } from '../../node/dev/dev-federation-runner.js';
import type { TestPki } from '../fixtures/pki.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];
type Bundle = Schemas['EvidenceBundle'];

const LEGAL_BASIS = 'Police Cooperation Convention for Southeast Europe, Art. 5';

/** Replaces one character in the middle of `s` (a changed byte of base64url or JSON text). */
function oneByte(s: string, at = Math.floor(s.length / 2)): string {
  const c = s[at] === 'A' ? 'B' : 'A';
  return `${s.slice(0, at)}${c}${s.slice(at + 1)}`;
}

describe('evidence bundle and disclosure report (two real nodes, through the CLI)', function () {
  this.timeout(180_000);
  let fed: DevFederationRunner;
  let pki: TestPki;
  let base: string;
  let auditor: string;
  let analyst: string;
  let dir: string;
  let messageId: string;
  let file: string;
  let bundle: Bundle;

  const get = async (path: string, token: string) => {
    const res = await fetch(new URL(path, base), { headers: { authorization: `Bearer ${token}` } });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      text: await res.text(),
    };
  };

  /** Writes a changed copy of the bundle and runs verify-bundle on it. */
  async function verifyChanged(name: string, change: (b: Bundle) => void) {
    const copy = JSON.parse(JSON.stringify(bundle)) as Bundle;
    change(copy);
    const path = join(dir, `${name}.json`);
    await writeFile(path, JSON.stringify(copy));
    const r = await ffx(['audit', 'verify-bundle', path]);
    return { ...r, path };
  }

  before(async () => {
    ({ fed, pki } = await testFederation('evidence'));
    base = (await fed.start('AL')).ready.localApi;
    await fed.start('RS');
    dir = await mkdtemp(join(tmpdir(), 'ffx-evidence-'));
    auditor = await mintDevToken({
      pkiDir: pki.out,
      sub: 'ilir.auditor',
      roles: ['auditor'],
      ttlSeconds: 3600,
    });
    analyst = await mintDevToken({
      pkiDir: pki.out,
      sub: 'arta.hoxha',
      roles: ['analyst'],
      ttlSeconds: 3600,
    });
    const al = await fed.client('AL', 'arta.hoxha', ['analyst']);
    const sent = await al.submit({
      type: 'trace-request',
      to: ['RS'],
      handling: { code: 'H1', purpose: 'criminal-investigation', legalBasis: LEGAL_BASIS },
      body: STORY_BODIES.traceRequest,
    } as unknown as Schemas['SubmitRequest']);
    messageId = sent.results[0]!.messageId;
    const delivered = await al.waitForStatus(messageId, ['delivered', 'rejected', 'failed']);
    expect(delivered.summary.status).to.equal('delivered');
    file = join(dir, 'bundle.json');
    const r = await ffx([
      'audit',
      'bundle',
      messageId,
      '--out',
      file,
      '--url',
      base,
      '--token',
      auditor,
    ]);
    expect(r.code, r.stderr).to.equal(0);
    bundle = JSON.parse(await readFile(file, 'utf8')) as Bundle;
  });

  after(async () => {
    await fed.stopAll();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the bundle from the local API holds the entries up to a signed checkpoint, the receipt, the directory and the policy', async () => {
    expect(bundle).to.include({
      format: 'ffx-evidence-bundle',
      version: 1,
      nodeId: 'AL',
      messageId,
    });
    const types = bundle.journal.entries
      .filter((e) => e.messageId === messageId)
      .map((e) => e.type);
    expect(types).to.include.members(['decision', 'submitted', 'delivered']);
    expect(bundle.journal.entries.at(-1)!.type).to.equal('checkpoint');
    expect(bundle.receipts).to.have.length(1);
    expect(bundle.directory.split('.')).to.have.length(3);
    expect(bundle.rootCa).to.contain('BEGIN CERTIFICATE');
    expect(bundle.policy.documentHash).to.match(/^[A-Za-z0-9_-]{43}$/);
    const api = await get(`/v1/audit/bundle/${messageId}`, auditor);
    expect(api.status).to.equal(200);
    expect((JSON.parse(api.text) as Bundle).journal.entries[0]).to.deep.equal(
      bundle.journal.entries[0],
    );
  });

  it('ffx audit verify-bundle accepts it offline and states who sent what to whom, when, under which policy, and the receipt', async () => {
    const r = await ffx(['audit', 'verify-bundle', file]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.contain('trust anchor: the root CA inside the bundle');
    for (const c of ['directory', 'journal-chain', 'checkpoint', 'receipt', 'policy'])
      expect(r.stdout).to.match(new RegExp(`^OK +${c}: `, 'm'));
    const day = new Date().toISOString().slice(0, 10);
    expect(r.stdout).to.match(
      new RegExp(
        `VERIFIED .*: Message ${messageId} \\(trace-request\\) was sent by AL to RS on ${day} at \\d\\d:\\d\\d:\\d\\d UTC by arta.hoxha for criminal-investigation \\(legal basis: ${LEGAL_BASIS.replace(/[.,]/g, '\\$&')}\\) under policy \\S+ version \\d+ \\(hash [A-Za-z0-9_-]{43}\\), and RS received it on ${day} at \\d\\d:\\d\\d:\\d\\d UTC \\(signed receipt\\)\\.`,
      ),
    );
  });

  it('with --root the operator names the trust anchor; a root that did not issue the directory is refused', async () => {
    const root = join(pki.out, 'root-ca.cert.pem');
    const ok = await ffx(['audit', 'verify-bundle', file, '--root', root]);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.contain(`trust anchor: the root CA given by the operator (${root})`);
    const wrong = await ffx([
      'audit',
      'verify-bundle',
      file,
      '--root',
      join(pki.out, 'operator.cert.pem'),
    ]);
    expect(wrong.code).to.equal(2);
    expect(wrong.stderr).to.match(
      /^BROKEN .*directory: federation directory: directory signer .* is not issued by the federation root CA/,
    );
  });

  it('one changed byte of a journal entry breaks the chain, named by its seq', async () => {
    const r = await verifyChanged('entry', (b) => {
      const e = b.journal.entries.find((x) => x.type === 'submitted' && x.messageId === messageId)!;
      e.purpose = oneByte(String(e.purpose), 0);
    });
    expect(r.code).to.equal(2);
    expect(r.stdout).to.match(
      /^FAILED journal-chain: entry seq \d+ \(submitted\): hash mismatch, the entry was edited$/m,
    );
    expect(r.stdout).not.to.contain('VERIFIED');
  });

  it('one changed byte of the receipt fails the receipt check', async () => {
    const r = await verifyChanged('receipt', (b) => {
      const [h, p, s] = b.receipts[0]!.split('.');
      b.receipts[0] = `${h}.${p}.${oneByte(s!)}`;
    });
    expect(r.code).to.equal(2);
    expect(r.stdout).to.match(
      /^FAILED receipt: receipt 1: signature does not verify with RS's certificate$/m,
    );
    expect(r.stdout).to.match(/^OK +journal-chain/m);
  });

  it("a changed checkpoint signature is named: by the chain, and by the checkpoint check when the entry's hash is recomputed", async () => {
    const change = (b: Bundle, rehash: boolean) => {
      const cp = b.journal.entries.at(-1)!;
      const [h, p, s] = String(cp.jws).split('.');
      cp.jws = `${h}.${p}.${oneByte(s!)}`;
      if (rehash) cp.hash = entryHash(cp);
    };
    const plain = await verifyChanged('checkpoint', (b) => change(b, false));
    expect(plain.code).to.equal(2);
    expect(plain.stdout).to.match(
      /^FAILED journal-chain: entry seq \d+ \(checkpoint\): hash mismatch/m,
    );
    const rehashed = await verifyChanged('checkpoint-rehashed', (b) => change(b, true));
    expect(rehashed.code).to.equal(2);
    expect(rehashed.stdout).to.match(/^OK +journal-chain/m);
    expect(rehashed.stdout).to.match(
      /^FAILED checkpoint: checkpoint seq \d+: signature does not verify with AL's certificate /m,
    );
  });

  it('one changed byte of the directory fails its signature, and what depends on it is not checked', async () => {
    const r = await verifyChanged('directory', (b) => {
      const [h, p, s] = b.directory.split('.');
      b.directory = `${h}.${oneByte(p!)}.${s}`;
    });
    expect(r.code).to.equal(2);
    expect(r.stdout).to.match(/^FAILED directory: federation directory: /m);
    expect(r.stdout).to.match(/^FAILED checkpoint: not checked: the directory .* did not verify$/m);
    expect(r.stderr).to.match(/^BROKEN /);
  });

  it('a changed policy document no longer matches the policy hash', async () => {
    const r = await verifyChanged('policy', (b) => {
      b.policy.document = { ...b.policy.document, id: `${String(b.policy.document.id)}x` };
    });
    expect(r.code).to.equal(2);
    expect(r.stdout).to.match(
      /^FAILED policy: policy document hashes to \S+, not to the bundle's policy hash /m,
    );
  });

  it('a file that is not a bundle is named as such, and a missing file exits 1', async () => {
    const notBundle = join(dir, 'not-bundle.json');
    await writeFile(notBundle, JSON.stringify({ format: 'other' }));
    const r = await ffx(['audit', 'verify-bundle', notBundle, '--json']);
    expect(r.code).to.equal(2);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      checks: Array<{ check: string; ok: boolean; detail: string }>;
    };
    expect(out.ok).to.equal(false);
    expect(out.checks[0]).to.include({ check: 'format', ok: false });
    expect(out.checks[0]!.detail).to.match(/^not an evidence bundle of version 1: /);
    const missing = await ffx(['audit', 'verify-bundle', join(dir, 'none.json')]);
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.match(/cannot read .*none\.json/);
  });

  it('the disclosure CSV from the CLI has every element filled for every row', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const r = await ffx([
      'audit',
      'disclosures',
      '--from',
      day,
      '--to',
      day,
      '--format',
      'csv',
      '--url',
      base,
      '--token',
      auditor,
    ]);
    expect(r.code, r.stderr).to.equal(0);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).to.equal(DISCLOSURE_COLUMNS.join(','));
    expect(lines.length).to.be.greaterThan(1);
    const rows = lines
      .slice(1)
      .map((l) => [...`${l},`.matchAll(/("(?:[^"]|"")*"|[^,"]*),/g)].map((m) => m[1]!));
    for (const row of rows) {
      expect(row, row.join(',')).to.have.length(DISCLOSURE_COLUMNS.length);
      for (const [i, cell] of row.entries())
        expect(cell, `${DISCLOSURE_COLUMNS[i]} of ${row.join(',')}`).to.not.equal('');
    }
    const ours = rows.find((row) => row[1] === messageId)!;
    expect(ours.slice(2, 8)).to.deep.equal([
      'arta.hoxha',
      'criminal-investigation',
      `"${LEGAL_BASIS}"`,
      'RS',
      'trace-request',
      bundle.policy.id,
    ]);
    expect(ours[8]).to.equal(String(bundle.policy.version));
    expect(ours[9]).to.equal('delivered');
  });

  it('the disclosure JSON filters by recipient; a period ending before it starts is refused', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const rs = await get(`/v1/audit/disclosures?from=${from}&to=${to}&recipient=RS`, auditor);
    expect(rs.status).to.equal(200);
    expect(
      (JSON.parse(rs.text) as Schemas['DisclosureReport']).items.map((d) => d.messageId),
    ).to.include(messageId);
    const md = await get(`/v1/audit/disclosures?from=${from}&to=${to}&recipient=MD`, auditor);
    expect((JSON.parse(md.text) as Schemas['DisclosureReport']).items).to.deep.equal([]);
    const csv = await get(`/v1/audit/disclosures?from=${from}&to=${to}&format=csv`, auditor);
    expect(csv.type).to.match(/^text\/csv/);
    expect(csv.text).to.contain(messageId);
    const backwards = await get(`/v1/audit/disclosures?from=${to}&to=${from}`, auditor);
    expect(backwards.status).to.equal(400);
    expect(JSON.parse(backwards.text)).to.include({ code: 'NODE-VALIDATION' });
  });

  it('an analyst is refused the bundle and the report; an unknown message has no bundle', async () => {
    const bundleAsAnalyst = await get(`/v1/audit/bundle/${messageId}`, analyst);
    expect(bundleAsAnalyst.status).to.equal(403);
    expect(JSON.parse(bundleAsAnalyst.text)).to.include({ code: 'NODE-FORBIDDEN' });
    const day = new Date().toISOString().slice(0, 10);
    const cli = await ffx([
      'audit',
      'disclosures',
      '--from',
      day,
      '--to',
      day,
      '--url',
      base,
      '--token',
      analyst,
    ]);
    expect(cli.code).to.equal(2);
    expect(cli.stderr).to.match(
      /^NODE-FORBIDDEN: listDisclosures requires one of the roles: auditor/,
    );
    const unknown = await get(`/v1/audit/bundle/${uuidv7()}`, auditor);
    expect(unknown.status).to.equal(404);
    expect(JSON.parse(unknown.text)).to.include({ code: 'NODE-NOT-FOUND' });
  });
});
