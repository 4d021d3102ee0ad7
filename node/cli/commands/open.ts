// `ffx open`: open and verify an envelope as one member of a dev PKI, with every receiver check.
import { readFile } from 'node:fs/promises';
import { createPrivateKey } from 'node:crypto';
import type { Command } from 'commander';
import { CliExit } from '../cli-exit.js';

async function readEnvelope(file: string): Promise<string> {
  try {
    if (file === '-') {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new CliExit(1, `cannot read ${file}: ${(err as Error).message}`);
  }
}

/** Adds `ffx open` to the program. */
export function register(program: Command): void {
  program
    .command('open')
    .description(
      'open an envelope as --as: every receiver check; prints the verified message JSON, or exits 2 with FFX-<CODE>: <message>',
    )
    .requiredOption('--pki <dir>', 'dev PKI folder (keys of --as, directory)')
    .requiredOption('--as <id>', 'the receiving member (its enc key decrypts)')
    .option('--max-bytes <n>', 'largest envelope accepted', String(1024 * 1024))
    .argument('<file>', 'the envelope (compact JWE), or - for stdin')
    .action(async (file: string, o: { pki: string; as: string; maxBytes: string }) => {
      const { open, FfxError, verifyDirectory } = await import('../../../protocol/index.js');
      const { loadDevPki, certificateKid } = await import('../../../certs-dev/index.js');
      if (!/^[1-9]\d*$/.test(o.maxBytes))
        throw new CliExit(1, `--max-bytes must be a positive whole number, got "${o.maxBytes}"`);
      const pki = await loadDevPki(o.pki).catch((err: Error) => {
        throw new CliExit(
          1,
          `cannot read the PKI folder ${o.pki}: ${err.message} (create one with npx ffx dev-pki --out ${o.pki})`,
        );
      });
      const now = new Date();
      const directory = await verifyDirectory(pki.directoryJws, { rootCaPem: pki.rootCaPem, now });
      // A member without keys here may still be addressed: open() then answers FFX-RECIPIENT.
      const me = pki.members[o.as];
      const input = await readEnvelope(file);
      try {
        const opened = await open(input, {
          self: o.as,
          decryptionKeys: me
            ? [{ kid: certificateKid(me.enc.certPem), key: createPrivateKey(me.enc.keyPem) }]
            : [],
          directory,
          now,
          maxBytes: Number(o.maxBytes),
        });
        process.stdout.write(`${JSON.stringify(opened.message, null, 2)}\n`);
      } catch (err) {
        if (err instanceof FfxError) throw new CliExit(2, `${err.code}: ${err.message}`);
        throw err;
      }
    });
}
