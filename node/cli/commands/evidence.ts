// `ffx audit bundle`, `ffx audit verify-bundle` and `ffx audit disclosures`: the auditor's evidence.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliExit } from '../cli-exit.js';
import type { DisclosureReport } from '../../audit/index.js';

interface ApiOptions {
  url: string;
  token?: string;
}

/** GET on the node's local API as the auditor; a problem answer becomes exit 2 with its code. */
async function apiGet<T>(o: ApiOptions, path: string): Promise<T> {
  const token = o.token ?? process.env.FFX_TOKEN;
  if (!token)
    throw new CliExit(
      1,
      'a bearer token is needed: --token <jwt> or FFX_TOKEN (dev: npx ffx dev-token --role auditor --sub you)',
    );
  const { LocalApiClient, LocalApiError } = await import('../../dev/local-api-client.js');
  try {
    return await new LocalApiClient(o.url, token).call<T>('GET', path);
  } catch (err) {
    if (err instanceof LocalApiError) {
      const p = err.problem as { code?: string; detail?: string };
      throw new CliExit(2, `${p.code ?? `HTTP ${err.status}`}: ${p.detail ?? err.message}`);
    }
    throw new CliExit(1, `cannot reach the node: ${(err as Error).message}`);
  }
}

/** A date given as YYYY-MM-DD (the whole day, UTC) or as a date-time. */
function dayBound(v: string, end: boolean, flag: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(v)
    ? new Date(`${v}T${end ? '23:59:59.999' : '00:00:00.000'}Z`)
    : new Date(v);
  if (Number.isNaN(d.getTime()))
    throw new CliExit(
      1,
      `ffx audit disclosures: ${flag} ${v} is not a date (YYYY-MM-DD) or date-time`,
    );
  return d.toISOString();
}

/** Adds the evidence commands to `ffx audit` (registered by audit.ts, which sorts before this file: evidence.ts). */
export function register(program: Command): void {
  const audit = program.commands.find((c) => c.name() === 'audit');
  if (!audit)
    throw new Error('ffx audit evidence commands need the audit command registered first');
  audit
    .command('bundle')
    .description("fetch a sent message's evidence bundle from the node's local API (role auditor)")
    .argument('<messageId>', 'the message id')
    .option('--out <file>', 'write the bundle here (default: standard output)')
    .option('--url <url>', 'local API base URL', 'http://127.0.0.1:7501')
    .option('--token <jwt>', 'bearer token (default: FFX_TOKEN)')
    .action(async (id: string, o: ApiOptions & { out?: string }) => {
      const bundle = await apiGet<unknown>(o, `/v1/audit/bundle/${encodeURIComponent(id)}`);
      const text = `${JSON.stringify(bundle, null, 2)}\n`;
      if (o.out) {
        await writeFile(o.out, text);
        process.stderr.write(`wrote the evidence bundle of ${id} to ${o.out}\n`);
      } else process.stdout.write(text);
    });

  audit
    .command('verify-bundle')
    .description(
      'verify an evidence bundle offline (no node, no network): directory, journal chain, checkpoint, receipts, policy hash',
    )
    .argument('<file>', 'the bundle (JSON)')
    .option(
      '--root <pem>',
      "the federation root CA to trust (default: the one inside the bundle, which proves only the bundle's consistency)",
    )
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: { root?: string; json?: boolean }) => {
      let bundle: unknown;
      try {
        bundle = JSON.parse(await readFile(file, 'utf8'));
      } catch (err) {
        throw new CliExit(
          1,
          `ffx audit verify-bundle: cannot read ${file}: ${(err as Error).message}`,
        );
      }
      let rootCaPem: string | undefined;
      if (o.root) {
        try {
          rootCaPem = await readFile(o.root, 'utf8');
        } catch (err) {
          throw new CliExit(
            1,
            `ffx audit verify-bundle: cannot read the root CA ${o.root}: ${(err as Error).message}`,
          );
        }
      }
      const { verifyEvidenceBundle } = await import('../../audit/index.js');
      const r = await verifyEvidenceBundle(bundle, {
        ...(rootCaPem ? { rootCaPem, rootSource: o.root } : {}),
      });
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ file, ...r })}\n`);
        if (!r.ok) throw new CliExit(2, '');
        return;
      }
      const lines = [`trust anchor: ${r.trustAnchor}`];
      for (const c of r.checks) lines.push(`${c.ok ? 'OK    ' : 'FAILED'} ${c.check}: ${c.detail}`);
      if (!r.ok) {
        process.stdout.write(`${lines.join('\n')}\n`);
        const failed = r.checks.filter((c) => !c.ok).map((c) => `${c.check}: ${c.detail}`);
        throw new CliExit(2, `BROKEN ${file}: ${failed.join('; ')}`);
      }
      process.stdout.write(`${lines.join('\n')}\nVERIFIED ${file}: ${r.statement}\n`);
    });

  audit
    .command('disclosures')
    .description('the disclosure report of a period (LED Art. 25) from the node (role auditor)')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD, UTC) or a date-time')
    .requiredOption('--to <date>', 'last day (YYYY-MM-DD, UTC, included) or a date-time')
    .option('--recipient <id>', 'only disclosures to this member')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--url <url>', 'local API base URL', 'http://127.0.0.1:7501')
    .option('--token <jwt>', 'bearer token (default: FFX_TOKEN)')
    .action(
      async (o: ApiOptions & { from: string; to: string; recipient?: string; format: string }) => {
        if (o.format !== 'csv' && o.format !== 'json')
          throw new CliExit(
            1,
            `ffx audit disclosures: --format must be csv or json, not ${o.format}`,
          );
        const q = new URLSearchParams({
          from: dayBound(o.from, false, '--from'),
          to: dayBound(o.to, true, '--to'),
          ...(o.recipient ? { recipient: o.recipient } : {}),
        });
        const { disclosuresCsv } = await import('../../audit/index.js');
        const report = await apiGet<DisclosureReport>(o, `/v1/audit/disclosures?${q.toString()}`);
        process.stdout.write(
          o.format === 'json'
            ? `${JSON.stringify(report, null, 2)}\n`
            : disclosuresCsv(report.items),
        );
      },
    );
}
