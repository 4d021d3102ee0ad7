// `ffx seal`: build, sign and encrypt a message offline as one member of a dev PKI for another.
import { readFile } from 'node:fs/promises';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { CliExit } from '../cli-exit.js';

interface SealOptions {
  pki: string;
  from: string;
  to: string;
  type: string;
  body: string;
  handling?: string;
  purpose?: string;
  code?: string;
  legalBasis?: string;
  inReplyTo?: string;
  ttl: string;
}

const DEFAULT_CODE = 'H1';
const DEFAULT_PURPOSE = 'criminal-investigation';

async function readDocument(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliExit(1, `cannot read ${what} ${file}: ${(err as Error).message}`);
  }
  try {
    return parseYaml(text) as unknown;
  } catch (err) {
    throw new CliExit(1, `${what} ${file} is not JSON or YAML: ${(err as Error).message}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `--ttl` in whole seconds; a typo must not become an "Invalid Date" deep inside sealing. */
function parseTtl(ttl: string): number {
  if (!/^[1-9]\d{0,9}$/.test(ttl))
    throw new CliExit(1, `--ttl must be a positive whole number of seconds, got "${ttl}"`);
  return Number(ttl);
}

/** Adds `ffx seal` to the program. */
export function register(program: Command): void {
  program
    .command('seal')
    .description(
      'seal a message offline: build it, validate, sign as --from, encrypt for --to; prints the JWE',
    )
    .requiredOption('--pki <dir>', 'dev PKI folder (keys of --from, directory)')
    .requiredOption('--from <id>', 'the sending member (its sig key signs)')
    .requiredOption('--to <id>', 'the recipient (its enc certificate encrypts)')
    .requiredOption('--type <type>', 'trace-request, trace-response or hit-notification')
    .requiredOption('--body <file>', 'the body (JSON or YAML)')
    .option(
      '--handling <file>',
      'the whole handling object (JSON or YAML); instead of --code/--purpose/--legal-basis',
    )
    .option('--purpose <purpose>', `handling purpose (default ${DEFAULT_PURPOSE})`)
    .option('--code <code>', `handling code H0..H3 (default ${DEFAULT_CODE})`)
    .option('--legal-basis <text>', 'legal basis of the transfer')
    .option('--in-reply-to <id>', 'the request a trace response answers')
    .option('--ttl <seconds>', 'lifetime of the message', '86400')
    .action(async (o: SealOptions) => {
      const { seal, digestOf, FfxError, verifyDirectory } =
        await import('../../../protocol/index.js');
      const { loadDevPki, certificateKid } = await import('../../../certs-dev/index.js');
      const { containsPersonalData } = await import('../../service/personal-data.js');
      const { v7 } = await import('uuid');

      if (o.handling && (o.purpose || o.code || o.legalBasis))
        throw new CliExit(
          1,
          '--handling replaces --code, --purpose and --legal-basis: give one or the other',
        );
      const ttl = parseTtl(o.ttl);
      const body = await readDocument(o.body, 'body');
      if (!isObject(body)) throw new CliExit(1, `body ${o.body} must be a JSON/YAML object`);
      let handling: Record<string, unknown>;
      if (o.handling) {
        const h = await readDocument(o.handling, 'handling');
        if (!isObject(h)) throw new CliExit(1, `handling ${o.handling} must be a JSON/YAML object`);
        // A handling file may leave the flag out: computing it is the safe default.
        handling = { containsPersonalData: containsPersonalData(o.type, body), ...h };
      } else {
        handling = {
          code: o.code ?? DEFAULT_CODE,
          purpose: o.purpose ?? DEFAULT_PURPOSE,
          ...(o.legalBasis ? { legalBasis: o.legalBasis } : {}),
          containsPersonalData: containsPersonalData(o.type, body),
        };
      }

      const pki = await loadDevPki(o.pki).catch((err: Error) => {
        throw new CliExit(
          1,
          `cannot read the PKI folder ${o.pki}: ${err.message} (create one with npx ffx dev-pki --out ${o.pki})`,
        );
      });
      const now = new Date();
      const directory = await verifyDirectory(pki.directoryJws, { rootCaPem: pki.rootCaPem, now });
      const sender = pki.members[o.from];
      if (!sender)
        throw new CliExit(
          1,
          `${o.from} has no keys in ${o.pki} (members: ${Object.keys(pki.members).join(', ')})`,
        );
      const enc = directory.certificatesOf(o.to, 'enc').find((c) => !directory.isRevoked(c.serial));
      if (!enc)
        throw new CliExit(1, `the directory lists no usable encryption certificate for ${o.to}`);

      const message = {
        v: 1,
        id: v7({ msecs: now.getTime() }),
        type: o.type,
        from: o.from,
        to: o.to,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(),
        ...(o.inReplyTo ? { inReplyTo: o.inReplyTo } : {}),
        handling,
        // Sealed offline, outside any node: no sharing policy decided on it.
        policy: { id: 'offline', version: 1, decisionHash: digestOf(JSON.stringify(body)) },
        body,
      };
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
          const details = err.problems.map((p) => `\n  ${p.pointer || '/'}: ${p.message}`).join('');
          throw new CliExit(2, `${err.code}: ${err.message}${details}`);
        }
        throw err;
      }
    });
}
