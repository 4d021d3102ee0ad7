// `ffx dev-pki`: generates the development PKI and the signed federation directory.
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { CliExit } from '../cli-exit.js';

interface DevPkiCliOptions {
  out: string;
  members?: string;
  keySize: string;
  validityDays: string;
  force?: boolean;
}

export function register(program: Command): void {
  program
    .command('dev-pki')
    .description(
      'generate a development PKI: federation root CA, directory operator, per-member sig/enc/tls keys and certificates, the signed federation directory (with one revoked certificate) and the dev token issuer',
    )
    .option(
      '-o, --out <dir>',
      'output folder (refused when not empty, unless --force)',
      'certs-dev/out',
    )
    .option(
      '-m, --members <ids>',
      'comma-separated member ids, e.g. AL,RS,EU-DE (default: the whole dev federation)',
    )
    .option('-k, --key-size <bits>', 'RSA key size of every key: 2048, 3072 or 4096', '3072')
    .option(
      '--validity-days <days>',
      'validity of operator and member certificates in days (the root CA has 10 years)',
      '365',
    )
    .option(
      '-f, --force',
      "replace the dev PKI in a non-empty output folder (only the generator's own files are removed)",
    )
    .action(async (opts: DevPkiCliOptions) => {
      const keySize = Number(opts.keySize);
      if (![2048, 3072, 4096].includes(keySize)) {
        throw new CliExit(
          1,
          `ffx dev-pki: --key-size must be 2048, 3072 or 4096, not ${opts.keySize}`,
        );
      }
      const validityDays = Number(opts.validityDays);
      if (!Number.isInteger(validityDays) || validityDays < 1) {
        throw new CliExit(
          1,
          `ffx dev-pki: --validity-days must be a positive integer, not ${opts.validityDays}`,
        );
      }
      const members = opts.members
        ?.split(',')
        .map((m) => m.trim())
        .filter(Boolean);
      const { generateDevPki, DevPkiError } = await import('../../../certs-dev/index.js');
      let s;
      try {
        s = await generateDevPki({
          out: resolve(opts.out),
          keySize,
          validityDays,
          ...(members ? { members } : {}),
          ...(opts.force ? { force: true } : {}),
        });
      } catch (err) {
        if (err instanceof DevPkiError) throw new CliExit(1, `ffx dev-pki: ${err.message}`);
        throw err;
      }
      const rel = (p: string) => relative(s.out, p);
      const m0 = s.members[0]!;
      process.stdout.write(
        [
          `dev PKI written to ${s.out} in ${(s.millis / 1000).toFixed(1)} s`,
          `  members         ${s.members.join(', ')} (sig, enc, tls each; RSA ${s.keySize}, ${validityDays} days)`,
          `  root CA         ${rel(s.paths.rootCa.cert)} (key ${rel(s.paths.rootCa.key)})`,
          `  operator        ${rel(s.paths.operator.cert)}`,
          `  directory       ${rel(s.paths.directoryJws)} (payload: ${rel(s.paths.directoryJson)}), sequence ${s.sequence}`,
          `  member keys     ${rel(s.paths.members[m0]!.sig.key).replace(`/${m0}/`, '/<ID>/').replace('sig.key', '{sig,enc,tls}.{key,cert}')}`,
          `  revoked         ${s.revokedSerials.join(', ')} (${s.revokedMember} sig-old, superseded)`,
          `  token issuer    ${rel(s.paths.tokenIssuer.jwks).replace('jwks.json', '')} (ES256)`,
          '',
        ].join('\n'),
      );
    });
}
