// `ffx seal` and `ffx open`: seal a message offline for a member, open and verify one as a member.
import { readFile } from 'node:fs/promises';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { CliExit } from '../cli-exit.js';

async function devPki(dir: string) {
  const { loadDevPki, certificateKid } = await import('../../../certs-dev/index.js');
  const { verifyDirectory } = await import('../../../protocol/index.js');
  const pki = await loadDevPki(dir).catch((err: Error) => {
    throw new CliExit(
      1,
      `cannot read the PKI folder ${dir}: ${err.message} (create one with npx ffx dev-pki --out ${dir})`,
    );
  });
  const directory = await verifyDirectory(pki.directoryJws, {
    rootCaPem: pki.rootCaPem,
    now: new Date(),
  });
  const member = (id: string) => {
    const m = pki.members[id];
    if (!m)
      throw new CliExit(
        1,
        `${id} has no keys in ${dir} (members: ${Object.keys(pki.members).join(', ')})`,
      );
    return m;
  };
  return { pki, directory, member, certificateKid };
}

async function readInput(file: string): Promise<string> {
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

export function register(program: Command): void {
  program
    .command('seal')
    .description(
      'seal a message offline: validate, sign as --from, encrypt for --to; prints the JWE',
    )
    .requiredOption('--pki <dir>', 'dev PKI folder (keys of --from, directory)')
    .requiredOption('--from <id>', 'the sending member (its sig key signs)')
    .requiredOption('--to <id>', 'the recipient (its enc certificate encrypts)')
    .requiredOption('--type <type>', 'trace-request, trace-response or hit-notification')
    .requiredOption('--body <file>', 'the body (JSON or YAML)')
    .option('--purpose <purpose>', 'handling purpose', 'criminal-investigation')
    .option('--code <code>', 'handling code H0..H3', 'H1')
    .option('--legal-basis <text>', 'legal basis of the transfer')
    .option('--in-reply-to <id>', 'the request a trace response answers')
    .option('--ttl <seconds>', 'lifetime of the message', '86400')
    .action(
      async (o: {
        pki: string;
        from: string;
        to: string;
        type: string;
        body: string;
        purpose: string;
        code: string;
        legalBasis?: string;
        inReplyTo?: string;
        ttl: string;
      }) => {
        const { seal, digestOf, FfxError } = await import('../../../protocol/index.js');
        const { containsPersonalData } = await import('../../service/personal-data.js');
        const { v7 } = await import('uuid');
        const { directory, member, certificateKid } = await devPki(o.pki);
        let body: Record<string, unknown>;
        try {
          body = parseYaml(await readInput(o.body)) as Record<string, unknown>;
        } catch (err) {
          if (err instanceof CliExit) throw err;
          throw new CliExit(1, `${o.body} is not JSON or YAML: ${(err as Error).message}`);
        }
        const now = new Date();
        const message = {
          v: 1,
          id: v7({ msecs: now.getTime() }),
          type: o.type,
          from: o.from,
          to: o.to,
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + Number(o.ttl) * 1000).toISOString(),
          ...(o.inReplyTo ? { inReplyTo: o.inReplyTo } : {}),
          handling: {
            code: o.code,
            purpose: o.purpose,
            ...(o.legalBasis ? { legalBasis: o.legalBasis } : {}),
            containsPersonalData: containsPersonalData(o.type, body),
          },
          // Sealed offline, outside any node: no sharing policy decided on it.
          policy: { id: 'offline', version: 1, decisionHash: digestOf(JSON.stringify(body)) },
          body,
        };
        const sender = member(o.from);
        const enc = directory
          .certificatesOf(o.to, 'enc')
          .find((c) => !directory.isRevoked(c.serial));
        if (!enc)
          throw new CliExit(1, `the directory lists no usable encryption certificate for ${o.to}`);
        try {
          const jwe = await seal({
            message,
            signingKey: createPrivateKey(sender.sig.keyPem),
            signingKid: certificateKid(sender.sig.certPem),
            recipientKey: createPublicKey(enc.pem),
            recipientKid: enc.kid,
          });
          process.stdout.write(`${jwe}\n`);
        } catch (err) {
          if (err instanceof FfxError) {
            const details = err.problems
              .map((p) => `\n  ${p.pointer || '/'}: ${p.message}`)
              .join('');
            throw new CliExit(2, `${err.code}: ${err.message}${details}`);
          }
          throw err;
        }
      },
    );

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
      const { open, FfxError } = await import('../../../protocol/index.js');
      const { directory, member, certificateKid } = await devPki(o.pki);
      const me = member(o.as);
      const input = await readInput(file);
      try {
        const opened = await open(input, {
          self: o.as,
          decryptionKeys: [
            { kid: certificateKid(me.enc.certPem), key: createPrivateKey(me.enc.keyPem) },
          ],
          directory,
          now: new Date(),
          maxBytes: Number(o.maxBytes),
        });
        process.stdout.write(`${JSON.stringify(opened.message, null, 2)}\n`);
      } catch (err) {
        if (err instanceof FfxError) throw new CliExit(2, `${err.code}: ${err.message}`);
        throw err;
      }
    });
}
