// `ffx dev-token`: mints a local API bearer token with the dev issuer (development only).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CliExit } from '../cli-exit.js';

interface DevTokenCliOptions {
  role: string[];
  sub: string;
  pki: string;
  ttl: string;
}

export function register(program: Command): void {
  program
    .command('dev-token')
    .description(
      'mint a local API bearer token signed by the dev token issuer of the dev PKI (never for production)',
    )
    .requiredOption(
      '-r, --role <role>',
      'role: analyst, compliance-officer, auditor or admin (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .requiredOption(
      '-s, --sub <name>',
      'the person the token is for (recorded in the audit journal)',
    )
    .option('--pki <dir>', 'dev PKI folder', 'certs-dev/out')
    .option('--ttl <seconds>', 'lifetime in seconds', '3600')
    .action(async (opts: DevTokenCliOptions) => {
      const { ROLES } = await import('../../http/auth/authenticator.js');
      const bad = opts.role.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length > 0)
        throw new CliExit(
          1,
          `ffx dev-token: unknown role ${bad.join(', ')}; roles are ${ROLES.join(', ')}`,
        );
      const ttl = Number(opts.ttl);
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 31 * 86400)
        throw new CliExit(1, `ffx dev-token: --ttl must be 1..2678400 seconds, not ${opts.ttl}`);
      if (!existsSync(join(opts.pki, 'token-issuer', 'key.pem'))) {
        throw new CliExit(
          1,
          `ffx dev-token: no dev token issuer in ${opts.pki}; run \`npx ffx dev-pki --out ${opts.pki}\` first`,
        );
      }
      const { mintDevToken } = await import('../../http/auth/dev-token.js');
      process.stdout.write(
        `${await mintDevToken({ pkiDir: opts.pki, sub: opts.sub, roles: opts.role, ttlSeconds: ttl })}\n`,
      );
    });
}
