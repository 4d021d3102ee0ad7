// `ffx audit verify` and `ffx audit show`: check and read a node's audit journal offline.
import { readFile } from 'node:fs/promises';
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Command } from 'commander';
import { CliExit } from '../cli-exit.js';

/** Signing keys by kid: from certificate files and/or every member's sig certificates of a dev PKI. */
async function publicKeys(certs: string[], pki?: string): Promise<Map<string, KeyObject>> {
  const { certificateKid, loadDevPki } = await import('../../../certs-dev/index.js');
  const keys = new Map<string, KeyObject>();
  const add = (pem: string) => keys.set(certificateKid(pem), createPublicKey(pem));
  for (const file of certs) {
    try {
      add(await readFile(file, 'utf8'));
    } catch (err) {
      throw new CliExit(1, `ffx audit: cannot read certificate ${file}: ${(err as Error).message}`);
    }
  }
  if (pki) {
    const loaded = await loadDevPki(pki).catch((err: Error) => {
      throw new CliExit(1, `ffx audit: cannot read the PKI folder ${pki}: ${err.message}`);
    });
    for (const m of Object.values(loaded.members)) {
      add(m.sig.certPem);
      if (m['sig-old']) add(m['sig-old'].certPem);
    }
  }
  if (keys.size === 0)
    throw new CliExit(
      1,
      'ffx audit: give the signing certificates with --cert <pem> or --pki <dir>',
    );
  return keys;
}

export function register(program: Command): void {
  const audit = program.command('audit').description("verify or read a node's audit journal");
  audit
    .command('verify')
    .description(
      'verify the hash chain and the signed checkpoints of a journal; reports the first broken link',
    )
    .argument('<file>', 'the journal (JSON lines)')
    .option(
      '--cert <pem>',
      'a signing certificate of the node (repeatable; rotation keeps old ones valid)',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option('--pki <dir>', 'take the sig certificates of every member of this dev PKI folder')
    .option('--node <id>', 'require checkpoints signed for this node id')
    .option('--json', 'print the result as JSON')
    .action(
      async (file: string, o: { cert?: string[]; pki?: string; node?: string; json?: boolean }) => {
        const keys = await publicKeys(o.cert ?? [], o.pki);
        const { verifyJournal } = await import('../../audit/index.js');
        let r;
        try {
          r = await verifyJournal(file, {
            publicKeys: keys,
            ...(o.node ? { nodeId: o.node } : {}),
          });
        } catch (err) {
          throw new CliExit(1, `ffx audit: cannot read ${file}: ${(err as Error).message}`);
        }
        if (o.json) process.stdout.write(`${JSON.stringify({ file, ...r })}\n`);
        if (!r.ok) {
          const b = r.firstBroken!;
          throw new CliExit(
            2,
            o.json
              ? ''
              : `BROKEN ${file} line ${b.line}${b.seq !== undefined ? ` (seq ${b.seq})` : ''}: ${b.reason}`,
          );
        }
        if (!o.json) {
          process.stdout.write(
            `OK ${file}: ${r.entries} entries, ${r.checkpoints} signed checkpoints${r.gaps ? `, ${r.gaps} declared gaps` : ''}${r.unsignedTail ? `, ${r.unsignedTail} entries after the last checkpoint` : ''}\n`,
          );
        }
      },
    );
  audit
    .command('show')
    .description('print journal entries, filtered')
    .argument('<file>', 'the journal (JSON lines)')
    .option(
      '--type <type>',
      'only entries of this type (submitted, decision, delivered, received, …)',
    )
    .option('--message-id <id>', 'only entries about this message')
    .option('--from-seq <n>', 'start at this sequence number', '0')
    .option('--limit <n>', 'at most this many', '100')
    .action(
      async (
        file: string,
        o: { type?: string; messageId?: string; fromSeq: string; limit: string },
      ) => {
        const { readJournal } = await import('../../audit/index.js');
        const page = await readJournal(file, {
          fromSeq: Number(o.fromSeq),
          limit: Number(o.limit),
          ...(o.type ? { type: o.type } : {}),
          ...(o.messageId ? { messageId: o.messageId } : {}),
        });
        for (const e of page.entries) process.stdout.write(`${JSON.stringify(e)}\n`);
        if (page.nextSeq !== undefined)
          process.stderr.write(`more from --from-seq ${page.nextSeq}\n`);
      },
    );
}
