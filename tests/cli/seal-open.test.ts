// `ffx seal`, `ffx open` and `ffx validate` through the real CLI, on the test PKI.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ffx } from '../fixtures/cli.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORY_BODIES } from '../../node/dev/demo-story.js';
import { testPki, type TestPki } from '../fixtures/pki.js';

const BIN = fileURLToPath(new URL('../../bin/ffx.js', import.meta.url));

/** Runs `ffx <args>` with `input` on stdin. */
function ffxWithStdin(
  args: string[],
  input: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}

describe('ffx seal / open / validate', function () {
  this.timeout(60_000);
  let pki: TestPki;
  let dir: string;

  before(async () => {
    pki = await testPki();
    dir = await mkdtemp(join(tmpdir(), 'ffx-cli-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const bodies = {
    'trace-request': STORY_BODIES.traceRequest,
    'trace-response': STORY_BODIES.traceResponse,
    'hit-notification': STORY_BODIES.hit,
  };

  for (const [type, body] of Object.entries(bodies)) {
    it(`seals as AL and opens as RS a ${type}`, async () => {
      const bodyFile = join(dir, `${type}.json`);
      await writeFile(bodyFile, JSON.stringify(body));
      const extra =
        type === 'trace-response' ? ['--in-reply-to', '01a20623-c175-7aa8-8898-7acbc28dace8'] : [];
      const sealed = await ffx([
        'seal',
        '--pki',
        pki.out,
        '--from',
        'AL',
        '--to',
        'RS',
        '--type',
        type,
        '--body',
        bodyFile,
        ...extra,
      ]);
      expect(sealed.code, sealed.stderr).to.equal(0);
      expect(sealed.stdout.trim().split('.')).to.have.length(5);
      const jweFile = join(dir, `${type}.jwe`);
      await writeFile(jweFile, sealed.stdout);
      const opened = await ffx(['open', '--pki', pki.out, '--as', 'RS', jweFile]);
      expect(opened.code, opened.stderr).to.equal(0);
      const m = JSON.parse(opened.stdout) as {
        type: string;
        from: string;
        to: string;
        body: unknown;
      };
      expect(m).to.deep.include({ type, from: 'AL', to: 'RS' });
      expect(m.body).to.deep.equal(body);
    });
  }

  const seizures = [
    { name: 'a seizure of six items', type: 'trace-request', body: STORY_BODIES.seizure },
    {
      name: 'a partial per-item answer',
      type: 'trace-response',
      body: STORY_BODIES.seizureAnswers[0],
    },
    {
      name: 'the per-item answer of the rest',
      type: 'trace-response',
      body: STORY_BODIES.seizureAnswers[1],
    },
  ];
  for (const { name, type, body } of seizures) {
    it(`seals as AL and opens as RS ${name}, every item intact and personal data flagged`, async () => {
      const bodyFile = join(dir, `seizure-${type}.json`);
      await writeFile(bodyFile, JSON.stringify(body));
      const extra =
        type === 'trace-response' ? ['--in-reply-to', '01a20623-c175-7aa8-8898-7acbc28dace8'] : [];
      const sealed = await ffx([
        'seal',
        '--pki',
        pki.out,
        '--from',
        'AL',
        '--to',
        'RS',
        '--type',
        type,
        '--body',
        bodyFile,
        ...extra,
      ]);
      expect(sealed.code, sealed.stderr).to.equal(0);
      const opened = await ffxWithStdin(
        ['open', '--pki', pki.out, '--as', 'RS', '-'],
        sealed.stdout,
      );
      expect(opened.code, opened.stderr).to.equal(0);
      const m = JSON.parse(opened.stdout) as {
        type: string;
        handling: { containsPersonalData: boolean };
        body: { items: Array<{ itemId: string }> };
      };
      expect(m.type).to.equal(type);
      expect(m.body).to.deep.equal(body);
      expect(m.body.items.map((i) => i.itemId)).to.deep.equal(body.items.map((i) => i.itemId));
      // The seizure's possessor; the answers' per-item owners and chains of custody.
      expect(m.handling.containsPersonalData).to.equal(true);
    });
  }

  it('refuses to seal a seizure with a bad item, naming that item', async () => {
    const bad = join(dir, 'bad-seizure.json');
    const items = structuredClone(STORY_BODIES.seizure.items) as unknown as Array<
      Record<string, unknown>
    >;
    items[4] = { kind: 'ammunition', itemId: 'HH-05', ammunition: { calibre: '7.62x39 mm' } };
    await writeFile(bad, JSON.stringify({ ...STORY_BODIES.seizure, items }));
    const r = await ffx([
      'seal',
      '--pki',
      pki.out,
      '--from',
      'AL',
      '--to',
      'RS',
      '--type',
      'trace-request',
      '--body',
      bad,
    ]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/^FFX-SCHEMA: /);
    for (const line of r.stderr.trim().split('\n'))
      expect(line).to.contain('/body/items/4/ammunition/quantity');
    expect(r.stderr).to.contain('/body/items/4/ammunition/quantity quantity is required');
    expect(r.stderr).to.not.contain('/body/items/0');
  });

  it('answers a tampered envelope with exit 2 and one FFX line, and the wrong member with FFX-RECIPIENT', async () => {
    const jwe = (await readFile(join(dir, 'hit-notification.jwe'), 'utf8')).trim();
    const parts = jwe.split('.');
    parts[3] = `${parts[3]!.slice(0, 10)}${parts[3]![10] === 'A' ? 'B' : 'A'}${parts[3]!.slice(11)}`;
    const tampered = join(dir, 'tampered.jwe');
    await writeFile(tampered, parts.join('.'));
    const r = await ffx(['open', '--pki', pki.out, '--as', 'RS', tampered]);
    expect(r.code).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.match(/^FFX-DECRYPT: /);
    const wrong = await ffx([
      'open',
      '--pki',
      pki.out,
      '--as',
      'ME',
      join(dir, 'hit-notification.jwe'),
    ]);
    expect(wrong.code).to.equal(2);
    expect(wrong.stderr.trim()).to.equal(
      'FFX-RECIPIENT: envelope is addressed to RS, this node is ME',
    );
  });

  it('refuses to seal an invalid body, naming the pointer', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...STORY_BODIES.hit, kind: 'rumour' }));
    const r = await ffx([
      'seal',
      '--pki',
      pki.out,
      '--from',
      'AL',
      '--to',
      'RS',
      '--type',
      'hit-notification',
      '--body',
      bad,
    ]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/^FFX-SCHEMA: /);
    expect(r.stderr).to.contain('/body/kind');
  });

  it('takes the handling from a file, honours --ttl, and opens from stdin', async () => {
    const handlingFile = join(dir, 'handling.yaml');
    await writeFile(
      handlingFile,
      'code: H2\npurpose: criminal-investigation\nlegalBasis: Bilateral agreement AL-RS, Art. 3\n',
    );
    const sealed = await ffx([
      'seal',
      '--pki',
      pki.out,
      '--from',
      'AL',
      '--to',
      'RS',
      '--type',
      'hit-notification',
      '--body',
      join(dir, 'hit-notification.json'),
      '--handling',
      handlingFile,
      '--ttl',
      '600',
    ]);
    expect(sealed.code, sealed.stderr).to.equal(0);
    const opened = await ffxWithStdin(['open', '--pki', pki.out, '--as', 'RS', '-'], sealed.stdout);
    expect(opened.code, opened.stderr).to.equal(0);
    const m = JSON.parse(opened.stdout) as {
      createdAt: string;
      expiresAt: string;
      handling: Record<string, unknown>;
      policy: { id: string };
    };
    expect(m.handling).to.deep.equal({
      code: 'H2',
      purpose: 'criminal-investigation',
      legalBasis: 'Bilateral agreement AL-RS, Art. 3',
      containsPersonalData: false,
    });
    expect(Date.parse(m.expiresAt) - Date.parse(m.createdAt)).to.equal(600_000);
    expect(m.policy.id).to.equal('offline');
  });

  it('refuses a bad --ttl, --handling mixed with --code, and a handling that breaks the schema', async () => {
    const base = [
      'seal',
      '--pki',
      pki.out,
      '--from',
      'AL',
      '--to',
      'RS',
      '--type',
      'hit-notification',
      '--body',
      join(dir, 'hit-notification.json'),
    ];
    for (const ttl of ['abc', '0']) {
      const r = await ffx([...base, '--ttl', ttl]);
      expect(r.code, ttl).to.equal(1);
      expect(r.stderr.trim()).to.equal(
        `--ttl must be a positive whole number of seconds, got "${ttl}"`,
      );
    }
    const handlingFile = join(dir, 'bad-handling.json');
    await writeFile(handlingFile, JSON.stringify({ code: 'H9', purpose: 'curiosity' }));
    const mixed = await ffx([...base, '--handling', handlingFile, '--code', 'H2']);
    expect(mixed.code).to.equal(1);
    expect(mixed.stderr).to.contain('--handling replaces --code');
    const bad = await ffx([...base, '--handling', handlingFile]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/^FFX-SCHEMA: /);
    expect(bad.stderr).to.contain('/handling/code');
    const missing = await ffx([...base, '--handling', join(dir, 'no-such.json')]);
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.match(/^cannot read handling /);
  });

  it('validate says OK, or lists pointers and exits 1; unknown schemas exit 2', async () => {
    const good = join(dir, 'hit-notification.json');
    expect((await ffx(['validate', '--schema', 'hit-notification', good])).stdout.trim()).to.equal(
      `OK ${good} is a valid hit-notification`,
    );
    const r = await ffx(['validate', '--schema', 'trace-request', good]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain('/requestRef: requestRef is required');
    const u = await ffx(['validate', '--schema', 'nonsense', good]);
    expect(u.code).to.equal(2);
    expect(u.stderr).to.contain('known: message, trace-request');
  });

  it('every command documents itself with --help', async () => {
    for (const cmd of [
      ['seal'],
      ['open'],
      ['validate'],
      ['policy', 'test'],
      ['audit', 'verify'],
      ['dev-token'],
      ['dev-pki'],
      ['send'],
      ['list'],
      ['node', 'start'],
      ['demo'],
    ]) {
      const r = await ffx([...cmd, '--help']);
      expect(r.code, cmd.join(' ')).to.equal(0);
      expect(r.stdout, cmd.join(' ')).to.match(/^Usage: ffx /);
    }
  });
});
