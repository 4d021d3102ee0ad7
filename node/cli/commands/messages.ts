// `ffx send` and `ffx list`: submit and list messages through a node's local API.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { CliExit } from '../cli-exit.js';

interface ApiOptions {
  url: string;
  token?: string;
}

async function client(o: ApiOptions) {
  const token = o.token ?? process.env.FFX_TOKEN;
  if (!token)
    throw new CliExit(
      1,
      'a bearer token is needed: --token <jwt> or FFX_TOKEN (dev: npx ffx dev-token --role analyst --sub you)',
    );
  const { LocalApiClient, LocalApiError } = await import('../../dev/local-api-client.js');
  return { api: new LocalApiClient(o.url, token), LocalApiError };
}

function apiFailure(err: unknown, LocalApiError: new (...a: never[]) => Error): never {
  if (err instanceof LocalApiError) {
    const e = err as Error & {
      status: number;
      problem: {
        code?: string;
        detail?: string;
        errors?: Array<{ pointer: string; message: string }>;
      };
    };
    const lines = [`${e.problem.code ?? `HTTP ${e.status}`}: ${e.problem.detail ?? e.message}`];
    for (const p of e.problem.errors ?? []) lines.push(`  ${p.pointer || '/'}: ${p.message}`);
    throw new CliExit(2, lines.join('\n'));
  }
  throw new CliExit(1, `cannot reach the node: ${(err as Error).message}`);
}

export function register(program: Command): void {
  program
    .command('send')
    .description(
      "submit a message through a node's local API (the outbound policy runs per destination)",
    )
    .requiredOption('--to <ids>', 'destination member ids, comma-separated (e.g. RS,MD)')
    .requiredOption('--type <type>', 'trace-request, trace-response or hit-notification')
    .requiredOption('--body <file>', 'the body (JSON or YAML)')
    .option(
      '--purpose <purpose>',
      'criminal-investigation, prosecution, prevention or intelligence',
      'criminal-investigation',
    )
    .option('--code <code>', 'handling code H0..H3', 'H1')
    .option('--legal-basis <text>', 'the legal basis of the transfer')
    .option('--in-reply-to <id>', 'the request a trace response answers')
    .option('--url <url>', 'local API base URL', 'http://127.0.0.1:7501')
    .option('--token <jwt>', 'bearer token (default: FFX_TOKEN)')
    .action(
      async (
        o: ApiOptions & {
          to: string;
          type: string;
          body: string;
          purpose: string;
          code: string;
          legalBasis?: string;
          inReplyTo?: string;
        },
      ) => {
        let body: unknown;
        try {
          body = parseYaml(await readFile(o.body, 'utf8'));
        } catch (err) {
          throw new CliExit(1, `cannot read ${o.body}: ${(err as Error).message}`);
        }
        const { api, LocalApiError } = await client(o);
        try {
          const r = await api.submit({
            type: o.type,
            to: o.to.split(',').map((s) => s.trim()),
            handling: {
              code: o.code,
              purpose: o.purpose,
              ...(o.legalBasis ? { legalBasis: o.legalBasis } : {}),
            },
            ...(o.inReplyTo ? { inReplyTo: o.inReplyTo } : {}),
            body,
          } as never);
          for (const x of r.results) {
            process.stdout.write(
              `${x.to}\t${x.status}\t${x.messageId}${x.reasons?.length ? `\t${x.reasons.join('; ')}` : ''}\n`,
            );
          }
        } catch (err) {
          apiFailure(err, LocalApiError);
        }
      },
    );

  program
    .command('list')
    .description("list a node's outbox or inbox through its local API")
    .argument('[box]', 'outbox or inbox', 'outbox')
    .option('--status <status>', 'only this status')
    .option('--peer <id>', 'only messages to or from this member')
    .option('--limit <n>', 'at most this many', '50')
    .option('--url <url>', 'local API base URL', 'http://127.0.0.1:7501')
    .option('--token <jwt>', 'bearer token (default: FFX_TOKEN)')
    .action(
      async (box: string, o: ApiOptions & { status?: string; peer?: string; limit: string }) => {
        if (box !== 'outbox' && box !== 'inbox')
          throw new CliExit(1, `box must be outbox or inbox, not ${box}`);
        const { api, LocalApiError } = await client(o);
        const q = new URLSearchParams({
          limit: o.limit,
          ...(o.status ? { status: o.status } : {}),
          ...(o.peer ? { peer: o.peer } : {}),
        });
        try {
          const page =
            box === 'outbox'
              ? await api.outbox(`?${q.toString()}`)
              : await api.inbox(`?${q.toString()}`);
          for (const m of page.items) {
            // A trace request says how many of its items the responses so far answer.
            const a = m.answers;
            const answered = a
              ? `\t${a.answered}/${a.items} ${a.items === 1 ? 'item' : 'items'} answered${a.pending > 0 ? `, ${a.pending} pending` : ''}`
              : '';
            process.stdout.write(
              `${m.id}\t${m.type}\t${m.from} → ${m.to}\t${m.status}\t${m.updatedAt}${answered}\n`,
            );
          }
          if (page.items.length === 0) process.stdout.write(`(${box} is empty)\n`);
        } catch (err) {
          apiFailure(err, LocalApiError);
        }
      },
    );
}
